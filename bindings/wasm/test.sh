#!/usr/bin/env bash
# The tests of the bhyt npm package (bindings/wasm), runnable on a fresh machine:
#
#   1. installs what is missing: the wasm32-unknown-unknown target, the wasm-bindgen CLI at
#      exactly the version the crate pins, Debian's chromium (apt, only if absent), and the
#      npm dev dependencies with `npm ci` from the committed package-lock.json;
#   2. `npm pack`, whose prepack (scripts/prepack.sh) builds the package (scripts/build.sh) and
#      runs the Node tests: the API, every case of tests/vectors/, the entry points (inlined
#      bytes, require, init), the size budget; prints the .wasm sizes, raw and gzipped;
#   3. `npm pack --dry-run` must list exactly test/package-files.txt;
#   4. the consumer test: the tarball installed into a fresh project, imported by its name,
#      and type-checked with `tsc --noEmit`;
#   5. the end-to-end test: the demo served from 127.0.0.1, driven in headless Chromium,
#      loading the installed tarball; screenshots in build/screenshots/;
#   6. the toolchain matrix (test/toolchains/run.mjs): the tarball in real projects built by
#      Next.js (Turbopack and webpack), esbuild, Rollup, Vite, Jest, Vitest, TypeScript, Node,
#      their pages run in Chromium; the tools at the versions its package-lock.json pins.
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
if ! grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
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
  bash "$here/../../scripts/apt-install.sh" --with-recommends chromium >/dev/null
fi
"$chromium" --version
node --version
npm ci --no-audit --no-fund

step "build and Node tests: npm pack, whose prepack (scripts/prepack.sh) builds and tests"
rm -rf build/consumer build/bhyt-*.tgz
mkdir -p build
tarball=$(npm pack --pack-destination build --json |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s)[0].filename))')
echo "packed build/$tarball"
node -e '
  const { readFileSync } = require("node:fs");
  const { gzipSync } = require("node:zlib");
  for (const [file, raw, budget] of [["bhyt_wasm_bg.wasm", 40000, 16000], ["bhyt_reception_bg.wasm", 64000, 30000]]) {
    const wasm = readFileSync("pkg/" + file);
    const gzipped = gzipSync(wasm, { level: 9 }).length;
    console.log(`${file}: ${wasm.length} bytes raw, ${gzipped} bytes gzipped by zlib -9 (budget: under ${raw} and ${budget})`);
  }
'
if command -v gzip >/dev/null; then
  for file in bhyt_wasm_bg.wasm bhyt_reception_bg.wasm; do
    echo "$file: $(gzip -9c "pkg/$file" | wc -c) bytes gzipped by gzip -9"
  done
fi

step "npm pack --dry-run lists exactly test/package-files.txt"
npm pack --dry-run --ignore-scripts --json |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s)[0].files.map((f) => f.path).sort().join("\n")))' >build/package-files.txt
if ! diff -u test/package-files.txt build/package-files.txt; then
  echo "test.sh: the package's files changed (above: - expected, + packed); update test/package-files.txt if intended" >&2
  exit 1
fi
echo "$(wc -l <build/package-files.txt) files, as listed"

step "consumer: the tarball installed into a fresh project, imported by name"
mkdir -p build/consumer
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

step "toolchains: the tarball built and run by Next.js, esbuild, Rollup, Vite, Jest, Vitest, TypeScript, Node (test/toolchains/run.mjs)"
node test/toolchains/run.mjs "build/$tarball"

step "all passed"
