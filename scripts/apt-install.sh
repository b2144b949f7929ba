#!/usr/bin/env bash
# Installs Debian packages with apt-get, for the test scripts (bindings/*/test.sh) when a tool
# they need is missing on a fresh machine: the list is sorted and deduplicated, the package
# lists are updated once, and sudo is used when not root. Does nothing without packages.
#
#   scripts/apt-install.sh [--with-recommends] PACKAGE...
#
# --with-recommends keeps apt's recommended packages (Chromium's fonts); by default only what
# the packages depend on is installed.
set -euo pipefail

recommends=(--no-install-recommends)
if [ "${1:-}" = "--with-recommends" ]; then
    recommends=()
    shift
fi
[ "$#" -gt 0 ] || exit 0
mapfile -t packages < <(printf '%s\n' "$@" | sort -u)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
        echo "apt-install.sh: need root or sudo to install ${packages[*]}" >&2
        exit 1
    }
    sudo="sudo"
fi
echo "==> apt-get install ${packages[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${recommends[@]}" "${packages[@]}"
