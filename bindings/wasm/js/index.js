// The `bhyt` package for browsers and bundlers, as an ES module. The WebAssembly module is
// fetched and compiled while this module is imported (top-level await), so every function
// is synchronous and ready once the import resolves. Bundlers (webpack 5, Vite, Rollup,
// Parcel) pick the .wasm file up from the `new URL(..., import.meta.url)` below.

import init from "../pkg/bhyt_wasm.js";

await init({ module_or_path: new URL("../pkg/bhyt_wasm_bg.wasm", import.meta.url) });

export * from "./api.js";
