// Types of `bhyt/init`: the API of `bhyt`, usable once `init()` has resolved.

export * from "./index.js";

/**
 * What `init` compiles: a URL or `Request` to fetch (the package's `pkg/bhyt_wasm_bg.wasm`,
 * served by you), a `Response`, the module's bytes, or a compiled module.
 */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module, once (later calls return the same promise); without `source`,
 * from the bytes inlined in the package. The other functions throw until it has resolved.
 */
export function init(source?: WasmSource | Promise<Response>): Promise<void>;
