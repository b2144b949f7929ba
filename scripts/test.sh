#!/usr/bin/env bash
# Runs every test of the workspace, installing on a fresh machine what the tests need.
# This is the test command the README gives, and what CI (.ci/run) runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: rustfmt, clippy, the bare-metal target that proves no_std"
rustup component add rustfmt clippy >/dev/null
rustup target add thumbv7em-none-eabihf >/dev/null

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "the core builds for a bare-metal target (no_std, no allocator)"
cargo build -p bhyt --target thumbv7em-none-eabihf --release
cargo build -p bhyt --target thumbv7em-none-eabihf --release --features serde

step "documentation builds without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc -p bhyt --no-deps --all-features

step "shared test vectors match their generator"
python3 tests/vectors/generate.py --check

step "Rust tests and doctests"
cargo test --workspace --all-features

step "benchmarks compile and each runs once (timing them is for BENCHMARKS.md, not CI)"
cargo bench --workspace --no-run
cargo bench -p bhyt-benches --bench validate -- --test

step "C layer (bindings/c): header, install, C tests under valgrind and ASan/UBSan, ctypes"
bash bindings/c/test.sh

step "WebAssembly layer (bindings/wasm): npm package, vectors in Node, consumer project, size budget, the demo in Chromium"
bash bindings/wasm/test.sh

step "no-panic proof: every public entry point of the core links inside #[no_panic] (scripts/no-panic.sh)"
bash scripts/no-panic.sh

step "fuzzing: each target for 60 s (scripts/fuzz.sh; SECURITY.md says how to run longer)"
bash scripts/fuzz.sh 60

step "Miri over the core's and the C ABI's tests (scripts/miri.sh)"
bash scripts/miri.sh
