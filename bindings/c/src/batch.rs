//! Many numbers in one call: `bhyt_validate_batch` and `bhyt_validate_lines`.

use core::ffi::c_char;

use bhyt::{CardNumber, Error, Mode};

use crate::*;

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
    pub(crate) fn from_core(verdict: &Result<CardNumber, Error>, input: &[u8]) -> bhyt_verdict {
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

    pub(crate) const fn failed(error: bhyt_error) -> bhyt_verdict {
        bhyt_verdict {
            code: error.code,
            form: 0,
            position: error.position,
            byte_offset: error.byte_offset,
            key: 0,
        }
    }
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
pub(crate) unsafe fn batch(
    inputs: *const bhyt_input,
    count: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
    mode: Mode,
) -> bhyt_result {
    guard(|inside| {
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
            let item = unsafe { crate::panic::read(inside, inputs.add(i)) };
            // SAFETY: forwarded from the caller.
            let verdict = match unsafe { crate::panic::input(inside, item.data, item.len) } {
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
pub(crate) unsafe fn validate_lines(
    buffer: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_verdicts: *mut bhyt_verdict,
    capacity: usize,
    out_count: *mut usize,
    mode: Mode,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        counted(
            buffer,
            len,
            issuer,
            out_verdicts,
            capacity,
            out_count,
            |bytes, issuer| mode.validate_lines(bytes, issuer),
            |_, line| bhyt_verdict::from_core(&line.result(), line.text()),
        )
    }
}
