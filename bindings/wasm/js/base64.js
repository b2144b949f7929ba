// Decodes the base64 text of an inlined WebAssembly module (pkg/*_bytes.js, written by
// scripts/build.sh) into its bytes. `Uint8Array.fromBase64` where the runtime has it,
// otherwise `atob`, which every browser, worker, Node.js and jsdom provides.

/** The bytes that `text` (standard base64, no line breaks) encodes. */
export function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") {
    return Uint8Array.fromBase64(text);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
