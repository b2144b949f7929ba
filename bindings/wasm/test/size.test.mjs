// The size budget of the WebAssembly module that the package ships (issue #4): under 40 KB,
// and under 16 KB gzipped (1 KB = 1000 bytes, the stricter reading).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";
import { gzipSync } from "node:zlib";

const RAW_BUDGET = 40_000;
const GZIP_BUDGET = 16_000;

test("the .wasm is under 40 KB, and under 16 KB gzipped", (t) => {
  const wasm = readFileSync(new URL("../pkg/bhyt_wasm_bg.wasm", import.meta.url));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  t.diagnostic(`bhyt_wasm_bg.wasm: ${wasm.length} bytes, ${gzipped} bytes gzipped`);
  assert.ok(wasm.length < RAW_BUDGET, `${wasm.length} bytes, budget ${RAW_BUDGET}`);
  assert.ok(gzipped < GZIP_BUDGET, `${gzipped} bytes gzipped, budget ${GZIP_BUDGET}`);
});
