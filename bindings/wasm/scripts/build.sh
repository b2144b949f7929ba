#!/usr/bin/env bash
# Builds the generated files of the npm package into bindings/wasm/pkg/ (gitignored), for each
# of its two WebAssembly modules (bhyt_wasm: the card checks; bhyt_reception: the reception desk):
#   cargo (wasm32-unknown-unknown, profile wasm-release) -> wasm-bindgen --target web -> wasm-opt -Oz
# Needs: the wasm32-unknown-unknown target, the wasm-bindgen CLI at exactly the version the
# crate pins, and `npm ci` done here (wasm-opt comes from the binaryen npm package).
# test.sh installs all three. Downloads nothing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"

pinned=$(sed -n 's/^wasm-bindgen = .*version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
found=$(wasm-bindgen --version 2>/dev/null || true)
if [ "$found" != "wasm-bindgen $pinned" ]; then
  echo "build.sh: need wasm-bindgen $pinned (the crate pins it), found '${found:-none}'; run test.sh or:" >&2
  echo "  cargo install wasm-bindgen-cli --version $pinned --locked" >&2
  exit 1
fi
wasm_opt="$here/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  echo "build.sh: $wasm_opt is missing: run 'npm ci' in bindings/wasm first" >&2
  exit 1
fi

target_dir=$(cargo metadata --manifest-path "$root/Cargo.toml" --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
built="$target_dir/wasm32-unknown-unknown/wasm-release/bhyt_wasm.wasm"

# module NAME CARGO-FEATURE-ARGS...: builds one WebAssembly module of the package into
# pkg/NAME.js and pkg/NAME_bg.wasm. Both come from the crate bhyt-wasm, with different features,
# one after the other (they share the cargo output path).
module() {
  local name=$1
  shift
  cargo build --manifest-path "$root/Cargo.toml" -p bhyt-wasm \
    --target wasm32-unknown-unknown --profile wasm-release "$@"
  wasm-bindgen --target web --no-typescript --omit-default-module-path --out-dir pkg \
    --out-name "$name" "$built"
  "$wasm_opt" -Oz --converge --strip-debug --strip-producers "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
}

rm -rf pkg
# The main module (import "bhyt"): card-number checks.
module bhyt_wasm
# The reception-desk module (import "bhyt/reception"): identify, MA_THE_BHYT, advice.
module bhyt_reception --no-default-features --features reception
echo "build.sh: built $here/pkg"
