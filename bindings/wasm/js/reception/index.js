// `bhyt/reception` for browsers and bundlers, as an ES module: the reception-desk module is
// fetched and compiled while this module is imported (top-level await), so every function is
// synchronous once the import resolves. It is a WebAssembly module of its own, so pages that
// only check card numbers (`bhyt`) never load it.

import init from "../../pkg/bhyt_reception.js";

await init({ module_or_path: new URL("../../pkg/bhyt_reception_bg.wasm", import.meta.url) });

export * from "./api.js";
