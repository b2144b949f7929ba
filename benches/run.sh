#!/usr/bin/env bash
# Reproduces the figures of BENCHMARKS.md: the criterion groups (Rust and the C ABI) and the
# JavaScript benchmark (WebAssembly against RegExp, in Node and headless Chromium), on the
# corpus generated from the committed seed. Run it on a quiet machine; compare ratios within
# a group, not absolute times.
#
#   benches/run.sh            # about 3 minutes after the builds
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench -p bhyt-benches --bench validate -- --warm-up-time 2 --measurement-time 5
bash benches/callgrind.sh
if [ -x bindings/wasm/node_modules/.bin/wasm-opt ] && command -v wasm-bindgen >/dev/null; then
    mkdir -p bindings/wasm/build
    cargo run -q --release -p bhyt-benches --example corpus > bindings/wasm/build/corpus.tsv
    cargo run -q --release -p bhyt-benches --example corpus mixed > bindings/wasm/build/mixed.tsv
    (cd bindings/wasm && bash scripts/build.sh >/dev/null && node bench/bench.mjs build/corpus.tsv build/mixed.tsv)
    # The same in headless Chromium (Debian's, which bindings/wasm/test.sh installs).
    if [ -x "${BHYT_CHROMIUM:-/usr/bin/chromium}" ]; then
        (cd bindings/wasm && node bench/chromium.mjs build/corpus.tsv build/mixed.tsv)
    fi
else
    echo "benches/run.sh: run bindings/wasm/test.sh once to install the WebAssembly tools" >&2
    exit 1
fi
