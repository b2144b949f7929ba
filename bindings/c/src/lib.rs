//! The C ABI of [`bhyt`]: `libbhyt.a`, `libbhyt.so` and the header `bhyt.h` (generated from
//! this file by cbindgen; the doc comments below are the header's documentation).
//!
//! Rules every exported function follows (see `bindings/c/README.md`):
//!
//! - inputs first, output parameters last; every buffer is a pointer and a `size_t`;
//! - a NULL pointer where one is required returns `BHYT_NULL_ARGUMENT`, never a crash;
//! - any bytes are accepted as input: invalid UTF-8 and embedded NUL bytes are ordinary
//!   (invalid) characters, and no input is ever read past its `len`;
//! - outputs are written only when the call succeeds; the optional error detail is written
//!   only when it fails;
//! - no allocation crosses the boundary, there is no global state (every function may be
//!   called from any thread at any time), and every function runs inside a panic boundary
//!   (`catch_unwind`) that turns a panic into `BHYT_PANIC`;
//! - the library never prints or logs anything, least of all a card number.
//!
//! Nothing here decides whether a number is valid: every verdict, position and decoded part
//! comes from the core crate; this crate only translates.
#![deny(unsafe_op_in_unsafe_fn)]
// The exported names are C names (`bhyt_card`, `BHYT_OK`), as the header shows them.
#![allow(non_camel_case_types)]

use core::ffi::{c_char, CStr};
use core::ptr;
use std::panic::{catch_unwind, AssertUnwindSafe};

use bhyt::{
    AdviceCode, BenefitLevel, CardNumber, Error, ErrorCode, Formatted, GroupCode, IdentifyCode,
    Issuer, Lang, Mode, PrefixCheck, Style,
};

mod strings;

use strings::nul_table;

/// The library version's major number (`BHYT_VERSION` is the whole version string).
pub const BHYT_VERSION_MAJOR: u32 = 0;
/// The library version's minor number.
pub const BHYT_VERSION_MINOR: u32 = 1;
/// The library version's patch number.
pub const BHYT_VERSION_PATCH: u32 = 0;

/// The version string, as `#define BHYT_VERSION` writes it in the header (cbindgen cannot
/// emit a string constant, so `cbindgen.toml` carries the define; a test compares the two).
const VERSION: &str = "0.1.0";

const fn parse_u32(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut value = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        value = value * 10 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    value
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

// The header's version is the crate's version: a bump of Cargo.toml that forgets these
// constants does not build.
const _: () = {
    assert!(str_eq(VERSION, env!("CARGO_PKG_VERSION")));
    assert!(BHYT_VERSION_MAJOR == parse_u32(env!("CARGO_PKG_VERSION_MAJOR")));
    assert!(BHYT_VERSION_MINOR == parse_u32(env!("CARGO_PKG_VERSION_MINOR")));
    assert!(BHYT_VERSION_PATCH == parse_u32(env!("CARGO_PKG_VERSION_PATCH")));
};

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
}

use bhyt_result::*;

// The C numbers of the core's codes are the core's numbers.
const _: () = {
    assert!(BHYT_INVALID_LENGTH as u32 == ErrorCode::InvalidLength.number());
    assert!(BHYT_INVALID_CHARACTER as u32 == ErrorCode::InvalidCharacter.number());
    assert!(BHYT_UNKNOWN_GROUP_CODE as u32 == ErrorCode::UnknownGroupCode.number());
    assert!(BHYT_LATE_GROUP_CODE as u32 == ErrorCode::LateGroupCode.number());
    assert!(BHYT_INVALID_BENEFIT_LEVEL as u32 == ErrorCode::InvalidBenefitLevel.number());
    assert!(BHYT_INVALID_PROVINCE_CODE as u32 == ErrorCode::InvalidProvinceCode.number());
};

/// Every code, in value order (the tests check that each has a name and a message).
#[cfg(test)]
const ALL_RESULTS: [bhyt_result; 14] = [
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
];

impl bhyt_result {
    fn from_core(code: ErrorCode) -> bhyt_result {
        match code {
            ErrorCode::InvalidLength => BHYT_INVALID_LENGTH,
            ErrorCode::InvalidCharacter => BHYT_INVALID_CHARACTER,
            ErrorCode::UnknownGroupCode => BHYT_UNKNOWN_GROUP_CODE,
            ErrorCode::LateGroupCode => BHYT_LATE_GROUP_CODE,
            ErrorCode::InvalidBenefitLevel => BHYT_INVALID_BENEFIT_LEVEL,
            ErrorCode::InvalidProvinceCode => BHYT_INVALID_PROVINCE_CODE,
            // A code newer than this binding: a test fails before this can ship.
            _ => BHYT_PANIC,
        }
    }

    #[cfg(test)]
    fn from_u32(value: u32) -> Option<bhyt_result> {
        ALL_RESULTS.into_iter().find(|&code| code as u32 == value)
    }
}

/// An issuing body (đơn vị cấp thẻ BHYT), as chosen in a form: one of the `BHYT_ISSUER_*`
/// values. Any other value makes a call return `BHYT_INVALID_ISSUER`.
pub type bhyt_issuer = u32;

/// No issuing body chosen: any is accepted, and characters 4-5 decide which it is.
pub const BHYT_ISSUER_ANY: bhyt_issuer = 0;
/// Bảo hiểm xã hội Việt Nam (Vietnam Social Security): characters 4-5 from 01 to 99, except
/// 97 and 98.
pub const BHYT_ISSUER_VSS: bhyt_issuer = 1;
/// Bảo hiểm xã hội Công an nhân dân (Police social security): characters 4-5 are 98.
pub const BHYT_ISSUER_POLICE: bhyt_issuer = 2;
/// Bảo hiểm xã hội Bộ Quốc phòng (Defence social security): characters 4-5 are 97.
pub const BHYT_ISSUER_DEFENCE: bhyt_issuer = 3;

fn issuer_from_c(value: bhyt_issuer) -> Result<Option<Issuer>, bhyt_result> {
    match value {
        BHYT_ISSUER_ANY => Ok(None),
        BHYT_ISSUER_VSS => Ok(Some(Issuer::VietnamSocialSecurity)),
        BHYT_ISSUER_POLICE => Ok(Some(Issuer::Police)),
        BHYT_ISSUER_DEFENCE => Ok(Some(Issuer::Defence)),
        _ => Err(BHYT_INVALID_ISSUER),
    }
}

fn issuer_to_c(issuer: Issuer) -> bhyt_issuer {
    match issuer {
        Issuer::VietnamSocialSecurity => BHYT_ISSUER_VSS,
        Issuer::Police => BHYT_ISSUER_POLICE,
        Issuer::Defence => BHYT_ISSUER_DEFENCE,
    }
}

/// How `bhyt_format` writes a number: one of the `BHYT_STYLE_*` values. Any other value
/// makes it return `BHYT_INVALID_STYLE`.
pub type bhyt_style = u32;

/// The characters alone, as VNeID expects them: `HS4010120878811`, `0120878811`.
pub const BHYT_STYLE_COMPACT: bhyt_style = 0;
/// Grouped by part as printed on the card: `HS 4 01 0120878811` (the 10-digit form is
/// written as it is).
pub const BHYT_STYLE_GROUPED: bhyt_style = 1;
/// Grouped, the first 6 digits of the social-insurance number hidden, for logs and screens:
/// `HS 4 01 ******8811`, `******8811`.
pub const BHYT_STYLE_MASKED: bhyt_style = 2;

fn style_from_c(value: bhyt_style) -> Result<Style, bhyt_result> {
    match value {
        BHYT_STYLE_COMPACT => Ok(Style::Compact),
        BHYT_STYLE_GROUPED => Ok(Style::Grouped),
        BHYT_STYLE_MASKED => Ok(Style::Masked),
        _ => Err(BHYT_INVALID_STYLE),
    }
}

/// The language of a message: one of the `BHYT_LANG_*` values (any other value is read as
/// `BHYT_LANG_EN`).
pub type bhyt_lang = u32;

/// Tiếng Việt, for citizens and hospital staff.
pub const BHYT_LANG_VI: bhyt_lang = 0;
/// English, for developers.
pub const BHYT_LANG_EN: bhyt_lang = 1;

/// The size in bytes, terminating NUL included, of `bhyt_card.compact`: the longest compact
/// form (15 characters) and its NUL.
pub const BHYT_COMPACT_SIZE: usize = 16;
/// A buffer size that `bhyt_format` always finds large enough, whatever the card and style:
/// the longest formatted text (18 characters, grouped or masked 15-character form) and its
/// NUL.
pub const BHYT_FORMAT_SIZE: usize = 19;

/// The position fields' value when there is no position (`SIZE_MAX`; the header defines it,
/// since cbindgen cannot).
const NO_POSITION: usize = usize::MAX;

const _: () = {
    assert!(BHYT_COMPACT_SIZE == Style::Compact.max_len() + 1);
    assert!(BHYT_FORMAT_SIZE == Formatted::CAPACITY + 1);
};

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
    const fn bare(code: bhyt_result) -> bhyt_error {
        bhyt_error {
            code,
            position: NO_POSITION,
            byte_offset: NO_POSITION,
        }
    }

    fn from_core(error: &Error, input: &[u8]) -> bhyt_error {
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
fn byte_offset(input: &[u8], index: usize) -> usize {
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

/// A valid card number and its decoded parts: a plain struct the caller owns, filled by
/// `bhyt_parse` and `bhyt_parse_lenient`.
///
/// Text fields are NUL-terminated arrays inside the struct. Description fields point to
/// static NUL-terminated UTF-8 strings owned by the library (never freed, valid for the whole
/// life of the process, never NULL). For the 10-digit form, which says nothing but the
/// social-insurance number, `group_code` is empty, `benefit_level` and `province_code` are
/// 0, `issuer` is `BHYT_ISSUER_ANY` and the descriptions are empty strings.
///
/// A card number is personal data: mask it (`BHYT_STYLE_MASKED`) before logging it.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct bhyt_card {
    /// The form: 10 (the social-insurance number alone) or 15 (the full card number).
    pub form: u8,
    /// The benefit level (mức hưởng), character 3: 1 to 5; 0 for the 10-digit form.
    pub benefit_level: u8,
    /// The province code of issue, characters 4-5: 1 to 99; 0 for the 10-digit form.
    pub province_code: u8,
    /// The issuing body decoded from characters 4-5 (97 Defence, 98 Police, others VSS);
    /// `BHYT_ISSUER_ANY` for the 10-digit form, which does not say.
    pub issuer: bhyt_issuer,
    /// The number in compact form (uppercase, separators dropped), NUL-terminated.
    pub compact: [c_char; BHYT_COMPACT_SIZE],
    /// The group code (mã đối tượng), characters 1-2, NUL-terminated; empty for the 10-digit
    /// form.
    pub group_code: [c_char; 3],
    /// The 10-digit social-insurance number (mã số BHXH, the last 10 characters),
    /// NUL-terminated.
    pub social_insurance_number: [c_char; 11],
    /// The identity of the card for finding duplicates: the value of its last 10 digits
    /// (below 10^10). A 15-character number and its 10-digit form have the same key.
    pub key: u64,
    /// Who belongs to the group, in Vietnamese.
    pub group_description_vi: *const c_char,
    /// Who belongs to the group, in English.
    pub group_description_en: *const c_char,
    /// What the benefit level pays, in Vietnamese.
    pub benefit_meaning_vi: *const c_char,
    /// What the benefit level pays, in English.
    pub benefit_meaning_en: *const c_char,
    /// The issuing body's name, in Vietnamese.
    pub issuer_name_vi: *const c_char,
    /// The issuing body's name, in English.
    pub issuer_name_en: *const c_char,
}

nul_table!(
    /// `GroupCode::description_vi`, in `GroupCode::ALL` order.
    GROUP_VI: GroupCode::ALL.len(), |i| GroupCode::ALL[i].description_vi()
);
nul_table!(
    /// `GroupCode::description_en`, in `GroupCode::ALL` order.
    GROUP_EN: GroupCode::ALL.len(), |i| GroupCode::ALL[i].description_en()
);
nul_table!(
    /// `BenefitLevel::meaning_vi`, indexed by digit (empty for digits that are no level).
    BENEFIT_VI: 10, |d| match BenefitLevel::from_digit(d as u8) {
        Some(level) => level.meaning_vi(),
        None => "",
    }
);
nul_table!(
    /// `BenefitLevel::meaning_en`, indexed by digit (empty for digits that are no level).
    BENEFIT_EN: 10, |d| match BenefitLevel::from_digit(d as u8) {
        Some(level) => level.meaning_en(),
        None => "",
    }
);
nul_table!(
    /// `Issuer::name_vi`, in `Issuer::ALL` order.
    ISSUER_VI: Issuer::ALL.len(), |i| Issuer::ALL[i].name_vi()
);
nul_table!(
    /// `Issuer::name_en`, in `Issuer::ALL` order.
    ISSUER_EN: Issuer::ALL.len(), |i| Issuer::ALL[i].name_en()
);
nul_table!(
    /// `ErrorCode::as_str`, in `ErrorCode::ALL` order.
    CODE_NAMES: ErrorCode::ALL.len(), |i| ErrorCode::ALL[i].as_str()
);
nul_table!(
    /// `ErrorCode::message(Lang::Vi)`, in `ErrorCode::ALL` order.
    CODE_VI: ErrorCode::ALL.len(), |i| ErrorCode::ALL[i].message(Lang::Vi)
);
nul_table!(
    /// `ErrorCode::message(Lang::En)`, in `ErrorCode::ALL` order.
    CODE_EN: ErrorCode::ALL.len(), |i| ErrorCode::ALL[i].message(Lang::En)
);

/// Copies ASCII `text` into a NUL-terminated C array (truncating, never overflowing).
fn c_array<const N: usize>(text: &[u8]) -> [c_char; N] {
    let mut out = [0; N];
    for (slot, &byte) in out.iter_mut().zip(text.iter().take(N.saturating_sub(1))) {
        *slot = byte as c_char;
    }
    out
}

fn index_of<T: PartialEq>(all: &[T], item: &T) -> usize {
    all.iter().position(|x| x == item).unwrap_or(usize::MAX)
}

impl bhyt_card {
    fn from_core(card: &CardNumber) -> bhyt_card {
        let group = card.group_code();
        let group_index = group.map_or(usize::MAX, |g| index_of(&GroupCode::ALL, &g));
        let benefit = card.benefit_level().map_or(0, |level| level.digit());
        let issuer_index = card
            .issuer()
            .map_or(usize::MAX, |issuer| index_of(&Issuer::ALL, &issuer));
        bhyt_card {
            form: card.form().len() as u8,
            benefit_level: benefit,
            province_code: card.province_code().map_or(0, |p| p.value()),
            issuer: card.issuer().map_or(BHYT_ISSUER_ANY, issuer_to_c),
            compact: c_array(card.format(Style::Compact).as_bytes()),
            group_code: c_array(group.map_or("", |g| g.as_str()).as_bytes()),
            social_insurance_number: c_array(card.social_insurance_number().as_bytes()),
            key: card.key().value(),
            group_description_vi: GROUP_VI.get(group_index).as_ptr(),
            group_description_en: GROUP_EN.get(group_index).as_ptr(),
            benefit_meaning_vi: BENEFIT_VI.get(usize::from(benefit)).as_ptr(),
            benefit_meaning_en: BENEFIT_EN.get(usize::from(benefit)).as_ptr(),
            issuer_name_vi: ISSUER_VI.get(issuer_index).as_ptr(),
            issuer_name_en: ISSUER_EN.get(issuer_index).as_ptr(),
        }
    }
}

/// The state of a partly typed number (`bhyt_prefix.state`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum bhyt_prefix_state {
    /// Nothing is wrong yet, and more characters are needed.
    BHYT_PREFIX_INCOMPLETE = 0,
    /// A complete, valid number.
    BHYT_PREFIX_COMPLETE = 1,
    /// No continuation can make the input valid.
    BHYT_PREFIX_INVALID = 2,
}

/// What the as-you-type check (`bhyt_check_prefix`) says of a partly typed number.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_prefix {
    /// Incomplete, complete or invalid.
    pub state: bhyt_prefix_state,
    /// The form being typed: 10 or 15 once the first character tells (a digit: 10; a letter:
    /// 15); 0 while nothing is typed, and for an invalid input.
    pub form: u8,
    /// Incomplete: how many more characters the form needs (10 while nothing is typed);
    /// otherwise 0.
    pub missing: usize,
    /// Invalid: the 0-based character position of the first character that can never fit
    /// (for a number that is too long, the first character past its end); otherwise
    /// `BHYT_NO_POSITION`.
    pub at: usize,
    /// Invalid: the byte offset where the character at `at` starts; otherwise
    /// `BHYT_NO_POSITION`.
    pub at_byte_offset: usize,
    /// Invalid: why. Its position is the start of the offending part, which is before `at`
    /// when the part is the group code or the province code (`DS`: `at` 1, `error.position`
    /// 0). Otherwise `code` is `BHYT_OK` and the positions are `BHYT_NO_POSITION`.
    pub error: bhyt_error,
}

impl bhyt_prefix {
    fn from_core(check: &PrefixCheck, input: &[u8]) -> bhyt_prefix {
        let mut out = bhyt_prefix {
            state: bhyt_prefix_state::BHYT_PREFIX_INCOMPLETE,
            form: 0,
            missing: 0,
            at: NO_POSITION,
            at_byte_offset: NO_POSITION,
            error: bhyt_error::bare(BHYT_OK),
        };
        match *check {
            PrefixCheck::Incomplete { form, missing } => {
                out.form = form.map_or(0, |form| form.len() as u8);
                out.missing = missing;
            }
            PrefixCheck::Complete(card) => {
                out.state = bhyt_prefix_state::BHYT_PREFIX_COMPLETE;
                out.form = card.form().len() as u8;
            }
            PrefixCheck::Invalid { at, error } => {
                out.state = bhyt_prefix_state::BHYT_PREFIX_INVALID;
                out.at = at;
                out.at_byte_offset = byte_offset(input, at);
                out.error = bhyt_error::from_core(&error, input);
            }
        }
        out
    }
}

/// One input of `bhyt_validate_batch`: a pointer to `len` bytes (not NUL-terminated).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct bhyt_input {
    /// The bytes; NULL gives this item the verdict `BHYT_NULL_ARGUMENT`.
    pub data: *const c_char,
    /// How many bytes.
    pub len: usize,
}

/// The verdict on one number of a batch (`bhyt_validate_batch`, `bhyt_validate_lines`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_verdict {
    /// `BHYT_OK` for a valid number, otherwise why not (for a batch item whose `data` is
    /// NULL, `BHYT_NULL_ARGUMENT`).
    pub code: bhyt_result,
    /// Valid: 10 or 15; otherwise 0.
    pub form: u8,
    /// Invalid: the error's character position in the item (or line), or
    /// `BHYT_NO_POSITION`; valid: `BHYT_NO_POSITION`.
    pub position: usize,
    /// The byte offset of `position` in the item (or line), or `BHYT_NO_POSITION`.
    pub byte_offset: usize,
    /// Valid: the card's key (see `bhyt_card.key`), for finding duplicates; otherwise 0.
    pub key: u64,
}

impl bhyt_verdict {
    fn from_core(verdict: &Result<CardNumber, Error>, input: &[u8]) -> bhyt_verdict {
        match verdict {
            Ok(card) => bhyt_verdict {
                code: BHYT_OK,
                form: card.form().len() as u8,
                position: NO_POSITION,
                byte_offset: NO_POSITION,
                key: card.key().value(),
            },
            Err(error) => Self::failed(bhyt_error::from_core(error, input)),
        }
    }

    const fn failed(error: bhyt_error) -> bhyt_verdict {
        bhyt_verdict {
            code: error.code,
            form: 0,
            position: error.position,
            byte_offset: error.byte_offset,
            key: 0,
        }
    }
}

/// The panic boundary every exported function runs in.
fn guard(body: impl FnOnce() -> Result<(), bhyt_result>) -> bhyt_result {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => BHYT_OK,
        Ok(Err(code)) => code,
        Err(_) => BHYT_PANIC,
    }
}

/// The panic boundary of the functions that return a static string.
fn guard_str(body: impl FnOnce() -> &'static CStr) -> *const c_char {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(c"").as_ptr()
}

/// The input bytes of a call.
///
/// # Safety
///
/// `data` is NULL or points to `len` readable bytes.
unsafe fn input<'a>(data: *const c_char, len: usize) -> Result<&'a [u8], bhyt_result> {
    if data.is_null() {
        return Err(BHYT_NULL_ARGUMENT);
    }
    if len > isize::MAX as usize {
        // No buffer is that large; whatever it holds, it is not 10 or 15 characters.
        return Err(BHYT_INVALID_LENGTH);
    }
    // SAFETY: the caller guarantees `len` readable bytes at the non-NULL `data`.
    Ok(unsafe { core::slice::from_raw_parts(data.cast::<u8>(), len) })
}

/// Writes `error` to `out_error` if the caller asked for it and the call failed.
///
/// # Safety
///
/// `out_error` is NULL or valid for writing a `bhyt_error`.
unsafe fn report(result: bhyt_result, detail: Option<bhyt_error>, out_error: *mut bhyt_error) {
    if result == BHYT_OK || out_error.is_null() {
        return;
    }
    let error = match detail {
        Some(detail) if detail.code == result => detail,
        _ => bhyt_error::bare(result),
    };
    // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
    unsafe { out_error.write(error) };
}

/// The version of the library actually loaded, `MAJOR.MINOR.PATCH`, as a static string.
/// Compare it with `BHYT_VERSION` (the header's) to detect a header and library mismatch.
#[no_mangle]
pub extern "C" fn bhyt_version() -> *const c_char {
    guard_str(|| {
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(version) => version,
            Err(_) => c"",
        }
    })
}

/// Checks a card number exactly as typed: `BHYT_OK` (0) if it is valid for `issuer`
/// (`BHYT_ISSUER_ANY`: any issuing body, inferred from characters 4-5), otherwise the error
/// code (1 to 6), or `BHYT_NULL_ARGUMENT` / `BHYT_INVALID_ISSUER`.
///
/// The input is `len` bytes, not NUL-terminated (a NUL byte is an ordinary, invalid
/// character). Nothing is trimmed or uppercased: see `bhyt_validate_lenient` for pasted text.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validate(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { check(input, len, issuer, Mode::Strict) }
}

/// Checks pasted or scanned text: drops Unicode whitespace, `.`, `-` and `_`, uppercases ASCII
/// letters, then applies the rules of `bhyt_validate`. Returns as `bhyt_validate` does.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validate_lenient(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { check(input, len, issuer, Mode::Lenient) }
}

/// # Safety
///
/// `input` is NULL or points to `len` readable bytes.
unsafe fn check(input: *const c_char, len: usize, issuer: bhyt_issuer, mode: Mode) -> bhyt_result {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(input, len) }?;
        let issuer = issuer_from_c(issuer)?;
        // The verdict alone is the common case: no card to build, no error to explain.
        if mode == Mode::Strict && bhyt::is_valid(bytes, issuer) {
            return Ok(());
        }
        match mode.validate(bytes, issuer) {
            Ok(_) => Ok(()),
            Err(error) => Err(bhyt_result::from_core(error.code())),
        }
    })
}

/// Checks a card number exactly as typed (as `bhyt_validate`) and, if it is valid, writes its
/// decoded parts to `*out_card`.
///
/// Returns `BHYT_OK` and fills `*out_card`, or returns an error code, leaves `*out_card`
/// untouched and, if `out_error` is not NULL, writes the code and position to `*out_error`.
/// `out_card` is required; `out_error` is optional.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_card` and `out_error` are NULL or
/// valid for writing one struct each.
#[no_mangle]
pub unsafe extern "C" fn bhyt_parse(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_card: *mut bhyt_card,
    out_error: *mut bhyt_error,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { parse(input, len, issuer, out_card, out_error, Mode::Strict) }
}

/// The lenient `bhyt_parse`: normalises as `bhyt_validate_lenient` does, then parses. Error
/// positions point into the input as given.
///
/// # Safety
///
/// As `bhyt_parse`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_parse_lenient(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_card: *mut bhyt_card,
    out_error: *mut bhyt_error,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { parse(input, len, issuer, out_card, out_error, Mode::Lenient) }
}

/// # Safety
///
/// As `bhyt_parse`.
unsafe fn parse(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_card: *mut bhyt_card,
    out_error: *mut bhyt_error,
    mode: Mode,
) -> bhyt_result {
    let mut detail = None;
    let result = guard(|| {
        if out_card.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(input, len) }?;
        let issuer = issuer_from_c(issuer)?;
        match mode.validate(bytes, issuer) {
            Ok(card) => {
                // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
                unsafe { out_card.write(bhyt_card::from_core(&card)) };
                Ok(())
            }
            Err(error) => {
                let error = bhyt_error::from_core(&error, bytes);
                detail = Some(error);
                Err(error.code)
            }
        }
    });
    // SAFETY: forwarded from the caller.
    unsafe { report(result, detail, out_error) };
    result
}

/// The as-you-type check: whether `input`, exactly as typed so far, can still become a valid
/// number for `issuer`, and if not, where it goes wrong. Every prefix of a valid number
/// passes.
///
/// Returns `BHYT_OK` and writes the answer to `*out_prefix` (whatever the answer: an invalid
/// input is a normal answer, `state` `BHYT_PREFIX_INVALID`), or returns
/// `BHYT_NULL_ARGUMENT`, `BHYT_INVALID_ISSUER` or `BHYT_PANIC` and writes nothing.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_prefix` is NULL or valid for
/// writing a `bhyt_prefix`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_check_prefix(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_prefix: *mut bhyt_prefix,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { prefix(input, len, issuer, out_prefix, Mode::Strict) }
}

/// The lenient `bhyt_check_prefix`: separators dropped and letters uppercased first, as in
/// `bhyt_validate_lenient`; positions point into the input as given.
///
/// # Safety
///
/// As `bhyt_check_prefix`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_check_prefix_lenient(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_prefix: *mut bhyt_prefix,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { prefix(input, len, issuer, out_prefix, Mode::Lenient) }
}

/// # Safety
///
/// As `bhyt_check_prefix`.
unsafe fn prefix(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_prefix: *mut bhyt_prefix,
    mode: Mode,
) -> bhyt_result {
    guard(|| {
        if out_prefix.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(input, len) }?;
        let issuer = issuer_from_c(issuer)?;
        let check = mode.check_prefix(bytes, issuer);
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_prefix.write(bhyt_prefix::from_core(&check, bytes)) };
        Ok(())
    })
}

/// Writes a parsed card in `style` into `buffer` (`size` bytes), NUL-terminated, like
/// `snprintf` but never truncating.
///
/// - The text needs `required` bytes, its NUL included: at most `BHYT_FORMAT_SIZE` (19), so a
///   buffer of that size always suffices. `required` is written to `*out_required` (if not
///   NULL) whenever the result is `BHYT_OK` or `BHYT_BUFFER_TOO_SMALL`.
/// - `size >= required`: writes the text and its NUL (`required` bytes, nothing more) and
///   returns `BHYT_OK`.
/// - `size < required`: writes NOTHING to `buffer` (no partial text, no NUL: a truncated card
///   number must never be mistaken for one) and returns `BHYT_BUFFER_TOO_SMALL`.
/// - `buffer` may be NULL only when `size` is 0, to ask for the size.
///
/// `card` must come from `bhyt_parse` or `bhyt_parse_lenient` (only its `compact` field is
/// read, and checked again: a struct that does not hold a valid number gives that number's
/// error code). Returns `BHYT_NULL_ARGUMENT` for a NULL `card`, `BHYT_INVALID_STYLE` for an
/// unknown style.
///
/// # Safety
///
/// `card` is NULL or points to a readable `bhyt_card`; `buffer` is NULL or valid for writing
/// `size` bytes; `out_required` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_format(
    card: *const bhyt_card,
    style: bhyt_style,
    buffer: *mut c_char,
    size: usize,
    out_required: *mut usize,
) -> bhyt_result {
    guard(|| {
        if card.is_null() || (buffer.is_null() && size != 0) {
            return Err(BHYT_NULL_ARGUMENT);
        }
        let style = style_from_c(style)?;
        // SAFETY: non-NULL, and the caller guarantees a readable `bhyt_card`.
        let compact = unsafe { ptr::addr_of!((*card).compact).read() }.map(|c| c as u8);
        let end = compact
            .iter()
            .position(|&byte| byte == 0)
            .unwrap_or(compact.len());
        let card = bhyt::validate(&compact[..end], None)
            .map_err(|error| bhyt_result::from_core(error.code()))?;
        let formatted = card.format(style);
        let text = formatted.as_bytes();
        let required = text.len() + 1;
        if !out_required.is_null() {
            // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
            unsafe { out_required.write(required) };
        }
        if size < required {
            return Err(BHYT_BUFFER_TOO_SMALL);
        }
        // SAFETY: `buffer` is non-NULL (size >= required > 0) and valid for `size` bytes,
        // of which `required` are written.
        unsafe {
            ptr::copy_nonoverlapping(text.as_ptr(), buffer.cast::<u8>(), text.len());
            buffer.add(text.len()).write(0);
        }
        Ok(())
    })
}

/// Validates `count` numbers in one call, each given as pointer and length, writing one
/// verdict per number to `out_verdicts[0 .. count-1]` (an array of at least `count`).
///
/// Returns `BHYT_OK` once every verdict is written (the verdicts say which numbers are
/// valid); `BHYT_NULL_ARGUMENT` (writing nothing) if `inputs` or `out_verdicts` is NULL while
/// `count` is not 0; `BHYT_INVALID_ISSUER`. An item whose `data` is NULL gets the verdict
/// `BHYT_NULL_ARGUMENT` and does not stop the others.
///
/// # Safety
///
/// `inputs` is NULL or points to `count` readable `bhyt_input`s, each of whose `data` is NULL
/// or points to `len` readable bytes; `out_verdicts` is NULL or valid for writing `count`
/// `bhyt_verdict`s.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validate_batch(
    inputs: *const bhyt_input,
    count: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { batch(inputs, count, issuer, out_verdicts, Mode::Strict) }
}

/// The lenient `bhyt_validate_batch` (each item as `bhyt_validate_lenient` would see it).
///
/// # Safety
///
/// As `bhyt_validate_batch`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validate_batch_lenient(
    inputs: *const bhyt_input,
    count: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { batch(inputs, count, issuer, out_verdicts, Mode::Lenient) }
}

/// # Safety
///
/// As `bhyt_validate_batch`.
unsafe fn batch(
    inputs: *const bhyt_input,
    count: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
    mode: Mode,
) -> bhyt_result {
    guard(|| {
        if count == 0 {
            issuer_from_c(issuer)?;
            return Ok(());
        }
        if inputs.is_null() || out_verdicts.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        let issuer = issuer_from_c(issuer)?;
        for i in 0..count {
            // SAFETY: the caller guarantees `count` readable items.
            let item = unsafe { inputs.add(i).read() };
            // SAFETY: forwarded from the caller.
            let verdict = match unsafe { self::input(item.data, item.len) } {
                Ok(bytes) => bhyt_verdict::from_core(&mode.validate(bytes, issuer), bytes),
                Err(code) => bhyt_verdict::failed(bhyt_error::bare(code)),
            };
            // SAFETY: the caller guarantees room for `count` verdicts.
            unsafe { out_verdicts.add(i).write(verdict) };
        }
        Ok(())
    })
}

/// Validates every line of `buffer` (`len` bytes): LF ends a line, a CR before it is
/// dropped (CRLF files), a final line without LF counts, an empty buffer has no lines, and
/// an empty line is checked like any other (an invalid length).
///
/// Writes the number of lines to `*out_count` (required) whenever the result is `BHYT_OK` or
/// `BHYT_BUFFER_TOO_SMALL`. If `capacity` (the length of the `out_verdicts` array) is at
/// least that number, writes one verdict per line and returns `BHYT_OK`; otherwise writes no
/// verdict and returns `BHYT_BUFFER_TOO_SMALL`. `out_verdicts` may be NULL only when
/// `capacity` is 0, to ask for the count. Positions and byte offsets in the verdicts are
/// relative to the start of the line.
///
/// # Safety
///
/// `buffer` is NULL or points to `len` readable bytes; `out_verdicts` is NULL or valid for
/// writing `capacity` `bhyt_verdict`s; `out_count` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validate_lines(
    buffer: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
    capacity: usize,
    out_count: *mut usize,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        validate_lines(
            buffer,
            len,
            issuer,
            out_verdicts,
            capacity,
            out_count,
            Mode::Strict,
        )
    }
}

/// The lenient `bhyt_validate_lines` (each line as `bhyt_validate_lenient` would see it).
///
/// # Safety
///
/// As `bhyt_validate_lines`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validate_lines_lenient(
    buffer: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
    capacity: usize,
    out_count: *mut usize,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        validate_lines(
            buffer,
            len,
            issuer,
            out_verdicts,
            capacity,
            out_count,
            Mode::Lenient,
        )
    }
}

/// # Safety
///
/// As `bhyt_validate_lines`.
unsafe fn validate_lines(
    buffer: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
    capacity: usize,
    out_count: *mut usize,
    mode: Mode,
) -> bhyt_result {
    guard(|| {
        if out_count.is_null() || (out_verdicts.is_null() && capacity != 0) {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(buffer, len) }?;
        let issuer = issuer_from_c(issuer)?;
        let verdicts = || mode.validate_lines(bytes, issuer);
        let count = verdicts().count();
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_count.write(count) };
        if count > capacity {
            return Err(BHYT_BUFFER_TOO_SMALL);
        }
        for (i, line) in verdicts().enumerate() {
            let verdict = bhyt_verdict::from_core(&line.result(), line.text());
            // SAFETY: i < count <= capacity, and the caller guarantees room for `capacity`.
            unsafe { out_verdicts.add(i).write(verdict) };
        }
        Ok(())
    })
}

/// The codes of the C layer's own (success and errors of the call itself), with their names and
/// general messages, Vietnamese and English side by side: the C layer's one table of them.
/// The core's codes (1 to 6) and the reception desk's two take their names and messages from
/// the core.
const CALL_CODES: [(bhyt_result, &CStr, &CStr, &CStr); 6] = [
    (BHYT_OK, c"ok", c"Thành công", c"success"),
    (
        BHYT_NULL_ARGUMENT,
        c"null_argument",
        c"Thiếu đối số bắt buộc (con trỏ NULL)",
        c"a required pointer argument is NULL",
    ),
    (
        BHYT_BUFFER_TOO_SMALL,
        c"buffer_too_small",
        c"Vùng đệm đầu ra quá nhỏ",
        c"the output buffer is too small",
    ),
    (
        BHYT_INVALID_ISSUER,
        c"invalid_issuer",
        c"Giá trị đơn vị cấp thẻ không hợp lệ",
        c"the issuer is not one of the BHYT_ISSUER_* values",
    ),
    (
        BHYT_INVALID_STYLE,
        c"invalid_style",
        c"Kiểu định dạng không hợp lệ",
        c"the style is not one of the BHYT_STYLE_* values",
    ),
    (
        BHYT_PANIC,
        c"panic",
        c"Lỗi nội bộ của thư viện bhyt",
        c"internal error in the bhyt library",
    ),
];

/// The C codes of the core's [`IdentifyCode`]s.
const fn identify_result(code: IdentifyCode) -> bhyt_result {
    match code {
        IdentifyCode::InvalidPersonalId => BHYT_INVALID_PERSONAL_ID,
        // `IdentifyCode` is non-exhaustive: a newer code is unrecognised input until this
        // binding gives it a number (a test fails first).
        _ => BHYT_UNRECOGNIZED_INPUT,
    }
}

nul_table!(
    /// `IdentifyCode::as_str`, in `IdentifyCode::ALL` order.
    IDENTIFY_NAMES: IdentifyCode::ALL.len(), |i| IdentifyCode::ALL[i].as_str()
);
nul_table!(
    /// `IdentifyCode::message(Lang::Vi)`, in `IdentifyCode::ALL` order.
    IDENTIFY_VI: IdentifyCode::ALL.len(), |i| IdentifyCode::ALL[i].message(Lang::Vi)
);
nul_table!(
    /// `IdentifyCode::message(Lang::En)`, in `IdentifyCode::ALL` order.
    IDENTIFY_EN: IdentifyCode::ALL.len(), |i| IdentifyCode::ALL[i].message(Lang::En)
);

/// Where a result code's name and messages are: the C layer's table, the core's identify
/// codes, or the core's error codes.
enum Described {
    Call(&'static CStr, &'static CStr, &'static CStr),
    Identify(usize),
    Core(usize),
}

fn described(code: u32) -> Option<Described> {
    if let Some(&(_, name, vi, en)) = CALL_CODES.iter().find(|row| row.0 as u32 == code) {
        return Some(Described::Call(name, vi, en));
    }
    if let Some(i) = IdentifyCode::ALL
        .iter()
        .position(|&c| identify_result(c) as u32 == code)
    {
        return Some(Described::Identify(i));
    }
    core_index(code).map(Described::Core)
}

/// The stable name of a result code: `"ok"`, the core's names for 1 to 6
/// (`"invalid_length"`, ...), `"null_argument"`, `"buffer_too_small"`, `"invalid_issuer"`,
/// `"invalid_style"`, `"panic"`, `"unrecognized_input"`, `"invalid_personal_id"`; `"unknown"`
/// for a value that is no code. A static string, never NULL.
#[no_mangle]
pub extern "C" fn bhyt_error_code_name(code: u32) -> *const c_char {
    guard_str(|| match described(code) {
        Some(Described::Call(name, _, _)) => name,
        Some(Described::Identify(i)) => IDENTIFY_NAMES.get(i),
        Some(Described::Core(i)) => CODE_NAMES.get(i),
        None => c"unknown",
    })
}

/// A general message for a result code in `lang`, without the details of a particular
/// error (show `position` next to it): for codes 1 to 6 the core's messages, e.g.
/// `"Mức hưởng (ký tự 3) phải là chữ số từ 1 đến 5"`. A static UTF-8 string, never NULL; a
/// value that is no code gets an "unknown error code" message.
#[no_mangle]
pub extern "C" fn bhyt_error_message(code: u32, lang: bhyt_lang) -> *const c_char {
    guard_str(|| {
        let vi = lang == BHYT_LANG_VI;
        match (described(code), vi) {
            (Some(Described::Call(_, text, _)), true) => text,
            (Some(Described::Call(_, _, text)), false) => text,
            (Some(Described::Identify(i)), true) => IDENTIFY_VI.get(i),
            (Some(Described::Identify(i)), false) => IDENTIFY_EN.get(i),
            (Some(Described::Core(i)), true) => CODE_VI.get(i),
            (Some(Described::Core(i)), false) => CODE_EN.get(i),
            (None, true) => c"Mã lỗi không xác định",
            (None, false) => c"unknown error code",
        }
    })
}

/// The index in `ErrorCode::ALL` of the core code numbered `code`.
fn core_index(code: u32) -> Option<usize> {
    let code = ErrorCode::from_number(code)?;
    ErrorCode::ALL.iter().position(|&c| c == code)
}

// ---- Reception desk and claims: identify, MA_THE_BHYT, advice -------------------------------

/// What `bhyt_identify` found (`bhyt_identity.kind`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum bhyt_identity_kind {
    /// A valid BHYT card number, in `bhyt_identity.card`.
    BHYT_IDENTITY_CARD = 1,
    /// A 12-digit personal identification number, in `bhyt_identity.personal_id`.
    BHYT_IDENTITY_PERSONAL_ID = 2,
}

/// Sex, as digit 4 of a personal identification number encodes it (even male, odd female).
pub type bhyt_sex = u8;

/// Nam.
pub const BHYT_SEX_MALE: bhyt_sex = 1;
/// Nữ.
pub const BHYT_SEX_FEMALE: bhyt_sex = 2;

/// A decoded 12-digit personal identification number (số định danh cá nhân, on the CCCD /
/// căn cước card). Personal data, like a card number: do not log `digits`.
///
/// Digits 1-3 are the code of the province, or of the country, where the birth was
/// registered; since the 2025 merger of provinces a code may name another province than
/// before, so the library gives the number and only says whether it is on the 2016 list of
/// the 63 provinces (informative: a code off the list is never an error).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_personal_id {
    /// The 12 digits, NUL-terminated.
    pub digits: [c_char; 13],
    /// The 12 digits with the first 8 replaced by `*` (`********1234`), NUL-terminated: for
    /// logs and screens.
    pub masked: [c_char; 13],
    /// Sex: `BHYT_SEX_MALE` or `BHYT_SEX_FEMALE`.
    pub sex: bhyt_sex,
    /// 1 when `birth_place_code` is on the 2016 list of the 63 provinces' codes (Thông tư
    /// 07/2016/TT-BCA), else 0.
    pub birth_place_on_2016_list: u8,
    /// Digits 1-3 as a number, 0 to 999.
    pub birth_place_code: u16,
    /// The first year of the birth century (1900, 2000, ... 2300), from digit 4.
    pub century: u16,
    /// The birth year (century and digits 5-6). The library has no clock: a year in the
    /// future is a typing error for the caller to catch.
    pub birth_year: u16,
}

/// What `bhyt_identify` says of one search box: a card number or a personal identification
/// number. Only the member that `kind` names is meaningful; the other is zeroed (its string
/// pointers point to empty static strings, never NULL).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct bhyt_identity {
    /// Which member holds the answer.
    pub kind: bhyt_identity_kind,
    /// `BHYT_IDENTITY_CARD`: the card, as `bhyt_parse` fills it.
    pub card: bhyt_card,
    /// `BHYT_IDENTITY_PERSONAL_ID`: the decoded number.
    pub personal_id: bhyt_personal_id,
}

impl bhyt_card {
    /// A card with nothing in it (the strings empty, never NULL).
    fn empty() -> bhyt_card {
        bhyt_card {
            form: 0,
            benefit_level: 0,
            province_code: 0,
            issuer: BHYT_ISSUER_ANY,
            compact: [0; BHYT_COMPACT_SIZE],
            group_code: [0; 3],
            social_insurance_number: [0; 11],
            key: 0,
            group_description_vi: c"".as_ptr(),
            group_description_en: c"".as_ptr(),
            benefit_meaning_vi: c"".as_ptr(),
            benefit_meaning_en: c"".as_ptr(),
            issuer_name_vi: c"".as_ptr(),
            issuer_name_en: c"".as_ptr(),
        }
    }
}

impl bhyt_personal_id {
    fn from_core(id: &bhyt::PersonalId) -> bhyt_personal_id {
        bhyt_personal_id {
            digits: c_array(id.as_bytes()),
            masked: c_array(id.masked().as_str().as_bytes()),
            sex: match id.sex() {
                bhyt::Sex::Male => BHYT_SEX_MALE,
                bhyt::Sex::Female => BHYT_SEX_FEMALE,
            },
            birth_place_on_2016_list: u8::from(id.birth_place().is_on_2016_province_list()),
            birth_place_code: id.birth_place().value(),
            century: id.century(),
            birth_year: id.birth_year(),
        }
    }

    fn empty() -> bhyt_personal_id {
        bhyt_personal_id {
            digits: [0; 13],
            masked: [0; 13],
            sex: 0,
            birth_place_on_2016_list: 0,
            birth_place_code: 0,
            century: 0,
            birth_year: 0,
        }
    }
}

fn identify_error(error: &bhyt::IdentifyError, input: &[u8]) -> bhyt_error {
    let code = match (error, error.identify_code()) {
        (bhyt::IdentifyError::Card(error), _) => return bhyt_error::from_core(error, input),
        (_, Some(code)) => identify_result(code),
        (_, None) => BHYT_UNRECOGNIZED_INPUT,
    };
    let position = error.position();
    bhyt_error {
        code,
        position: position.unwrap_or(NO_POSITION),
        byte_offset: position.map_or(NO_POSITION, |p| byte_offset(input, p)),
    }
}

/// Says what was typed into one search box, exactly as typed: a BHYT card number (10 or 15
/// characters, checked as `bhyt_parse` checks it with `BHYT_ISSUER_ANY`) or a 12-digit
/// personal identification number (decoded). The number of characters decides which rule
/// applies; nothing is guessed.
///
/// Returns `BHYT_OK` and fills `*out_identity`; or a card error (1 to 6, for 10 or 15
/// characters), `BHYT_INVALID_PERSONAL_ID` (12 characters, not all digits: the position of
/// the first that is not), `BHYT_UNRECOGNIZED_INPUT` (any other length), writing the code and
/// position to `*out_error` if it is not NULL; or `BHYT_NULL_ARGUMENT`.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_identity` and `out_error` are NULL
/// or valid for writing one struct each.
#[no_mangle]
pub unsafe extern "C" fn bhyt_identify(
    input: *const c_char,
    len: usize,
    out_identity: *mut bhyt_identity,
    out_error: *mut bhyt_error,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { identify(input, len, out_identity, out_error, Mode::Strict) }
}

/// The lenient `bhyt_identify`: whitespace, `.`, `-` and `_` dropped and letters uppercased
/// first, as in `bhyt_validate_lenient`; positions point into the input as given.
///
/// # Safety
///
/// As `bhyt_identify`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_identify_lenient(
    input: *const c_char,
    len: usize,
    out_identity: *mut bhyt_identity,
    out_error: *mut bhyt_error,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe { identify(input, len, out_identity, out_error, Mode::Lenient) }
}

/// # Safety
///
/// As `bhyt_identify`.
unsafe fn identify(
    input: *const c_char,
    len: usize,
    out_identity: *mut bhyt_identity,
    out_error: *mut bhyt_error,
    mode: Mode,
) -> bhyt_result {
    let mut detail = None;
    let result = guard(|| {
        if out_identity.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(input, len) }?;
        let found = mode.identify(bytes);
        let identity = match found {
            Ok(bhyt::Identity::Card(card)) => bhyt_identity {
                kind: bhyt_identity_kind::BHYT_IDENTITY_CARD,
                card: bhyt_card::from_core(&card),
                personal_id: bhyt_personal_id::empty(),
            },
            Ok(bhyt::Identity::PersonalId(id)) => bhyt_identity {
                kind: bhyt_identity_kind::BHYT_IDENTITY_PERSONAL_ID,
                card: bhyt_card::empty(),
                personal_id: bhyt_personal_id::from_core(&id),
            },
            Err(error) => {
                let error = identify_error(&error, bytes);
                detail = Some(error);
                return Err(error.code);
            }
        };
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_identity.write(identity) };
        Ok(())
    });
    // SAFETY: forwarded from the caller.
    unsafe { report(result, detail, out_error) };
    result
}

/// One item of a claims `MA_THE_BHYT` field (`bhyt_parse_ma_the_bhyt`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_ma_the_item {
    /// The item's verdict, as in a batch; `position` and `byte_offset` count from the start
    /// of the whole field.
    pub verdict: bhyt_verdict,
    /// The character position in the field where the item's text starts (surrounding
    /// whitespace dropped; for an empty item, where it would start).
    pub start: usize,
    /// The byte offset of the same place.
    pub byte_start: usize,
    /// The item's text length in bytes: `field + byte_start` holds it; 0 for an empty item
    /// (whose verdict is `BHYT_INVALID_LENGTH`).
    pub byte_len: usize,
}

/// Splits a claims `MA_THE_BHYT` field (QĐ 130/QĐ-BYT: one or more 15-character card codes
/// joined with `;` when a patient changed card during one treatment) and checks every item as
/// `bhyt_validate` would, with `issuer`.
///
/// Every `;` separates two items (`n` separators, `n + 1` items); Unicode whitespace around
/// an item is dropped; an empty item (an empty or blank field, `;;`, a leading or trailing
/// `;`) is reported with `BHYT_INVALID_LENGTH` and `byte_len` 0, never skipped.
///
/// Writes the number of items to `*out_count` (required) on `BHYT_OK` and on
/// `BHYT_BUFFER_TOO_SMALL`. If `capacity` is at least that number, writes one item per `;`-
/// separated part and returns `BHYT_OK`; otherwise writes no item and returns
/// `BHYT_BUFFER_TOO_SMALL`. `out_items` may be NULL only when `capacity` is 0, to ask for the
/// count.
///
/// # Safety
///
/// `field` is NULL or points to `len` readable bytes; `out_items` is NULL or valid for
/// writing `capacity` items; `out_count` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_parse_ma_the_bhyt(
    field: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_items: *mut bhyt_ma_the_item,
    capacity: usize,
    out_count: *mut usize,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        ma_the(
            field,
            len,
            issuer,
            out_items,
            capacity,
            out_count,
            Mode::Strict,
        )
    }
}

/// The lenient `bhyt_parse_ma_the_bhyt` (each item as `bhyt_validate_lenient` sees it).
///
/// # Safety
///
/// As `bhyt_parse_ma_the_bhyt`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_parse_ma_the_bhyt_lenient(
    field: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_items: *mut bhyt_ma_the_item,
    capacity: usize,
    out_count: *mut usize,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        ma_the(
            field,
            len,
            issuer,
            out_items,
            capacity,
            out_count,
            Mode::Lenient,
        )
    }
}

/// # Safety
///
/// As `bhyt_parse_ma_the_bhyt`.
unsafe fn ma_the(
    field: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_items: *mut bhyt_ma_the_item,
    capacity: usize,
    out_count: *mut usize,
    mode: Mode,
) -> bhyt_result {
    guard(|| {
        if out_count.is_null() || (out_items.is_null() && capacity != 0) {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(field, len) }?;
        let issuer = issuer_from_c(issuer)?;
        let items = || mode.parse_ma_the_bhyt(bytes, issuer);
        let count = items().count();
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_count.write(count) };
        if count > capacity {
            return Err(BHYT_BUFFER_TOO_SMALL);
        }
        for (i, item) in items().enumerate() {
            let out = bhyt_ma_the_item {
                verdict: bhyt_verdict::from_core(&item.result(), bytes),
                start: item.position(),
                byte_start: item.byte_offset(),
                byte_len: item.text().len(),
            };
            // SAFETY: i < count <= capacity, and the caller guarantees room for `capacity`.
            unsafe { out_items.add(i).write(out) };
        }
        Ok(())
    })
}

/// The code of an advisory note (`bhyt_advice.code`): the core's advice codes, with the same
/// numbers and, through `bhyt_advice_code_name`, the same names as in Rust and JavaScript.
/// A separate list from `bhyt_result`: advice is never an error. Values are never reused.
pub type bhyt_advice_code = u32;

/// `unusual_benefit_level`: a valid 15-character card whose benefit digit differs from the
/// level usual for its group (normal for a person in several groups).
pub const BHYT_ADVICE_UNUSUAL_BENEFIT_LEVEL: bhyt_advice_code = 1;
/// `issued_after_vneid_list`: the group code is ND, TG or AK, real codes added after the
/// VNeID list was fixed (`short_form_passes` says whether the last 10 characters pass).
pub const BHYT_ADVICE_ISSUED_AFTER_VNEID_LIST: bhyt_advice_code = 2;
/// `unlisted_birth_place_code`: a personal identification number whose digits 1-3 are not on
/// the 2016 list of the 63 provinces.
pub const BHYT_ADVICE_UNLISTED_BIRTH_PLACE_CODE: bhyt_advice_code = 3;
/// `short_form_in_claims`: a valid 10-digit item in a claims `MA_THE_BHYT` field (only the
/// core's claims items give it; `bhyt_advise` never does).
pub const BHYT_ADVICE_SHORT_FORM_IN_CLAIMS: bhyt_advice_code = 4;

/// The most notes `bhyt_advise` ever writes for one input: an array of this many always
/// suffices.
pub const BHYT_ADVICE_MAX: usize = 3;

const _: () = {
    assert!(BHYT_ADVICE_UNUSUAL_BENEFIT_LEVEL == AdviceCode::UnusualBenefitLevel.number());
    assert!(BHYT_ADVICE_ISSUED_AFTER_VNEID_LIST == AdviceCode::IssuedAfterVneidList.number());
    assert!(BHYT_ADVICE_UNLISTED_BIRTH_PLACE_CODE == AdviceCode::UnlistedBirthPlaceCode.number());
    assert!(BHYT_ADVICE_SHORT_FORM_IN_CLAIMS == AdviceCode::ShortFormInClaims.number());
};

/// One advisory note (`bhyt_advise`): informative, never a verdict. Fields that do not apply
/// to the code are 0 or empty.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_advice {
    /// A `BHYT_ADVICE_*` code.
    pub code: bhyt_advice_code,
    /// Unusual benefit level, issued after the VNeID list: the group code, NUL-terminated.
    pub group_code: [c_char; 3],
    /// Unusual benefit level: the card's level (1-5).
    pub benefit_level: u8,
    /// Unusual benefit level: the level usual for the group (1-5).
    pub usual_benefit_level: u8,
    /// Issued after the VNeID list: 1 when the rest of the number fits the rule, so that its
    /// last 10 characters (the 10-digit form) pass the VNeID rule; else 0.
    pub short_form_passes: u8,
    /// Unlisted birth-place code: digits 1-3 of the personal identification number (0-999).
    pub birth_place_code: u16,
}

impl bhyt_advice {
    fn from_core(advice: &bhyt::Advice) -> bhyt_advice {
        let mut out = bhyt_advice {
            code: advice.code().number(),
            group_code: [0; 3],
            benefit_level: 0,
            usual_benefit_level: 0,
            short_form_passes: 0,
            birth_place_code: 0,
        };
        match *advice {
            bhyt::Advice::UnusualBenefitLevel {
                group,
                level,
                usual,
            } => {
                out.group_code = c_array(group.as_str().as_bytes());
                out.benefit_level = level.digit();
                out.usual_benefit_level = usual.digit();
            }
            bhyt::Advice::IssuedAfterVneidList {
                code,
                short_form_passes,
            } => {
                out.group_code = c_array(code.as_str().as_bytes());
                out.short_form_passes = u8::from(short_form_passes);
            }
            bhyt::Advice::UnlistedBirthPlaceCode { code } => {
                out.birth_place_code = code.value();
            }
            _ => {}
        }
        out
    }
}

/// The advisory notes on `input`, read exactly as typed (card numbers with `issuer`, and
/// personal identification numbers, as `bhyt_identify` reads them). They never change a
/// verdict: a valid number stays valid, an invalid one invalid.
///
/// Writes the number of notes (0 to `BHYT_ADVICE_MAX`) to `*out_count` (required) on
/// `BHYT_OK` and on `BHYT_BUFFER_TOO_SMALL`; writes the notes if `capacity` suffices,
/// otherwise none (`BHYT_BUFFER_TOO_SMALL`). `out_advice` may be NULL only when `capacity` is
/// 0.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_advice` is NULL or valid for
/// writing `capacity` notes; `out_count` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_advise(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_advice: *mut bhyt_advice,
    capacity: usize,
    out_count: *mut usize,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        advise(
            input,
            len,
            issuer,
            out_advice,
            capacity,
            out_count,
            Mode::Strict,
        )
    }
}

/// The lenient `bhyt_advise` (the input normalised as `bhyt_validate_lenient` does).
///
/// # Safety
///
/// As `bhyt_advise`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_advise_lenient(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_advice: *mut bhyt_advice,
    capacity: usize,
    out_count: *mut usize,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        advise(
            input,
            len,
            issuer,
            out_advice,
            capacity,
            out_count,
            Mode::Lenient,
        )
    }
}

/// # Safety
///
/// As `bhyt_advise`.
unsafe fn advise(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_advice: *mut bhyt_advice,
    capacity: usize,
    out_count: *mut usize,
    mode: Mode,
) -> bhyt_result {
    guard(|| {
        if out_count.is_null() || (out_advice.is_null() && capacity != 0) {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { self::input(input, len) }?;
        let issuer = issuer_from_c(issuer)?;
        let notes = || mode.advise(bytes, issuer);
        let count = notes().count();
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_count.write(count) };
        if count > capacity {
            return Err(BHYT_BUFFER_TOO_SMALL);
        }
        for (i, note) in notes().enumerate() {
            // SAFETY: i < count <= capacity, and the caller guarantees room for `capacity`.
            unsafe { out_advice.add(i).write(bhyt_advice::from_core(&note)) };
        }
        Ok(())
    })
}

nul_table!(
    /// `AdviceCode::as_str`, in `AdviceCode::ALL` order.
    ADVICE_NAMES: AdviceCode::ALL.len(), |i| AdviceCode::ALL[i].as_str()
);
nul_table!(
    /// `AdviceCode::message(Lang::Vi)`, in `AdviceCode::ALL` order.
    ADVICE_VI: AdviceCode::ALL.len(), |i| AdviceCode::ALL[i].message(Lang::Vi)
);
nul_table!(
    /// `AdviceCode::message(Lang::En)`, in `AdviceCode::ALL` order.
    ADVICE_EN: AdviceCode::ALL.len(), |i| AdviceCode::ALL[i].message(Lang::En)
);

/// The index in `AdviceCode::ALL` of the advice code numbered `code`.
fn advice_index(code: u32) -> Option<usize> {
    let code = AdviceCode::from_number(code)?;
    AdviceCode::ALL.iter().position(|&c| c == code)
}

/// The stable name of an advice code: `"unusual_benefit_level"`, `"issued_after_vneid_list"`,
/// `"unlisted_birth_place_code"`, `"short_form_in_claims"`; `"unknown"` for a value that is
/// no advice code. A static string, never NULL.
#[no_mangle]
pub extern "C" fn bhyt_advice_code_name(code: bhyt_advice_code) -> *const c_char {
    guard_str(|| advice_index(code).map_or(c"unknown", |i| ADVICE_NAMES.get(i)))
}

/// A general message for an advice code in `lang` (the core's, without the details of a
/// particular note). A static UTF-8 string, never NULL; a value that is no advice code gets
/// an "unknown" message.
#[no_mangle]
pub extern "C" fn bhyt_advice_message(code: bhyt_advice_code, lang: bhyt_lang) -> *const c_char {
    guard_str(|| match (advice_index(code), lang == BHYT_LANG_VI) {
        (Some(i), true) => ADVICE_VI.get(i),
        (Some(i), false) => ADVICE_EN.get(i),
        (None, true) => c"Mã lưu ý không xác định",
        (None, false) => c"unknown advice code",
    })
}

#[cfg(test)]
mod tests;
