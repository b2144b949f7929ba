// The fast crossing of the main module for short strings (src/packed.rs is its Rust side).
// An ASCII input of at most 64 code units is written into the module's memory without
// TextEncoder and without allocating: a string of 10 or 15 code units (the two lengths of a
// card number, so most inputs) as four 32-bit words from unrolled charCodeAt reads, anything
// else by a charCodeAt loop. The call returns one packed integer and the result object is
// built here. Non-ASCII or longer input returns undefined, and the caller takes the string
// crossing, so every input gets the same answer either way.

import * as wasm from "../pkg/bhyt_wasm.js";

const CAPACITY = 64;
let bytes; // Uint8Array over the module's input buffer; replaced when memory grows.
let words; // Uint32Array over the same 64 bytes (the buffer is 4-byte aligned).

function views() {
  if (bytes === undefined || bytes.byteLength === 0) {
    const { buffer } = wasm.module_memory();
    const start = wasm.input_buffer();
    bytes = new Uint8Array(buffer, start, CAPACITY);
    words = new Uint32Array(buffer, start, CAPACITY / 4);
  }
}

// Writes `s` into the input buffer: the length written, or -1 when the string cannot take
// the fast crossing. The words are little-endian (the first code unit in the low byte), as
// WebAssembly's memory is; `o` gathers every code unit to tell ASCII input in one test.
function write(s) {
  const n = s.length;
  views();
  if (n === 10) {
    const c0 = s.charCodeAt(0), c1 = s.charCodeAt(1), c2 = s.charCodeAt(2), c3 = s.charCodeAt(3);
    const c4 = s.charCodeAt(4), c5 = s.charCodeAt(5), c6 = s.charCodeAt(6), c7 = s.charCodeAt(7);
    const c8 = s.charCodeAt(8), c9 = s.charCodeAt(9);
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8 | c9) > 0x7f) return -1;
    words[0] = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
    words[1] = c4 | (c5 << 8) | (c6 << 16) | (c7 << 24);
    words[2] = c8 | (c9 << 8);
    return n;
  }
  if (n === 15) {
    const c0 = s.charCodeAt(0), c1 = s.charCodeAt(1), c2 = s.charCodeAt(2), c3 = s.charCodeAt(3);
    const c4 = s.charCodeAt(4), c5 = s.charCodeAt(5), c6 = s.charCodeAt(6), c7 = s.charCodeAt(7);
    const c8 = s.charCodeAt(8), c9 = s.charCodeAt(9), c10 = s.charCodeAt(10), c11 = s.charCodeAt(11);
    const c12 = s.charCodeAt(12), c13 = s.charCodeAt(13), c14 = s.charCodeAt(14);
    const o = c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8 | c9 | c10 | c11 | c12 | c13 | c14;
    if (o > 0x7f) return -1;
    words[0] = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
    words[1] = c4 | (c5 << 8) | (c6 << 16) | (c7 << 24);
    words[2] = c8 | (c9 << 8) | (c10 << 16) | (c11 << 24);
    words[3] = c12 | (c13 << 8) | (c14 << 16);
    return n;
  }
  if (n > CAPACITY) return -1;
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

// The messages already produced, one slot per (language, error key) hash, direct-mapped: a
// key (src/packed.rs, `error_key`) stands for one error value, everything its message
// depends on, so a slot holding the key holds its message, and a miss (a key not seen yet, or
// another key in the slot) asks the module for the message again. Fixed size, so the cache
// cannot grow; UNKEYED (an error the module cannot key) takes the string crossing.
const SLOTS = 4096;
const slotKeys = new Int32Array(2 * SLOTS); // 0: empty (0 is no error's key)
const slotMessages = new Array(2 * SLOTS).fill("");
const UNKEYED = 0x80000000;

function slotOf(key, packed) {
  // Bit 2 of the flags is the language.
  return (((key ^ (key >>> 12)) & (SLOTS - 1)) | ((packed & 4) << 10)) >>> 0;
}

/**
 * `{ valid: true }` or `{ valid: false, error: { code, position, message } }`, or undefined
 * when the input must take the string crossing. `codes` names the error numbers; `slow`
 * gives the full answer of the string crossing, from which a message not yet produced is
 * taken.
 */
export function fastCheck(s, packed, codes, slow) {
  const n = write(s);
  if (n < 0) return undefined;
  const key = wasm.check_at(n, packed);
  if (key === 0) return { valid: true };
  if (key === UNKEYED) return slow(s, packed);
  const slot = slotOf(key, packed);
  let message;
  if (slotKeys[slot] === key) {
    message = slotMessages[slot];
  } else {
    message = slow(s, packed).error.message;
    slotKeys[slot] = key;
    slotMessages[slot] = message;
  }
  const position = (key >>> 8) & 0xff;
  return {
    valid: false,
    error: { code: codes[key & 0xff], position: position === 0 ? null : position - 1, message },
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
