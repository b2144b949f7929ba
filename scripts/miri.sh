#!/usr/bin/env bash
# Runs the core's and the C ABI's unit and integration tests under Miri (the interpreter that reports
# undefined behaviour: out-of-bounds access, use of uninitialised memory, invalid pointers,
# data races, leaks) and fails on any report. Installs what it needs on a fresh machine (the
# nightly toolchain with the miri and rust-src components), quickly when already installed.
#
#   scripts/miri.sh                  the core's (bhyt) and the C ABI's (bhyt-c) tests
#   scripts/miri.sh -p bhyt-c        one package's tests
#
# Miri interprets code about a thousand times slower than it runs natively, so:
# - property tests run PROPTEST_CASES cases (default 4), forwarded into the interpreter;
#   a test that sets its case count in code must lower it itself under `cfg(miri)`;
# - the junk suite shortens its mebibyte inputs under `cfg(miri)` (crates/bhyt/tests/junk.rs,
#   bindings/c/tests/abi_contract.rs);
# - the C ABI's contract test (bindings/c/tests/abi_contract.rs: the c_abi fuzz target's checks
#   on its seed corpus, the junk suite and reception-desk inputs) is what makes Miri check the
#   C ABI's pointer reads and writes; a test that reads source text only is ignored there;
# - doctests are not run (each is a separate program; the same paths run in the tests);
# - exhaustive tests and the shared vectors sample their inputs under `cfg(miri)`; SLOW below
#   lists any test skipped outright;
# - each test's time is printed (`--report-time`): the whole run should stay under 10 minutes on
#   one core, and a test over a minute should sample harder.
set -euo pipefail
cd "$(dirname "$0")/.."

nightly="${BHYT_NIGHTLY:-nightly}"
packages=("$@")
if ((${#packages[@]} == 0)); then
    packages=(-p bhyt -p bhyt-c)
fi

SLOW=(
    # Exhaustive or data-file checks that reduce their work under cfg(miri) run; one is
    # skipped outright. Add a test name here only with the reason next to it.
    # bhyt-c, tests/error_text.rs: no unsafe code, only the core's messages compared with a
    # 2,500-line file (minutes under Miri); the native run checks it.
    the_hosts_expected_messages_are_the_cores
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
# --report-time: each test's time, to see which ones to sample harder under cfg(miri).
cargo +"$nightly" miri test "${packages[@]}" --lib --tests -- -Zunstable-options --report-time \
    "${skip[@]+"${skip[@]}"}"
echo "miri: no undefined behaviour reported ($((SECONDS - start)) s)"
