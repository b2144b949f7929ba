// Types of `bhyt/reception/init`: the API of `bhyt/reception`, usable once `init()` has resolved.

export * from "./index.js";
import type { WasmSource } from "../init.js";
export type { WasmSource } from "../init.js";

/**
 * Loads the reception-desk WebAssembly module, once (later calls return the same promise);
 * without `source`, from the bytes inlined in the package (`pkg/bhyt_reception_bg.wasm` is the
 * file to serve otherwise). The other functions throw until it has resolved.
 */
export function init(source?: WasmSource | Promise<Response>): Promise<void>;
