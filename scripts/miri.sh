#!/usr/bin/env bash
# Runs the core's unit and integration tests under Miri (the interpreter that reports
# undefined behaviour: out-of-bounds access, use of uninitialised memory, invalid pointers,
# data races, leaks) and fails on any report. Installs what it needs on a fresh machine (the
# nightly toolchain with the miri and rust-src components), quickly when already installed.
#
#   scripts/miri.sh                  the core's tests (a few minutes on 2 cores)
#   scripts/miri.sh -p bhyt-c        other packages' tests (the C ABI's, once they are here)
#
# Miri interprets code about a thousand times slower than it runs natively, so:
# - property tests run PROPTEST_CASES cases (default 4), forwarded into the interpreter;
#   a test that sets its case count in code must lower it itself under `cfg(miri)`;
# - the junk suite shortens its mebibyte inputs under `cfg(miri)` (tests/junk.rs);
# - doctests are not run (each is a separate program; the same paths run in the tests);
# - exhaustive tests and the shared vectors sample their inputs under `cfg(miri)`; SLOW below
#   lists any test skipped outright.
set -euo pipefail
cd "$(dirname "$0")/.."

nightly="${BHYT_NIGHTLY:-nightly}"
packages=("$@")
if ((${#packages[@]} == 0)); then
    packages=(-p bhyt)
fi

SLOW=(
    # Exhaustive or data-file checks that reduce their work under cfg(miri) run; none is
    # skipped today. Add a test name here only with the reason next to it.
)

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: $nightly with miri and rust-src"
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1; then
    rustup toolchain install "$nightly" --profile minimal
fi
installed="$(rustup component list --toolchain "$nightly" --installed)"
if ! grep -q '^miri' <<<"$installed" || ! grep -q '^rust-src' <<<"$installed"; then
    rustup component add miri rust-src --toolchain "$nightly"
fi
cargo +"$nightly" miri setup >/dev/null

skip=()
for name in "${SLOW[@]+"${SLOW[@]}"}"; do
    skip+=(--skip "$name")
done

step "Miri: ${packages[*]} (unit and integration tests)"
export PROPTEST_CASES="${PROPTEST_CASES:-4}"
# Isolation off: proptest looks for its regression files (and reads PROPTEST_CASES).
export MIRIFLAGS="${MIRIFLAGS:-} -Zmiri-disable-isolation"
start=$SECONDS
cargo +"$nightly" miri test "${packages[@]}" --lib --tests -- "${skip[@]+"${skip[@]}"}"
echo "miri: no undefined behaviour reported ($((SECONDS - start)) s)"
