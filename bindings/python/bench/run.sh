#!/usr/bin/env bash
# The Python benchmark (bindings/python/bench/bench.py) in the tools venv bindings/python/test.sh
# sets up (build/python-venv, the wheel installed), on the Rust benchmarks' mixed corpus.
#   bash bindings/python/bench/run.sh [SPARK_ROWS]      (0: skip the PySpark job)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"
out=build/python-bench
mkdir -p "$out"
cargo run -q --release -p bhyt-benches --example corpus mixed >"$out/mixed.tsv"
cargo run -q --release -p bhyt-benches --example corpus pattern >"$out/pattern.txt"
build/python-venv/bin/python bindings/python/bench/bench.py "$out/mixed.tsv" "$out/pattern.txt" "${1:-2000000}"
