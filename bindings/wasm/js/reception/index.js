// `bhyt/reception`, one ES module for every runtime and bundler: the reception-desk WebAssembly
// module's bytes are inlined (pkg/bhyt_reception_bytes.js, base64) and compiled synchronously
// while this module is evaluated, as `bhyt` does (js/index.js). It is a module of its own, so
// pages that only check card numbers (`bhyt`) never carry it. `bhyt/reception/init`
// (js/reception/init.js) loads it by an explicit `init()` instead.

import { initSync } from "../../pkg/bhyt_reception.js";
import bytes from "../../pkg/bhyt_reception_bytes.js";
import { decodeBase64 } from "../base64.js";

initSync({ module: decodeBase64(bytes) });

export * from "./api.js";
