// The package's entry points beyond `import "bhyt"`: the inlined bytes are the built modules,
// `require` (dist/*.cjs) gives the same API and answers as `import`, and the `init` entries load
// their module from the inlined bytes, from bytes or a compiled module passed in, once.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import test from "node:test";

import { decodeBase64 } from "../js/base64.js";
import * as esm from "bhyt";
import * as esmReception from "bhyt/reception";

const require = createRequire(import.meta.url);
const file = (path) => readFileSync(new URL(`../${path}`, import.meta.url));

for (const name of ["bhyt_wasm", "bhyt_reception"]) {
  test(`pkg/${name}_bytes.js inlines exactly pkg/${name}_bg.wasm`, async () => {
    const { default: text } = await import(`../pkg/${name}_bytes.js`);
    assert.deepEqual(Buffer.from(decodeBase64(text)), file(`pkg/${name}_bg.wasm`));
  });
}

test("decodeBase64 without Uint8Array.fromBase64 (the atob path) gives the same bytes", () => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
  const text = Buffer.from(bytes).toString("base64");
  const fromBase64 = Uint8Array.fromBase64;
  try {
    Uint8Array.fromBase64 = undefined;
    assert.deepEqual(decodeBase64(text), bytes);
  } finally {
    Uint8Array.fromBase64 = fromBase64;
  }
});

test("require('bhyt') and require('bhyt/reception'): the CommonJS build, same exports and answers", () => {
  assert.equal(require.resolve("bhyt"), new URL("../dist/index.cjs", import.meta.url).pathname);
  const cjs = require("bhyt");
  const cjsReception = require("bhyt/reception");
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  assert.deepEqual(Object.keys(cjsReception).sort(), Object.keys(esmReception).sort());
  for (const input of ["HS4010120878811", "HS6010120878811", "0101010101", "hs 4 01"]) {
    assert.deepEqual(cjs.parse(input), esm.parse(input), input);
    assert.deepEqual(cjs.checkPrefix(input), esm.checkPrefix(input), input);
    assert.deepEqual(cjsReception.identify(input), esmReception.identify(input), input);
  }
});

test("bhyt/init: init() from the inlined bytes, once; require('bhyt/init') from bytes passed in", async () => {
  const lazy = await import("bhyt/init");
  const first = lazy.init();
  assert.equal(lazy.init(), first, "a second call returns the same promise");
  await first;
  assert.deepEqual(lazy.validate("HS4010120878811"), esm.validate("HS4010120878811"));
  const cjs = require("bhyt/init");
  await cjs.init(file("pkg/bhyt_wasm_bg.wasm"));
  assert.deepEqual(cjs.parse("HS4010120878811"), esm.parse("HS4010120878811"));
});

test("bhyt/reception/init: init() from a compiled module passed in", async () => {
  const lazy = require("bhyt/reception/init");
  await lazy.init(new WebAssembly.Module(file("pkg/bhyt_reception_bg.wasm")));
  assert.deepEqual(lazy.identify("HS4010120878811"), esmReception.identify("HS4010120878811"));
  const esmLazy = await import("bhyt/reception/init");
  await esmLazy.init();
  assert.deepEqual(esmLazy.identify("0101010101"), esmReception.identify("0101010101"));
});
