//! The panic boundary every exported function goes through, as a structure rather than a
//! convention: the code of a call gets the caller's pointers only through [`input`] and
//! [`read`], which take an [`Inside`], and only [`guard`] and [`guard_str`] make one, inside
//! `catch_unwind`. An exported function that skipped the boundary could not read its
//! arguments; a panic anywhere below it becomes `BHYT_PANIC` (or an empty static string).

use core::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::*;

/// Proof that the code holding it runs inside the panic boundary. Only [`guard`] and
/// [`guard_str`] make one (the field is private to this module).
pub(crate) struct Inside(());

/// The panic boundary of the functions that return a `bhyt_result`: runs `body` inside
/// `catch_unwind` with an [`Inside`], and turns its result (or a panic) into the code.
pub(crate) fn guard(body: impl FnOnce(&Inside) -> Result<(), bhyt_result>) -> bhyt_result {
    match catch_unwind(AssertUnwindSafe(|| body(&Inside(())))) {
        Ok(Ok(())) => BHYT_OK,
        Ok(Err(code)) => code,
        Err(_) => BHYT_PANIC,
    }
}

/// The panic boundary of the functions that return a static string (the empty string after a
/// panic).
pub(crate) fn guard_str(body: impl FnOnce(&Inside) -> &'static CStr) -> *const c_char {
    catch_unwind(AssertUnwindSafe(|| body(&Inside(()))))
        .unwrap_or(c"")
        .as_ptr()
}

/// The input bytes of a call: `BHYT_NULL_ARGUMENT` for a NULL pointer.
///
/// # Safety
///
/// `data` is NULL or points to `len` readable bytes.
pub(crate) unsafe fn input<'a>(
    _inside: &Inside,
    data: *const c_char,
    len: usize,
) -> Result<&'a [u8], bhyt_result> {
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

/// One value the caller passed by pointer.
///
/// # Safety
///
/// `from` is non-NULL, aligned and points to a readable `T`.
pub(crate) unsafe fn read<T: Copy>(_inside: &Inside, from: *const T) -> T {
    // SAFETY: forwarded from the caller.
    unsafe { from.read() }
}

/// Writes `error` to `out_error` if the caller asked for it and the call failed.
///
/// # Safety
///
/// `out_error` is NULL or valid for writing a `bhyt_error`.
pub(crate) unsafe fn report(
    result: bhyt_result,
    detail: Option<bhyt_error>,
    out_error: *mut bhyt_error,
) {
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

/// The contract of the calls that write an array of results, one per item of their input
/// (lines, `MA_THE_BHYT` items, advisory notes): `out_count` is required and `out` may be NULL
/// only when `capacity` is 0; the number of items is written to `*out_count` on `BHYT_OK` and
/// on `BHYT_BUFFER_TOO_SMALL`; the items are written only when `capacity` suffices. `items`
/// gives the core's items of the input, `convert` the C value of one.
///
/// # Safety
///
/// `data` is NULL or points to `len` readable bytes; `out` is NULL or valid for writing
/// `capacity` values; `out_count` is NULL or valid for writing a `size_t`.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn counted<'a, T, I: Iterator>(
    data: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out: *mut T,
    capacity: usize,
    out_count: *mut usize,
    items: impl Fn(&'a [u8], Option<bhyt::Issuer>) -> I,
    convert: impl Fn(&'a [u8], I::Item) -> T,
) -> bhyt_result {
    guard(|inside| {
        if out_count.is_null() || (out.is_null() && capacity != 0) {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { input(inside, data, len) }?;
        let issuer = issuer_from_c(issuer)?;
        let count = items(bytes, issuer).count();
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_count.write(count) };
        if count > capacity {
            return Err(BHYT_BUFFER_TOO_SMALL);
        }
        for (i, item) in items(bytes, issuer).enumerate() {
            // SAFETY: i < count <= capacity, and the caller guarantees room for `capacity`.
            unsafe { out.add(i).write(convert(bytes, item)) };
        }
        Ok(())
    })
}
