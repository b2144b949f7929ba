//! Cards: the issuing body, style and language values, `bhyt_card`, and the whole-number
//! calls (`bhyt_validate`, `bhyt_parse`, `bhyt_format`).

use core::ffi::c_char;

use bhyt::{BenefitLevel, CardNumber, Formatted, GroupCode, Issuer, Mode, Style};

use crate::strings::nul_table;
use crate::*;

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

pub(crate) fn issuer_from_c(value: bhyt_issuer) -> Result<Option<Issuer>, bhyt_result> {
    match value {
        BHYT_ISSUER_ANY => Ok(None),
        BHYT_ISSUER_VSS => Ok(Some(Issuer::VietnamSocialSecurity)),
        BHYT_ISSUER_POLICE => Ok(Some(Issuer::Police)),
        BHYT_ISSUER_DEFENCE => Ok(Some(Issuer::Defence)),
        _ => Err(BHYT_INVALID_ISSUER),
    }
}

pub(crate) fn issuer_to_c(issuer: Issuer) -> bhyt_issuer {
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

pub(crate) fn style_from_c(value: bhyt_style) -> Result<Style, bhyt_result> {
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
pub(crate) const NO_POSITION: usize = usize::MAX;

const _: () = {
    assert!(BHYT_COMPACT_SIZE == Style::Compact.max_len() + 1);
    assert!(BHYT_FORMAT_SIZE == Formatted::CAPACITY + 1);
};

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
/// Copies ASCII `text` into a NUL-terminated C array (truncating, never overflowing).
pub(crate) fn c_array<const N: usize>(text: &[u8]) -> [c_char; N] {
    let mut out = [0; N];
    for (slot, &byte) in out.iter_mut().zip(text.iter().take(N.saturating_sub(1))) {
        *slot = byte as c_char;
    }
    out
}

pub(crate) fn index_of<T: PartialEq>(all: &[T], item: &T) -> usize {
    all.iter().position(|x| x == item).unwrap_or(usize::MAX)
}

impl bhyt_card {
    pub(crate) fn from_core(card: &CardNumber) -> bhyt_card {
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
pub(crate) unsafe fn check(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    mode: Mode,
) -> bhyt_result {
    guard(|inside| {
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
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
pub(crate) unsafe fn parse(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_card: *mut bhyt_card,
    out_error: *mut bhyt_error,
    mode: Mode,
) -> bhyt_result {
    let mut detail = None;
    let result = guard(|inside| {
        if out_card.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
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
