// The public API of the `bhyt` package: argument checks, defaults and the few shapes that
// are pure JS. Every answer about a card number comes from the Rust core through the
// WebAssembly module (src/lib.rs); nothing here decides whether a number is valid.
// js/index.js (browsers, bundlers) and js/node.js (Node.js) load the module, then re-export
// this file.

import * as wasm from "../pkg/bhyt_wasm.js";
import { DECODE, STYLES, flags, has, string } from "./options.js";
import { fastCheck, fastLines, fastValid } from "./fast.js";

/** Checks a whole card number: `{ valid: true }` or `{ valid: false, error }`. */
export function validate(input, options) {
  return check(string(input, "input"), flags(options));
}

// The packed crossing (js/fast.js) for short ASCII input, the string crossing otherwise.
function check(text, packed) {
  return fastCheck(text, packed, ERROR_CODES, wasm.check) ?? wasm.check(text, packed);
}

/** Whether `validate` accepts the input. */
export function isValid(input, options) {
  const text = string(input, "input");
  const packed = flags(options);
  return fastValid(text, packed) ?? wasm.check(text, packed).valid;
}

/** Checks and decodes a whole card number: `{ valid: true, card }` or `{ valid: false, error }`. */
export function parse(input, options) {
  return wasm.check(string(input, "input"), flags(options) | DECODE);
}

/** The valid number written in `options.style` (default `"grouped"`), or `null`. */
export function format(input, options) {
  const style = options?.style ?? "grouped";
  if (!has(STYLES, style)) {
    throw new TypeError('bhyt: options.style must be "compact", "grouped" or "masked"');
  }
  const parsed = parse(input, options);
  return parsed.valid ? parsed.card[style] : null;
}

/** Separators dropped and ASCII letters uppercased, or `null` past 15 characters. */
export function normalize(input) {
  return wasm.normalized(string(input, "input"), false);
}

/** The as-you-type check: `incomplete`, `complete` or `invalid`. */
export function checkPrefix(typed, options) {
  return wasm.prefix(string(typed, "typed"), flags(options));
}

/** What has been typed so far, normalised and grouped as printed on the card. */
export function formatTyped(typed) {
  const grouped = wasm.normalized(string(typed, "typed"), true);
  return grouped ?? typed;
}

/** The error code names by number, as `validateLines` reports them (0: valid). */
export const ERROR_CODES = Object.freeze([
  "ok",
  "invalid_length",
  "invalid_character",
  "unknown_group_code",
  "late_group_code",
  "invalid_benefit_level",
  "invalid_province_code",
]);

/**
 * One verdict per line of `text` (LF or CRLF line ends), in one call: a `Uint8Array` with 0
 * for a valid line, else the error's number (`ERROR_CODES[n]` is its code).
 */
export function validateLines(text, options) {
  // UTF-8 through the native encoder straight into the module's memory, then one call.
  return fastLines(string(text, "text"), flags(options));
}

/** `validate` for many numbers in one call, in order. */
export function validateMany(inputs, options) {
  if (
    inputs === null ||
    typeof inputs !== "object" ||
    typeof inputs[Symbol.iterator] !== "function"
  ) {
    throw new TypeError("bhyt: inputs must be an array (or iterable) of strings");
  }
  const packed = flags(options);
  const list = Array.from(inputs);
  list.forEach((input, index) => {
    if (typeof input !== "string") {
      string(input, `inputs[${index}]`);
    }
  });
  // One packed crossing per number (js/fast.js): cheaper than joining the numbers for
  // validateLines and then crossing again with each invalid one for its error.
  return list.map((input) => check(input, packed));
}
