// The public API of `bhyt/reception`, the reception-desk part of the package: argument checks
// and defaults. Every answer comes from the Rust core through the reception WebAssembly module
// (src/reception.rs); nothing here decides anything about a number.
// js/reception/index.js (browsers, bundlers) and js/reception/node.js (Node.js) load the
// module, then re-export this file.

import * as wasm from "../../pkg/bhyt_reception.js";
import { flags, string } from "../options.js";

/**
 * Says what was typed into one search box: `{ valid: true, kind: "card", card }`,
 * `{ valid: true, kind: "personal_id", personalId }`, a scanned QR code
 * (`{ valid: true, kind: "card_qr", card, name, birthDate, ... }` or
 * `{ valid: true, kind: "personal_id_qr", personalId, oldId, name, ... }`), or
 * `{ valid: false, kind, error }` (`kind` is `null` when the input fits no rule).
 * Options: `lang`, `lenient`.
 */
export function identify(input, options) {
  if (options?.issuer !== undefined && options?.issuer !== "any") {
    // A reception box does not know the issuing body: identify reads every card as the
    // VNeID rule does for any body. Refuse rather than ignore the option.
    throw new TypeError('bhyt: identify takes no options.issuer (a card is checked for "any")');
  }
  return wasm.identify(string(input, "input"), flags(options));
}

/**
 * Splits a claims `MA_THE_BHYT` field at every `;` and checks each item:
 * `{ valid, items: [{ index, start, end, valid, card | error, advice }] }`, positions being
 * indices in the whole field. Options: `issuer`, `lang`, `lenient`.
 */
export function parseMaTheBhyt(field, options) {
  return wasm.ma_the(string(field, "field"), flags(options));
}

/**
 * The advisory notes on a card number or personal identification number (never a verdict):
 * `[{ code, message, ... }]`. Options: `issuer`, `lang`, `lenient`.
 */
export function advise(input, options) {
  return wasm.advise(string(input, "input"), flags(options));
}

/**
 * The card-check gateway's result for a code (`maKetQua`, e.g. `"000"`):
 * `{ code, class, message }`, or `null` for an unknown code. Options: `lang`.
 */
export function gatewayResult(code, options) {
  return wasm.gateway(string(code, "code"), flags(options));
}
