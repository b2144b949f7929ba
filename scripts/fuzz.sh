#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz, libFuzzer, nightly) for SECONDS each (default
# 60) and fails on any finding; first checks that the differential target's regex oracle
# passes the shared vectors (`cargo test` in fuzz/). Installs what it needs on a fresh machine
# (the nightly toolchain and a pinned cargo-fuzz), quickly when already installed.
#
#   scripts/fuzz.sh [SECONDS]           every target
#   FUZZ_TARGETS="differential" scripts/fuzz.sh 600
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600    two libFuzzer workers per target
#
# Each target starts from its committed seed corpus (fuzz/corpus/<target>/), copied to a
# temporary working corpus, so a run never grows the committed corpus. A finding is kept in
# fuzz/artifacts/<target>/ (reproduce with `cargo +nightly fuzz run <target> <file>`); the
# script exits 1. SECURITY.md explains longer runs.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-60}"
nightly="${BHYT_NIGHTLY:-nightly}"
cargo_fuzz_version="0.13.2"
jobs="${FUZZ_JOBS:-1}"

case "$seconds" in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
    ;;
esac

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: $nightly and cargo-fuzz $cargo_fuzz_version"
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1; then
    rustup toolchain install "$nightly" --profile minimal
fi
if [[ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $cargo_fuzz_version" ]]; then
    cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked
fi

step "the differential target's regex oracle gives every answer of the shared vectors"
# Otherwise a disagreement the differential target reports could be the oracle's.
cargo test --quiet

targets="${FUZZ_TARGETS:-$(cargo +"$nightly" fuzz list)}"

step "build (address sanitizer, debug assertions)"
for target in $targets; do
    cargo +"$nightly" fuzz build "$target"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
summary=()
for target in $targets; do
    step "fuzz $target for ${seconds}s"
    corpus="$work/$target"
    mkdir -p "$corpus" "artifacts/$target"
    cp corpus/"$target"/* "$corpus"/
    log="$work/$target.log"
    # -timeout: one input taking more than 10 s is a finding (a hang); -rss_limit_mb: so is
    # a run that grows past 2 GB. FUZZ_JOBS > 1 runs that many workers side by side.
    parallel=()
    if ((jobs > 1)); then
        parallel=(-jobs="$jobs" -workers="$jobs")
    fi
    if cargo +"$nightly" fuzz run "$target" "$corpus" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "${parallel[@]}" >"$log" 2>&1; then
        runs="$({ grep -ho 'stat::number_of_executed_units: *[0-9]*' "$log" fuzz-*.log \
            2>/dev/null || true; } | awk '{ s += $2 } END { print s + 0 }')"
        summary+=("$target: $runs executions, no finding")
    else
        tail -n 60 "$log" >&2
        failed+=("$target")
        summary+=("$target: FINDING (see fuzz/artifacts/$target/)")
    fi
    rm -f fuzz-*.log
done

step "summary"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    echo "fuzz: findings in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: ${#summary[@]} passed, 0 failed"
