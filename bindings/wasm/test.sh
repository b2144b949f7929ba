#!/usr/bin/env bash
# The tests of the bhyt npm package (bindings/wasm), runnable on a fresh machine:
#
#   1. installs what is missing: the wasm32-unknown-unknown target, the wasm-bindgen CLI at
#      exactly the version the crate pins, Debian's chromium (apt, only if absent), and the
#      npm dev dependencies with `npm ci` from the committed package-lock.json;
#   2. builds the package (scripts/build.sh) and prints the .wasm size, raw and gzipped;
#   3. Node tests: the API, every case of tests/vectors/, the size budget;
#   4. the consumer test: `npm pack`, the tarball installed into a fresh project, imported by
#      its name, and type-checked with `tsc --noEmit`;
#   5. the end-to-end test: the demo served from 127.0.0.1, driven in headless Chromium,
#      loading the installed tarball; screenshots in build/screenshots/.
#
# Everything it writes goes to pkg/, build/ and node_modules/ here (all gitignored), the
# cargo target directory, and, for the tools, ~/.cargo/bin and the system packages.
# Nothing downloads a binary at build time. Fails on the first error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() {
  printf '\n== bindings/wasm: %s\n' "$*"
}

pinned=$(sed -n 's/^wasm-bindgen = .*version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ -z "$pinned" ]; then
  echo "test.sh: cannot read the pinned wasm-bindgen version from Cargo.toml" >&2
  exit 1
fi

step "tools"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $pinned" ]; then
  # --locked first; if the CLI's own lock file names a version the registry cannot give,
  # resolve again without it.
  cargo install wasm-bindgen-cli --version "$pinned" --locked --force ||
    cargo install wasm-bindgen-cli --version "$pinned" --force
fi
wasm-bindgen --version
chromium=${BHYT_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: $chromium is missing; install Debian's chromium (apt-get install chromium)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$chromium" --version
node --version
npm ci --no-audit --no-fund

step "build"
bash scripts/build.sh
node -e '
  const { readFileSync } = require("node:fs");
  const { gzipSync } = require("node:zlib");
  for (const [file, budget] of [["bhyt_wasm_bg.wasm", 16000], ["bhyt_reception_bg.wasm", 19000]]) {
    const wasm = readFileSync("pkg/" + file);
    const gzipped = gzipSync(wasm, { level: 9 }).length;
    console.log(`${file}: ${wasm.length} bytes raw, ${gzipped} bytes gzipped by zlib -9 (budget: under 40000 and ${budget})`);
  }
'
if command -v gzip >/dev/null; then
  for file in bhyt_wasm_bg.wasm bhyt_reception_bg.wasm; do
    echo "$file: $(gzip -9c "pkg/$file" | wc -c) bytes gzipped by gzip -9"
  done
fi

step "node tests: the API, the shared vectors, the size budget"
node --test test/api.test.mjs test/vectors.test.mjs test/reception.test.mjs test/junk.test.mjs test/size.test.mjs

step "consumer: npm pack, install the tarball into a fresh project, import it by name"
rm -rf build/consumer build/bhyt-*.tgz
mkdir -p build/consumer
tarball=$(npm pack --pack-destination build --json |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s)[0].filename))')
echo "packed build/$tarball"
cp test/consumer/consumer.test.mjs test/consumer/consumer.ts test/consumer/tsconfig.json \
  test/consumer/tsconfig.bundler.json build/consumer/
printf '{ "name": "bhyt-consumer", "private": true, "type": "module" }\n' >build/consumer/package.json
(cd build/consumer && npm install --no-audit --no-fund "../$tarball")
(cd build/consumer && node --test consumer.test.mjs)
node node_modules/typescript/bin/tsc --noEmit -p build/consumer/tsconfig.json
node node_modules/typescript/bin/tsc --noEmit -p build/consumer/tsconfig.bundler.json
echo "tsc --noEmit: the declarations type-check (moduleResolution nodenext and bundler)"

step "end to end: the demo in Chromium, loading the installed tarball"
BHYT_CHROMIUM=$chromium BHYT_PACKAGE_DIR="$here/build/consumer/node_modules/bhyt" \
  node --test test/e2e.test.mjs
echo "screenshots: $here/build/screenshots/"

step "all passed"
