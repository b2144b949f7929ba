//! The as-you-type check: `bhyt_prefix` and `bhyt_check_prefix`.

use core::ffi::c_char;

use bhyt::{Mode, PrefixCheck};

use crate::*;

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
    pub(crate) fn from_core(check: &PrefixCheck, input: &[u8]) -> bhyt_prefix {
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
pub(crate) unsafe fn prefix(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_prefix: *mut bhyt_prefix,
    mode: Mode,
) -> bhyt_result {
    guard(|inside| {
        if out_prefix.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
        let issuer = issuer_from_c(issuer)?;
        let check = mode.check_prefix(bytes, issuer);
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_prefix.write(bhyt_prefix::from_core(&check, bytes)) };
        Ok(())
    })
}
