//! The full message of an error, as the core writes it (`bhyt_error_text`), and the details
//! it is built from as plain fields (`bhyt_error_details`): one pair of calls for every entry
//! point that returns an error, chosen by a `BHYT_CALL_*` value.
//!
//! Nothing is stored between calls: both run the same core check again on the same input
//! (a few hundred nanoseconds), so the answer is exactly the one the entry point gave.

use core::ffi::c_char;
use core::fmt::{self, Write};

use bhyt::{Error, Expected, Found, IdentifyError, Lang, Mode};

use crate::strings::bhyt_error_message_cstr;
use crate::*;

/// Which entry point's error to explain: one of the `BHYT_CALL_*` values. Any other value
/// makes `bhyt_error_details` return `BHYT_INVALID_ARGUMENT`.
pub type bhyt_call = u32;

/// `bhyt_validate` and `bhyt_parse` (and the strict batch and lines calls, item by item).
pub const BHYT_CALL_VALIDATE: bhyt_call = 0;
/// `bhyt_validate_lenient` and `bhyt_parse_lenient` (and the lenient batch and lines calls).
pub const BHYT_CALL_VALIDATE_LENIENT: bhyt_call = 1;
/// `bhyt_check_prefix`: the error of a `BHYT_PREFIX_INVALID` answer (a prefix that can still
/// become valid, or is complete, has none).
pub const BHYT_CALL_CHECK_PREFIX: bhyt_call = 2;
/// `bhyt_check_prefix_lenient`.
pub const BHYT_CALL_CHECK_PREFIX_LENIENT: bhyt_call = 3;
/// `bhyt_identify` (the issuer must be `BHYT_ISSUER_ANY`, as `bhyt_identify` checks).
pub const BHYT_CALL_IDENTIFY: bhyt_call = 4;
/// `bhyt_identify_lenient`.
pub const BHYT_CALL_IDENTIFY_LENIENT: bhyt_call = 5;
/// `bhyt_parse_ma_the_bhyt`: the input is the whole field and `item` the index of the item
/// (positions and the message count from the start of the field, as the item's verdict).
pub const BHYT_CALL_MA_THE_BHYT: bhyt_call = 6;
/// `bhyt_parse_ma_the_bhyt_lenient`.
pub const BHYT_CALL_MA_THE_BHYT_LENIENT: bhyt_call = 7;

/// A kind of character, in `bhyt_error_detail.expected` and `.found`: one of the
/// `BHYT_KIND_*` values.
pub type bhyt_char_kind = u32;

/// No kind: the error is not about one character.
pub const BHYT_KIND_NONE: bhyt_char_kind = 0;
/// An ASCII digit `0`-`9`.
pub const BHYT_KIND_DIGIT: bhyt_char_kind = 1;
/// An ASCII uppercase letter `A`-`Z`.
pub const BHYT_KIND_UPPERCASE_LETTER: bhyt_char_kind = 2;
/// Expected only, by the as-you-type check: a digit or an uppercase letter (the first
/// character of a number).
pub const BHYT_KIND_DIGIT_OR_UPPERCASE_LETTER: bhyt_char_kind = 3;
/// Found only: an ASCII lowercase letter.
pub const BHYT_KIND_LOWERCASE_LETTER: bhyt_char_kind = 4;
/// Found only: ASCII whitespace.
pub const BHYT_KIND_WHITESPACE: bhyt_char_kind = 5;
/// Found only: ASCII punctuation, a symbol or a control character.
pub const BHYT_KIND_SYMBOL: bhyt_char_kind = 6;
/// Found only: anything outside ASCII (an accented letter, a full-width digit, an invisible
/// character, bytes that are not valid UTF-8).
pub const BHYT_KIND_NON_ASCII: bhyt_char_kind = 7;

fn expected_to_c(expected: Expected) -> bhyt_char_kind {
    match expected {
        Expected::Digit => BHYT_KIND_DIGIT,
        Expected::UppercaseLetter => BHYT_KIND_UPPERCASE_LETTER,
        Expected::DigitOrUppercaseLetter => BHYT_KIND_DIGIT_OR_UPPERCASE_LETTER,
    }
}

fn found_to_c(found: Found) -> bhyt_char_kind {
    match found {
        Found::Digit => BHYT_KIND_DIGIT,
        Found::UppercaseLetter => BHYT_KIND_UPPERCASE_LETTER,
        Found::LowercaseLetter => BHYT_KIND_LOWERCASE_LETTER,
        Found::Whitespace => BHYT_KIND_WHITESPACE,
        Found::Symbol => BHYT_KIND_SYMBOL,
        Found::NonAscii => BHYT_KIND_NON_ASCII,
    }
}

/// Everything an error says, as plain fields (`bhyt_error_details`): what the core's detailed
/// message is built from. Fields that do not apply to the code are `BHYT_KIND_NONE`,
/// `BHYT_ISSUER_ANY`, `BHYT_NO_POSITION` or the empty string.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_error_detail {
    /// The code the entry point returns (or, for `BHYT_CALL_MA_THE_BHYT*`, the item's
    /// verdict code).
    pub code: bhyt_result,
    /// As `bhyt_error.position`.
    pub position: usize,
    /// As `bhyt_error.byte_offset`.
    pub byte_offset: usize,
    /// `BHYT_INVALID_CHARACTER`: the kind of character that belongs at `position`.
    pub expected: bhyt_char_kind,
    /// `BHYT_INVALID_CHARACTER` and `BHYT_INVALID_PERSONAL_ID`: the kind of character found
    /// there (a category, never the character).
    pub found: bhyt_char_kind,
    /// `BHYT_INVALID_PROVINCE_CODE`: the issuing body whose rule characters 4-5 break
    /// (`BHYT_ISSUER_ANY`: the rule of any, "not 00").
    pub issuer: bhyt_issuer,
    /// `BHYT_INVALID_LENGTH` and `BHYT_UNRECOGNIZED_INPUT`: how many characters there were
    /// (after dropping separators, in lenient mode).
    pub length: usize,
    /// `BHYT_LATE_GROUP_CODE`: the two letters of the late group code (`"ND"`, `"TG"`,
    /// `"AK"`), NUL-terminated.
    pub group_code: [c_char; 3],
}

/// The failure an entry point reports for an input: the core's error, or the call's own.
enum Failure {
    Card(Error),
    Identify(IdentifyError),
    Call(bhyt_result),
}

/// Runs the entry point `call` names on `bytes`; `None` when it finds nothing wrong.
fn failure(
    call: bhyt_call,
    bytes: &[u8],
    issuer: bhyt_issuer,
    item: usize,
) -> Result<Option<Failure>, bhyt_result> {
    let mode = Mode::from_lenient(call % 2 == 1);
    if call > BHYT_CALL_MA_THE_BHYT_LENIENT {
        return Err(BHYT_INVALID_ARGUMENT);
    }
    let issuer = issuer_from_c(issuer)?;
    Ok(match call {
        BHYT_CALL_VALIDATE | BHYT_CALL_VALIDATE_LENIENT => {
            mode.validate(bytes, issuer).err().map(Failure::Card)
        }
        BHYT_CALL_CHECK_PREFIX | BHYT_CALL_CHECK_PREFIX_LENIENT => {
            match mode.check_prefix(bytes, issuer) {
                bhyt::PrefixCheck::Invalid { error, .. } => Some(Failure::Card(error)),
                _ => None,
            }
        }
        BHYT_CALL_IDENTIFY | BHYT_CALL_IDENTIFY_LENIENT => {
            if issuer.is_some() {
                // `bhyt_identify` takes no issuer: any other value is not its call.
                return Err(BHYT_INVALID_ISSUER);
            }
            mode.identify(bytes).err().map(Failure::Identify)
        }
        _ => {
            let found = mode.parse_ma_the_bhyt(bytes, issuer).nth(item);
            let item = found.ok_or(BHYT_INVALID_ARGUMENT)?;
            item.result().err().map(Failure::Card)
        }
    })
}

impl bhyt_error_detail {
    fn empty(code: bhyt_result) -> bhyt_error_detail {
        bhyt_error_detail {
            code,
            position: NO_POSITION,
            byte_offset: NO_POSITION,
            expected: BHYT_KIND_NONE,
            found: BHYT_KIND_NONE,
            issuer: BHYT_ISSUER_ANY,
            length: NO_POSITION,
            group_code: [0; 3],
        }
    }

    fn from_failure(failure: &Failure, input: &[u8]) -> bhyt_error_detail {
        match *failure {
            Failure::Call(code) => bhyt_error_detail::empty(code),
            Failure::Identify(IdentifyError::Card(error)) | Failure::Card(error) => {
                let base = bhyt_error::from_core(&error, input);
                let mut detail = bhyt_error_detail {
                    position: base.position,
                    byte_offset: base.byte_offset,
                    ..bhyt_error_detail::empty(base.code)
                };
                match error {
                    Error::InvalidLength { length } => detail.length = length,
                    Error::InvalidCharacter {
                        expected, found, ..
                    } => {
                        detail.expected = expected_to_c(expected);
                        detail.found = found_to_c(found);
                    }
                    Error::LateGroupCode { code, .. } => {
                        detail.group_code = c_array::<3>(code.as_str().as_bytes());
                    }
                    Error::InvalidProvinceCode { issuer, .. } => {
                        detail.issuer = issuer.map_or(BHYT_ISSUER_ANY, issuer_to_c);
                    }
                    _ => {}
                }
                detail
            }
            Failure::Identify(error) => {
                let base = identify_error(&error, input);
                let mut detail = bhyt_error_detail {
                    position: base.position,
                    byte_offset: base.byte_offset,
                    ..bhyt_error_detail::empty(base.code)
                };
                match error {
                    IdentifyError::InvalidPersonalId { found, .. } => {
                        detail.found = found_to_c(found);
                    }
                    IdentifyError::Unrecognized { length } => detail.length = length,
                    _ => {}
                }
                detail
            }
        }
    }
}

/// Writes into a caller's buffer as `snprintf` does: counts every byte, stores the whole
/// characters that fit before the last byte (never half a UTF-8 sequence).
struct Sink<'a> {
    out: &'a mut [u8],
    stored: usize,
    needed: usize,
    full: bool,
}

impl Write for Sink<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.needed += text.len();
        if self.full {
            return Ok(());
        }
        let room = self.out.len().saturating_sub(1).saturating_sub(self.stored);
        let mut take = text.len().min(room);
        while !text.is_char_boundary(take) {
            take -= 1;
        }
        if let Some(to) = self.out.get_mut(self.stored..self.stored + take) {
            to.copy_from_slice(&text.as_bytes()[..take]);
            self.stored += take;
        }
        if take < text.len() {
            self.full = true;
        }
        Ok(())
    }
}

fn write_message(failure: Option<&Failure>, lang: Lang, sink: &mut Sink<'_>) {
    // Writing to a `Sink` never fails.
    let _ = match failure {
        None => Ok(()),
        Some(Failure::Card(error)) => write!(sink, "{}", error.message(lang)),
        Some(Failure::Identify(error)) => write!(sink, "{}", error.message(lang)),
        Some(Failure::Call(code)) => {
            let text = bhyt_error_message_cstr(*code as u32, lang_to_c(lang));
            sink.write_str(text.to_str().unwrap_or(""))
        }
    };
}

fn lang_from_c(lang: bhyt_lang) -> Lang {
    if lang == BHYT_LANG_VI {
        Lang::Vi
    } else {
        Lang::En
    }
}

fn lang_to_c(lang: Lang) -> bhyt_lang {
    match lang {
        Lang::Vi => BHYT_LANG_VI,
        Lang::En => BHYT_LANG_EN,
    }
}

/// Writes the full message of the error that the entry point `call` reports for `input`
/// (with `issuer`; for `BHYT_CALL_MA_THE_BHYT*`, of item number `item` of the field, 0-based;
/// otherwise `item` is ignored), in `lang`: the core's detailed text, the same as the Rust
/// `Error::message` and the JavaScript `message`, e.g.
/// `"Ký tự thứ 11 là một chữ cái in hoa, cần một chữ số (0-9)"` or
/// `"Với Bảo hiểm xã hội Công an nhân dân, ký tự 4-5 phải là 98"`.
///
/// snprintf-style: returns the length in bytes of the whole message (without the NUL),
/// whatever `capacity` is; writes at most `capacity` bytes to `buffer`, always
/// NUL-terminated when `capacity` > 0, truncated if need be at a character boundary (never
/// half a UTF-8 sequence), so a return value >= `capacity` means truncation. `buffer` may be
/// NULL only when `capacity` is 0 (ask the length first, then allocate length + 1).
///
/// When the call finds nothing wrong the message is empty (returns 0). When the call itself
/// fails (NULL `input`, an issuer or `call` out of range, no item number `item`, NULL `buffer`
/// with `capacity` > 0) the message is the general message of that code, as
/// `bhyt_error_message` gives it (`bhyt_error_details` returns the code). The text is UTF-8
/// and never contains the input.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `buffer` is NULL or valid for writing
/// `capacity` bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn bhyt_error_text(
    call: bhyt_call,
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    item: usize,
    lang: bhyt_lang,
    buffer: *mut c_char,
    capacity: usize,
) -> usize {
    let mut needed = 0;
    let result = guard(|inside| {
        let null_with_room = buffer.is_null() && capacity != 0;
        let capacity = if buffer.is_null() { 0 } else { capacity };
        let out: &mut [u8] = if capacity == 0 {
            &mut []
        } else {
            // SAFETY: non-NULL, and the caller guarantees `capacity` writable bytes.
            unsafe { core::slice::from_raw_parts_mut(buffer.cast::<u8>(), capacity) }
        };
        let found = if null_with_room {
            Some(Failure::Call(BHYT_NULL_ARGUMENT))
        } else {
            // SAFETY: forwarded from the caller.
            match unsafe { crate::panic::input(inside, input, len) } {
                Err(code) => Some(Failure::Call(code)),
                Ok(bytes) => match failure(call, bytes, issuer, item) {
                    Ok(found) => found,
                    Err(code) => Some(Failure::Call(code)),
                },
            }
        };
        let mut sink = Sink {
            out,
            stored: 0,
            needed: 0,
            full: false,
        };
        write_message(found.as_ref(), lang_from_c(lang), &mut sink);
        if let Some(nul) = sink.out.get_mut(sink.stored) {
            *nul = 0;
        }
        needed = sink.needed;
        Ok(())
    });
    if result == BHYT_OK {
        needed
    } else {
        0
    }
}

/// Writes to `*out_detail` the details of the error the entry point `call` reports for
/// `input` (arguments as for `bhyt_error_text`): its code, position and byte offset (as in
/// `bhyt_error`), and the expected and found kinds, issuer, length and late group code the
/// core's detailed message is built from.
///
/// Returns the entry point's code: `BHYT_OK` when it finds nothing wrong (`*out_detail` is
/// then untouched), an error code with `*out_detail` filled, or an error of this call itself
/// (`BHYT_NULL_ARGUMENT`, `BHYT_INVALID_ISSUER`, `BHYT_INVALID_ARGUMENT` for a `call` out of
/// range or no item number `item`), with `*out_detail` holding just the code.
/// `out_detail` is required.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_detail` is NULL or valid for
/// writing a `bhyt_error_detail`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_error_details(
    call: bhyt_call,
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    item: usize,
    out_detail: *mut bhyt_error_detail,
) -> bhyt_result {
    guard(|inside| {
        if out_detail.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let found = match unsafe { crate::panic::input(inside, input, len) } {
            Err(code) => Some((Failure::Call(code), &[][..])),
            Ok(bytes) => match failure(call, bytes, issuer, item) {
                Ok(found) => found.map(|f| (f, bytes)),
                Err(code) => Some((Failure::Call(code), bytes)),
            },
        };
        let Some((failure, bytes)) = found else {
            return Ok(());
        };
        let detail = bhyt_error_detail::from_failure(&failure, bytes);
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_detail.write(detail) };
        Err(detail.code)
    })
}
