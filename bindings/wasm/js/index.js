// The `bhyt` package, one ES module for every runtime and bundler (browsers, workers, Node.js;
// webpack, Turbopack, Vite, Rollup, esbuild: test/toolchains/). The WebAssembly module's bytes
// are inlined (pkg/bhyt_wasm_bytes.js, base64) and compiled synchronously while this module is
// evaluated: no file to fetch, no URL a bundler must keep, no top-level await, so every function
// is ready once the import resolves, in any output format (esm, iife, cjs) and target.
// `bhyt/init` (js/init.js) is the same API with the module loaded by an explicit `init()`, for
// pages that would rather fetch the .wasm file themselves. dist/index.cjs is this file for
// `require` (scripts/build.sh bundles it).

import { initSync } from "../pkg/bhyt_wasm.js";
import bytes from "../pkg/bhyt_wasm_bytes.js";
import { decodeBase64 } from "./base64.js";

initSync({ module: decodeBase64(bytes) });

export * from "./api.js";
