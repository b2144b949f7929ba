// `bhyt/reception/init`: the API of `bhyt/reception` with its WebAssembly module loaded by an
// explicit, awaited `init(source)`, as `bhyt/init` does (js/init.js): a URL, `Request`,
// `Response`, bytes or `WebAssembly.Module`, or by default the bytes inlined in the package.

import load from "../../pkg/bhyt_reception.js";
import { decodeBase64 } from "../base64.js";

let loading;

/** Loads the reception-desk WebAssembly module once; later calls return the same promise. */
export function init(source) {
  loading ??= (async () => {
    const module_or_path =
      source ?? decodeBase64((await import("../../pkg/bhyt_reception_bytes.js")).default);
    await load({ module_or_path });
  })().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export * from "./api.js";
