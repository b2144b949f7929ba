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

/**
 * Reads a facility code (mã cơ sở KCB) as it is written: `01 - 028`, `01-028`, `01028` give
 * `{ valid: true, facilityCode: { code: "01028", province: "01", facility: "028" } }`;
 * anything else `{ valid: false, error }` (`invalid_facility_code`). Options: `lang`.
 */
export function parseFacilityCode(input, options) {
  return wasm.facility(string(input, "input"), flags(options));
}

// No date: an absent valid-to date (src/reception.rs, NO_DATE).
const NO_DATE = 0xffffffff;

// A date argument written `yyyy-mm-dd`, passed on as the number yyyymmdd (whether that date
// exists is the core's to say: `dated` turns its answer into a RangeError); `optional`: `null`
// or `undefined` is no end date.
function date(value, name, optional) {
  if (optional && (value === null || value === undefined)) {
    return NO_DATE;
  }
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(string(value, name));
  if (parts === null) {
    throw new RangeError(`bhyt: ${name} is not a calendar date written yyyy-mm-dd`);
  }
  return Number(parts[1]) * 10000 + Number(parts[2]) * 100 + Number(parts[3]);
}

// The answer of a date call, or the RangeError naming the argument that is no date.
function dated(answer, names) {
  if (typeof answer === "number") {
    throw new RangeError(`bhyt: ${names[answer]} is not a calendar date written yyyy-mm-dd`);
  }
  return answer;
}

/**
 * Whether a card valid from `validFrom` to `validTo` (both included; `null`: no end date) is
 * valid on `date`, dates written `yyyy-mm-dd` (as `identify` gives them):
 * `"before_start"`, `"expired"`, `"valid"` or `"open_ended"`.
 */
export function validityOn(validFrom, validTo, date_) {
  const names = ["validFrom", "validTo", "date"];
  return dated(
    wasm.validity(date(validFrom, names[0]), date(validTo, names[1], true), date(date_, names[2])),
    names,
  );
}

/**
 * The notes on a stay from `admission` to `discharge` for a card valid from `validFrom` to
 * `validTo` (`null`: no end date), dates `yyyy-mm-dd`: `[{ code, message }]`, codes
 * `visit_before_start`, `became_valid_during_stay`, `expired_before_discharge`; `[]` when the
 * card covers the whole stay. Options: `lang`.
 */
export function stayNotes(validFrom, validTo, admission, discharge, options) {
  const names = ["validFrom", "validTo", "admission", "discharge"];
  return dated(
    wasm.stay(
      date(validFrom, names[0]),
      date(validTo, names[1], true),
      date(admission, names[2]),
      date(discharge, names[3]),
      flags(options),
    ),
    names,
  );
}
