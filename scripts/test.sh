#!/usr/bin/env bash
# Runs every test of the workspace, installing on a fresh machine what the tests need.
# This is the test command the README gives, and what CI (.ci/run) runs. For day-to-day work,
# `cargo test --workspace` runs the Rust tests alone in seconds.
#
#   scripts/test.sh     everything; budget: 40 minutes on a fresh 2-core machine, installs included
#
# Two lanes run side by side, since Miri and libFuzzer each keep one core busy:
#   - the nightly lane, in the background: Miri over the core's and the C ABI's tests
#     (scripts/miri.sh), then each fuzz target for 60 s (scripts/fuzz.sh); its output goes to
#     build/test-logs/nightly.log and is printed, step by step, when it ends;
#   - the stable lane, here: formatting, lints, builds, docs, tests, packaging, the C layer, the
#     host languages' declarations (PHP, Java, C#, Go), the WebAssembly layer, the Python
#     package, the no-panic proof.
# Miri and fuzzing use their own target directories (target/miri, fuzz/target), so neither lane
# waits for the other's cargo lock. Any failing step fails the run; the last lines give the time
# of each step and the total. BHYT_TEST_SERIAL=1 runs the nightly lane after the stable one.
set -euo pipefail
cd "$(dirname "$0")/.."

logs=build/test-logs
mkdir -p "$logs"
start=$SECONDS
times=()

step() { printf '\n==> %s\n' "$*"; }

# timed NAME COMMAND...: runs one step and records its time.
running=
timed() {
    local name=$1
    shift
    running=$name
    began=$SECONDS
    step "$name"
    "$@"
    times+=("$(printf '%6d s  %s' $((SECONDS - began)) "$name")")
    running=
}

# The nightly lane (`scripts/test.sh --nightly-lane`, in a session of its own so that a failure of
# the stable lane stops it whole): each step's time goes to $logs/nightly.times, the first
# failure ends it.
nightly_lane() {
    : >"$logs/nightly.times"
    local began=$SECONDS
    step "Miri over the core's and the C ABI's tests, each sampling its cases (scripts/miri.sh)"
    bash scripts/miri.sh || {
        printf '%6d s  %s: FAILED\n' $((SECONDS - began)) "Miri (scripts/miri.sh)" >>"$logs/nightly.times"
        return 1
    }
    printf '%6d s  %s\n' $((SECONDS - began)) "Miri (scripts/miri.sh)" >>"$logs/nightly.times"
    began=$SECONDS
    step "fuzzing: each target for 60 s (scripts/fuzz.sh; SECURITY.md says how to run longer)"
    bash scripts/fuzz.sh 60 || {
        printf '%6d s  %s: FAILED\n' $((SECONDS - began)) "fuzzing (scripts/fuzz.sh)" >>"$logs/nightly.times"
        return 1
    }
    printf '%6d s  %s\n' $((SECONDS - began)) "fuzzing, 60 s per target (scripts/fuzz.sh)" >>"$logs/nightly.times"
}

if [[ "${1:-}" == --nightly-lane ]]; then
    nightly_lane
    exit
fi

nightly_pid=
report() {
    local status=$?
    if [[ -n "$running" ]]; then
        times+=("$(printf '%6d s  %s: FAILED' $((SECONDS - began)) "$running")")
    fi
    if [[ -n "$nightly_pid" ]] && kill -0 "$nightly_pid" 2>/dev/null; then
        kill -- "-$nightly_pid" 2>/dev/null || true
        times+=("     -    nightly lane stopped (the stable lane failed)")
    fi
    [[ -f "$logs/nightly.times" ]] && mapfile -t -O "${#times[@]}" times <"$logs/nightly.times"
    printf '\n==> time per step\n'
    printf '%s\n' "${times[@]}"
    printf '%6d s  total (%s)\n' $((SECONDS - start)) "$([[ $status == 0 ]] && echo passed || echo FAILED)"
}
trap report EXIT

toolchain() {
    rustup component add rustfmt clippy >/dev/null
    rustup target add thumbv7em-none-eabihf >/dev/null
}
timed "toolchain: rustfmt, clippy, the bare-metal target that proves no_std" toolchain

# The nightly lane starts once rustup is done with the stable toolchain (one rustup at a time).
if [[ "${BHYT_TEST_SERIAL:-0}" != 1 ]]; then
    rm -f "$logs/nightly.times"
    setsid bash scripts/test.sh --nightly-lane >"$logs/nightly.log" 2>&1 &
    nightly_pid=$!
    echo "test.sh: Miri and fuzzing run in the background (pid $nightly_pid), output in $logs/nightly.log"
fi

lints() {
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --all-features -- -D warnings
}
timed "format and lints" lints

bare_metal() {
    cargo build -p bhyt --target thumbv7em-none-eabihf --release
    cargo build -p bhyt --target thumbv7em-none-eabihf --release --features serde
}
timed "the core builds for a bare-metal target (no_std, no allocator)" bare_metal

timed "documentation builds without warnings" \
    env RUSTDOCFLAGS="-D warnings" cargo doc -p bhyt --no-deps --all-features

timed "shared test vectors match their generator" python3 tests/vectors/generate.py --check

# bindings/python has no Rust tests (its tests are pytest, in the Python step, which builds it
# in release): leaving it out here saves compiling PyO3 and Arrow a second time.
timed "Rust tests and doctests" cargo test --workspace --all-features --exclude bhyt-python

benches() {
    # Only bhyt-benches has benchmarks; `--workspace` would build every crate (PyO3 and Arrow
    # among them) with the release profile's LTO for nothing.
    cargo bench -p bhyt-benches --no-run
    cargo bench -p bhyt-benches --bench validate -- --test
}
timed "benchmarks compile and each runs once (timing them is for BENCHMARKS.md, not CI)" benches

readme() {
    # crates.io shows crates/bhyt/README.md; its example is the root README's, which runs as a
    # doctest (crates/bhyt-testdata/src/lib.rs).
    python3 - <<'EOF'
import re, sys
block = lambda path: re.search(r"```rust\n(.*?)```", open(path, encoding="utf-8").read(), re.S).group(1)
if block("crates/bhyt/README.md") != block("README.md"):
    sys.exit("crates/bhyt/README.md: its Rust example must be the root README's (a doctest)")
EOF
    cargo publish --dry-run -p bhyt --allow-dirty
}
timed "the crate bhyt packages and builds as crates.io would take it (cargo publish --dry-run)" readme

timed "C layer (bindings/c): header, install, C tests under valgrind and ASan/UBSan, ctypes" \
    bash bindings/c/test.sh

timed "host languages (bindings/hosts/test.sh): PHP FFI (cli, cgi with ffi.preload), Java JNA, C# under Mono, Go cgo, on the shared vectors" \
    bash bindings/hosts/test.sh

timed "WebAssembly layer (bindings/wasm): npm package, vectors in Node, consumer project, size budget, the demo in Chromium, the toolchain matrix" \
    bash bindings/wasm/test.sh

timed "Python package (bindings/python): wheel in a fresh venv, pytest, mypy, pandas/Polars/DuckDB/PySpark recipes" \
    bash bindings/python/test.sh

timed "no-panic proof: every public entry point of the core links inside #[no_panic] (scripts/no-panic.sh)" \
    bash scripts/no-panic.sh

if [[ -n "$nightly_pid" ]]; then
    step "waiting for the nightly lane (Miri, fuzzing)"
    began=$SECONDS
    nightly_status=0
    wait "$nightly_pid" || nightly_status=$?
    nightly_pid=
    times+=("$(printf '%6d s  %s' $((SECONDS - began)) "waiting for the nightly lane after the stable one")")
    cat "$logs/nightly.log"
    if ((nightly_status != 0)); then
        echo "test.sh: the nightly lane (Miri or fuzzing) failed; its output is above" >&2
        exit "$nightly_status"
    fi
else
    rm -f "$logs/nightly.times"
    nightly_lane
fi
