// Types of `bhyt/reception`: what a hospital reception desk and a claims export need on top of
// the card check of `bhyt`. A WebAssembly module of its own, loaded when this entry point is
// imported; every function is synchronous.

import type { BhytError, Card, ErrorCode, GroupCode, Lang, Options } from "../index.js";

export type { BhytError, Card, ErrorCode, GroupCode, Lang, Options } from "../index.js";

/** The options of `identify`: a search box knows no issuing body, so there is no `issuer`. */
export interface IdentifyOptions {
  /**
   * Accept pasted text: drop Unicode whitespace, `.`, `-` and `_`, uppercase ASCII letters,
   * before the length decides what the input is. Default `false`.
   */
  lenient?: boolean;
  /** The language of messages and descriptions; default `"vi"`. */
  lang?: Lang;
  /** Only `"any"` (the default) is accepted: cards are checked for any issuing body. */
  issuer?: "any";
}

/** A 12-digit personal identification number (số định danh cá nhân, on the CCCD), decoded. */
export interface PersonalId {
  /** The 12 digits. Personal data: show `masked` in logs. */
  digits: string;
  /** `********1234`: only the last 4 digits. */
  masked: string;
  /**
   * Digits 1-3: the code of the province (or country) where the birth was registered, and
   * whether it is on the 2016 list of the 63 provinces' codes. Since 2025 several codes name
   * other provinces, so no province name is given.
   */
  birthPlace: { code: string; onProvinceList2016: boolean };
  /** From digit 4: even male, odd female. */
  sex: "male" | "female";
  /** From digit 4: 1900, 2000, 2100, 2200 or 2300. */
  century: number;
  /** The century plus digits 5-6. */
  birthYear: number;
}

/** Why `identify` could not say what was typed, and where. It never contains the input. */
export interface IdentifyError {
  /**
   * A card error (for 10 or 15 characters, or field 0 of a card's QR code),
   * `invalid_personal_id` (12 characters, not all digits), `unrecognized_input` (any other
   * length), `invalid_qr_field` (a malformed field of a QR payload: `field` names it) or
   * `unrecognized_qr` (`|`-separated input in neither QR layout).
   */
  code: ErrorCode | "invalid_personal_id" | "unrecognized_input" | "invalid_qr_field" | "unrecognized_qr";
  /** The JS string index of the offending character; `null` for a length error. */
  position: number | null;
  /** A sentence for the user, in `options.lang`. */
  message: string;
  /**
   * `invalid_qr_field`: the malformed field of the QR payload; `null` for every other code
   * (a card error in field 0 of a card's QR code has the card's code).
   */
  field: QrField | null;
}

/** The fields of a QR payload an `invalid_qr_field` error names, as the Rust and C layers name them. */
export type QrField =
  | "card"
  | "name"
  | "birth_date"
  | "sex"
  | "address"
  | "facility_code"
  | "valid_from"
  | "valid_to"
  | "issued_on"
  | "manager_code"
  | "guardian_name"
  | "five_years_on"
  | "personal_id"
  | "old_id";

/** The result of `identify`. */
export type IdentifyResult =
  | { valid: true; kind: "card"; card: Card; personalId?: undefined; error?: undefined }
  | { valid: true; kind: "personal_id"; personalId: PersonalId; card?: undefined; error?: undefined }
  | CardQr
  | PersonalIdQr
  | {
      valid: false;
      /** Which rule the length chose: `"card"` (10 or 15), `"personal_id"` (12), else `null`. */
      kind: "card" | "personal_id" | null;
      error: IdentifyError;
      card?: undefined;
      personalId?: undefined;
    };

/** A QR field kept raw, by its 0-based index in the payload. */
export interface RawField {
  index: number;
  value: string;
}

/**
 * A BHYT card's QR code (paper card, VssID) as a scanner types it, decoded. Personal data:
 * show it masked next to the masked card. Dates are ISO `yyyy-mm-dd`.
 */
export interface CardQr {
  valid: true;
  kind: "card_qr";
  /** Field 0, checked by the VNeID rule. */
  card: Card;
  /** Field 1, decoded from hex (Telex damage repaired, UTF-16LE if not UTF-8). */
  name: string;
  /** Field 2: `yyyy-mm-dd`, or a year alone `yyyy`. */
  birthDate: string;
  sex: "male" | "female";
  /** Field 4, decoded; `null` for `-`. */
  address: string | null;
  /** Field 5 normalised: 2-digit province and 3 characters, e.g. `01028`. */
  facilityCode: string;
  validFrom: string;
  /** `null`: no end date (`-`). */
  validTo: string | null;
  issuedOn: string;
  managerCode: string;
  guardianName: string | null;
  fiveYearsOn: string | null;
  /** Fields 11, 13 (the check string, never verified) and 14+, as typed. */
  rawFields: RawField[];
  layout: "10_fields" | "15_tokens" | "17_tokens" | "other";
  /** Whether Telex damage was undone. */
  repaired: boolean;
  /** Whether a text field was read as UTF-16LE. */
  utf16: boolean;
  personalId?: undefined;
  error?: undefined;
}

/** A CCCD's QR code, decoded; empty fields are `null`. Dates are ISO `yyyy-mm-dd`. */
export interface PersonalIdQr {
  valid: true;
  kind: "personal_id_qr";
  personalId: PersonalId;
  oldId: string | null;
  name: string | null;
  birthDate: string | null;
  sex: "male" | "female" | null;
  address: string | null;
  issuedOn: string | null;
  rawFields: RawField[];
  card?: undefined;
  error?: undefined;
}

/** A result code of Vietnam Social Security's card-check gateway (`maKetQua`). */
export interface GatewayResult {
  code: string;
  class: "ok" | "card_info_differs" | "person_info_differs" | "card_not_usable" | "service_error";
  /** In `options.lang`. */
  message: string;
}

/** The stable codes of advisory notes, shared with the Rust and C layers. */
export type AdviceCode =
  | "unusual_benefit_level"
  | "issued_after_vneid_list"
  | "unlisted_birth_place_code"
  | "short_form_in_claims";

/** An advisory note: information for the user, never a verdict. Absent details are `null`. */
export interface Advice {
  code: AdviceCode;
  /** A sentence for the user, in `options.lang`. */
  message: string;
  /**
   * `unusual_benefit_level`: the card's group code; `issued_after_vneid_list`: the late group
   * code (`ND`, `TG` or `AK`).
   */
  groupCode: GroupCode | "ND" | "TG" | "AK" | null;
  /** `unusual_benefit_level`: the card's benefit level. */
  benefitLevel: 1 | 2 | 3 | 4 | 5 | null;
  /** `unusual_benefit_level`: the level usual for the group. */
  usualBenefitLevel: 1 | 2 | 3 | 4 | 5 | null;
  /** `issued_after_vneid_list`: whether the last 10 characters pass the VNeID rule. */
  shortFormPasses: boolean | null;
  /** `unlisted_birth_place_code`: digits 1-3 of the personal identification number. */
  birthPlace: string | null;
}

/** One `;`-separated item of a `MA_THE_BHYT` field. */
export type MaTheItem = {
  /** 0-based, in the field. */
  index: number;
  /** JS string indices in the whole field of the item's text (surrounding whitespace dropped). */
  start: number;
  end: number;
  /** Notes on a valid item (e.g. `short_form_in_claims` for a 10-digit item). */
  advice: Advice[];
} & (
  | { valid: true; card: Card; error?: undefined }
  | {
      valid: false;
      /** Its `position` is a JS string index in the whole field. */
      error: BhytError;
      card?: undefined;
    }
);

/** The result of `parseMaTheBhyt`: `valid` when every item is. */
export interface MaTheResult {
  valid: boolean;
  items: MaTheItem[];
}

/** Says what was typed into one search box: a card number, a personal identification number, or a scanned QR code of either. */
export function identify(input: string, options?: IdentifyOptions): IdentifyResult;

/** Splits a claims `MA_THE_BHYT` field at every `;` and checks each item. */
export function parseMaTheBhyt(field: string, options?: Options): MaTheResult;

/** The card-check gateway's result for a code, `null` for an unknown code. */
export function gatewayResult(code: string, options?: { lang?: Lang }): GatewayResult | null;

/** The advisory notes on a card number or personal identification number. */
export function advise(input: string, options?: Options): Advice[];

/** A facility code (mã cơ sở KCB), normalised. */
export interface FacilityCode {
  /** The 5 characters, e.g. `01028`. */
  code: string;
  /** The 2-digit province part, `01`. */
  province: string;
  /** The 3-character facility part, `028`. */
  facility: string;
}

/** Why a text is not a facility code. It never contains the input. */
export interface FacilityCodeError {
  code: "invalid_facility_code";
  /** The JS string index of the first character that does not fit; `null` for a wrong length. */
  position: number | null;
  /** A sentence for the user, in `options.lang`. */
  message: string;
}

/** The result of `parseFacilityCode`. */
export type FacilityCodeResult =
  | { valid: true; facilityCode: FacilityCode; error?: undefined }
  | { valid: false; error: FacilityCodeError; facilityCode?: undefined };

/** Whether a card is valid on a date. */
export type Validity = "before_start" | "expired" | "valid" | "open_ended";

/** An advisory note on a stay against a card's validity: information, never an error. */
export interface StayNote {
  code: "visit_before_start" | "became_valid_during_stay" | "expired_before_discharge";
  /** A sentence for the user, in `options.lang`. */
  message: string;
}

/** Reads a facility code as it is written (`01 - 028`, `01-028`, `01028`). */
export function parseFacilityCode(input: string, options?: { lang?: Lang }): FacilityCodeResult;

/**
 * Whether a card valid from `validFrom` to `validTo` (`null`: no end date) is valid on `date`;
 * dates `yyyy-mm-dd`. Throws a `RangeError` for a text that is no calendar date.
 */
export function validityOn(validFrom: string, validTo: string | null, date: string): Validity;

/**
 * The notes on a stay from `admission` to `discharge` for a card valid from `validFrom` to
 * `validTo` (`null`: no end date); dates `yyyy-mm-dd`. Throws a `RangeError` for a text that
 * is no calendar date.
 */
export function stayNotes(
  validFrom: string,
  validTo: string | null,
  admission: string,
  discharge: string,
  options?: { lang?: Lang },
): StayNote[];
