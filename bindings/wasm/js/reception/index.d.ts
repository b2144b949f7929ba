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
}

/** The result of `identify`. */
export type IdentifyResult =
  | { valid: true; kind: "card"; card: Card; personalId?: undefined; error?: undefined }
  | { valid: true; kind: "personal_id"; personalId: PersonalId; card?: undefined; error?: undefined }
  | {
      valid: false;
      /** Which rule the length chose: `"card"` (10 or 15), `"personal_id"` (12), else `null`. */
      kind: "card" | "personal_id" | null;
      error: IdentifyError;
      card?: undefined;
      personalId?: undefined;
    };

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

/** Says what was typed into one search box: a BHYT card number or a personal identification number. */
export function identify(input: string, options?: IdentifyOptions): IdentifyResult;

/** Splits a claims `MA_THE_BHYT` field at every `;` and checks each item. */
export function parseMaTheBhyt(field: string, options?: Options): MaTheResult;

/** The advisory notes on a card number or personal identification number. */
export function advise(input: string, options?: Options): Advice[];
