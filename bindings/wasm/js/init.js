// `bhyt/init`: the API of `bhyt` with the WebAssembly module loaded by an explicit, awaited
// `init(source)` instead of on import. `source` is what to compile: a URL (string or `URL`) or
// a `Request` to fetch, a `Response`, the bytes (`ArrayBuffer`, typed array) or a compiled
// `WebAssembly.Module`; without it, the bytes inlined in the package, imported on demand
// (bundlers that split code put them in a chunk of their own). The functions throw until the
// returned promise has resolved.

import load from "../pkg/bhyt_wasm.js";
import { decodeBase64 } from "./base64.js";

let loading;

/** Loads the WebAssembly module once; later calls return the same promise. */
export function init(source) {
  loading ??= (async () => {
    const module_or_path = source ?? decodeBase64((await import("../pkg/bhyt_wasm_bytes.js")).default);
    await load({ module_or_path });
  })().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export * from "./api.js";
