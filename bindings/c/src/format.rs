//! Writing a parsed card: `bhyt_format`.

use core::ffi::c_char;
use core::ptr;

use crate::*;

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
    guard(|inside| {
        if card.is_null() || (buffer.is_null() && size != 0) {
            return Err(BHYT_NULL_ARGUMENT);
        }
        let style = style_from_c(style)?;
        // SAFETY: non-NULL, and the caller guarantees a readable `bhyt_card`.
        let compact =
            unsafe { crate::panic::read(inside, ptr::addr_of!((*card).compact)) }.map(|c| c as u8);
        let end = compact
            .iter()
            .position(|&byte| byte == 0)
            .unwrap_or(compact.len());
        let card = bhyt::validate(&compact[..end], None)
            .map_err(|error| bhyt_result::from_core(error.code()))?;
        let formatted = card.format(style);
        // SAFETY: the caller guarantees `out_required` and `buffer` as documented above.
        unsafe {
            crate::strings::write_terminated(formatted.as_bytes(), buffer, size, out_required)
        }
    })
}
