// Types of the `bhyt` package: Vietnamese health-insurance (BHYT) card numbers, checked by
// the rules of the VNeID integration form. Every function is synchronous: the WebAssembly
// module is loaded when the package is imported.

/** The issuing body chosen in the form ("Đơn vị cấp thẻ BHYT"). */
export type Issuer = "vss" | "police" | "defence";

/** The issuing body option: `"any"` (the default) accepts any body and infers it. */
export type IssuerOption = "any" | Issuer;

/** The language of messages and descriptions: Vietnamese (the default) or English. */
export type Lang = "vi" | "en";

/** How `format` writes a number: `HS4010120878811`, `HS 4 01 0120878811`, `HS 4 01 ******8811`. */
export type Style = "compact" | "grouped" | "masked";

/** The stable machine-readable error codes, shared with the Rust and C layers. */
export type ErrorCode =
  | "invalid_length"
  | "invalid_character"
  | "unknown_group_code"
  | "late_group_code"
  | "invalid_benefit_level"
  | "invalid_province_code";

/** The 43 group codes (mã đối tượng) on the VNeID list. */
export type GroupCode =
  | "DN" | "HX" | "CH" | "NN" | "TK" | "HC" | "XK" | "HT" | "TB" | "NO" | "CT"
  | "XB" | "TN" | "CS" | "QN" | "CA" | "CY" | "XN" | "MS" | "CC" | "CK" | "CB"
  | "KC" | "HD" | "TE" | "BT" | "HN" | "DT" | "DK" | "XD" | "TS" | "TC" | "TQ"
  | "TA" | "TY" | "HG" | "LS" | "PV" | "CN" | "HS" | "SV" | "GB" | "GD";

/** The options every function reads. Unknown values throw a `TypeError`. */
export interface Options {
  /** The issuing body chosen in the form; default `"any"`. */
  issuer?: IssuerOption;
  /**
   * Accept pasted text: drop Unicode whitespace, `.`, `-` and `_`, uppercase ASCII letters.
   * Default `false` (exactly as typed).
   */
  lenient?: boolean;
  /** The language of `message`, `description`, `meaning` and `name`; default `"vi"`. */
  lang?: Lang;
}

/** The options of `format`. */
export interface FormatOptions extends Options {
  /** Default `"grouped"`. */
  style?: Style;
}

/** Why a number was rejected, and where. It never contains the number. */
export interface BhytError {
  code: ErrorCode;
  /**
   * The JS string index (UTF-16 code unit) of the start of the offending part, in the input
   * as given; `null` for `invalid_length`.
   */
  position: number | null;
  /** A sentence for the user, in `options.lang`. */
  message: string;
}

/** The result of `validate`. */
export type ValidationResult =
  | { valid: true; error?: undefined }
  | { valid: false; error: BhytError };

/** The decoded parts of a valid card number. */
export interface Card {
  /** `10` (the social-insurance number alone, cards since 2021) or `15`. */
  form: 10 | 15;
  /** Characters 1-2 with who belongs to the group; `null` in the 10-digit form. */
  groupCode: { code: GroupCode; description: string } | null;
  /** Character 3 with what the level pays; `null` in the 10-digit form. */
  benefitLevel: { level: 1 | 2 | 3 | 4 | 5; meaning: string } | null;
  /** The issuing body decoded from characters 4-5; `null` in the 10-digit form. */
  issuer: { id: Issuer; name: string } | null;
  /** Characters 4-5, two digits (`"01"` ... `"99"`); `null` in the 10-digit form. */
  provinceCode: string | null;
  /** The 10-digit social-insurance number (mã số BHXH): the last 10 characters. */
  socialInsuranceNumber: string;
  /** The identity of the card for finding duplicates: equal for the 15- and 10-character forms. */
  key: string;
  /** `HS4010120878811`: what VNeID expects. */
  compact: string;
  /** `HS 4 01 0120878811`, as printed on the card. */
  grouped: string;
  /** `HS 4 01 ******8811`, for screens and logs. */
  masked: string;
}

/** The result of `parse`. */
export type ParseResult =
  | { valid: true; card: Card; error?: undefined }
  | { valid: false; card?: undefined; error: BhytError };

/** The result of `checkPrefix`, the as-you-type check. */
export type PrefixResult =
  | {
      /** Nothing is wrong yet, and more characters are needed. */
      state: "incomplete";
      /** The form being typed, once the first character tells. */
      form: 10 | 15 | null;
      /** How many more characters the form needs. */
      missing: number;
    }
  | {
      /** A complete, valid number. */
      state: "complete";
      form: 10 | 15;
      missing: 0;
      card: Card;
    }
  | {
      /** No continuation can make the input valid. */
      state: "invalid";
      /** The JS string index of the first character that can never fit. */
      at: number;
      error: BhytError;
    };

/** Checks a whole card number. */
export function validate(input: string, options?: Options): ValidationResult;

/** Whether `validate` accepts the input. */
export function isValid(input: string, options?: Options): boolean;

/** Checks a whole card number and decodes its parts. */
export function parse(input: string, options?: Options): ParseResult;

/** The valid number written in `options.style` (default `"grouped"`); `null` if not valid. */
export function format(input: string, options?: FormatOptions): string | null;

/**
 * The lenient normalisation alone (separators dropped, ASCII letters uppercased), or `null`
 * when more than 15 characters remain.
 */
export function normalize(input: string): string | null;

/** The as-you-type check: can what has been typed so far still become a valid number? */
export function checkPrefix(typed: string, options?: Options): PrefixResult;

/**
 * What has been typed so far, normalised and, in the 15-character form, grouped as printed
 * on the card (`"hs4010"` gives `"HS 4 01 0"`): for rewriting an input field as the user
 * types. Text with more than 15 characters left after normalisation comes back unchanged.
 */
export function formatTyped(typed: string): string;

/** The error code names by number, as `validateLines` reports them (0: valid). */
export const ERROR_CODES: readonly [
  "ok",
  "invalid_length",
  "invalid_character",
  "unknown_group_code",
  "late_group_code",
  "invalid_benefit_level",
  "invalid_province_code",
];

/**
 * One verdict per line of `text` (LF or CRLF line ends), in one call: 0 for a valid line,
 * else the error's number (`ERROR_CODES[n]` is its code).
 */
export function validateLines(text: string, options?: Options): Uint8Array;

/** `validate` for many numbers in one call; the results are in the order of `inputs`. */
export function validateMany(inputs: Iterable<string>, options?: Options): ValidationResult[];
