#!/usr/bin/env bash
# Builds the generated files of the npm package into bindings/wasm/pkg/ (gitignored):
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

cargo build --manifest-path "$root/Cargo.toml" -p bhyt-wasm \
  --target wasm32-unknown-unknown --profile wasm-release
target_dir=$(cargo metadata --manifest-path "$root/Cargo.toml" --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')

rm -rf pkg
wasm-bindgen --target web --no-typescript --omit-default-module-path --out-dir pkg \
  "$target_dir/wasm32-unknown-unknown/wasm-release/bhyt_wasm.wasm"
"$wasm_opt" -Oz --converge --strip-debug --strip-producers pkg/bhyt_wasm_bg.wasm -o pkg/bhyt_wasm_bg.wasm
echo "build.sh: built $here/pkg"
