//! Result codes and error details: `bhyt_result`, `bhyt_error`, and the names and messages of
//! the codes (the core's, the reception desk's and the C layer's own).

use bhyt::{Error, ErrorCode};

use crate::*;

/// The result of every call that can fail: `BHYT_OK` (0) or an error code.
///
/// Codes 1 to 6 are the core library's machine-readable error codes (the same numbers and,
/// through `bhyt_error_code_name`, the same names as in Rust and JavaScript): the input is not
/// a valid card number. Codes from 100 are errors of the call itself. Values are never
/// reused or renumbered; new codes get new values.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum bhyt_result {
    /// Success: the number is valid, or the call did what was asked.
    BHYT_OK = 0,
    /// `invalid_length`: not exactly 10 or 15 characters (after dropping separators, in
    /// lenient mode).
    BHYT_INVALID_LENGTH = 1,
    /// `invalid_character`: a character of the wrong kind for its position.
    BHYT_INVALID_CHARACTER = 2,
    /// `unknown_group_code`: characters 1-2 are not one of the 43 group codes on the VNeID
    /// list.
    BHYT_UNKNOWN_GROUP_CODE = 3,
    /// `late_group_code`: characters 1-2 are ND, TG or AK, codes added after the VNeID list.
    BHYT_LATE_GROUP_CODE = 4,
    /// `invalid_benefit_level`: character 3 is not a digit from 1 to 5.
    BHYT_INVALID_BENEFIT_LEVEL = 5,
    /// `invalid_province_code`: characters 4-5 are 00, or not allowed for the issuing body.
    BHYT_INVALID_PROVINCE_CODE = 6,
    /// `null_argument`: a required pointer argument is NULL.
    BHYT_NULL_ARGUMENT = 100,
    /// `buffer_too_small`: an output buffer or array is too small; the required size is
    /// reported and nothing else is written.
    BHYT_BUFFER_TOO_SMALL = 101,
    /// `invalid_issuer`: the issuer argument is not one of the `BHYT_ISSUER_*` values.
    BHYT_INVALID_ISSUER = 102,
    /// `invalid_style`: the style argument is not one of the `BHYT_STYLE_*` values.
    BHYT_INVALID_STYLE = 103,
    /// `panic`: an internal error (a Rust panic) was caught at the boundary. Outputs are
    /// unspecified. Please report it.
    BHYT_PANIC = 104,
    /// `unrecognized_input` (`bhyt_identify`): neither a card number (10 or 15 characters)
    /// nor a personal identification number (12 digits); no position.
    BHYT_UNRECOGNIZED_INPUT = 105,
    /// `invalid_personal_id` (`bhyt_identify`): 12 characters, not all ASCII digits; the
    /// position is the first character that is not one.
    BHYT_INVALID_PERSONAL_ID = 106,
    /// `invalid_qr_field` (`bhyt_identify`): a field of a QR payload is malformed; the
    /// position is in the whole payload.
    BHYT_INVALID_QR_FIELD = 107,
    /// `unrecognized_qr` (`bhyt_identify`): input with `|` separators in neither QR layout;
    /// no position.
    BHYT_UNRECOGNIZED_QR = 108,
    /// `invalid_argument` (`bhyt_error_text`, `bhyt_error_details`): the `call` value is not
    /// one of the `BHYT_CALL_*` values, or the field has no item of that number.
    BHYT_INVALID_ARGUMENT = 109,
    /// `invalid_facility_code` (`bhyt_parse_facility_code`): not a facility code (2-digit
    /// province and 3 characters); the position is the first character that does not fit, or
    /// `BHYT_NO_POSITION` when the length is wrong.
    BHYT_INVALID_FACILITY_CODE = 110,
    /// `invalid_date` (`bhyt_validity_on`, `bhyt_stay_notes`): a `bhyt_date` argument is no
    /// calendar date (year 1-9999, month 1-12, a day of that month).
    BHYT_INVALID_DATE = 111,
}

pub use bhyt_result::*;

// The C numbers of the core's codes are the core's numbers.
/// Every code, in value order: the lookup from numbers to codes (the tests check that each
/// has a name and a message).
pub(crate) const ALL_RESULTS: [bhyt_result; 19] = [
    BHYT_OK,
    BHYT_INVALID_LENGTH,
    BHYT_INVALID_CHARACTER,
    BHYT_UNKNOWN_GROUP_CODE,
    BHYT_LATE_GROUP_CODE,
    BHYT_INVALID_BENEFIT_LEVEL,
    BHYT_INVALID_PROVINCE_CODE,
    BHYT_NULL_ARGUMENT,
    BHYT_BUFFER_TOO_SMALL,
    BHYT_INVALID_ISSUER,
    BHYT_INVALID_STYLE,
    BHYT_PANIC,
    BHYT_UNRECOGNIZED_INPUT,
    BHYT_INVALID_PERSONAL_ID,
    BHYT_INVALID_QR_FIELD,
    BHYT_UNRECOGNIZED_QR,
    BHYT_INVALID_ARGUMENT,
    BHYT_INVALID_FACILITY_CODE,
    BHYT_INVALID_DATE,
];

// The C numbers of the core's codes are the core's numbers: every core code has the C code
// of the same number, below the C layer's own (100 and up). A code added to the core's table
// and not here fails the build. (The names are checked by the tests against the header.)
const _: () = {
    let mut i = 0;
    while i < ErrorCode::ALL.len() {
        let number = ErrorCode::ALL[i].number();
        assert!(number > 0 && number < 100);
        assert!(bhyt_result::from_number(number).is_some());
        i += 1;
    }
};

impl bhyt_result {
    /// The C code of a core code: the code with the same number.
    pub(crate) fn from_core(code: ErrorCode) -> bhyt_result {
        // Every core code has one (checked at compile time above).
        bhyt_result::from_number(code.number()).unwrap_or(BHYT_PANIC)
    }

    /// The code with this value, if any.
    pub(crate) const fn from_number(value: u32) -> Option<bhyt_result> {
        let mut i = 0;
        while i < ALL_RESULTS.len() {
            if ALL_RESULTS[i] as u32 == value {
                return Some(ALL_RESULTS[i]);
            }
            i += 1;
        }
        None
    }

    #[cfg(test)]
    pub(crate) fn from_u32(value: u32) -> Option<bhyt_result> {
        bhyt_result::from_number(value)
    }
}

/// Why a call failed, and where: written to the optional `out_error` parameter when (and only
/// when) a call does not return `BHYT_OK`.
///
/// Positions are 0-based indices of CHARACTERS in the input as given (separators included
/// in lenient mode): a UTF-8 sequence counts as one character, and so does each invalid
/// UTF-8 sequence (as in a lossy UTF-8 decoding). A component error points at the start of
/// the component: 0 for the group code, 2 for the benefit level, 3 for the province code.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_error {
    /// The same value the call returned.
    pub code: bhyt_result,
    /// The 0-based character position the error points at, or `BHYT_NO_POSITION` (for
    /// `BHYT_INVALID_LENGTH` and for errors of the call itself).
    pub position: usize,
    /// The byte offset in the input where the character at `position` starts (computed by the
    /// binding from the input), or `BHYT_NO_POSITION` when `position` is.
    pub byte_offset: usize,
}

impl bhyt_error {
    pub(crate) const fn bare(code: bhyt_result) -> bhyt_error {
        bhyt_error {
            code,
            position: NO_POSITION,
            byte_offset: NO_POSITION,
        }
    }

    pub(crate) fn from_core(error: &Error, input: &[u8]) -> bhyt_error {
        let position = error.position();
        bhyt_error {
            code: bhyt_result::from_core(error.code()),
            position: position.unwrap_or(NO_POSITION),
            byte_offset: position.map_or(NO_POSITION, |p| byte_offset(input, p)),
        }
    }
}

/// The byte offset where character `index` of `input` starts, characters counted as the core
/// counts them (UTF-8 sequences, each invalid sequence one character, as `utf8_chunks`
/// yields them); `input.len()` for an index at or past the end.
pub(crate) fn byte_offset(input: &[u8], index: usize) -> usize {
    let mut seen = 0;
    let mut base = 0;
    for chunk in input.utf8_chunks() {
        for (offset, _) in chunk.valid().char_indices() {
            if seen == index {
                return base + offset;
            }
            seen += 1;
        }
        base += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            if seen == index {
                return base;
            }
            seen += 1;
            base += chunk.invalid().len();
        }
    }
    input.len()
}
