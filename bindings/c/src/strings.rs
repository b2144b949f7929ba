//! The static strings of the C layer: NUL-terminated copies of the core's texts, built at
//! compile time, and the calls that hand out the names and messages of the result codes
//! (`bhyt_error_code_name`, `bhyt_error_message`).
//!
//! The core's descriptions and messages are Rust `&'static str` without a terminating NUL. The
//! C layer hands out `const char *`, so every text is copied, at compile time, into one static
//! byte table per kind, each followed by a NUL. The texts come from the core's own `const fn`
//! accessors (never typed again here), so the C strings cannot drift from the Rust ones.

use core::ffi::{c_char, CStr};

use bhyt::{ErrorCode, IdentifyCode, Lang};

use crate::*;

/// Writes `text` and a terminating NUL into the caller's `buffer` of `size` bytes, and the size
/// that needs (`text.len() + 1`) into `out_required` when it is not NULL: the contract of every
/// call that hands out a copied string. `BHYT_BUFFER_TOO_SMALL`, with nothing written to
/// `buffer`, when `size` is less than that.
///
/// # Safety
///
/// `out_required` is NULL or valid for writing; `buffer` is valid for writing `size` bytes
/// (it may be NULL only when `size` is 0).
pub(crate) unsafe fn write_terminated(
    text: &[u8],
    buffer: *mut c_char,
    size: usize,
    out_required: *mut usize,
) -> Result<(), bhyt_result> {
    let required = text.len() + 1;
    if !out_required.is_null() {
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_required.write(required) };
    }
    if size < required {
        return Err(BHYT_BUFFER_TOO_SMALL);
    }
    // SAFETY: `buffer` is non-NULL (size >= required > 0) and valid for `size` bytes, of which
    // `required` are written.
    unsafe {
        core::ptr::copy_nonoverlapping(text.as_ptr(), buffer.cast::<u8>(), text.len());
        buffer.add(text.len()).write(0);
    }
    Ok(())
}

/// Texts laid end to end, each followed by a NUL: `starts[i]` is where text `i` begins.
pub(crate) struct Table<const BYTES: usize, const COUNT: usize> {
    pub(crate) bytes: [u8; BYTES],
    pub(crate) starts: [usize; COUNT],
}

impl<const BYTES: usize, const COUNT: usize> Table<BYTES, COUNT> {
    /// Text `index` (the empty string for an index out of range).
    pub(crate) fn get(&'static self, index: usize) -> &'static CStr {
        self.starts
            .get(index)
            .and_then(|&start| self.bytes.get(start..))
            .and_then(|rest| CStr::from_bytes_until_nul(rest).ok())
            .unwrap_or(c"")
    }
}

/// `nul_table!(NAME: COUNT, |i| TEXT)` defines `static NAME`, a [`Table`] of the `COUNT`
/// texts `TEXT` for `i` in `0..COUNT`, where `TEXT` is a `&'static str` constant expression.
/// A text with an interior NUL fails the build.
macro_rules! nul_table {
    ($(#[$doc:meta])* $name:ident: $count:expr, |$i:ident| $text:expr) => {
        $(#[$doc])*
        pub(crate) static $name: $crate::strings::Table<{ nul_table!(@bytes $count, |$i| $text) }, { $count }> = {
            const BYTES: usize = nul_table!(@bytes $count, |$i| $text);
            let mut bytes = [0u8; BYTES];
            let mut starts = [0usize; $count];
            let mut at = 0;
            let mut $i = 0;
            while $i < $count {
                let text: &[u8] = $text.as_bytes();
                starts[$i] = at;
                let mut k = 0;
                while k < text.len() {
                    assert!(text[k] != 0, "a text for C has an interior NUL");
                    bytes[at + k] = text[k];
                    k += 1;
                }
                at += text.len() + 1;
                $i += 1;
            }
            $crate::strings::Table { bytes, starts }
        };
    };
    (@bytes $count:expr, |$i:ident| $text:expr) => {{
        let mut total = 0usize;
        let mut $i = 0usize;
        while $i < $count {
            total += $text.len() + 1;
            $i += 1;
        }
        total
    }};
}

pub(crate) use nul_table;

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

/// The codes of the C layer's own (success and errors of the call itself), with their names and
/// general messages, Vietnamese and English side by side: the C layer's one table of them.
/// The core's codes (1 to 6) and the reception desk's two take their names and messages from
/// the core.
pub(crate) const CALL_CODES: [(bhyt_result, &CStr, &CStr, &CStr); 8] = [
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
    (
        BHYT_INVALID_ARGUMENT,
        c"invalid_argument",
        c"Đối số nằm ngoài phạm vi cho phép",
        c"an argument is out of range (not a BHYT_CALL_* value, or no such item)",
    ),
    (
        BHYT_INVALID_DATE,
        c"invalid_date",
        c"Ngày không hợp lệ (năm 1-9999, tháng 1-12, ngày có trong tháng)",
        c"a date argument is no calendar date (year 1-9999, month 1-12, a day of that month)",
    ),
];

nul_table!(
    /// The name and general messages (Vietnamese, English) of the core's
    /// `invalid_facility_code`.
    FACILITY_TEXTS: 3, |i| [
        bhyt::FacilityCodeError::Length { length: 0 }.code(),
        bhyt::FacilityCodeError::general_message(Lang::Vi),
        bhyt::FacilityCodeError::general_message(Lang::En),
    ][i]
);

/// The C codes of the core's [`IdentifyCode`]s.
pub(crate) const fn identify_result(code: IdentifyCode) -> bhyt_result {
    match code {
        IdentifyCode::InvalidPersonalId => BHYT_INVALID_PERSONAL_ID,
        IdentifyCode::InvalidQrField => BHYT_INVALID_QR_FIELD,
        IdentifyCode::UnrecognizedQr => BHYT_UNRECOGNIZED_QR,
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
pub(crate) enum Described {
    Call(&'static CStr, &'static CStr, &'static CStr),
    Identify(usize),
    Core(usize),
}

pub(crate) fn described(code: u32) -> Option<Described> {
    if let Some(&(_, name, vi, en)) = CALL_CODES.iter().find(|row| row.0 as u32 == code) {
        return Some(Described::Call(name, vi, en));
    }
    if code == BHYT_INVALID_FACILITY_CODE as u32 {
        return Some(Described::Call(
            FACILITY_TEXTS.get(0),
            FACILITY_TEXTS.get(1),
            FACILITY_TEXTS.get(2),
        ));
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
/// `"invalid_style"`, `"panic"`, `"unrecognized_input"`, `"invalid_personal_id"`,
/// `"invalid_qr_field"`, `"unrecognized_qr"`, `"invalid_argument"`, `"invalid_facility_code"`,
/// `"invalid_date"`; `"unknown"`
/// for a value that is no code. A static string, never NULL.
#[no_mangle]
pub extern "C" fn bhyt_error_code_name(code: u32) -> *const c_char {
    guard_str(|_| match described(code) {
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
    guard_str(|_| bhyt_error_message_cstr(code, lang))
}

/// The text `bhyt_error_message` hands out.
pub(crate) fn bhyt_error_message_cstr(code: u32, lang: bhyt_lang) -> &'static CStr {
    {
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
    }
}

/// The index in `ErrorCode::ALL` of the core code numbered `code`.
pub(crate) fn core_index(code: u32) -> Option<usize> {
    let code = ErrorCode::from_number(code)?;
    ErrorCode::ALL.iter().position(|&c| c == code)
}
