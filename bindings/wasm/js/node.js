// The `bhyt` package for Node.js (and runtimes that use the "node" export condition): the
// WebAssembly module is read from the package and compiled synchronously on import.

import { readFileSync } from "node:fs";
import { initSync } from "../pkg/bhyt_wasm.js";

initSync({ module: readFileSync(new URL("../pkg/bhyt_wasm_bg.wasm", import.meta.url)) });

export * from "./api.js";
