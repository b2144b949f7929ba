// The fast crossing of the main module for short strings (src/packed.rs is its Rust side).
// An ASCII input of at most 64 code units is written into the module's memory with a
// charCodeAt loop (no TextEncoder, no allocation), the call returns one packed integer, and
// the result object is built here; the error message is only produced when it is read.
// Anything else (non-ASCII or longer input) returns undefined, and the caller takes the
// string crossing, so every input gets the same answer either way.

import * as wasm from "../pkg/bhyt_wasm.js";

const CAPACITY = 64;
let input; // Uint8Array over the module's input buffer; replaced when memory grows.

function inputView() {
  if (input === undefined || input.byteLength === 0) {
    input = new Uint8Array(wasm.module_memory().buffer, wasm.input_buffer(), CAPACITY);
  }
  return input;
}

// The length written, or -1 when the string cannot take the fast crossing.
function write(s) {
  const n = s.length;
  if (n > CAPACITY) return -1;
  const bytes = inputView();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return -1;
    bytes[i] = c;
  }
  return n;
}

/** Whether the input is valid, or undefined when it must take the string crossing. */
export function fastValid(s, packed) {
  const n = write(s);
  return n < 0 ? undefined : wasm.valid_at(n, packed) !== 0;
}

/**
 * `{ valid: true }` or `{ valid: false, error: { code, position, message } }`, or undefined
 * when the input must take the string crossing. `codes` names the error numbers; `slow`
 * gives the full answer of the string crossing, from which the message is taken when read.
 */
export function fastCheck(s, packed, codes, slow) {
  const n = write(s);
  if (n < 0) return undefined;
  const result = wasm.check_at(n, packed);
  if (result === 0) return { valid: true };
  const position = result >>> 8;
  let message;
  return {
    valid: false,
    error: {
      code: codes[result & 0xff],
      position: position === 0 ? null : position - 1,
      get message() {
        if (message === undefined) message = slow(s, packed).error.message;
        return message;
      },
    },
  };
}

const encoder = new TextEncoder();

/** One verdict per line of `text`, written by the module into its own memory. */
export function fastLines(text, packed) {
  // At most 3 UTF-8 bytes per UTF-16 code unit.
  const room = text.length * 3;
  const pointer = wasm.lines_buffer(room);
  if (pointer === 0) throw new RangeError("bhyt: out of memory for validateLines");
  const { written } = encoder.encodeInto(text, new Uint8Array(wasm.module_memory().buffer, pointer, room));
  // The verdicts start right after the text (the buffer has room for both).
  const count = wasm.check_lines_at(written, packed);
  return new Uint8Array(wasm.module_memory().buffer, pointer + written, count).slice();
}
