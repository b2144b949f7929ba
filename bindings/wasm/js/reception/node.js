// `bhyt/reception` for Node.js (and runtimes that use the "node" export condition): the
// reception-desk WebAssembly module is read from the package and compiled synchronously.

import { readFileSync } from "node:fs";
import { initSync } from "../../pkg/bhyt_reception.js";

initSync({ module: readFileSync(new URL("../../pkg/bhyt_reception_bg.wasm", import.meta.url)) });

export * from "./api.js";
