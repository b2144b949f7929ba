//! The reception desk and claims: `bhyt_identify`, `bhyt_parse_ma_the_bhyt`, `bhyt_advise`.

use core::ffi::c_char;

use bhyt::{AdviceCode, Lang, Mode};

use crate::strings::nul_table;
use crate::*;

// ---- Reception desk and claims: identify, MA_THE_BHYT, advice -------------------------------

/// What `bhyt_identify` found (`bhyt_identity.kind`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum bhyt_identity_kind {
    /// A valid BHYT card number, in `bhyt_identity.card`.
    BHYT_IDENTITY_CARD = 1,
    /// A 12-digit personal identification number, in `bhyt_identity.personal_id`.
    BHYT_IDENTITY_PERSONAL_ID = 2,
    /// A BHYT card's QR code: the card in `bhyt_identity.card`, the fields through
    /// `bhyt_read_card_qr`.
    BHYT_IDENTITY_CARD_QR = 3,
    /// A CCCD's QR code: the number in `bhyt_identity.personal_id`, the fields through
    /// `bhyt_read_personal_id_qr`.
    BHYT_IDENTITY_PERSONAL_ID_QR = 4,
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
    pub(crate) fn empty() -> bhyt_card {
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
    pub(crate) fn from_core(id: &bhyt::PersonalId) -> bhyt_personal_id {
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

    pub(crate) fn empty() -> bhyt_personal_id {
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

pub(crate) fn identify_error(error: &bhyt::IdentifyError, input: &[u8]) -> bhyt_error {
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
pub(crate) unsafe fn identify(
    input: *const c_char,
    len: usize,
    out_identity: *mut bhyt_identity,
    out_error: *mut bhyt_error,
    mode: Mode,
) -> bhyt_result {
    let mut detail = None;
    let result = guard(|inside| {
        if out_identity.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
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
            Ok(bhyt::Identity::CardQr(qr)) => bhyt_identity {
                kind: bhyt_identity_kind::BHYT_IDENTITY_CARD_QR,
                card: bhyt_card::from_core(&qr.card()),
                personal_id: bhyt_personal_id::empty(),
            },
            Ok(bhyt::Identity::PersonalIdQr(qr)) => bhyt_identity {
                kind: bhyt_identity_kind::BHYT_IDENTITY_PERSONAL_ID_QR,
                card: bhyt_card::empty(),
                personal_id: bhyt_personal_id::from_core(&qr.personal_id()),
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
pub(crate) unsafe fn ma_the(
    field: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_items: *mut bhyt_ma_the_item,
    capacity: usize,
    out_count: *mut usize,
    mode: Mode,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        counted(
            field,
            len,
            issuer,
            out_items,
            capacity,
            out_count,
            |bytes, issuer| mode.parse_ma_the_bhyt(bytes, issuer),
            |bytes, item| bhyt_ma_the_item {
                verdict: bhyt_verdict::from_core(&item.result(), bytes),
                start: item.position(),
                byte_start: item.byte_offset(),
                byte_len: item.text().len(),
            },
        )
    }
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
    pub(crate) fn from_core(advice: &bhyt::Advice) -> bhyt_advice {
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
pub(crate) unsafe fn advise(
    input: *const c_char,
    len: usize,
    issuer: bhyt_issuer,
    out_advice: *mut bhyt_advice,
    capacity: usize,
    out_count: *mut usize,
    mode: Mode,
) -> bhyt_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        counted(
            input,
            len,
            issuer,
            out_advice,
            capacity,
            out_count,
            |bytes, issuer| mode.advise(bytes, issuer),
            |_, note| bhyt_advice::from_core(&note),
        )
    }
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
pub(crate) fn advice_index(code: u32) -> Option<usize> {
    let code = AdviceCode::from_number(code)?;
    AdviceCode::ALL.iter().position(|&c| c == code)
}

/// The stable name of an advice code: `"unusual_benefit_level"`, `"issued_after_vneid_list"`,
/// `"unlisted_birth_place_code"`, `"short_form_in_claims"`; `"unknown"` for a value that is
/// no advice code. A static string, never NULL.
#[no_mangle]
pub extern "C" fn bhyt_advice_code_name(code: bhyt_advice_code) -> *const c_char {
    guard_str(|_| advice_index(code).map_or(c"unknown", |i| ADVICE_NAMES.get(i)))
}

/// A general message for an advice code in `lang` (the core's, without the details of a
/// particular note). A static UTF-8 string, never NULL; a value that is no advice code gets
/// an "unknown" message.
#[no_mangle]
pub extern "C" fn bhyt_advice_message(code: bhyt_advice_code, lang: bhyt_lang) -> *const c_char {
    guard_str(|_| match (advice_index(code), lang == BHYT_LANG_VI) {
        (Some(i), true) => ADVICE_VI.get(i),
        (Some(i), false) => ADVICE_EN.get(i),
        (None, true) => c"Mã lưu ý không xác định",
        (None, false) => c"unknown advice code",
    })
}

// ---- QR codes and the card-check gateway ----------------------------------------------------

/// A calendar date: all 0 when absent; `month` and `day` 0 with a `year` for a year alone (a
/// card QR's date of birth may be only the year).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_date {
    /// 1-9999, or 0: no date.
    pub year: u16,
    /// 1-12, or 0.
    pub month: u8,
    /// 1-31, or 0.
    pub day: u8,
}

impl bhyt_date {
    const NONE: bhyt_date = bhyt_date {
        year: 0,
        month: 0,
        day: 0,
    };

    fn from_core(date: Option<bhyt::Date>) -> bhyt_date {
        date.map_or(bhyt_date::NONE, |date| bhyt_date {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        })
    }
}

/// A card QR's layout (`bhyt_card_qr.layout`).
pub type bhyt_qr_layout = u32;
/// 10 fields (with or without the closing `$`).
pub const BHYT_QR_LAYOUT_10_FIELDS: bhyt_qr_layout = 1;
/// 15 tokens: 14 fields and the closing `$`.
pub const BHYT_QR_LAYOUT_15_TOKENS: bhyt_qr_layout = 2;
/// 17 tokens: 16 fields and the closing `$` (VssID).
pub const BHYT_QR_LAYOUT_17_TOKENS: bhyt_qr_layout = 3;
/// Any other number of fields (at least 10).
pub const BHYT_QR_LAYOUT_OTHER: bhyt_qr_layout = 4;

/// A BHYT card's QR code (paper card, VssID), read by `bhyt_read_card_qr`: the card and the
/// fields that are not text. Text fields (name, address, guardian, raw fields) are read with
/// `bhyt_qr_field_text`. Personal data: do not log it.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct bhyt_card_qr {
    /// Field 0, as `bhyt_parse` fills it.
    pub card: bhyt_card,
    /// Field 2: the date of birth, or the year alone (`month` and `day` 0).
    pub birth_date: bhyt_date,
    /// Field 3: `BHYT_SEX_MALE` or `BHYT_SEX_FEMALE`.
    pub sex: bhyt_sex,
    /// 1 when field 4 (address) is not `-`.
    pub has_address: u8,
    /// 1 when field 10 (parent or guardian's name) is present and not `-`.
    pub has_guardian_name: u8,
    /// 1 when Telex damage in a hex field was undone.
    pub repaired: u8,
    /// 1 when a hex field's bytes were read as UTF-16LE.
    pub utf16: u8,
    /// Field 5, normalised to its 5 characters (`01028`), NUL-terminated.
    pub facility_code: [c_char; 6],
    /// Field 6.
    pub valid_from: bhyt_date,
    /// Field 7; all 0: no end date (`-`).
    pub valid_to: bhyt_date,
    /// Field 8.
    pub issued_on: bhyt_date,
    /// Field 12; all 0 when absent.
    pub five_years_on: bhyt_date,
    /// A `BHYT_QR_LAYOUT_*` value.
    pub layout: bhyt_qr_layout,
    /// How many fields, not counting the closing `$`.
    pub field_count: usize,
}

/// The identify error of a non-QR identity read where a QR code was expected.
fn not_qr(input: &[u8]) -> bhyt_error {
    identify_error(&bhyt::IdentifyError::UnrecognizedQr { fields: 1 }, input)
}

/// Reads a BHYT card's QR code as a scanner types it (fields separated by `|`, CR/LF at the
/// end dropped), as `bhyt_identify` does. Returns `BHYT_OK` and fills `*out_qr`; or the
/// error of `bhyt_identify` (a card error with its position in the whole payload,
/// `BHYT_INVALID_QR_FIELD`, `BHYT_UNRECOGNIZED_QR`; `BHYT_UNRECOGNIZED_QR` too for input that
/// is something else than a card's QR code), written to `*out_error` if it is not NULL; or
/// `BHYT_NULL_ARGUMENT`.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_qr` and `out_error` are NULL or
/// valid for writing one struct each.
#[no_mangle]
pub unsafe extern "C" fn bhyt_read_card_qr(
    input: *const c_char,
    len: usize,
    out_qr: *mut bhyt_card_qr,
    out_error: *mut bhyt_error,
) -> bhyt_result {
    let mut detail = None;
    let result = guard(|inside| {
        if out_qr.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
        let qr = match bhyt::identify(bytes) {
            Ok(bhyt::Identity::CardQr(qr)) => qr,
            Ok(_) => {
                let error = not_qr(bytes);
                detail = Some(error);
                return Err(error.code);
            }
            Err(error) => {
                let error = identify_error(&error, bytes);
                detail = Some(error);
                return Err(error.code);
            }
        };
        let birth = match qr.birth_date() {
            bhyt::BirthDate::Date(date) => bhyt_date::from_core(Some(date)),
            bhyt::BirthDate::Year(year) => bhyt_date {
                year,
                month: 0,
                day: 0,
            },
        };
        let out = bhyt_card_qr {
            card: bhyt_card::from_core(&qr.card()),
            birth_date: birth,
            sex: match qr.sex() {
                bhyt::Sex::Male => BHYT_SEX_MALE,
                bhyt::Sex::Female => BHYT_SEX_FEMALE,
            },
            has_address: u8::from(qr.address(bytes, &mut []).map_or(true, |a| a.is_some())),
            has_guardian_name: u8::from(
                qr.guardian_name(bytes, &mut [])
                    .map_or(true, |g| g.is_some()),
            ),
            repaired: u8::from(qr.repaired()),
            utf16: u8::from(qr.utf16()),
            facility_code: c_array(qr.facility_code().as_bytes()),
            valid_from: bhyt_date::from_core(Some(qr.valid_from())),
            valid_to: bhyt_date::from_core(qr.valid_to()),
            issued_on: bhyt_date::from_core(Some(qr.issued_on())),
            five_years_on: bhyt_date::from_core(qr.five_years_on()),
            layout: match qr.layout() {
                bhyt::QrLayout::Fields10 => BHYT_QR_LAYOUT_10_FIELDS,
                bhyt::QrLayout::Tokens15 => BHYT_QR_LAYOUT_15_TOKENS,
                bhyt::QrLayout::Tokens17 => BHYT_QR_LAYOUT_17_TOKENS,
                bhyt::QrLayout::Other => BHYT_QR_LAYOUT_OTHER,
            },
            field_count: qr.field_count(),
        };
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_qr.write(out) };
        Ok(())
    });
    // SAFETY: forwarded from the caller.
    unsafe { report(result, detail, out_error) };
    result
}

/// Writes the text of field `index` of a QR payload (a card's or a CCCD's, as
/// `bhyt_identify` reads it) into `buffer`, NUL-terminated UTF-8: for a card QR, fields 1
/// (name), 4 (address) and 10 (guardian's name) decoded from hex (Telex damage undone, UTF-16LE
/// when not UTF-8; an address `-` is the empty text), every other field as typed; for a CCCD
/// QR every field as typed (the name is plain UTF-8 there).
///
/// Writes the size needed (text and NUL) to `*out_required` if it is not NULL. Returns
/// `BHYT_OK`; `BHYT_BUFFER_TOO_SMALL` (nothing written); `BHYT_INVALID_LENGTH` for an index
/// past the last field; the error of `bhyt_identify` for input that is no QR code it reads
/// (`BHYT_UNRECOGNIZED_QR` for a typed number); or `BHYT_NULL_ARGUMENT`.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `buffer` is NULL (only with `size` 0)
/// or valid for writing `size` bytes; `out_required` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_qr_field_text(
    input: *const c_char,
    len: usize,
    index: usize,
    buffer: *mut c_char,
    size: usize,
    out_required: *mut usize,
) -> bhyt_result {
    guard(|inside| {
        if buffer.is_null() && size != 0 {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
        let identity = bhyt::identify(bytes).map_err(|error| identify_error(&error, bytes).code)?;
        let mut decoded = [0u8; bhyt::MAX_QR_LEN];
        let text: &[u8] = match identity {
            bhyt::Identity::CardQr(qr) => {
                let text = match index {
                    1 => qr.name(bytes, &mut decoded).map(Some),
                    4 => qr.address(bytes, &mut decoded),
                    10 if qr.field_count() > 10 => qr.guardian_name(bytes, &mut decoded),
                    _ => Ok(qr.raw_field(bytes, index)),
                };
                let text = text.map_err(|_| BHYT_BUFFER_TOO_SMALL)?;
                if index >= qr.field_count() {
                    return Err(BHYT_INVALID_LENGTH);
                }
                text.unwrap_or_default().as_bytes()
            }
            bhyt::Identity::PersonalIdQr(qr) => qr
                .raw_field(bytes, index)
                .ok_or(BHYT_INVALID_LENGTH)?
                .as_bytes(),
            _ => return Err(not_qr(bytes).code),
        };
        // SAFETY: the caller guarantees `out_required` and `buffer` as documented above.
        unsafe { crate::strings::write_terminated(text, buffer, size, out_required) }
    })
}

/// A result class of the card-check gateway (`bhyt_gateway_result.result_class`).
pub type bhyt_gateway_class = u32;
/// `ok`: the card information is correct.
pub const BHYT_GATEWAY_OK: bhyt_gateway_class = 1;
/// `card_info_differs`: the card number, its province or benefit code, or a newer card.
pub const BHYT_GATEWAY_CARD_INFO_DIFFERS: bhyt_gateway_class = 2;
/// `person_info_differs`: the name, date of birth or the child's card.
pub const BHYT_GATEWAY_PERSON_INFO_DIFFERS: bhyt_gateway_class = 3;
/// `card_not_usable`: expired, withdrawn, reported as reduced, or no information.
pub const BHYT_GATEWAY_CARD_NOT_USABLE: bhyt_gateway_class = 4;
/// `service_error`: the service, its parameters or the caller's credentials.
pub const BHYT_GATEWAY_SERVICE_ERROR: bhyt_gateway_class = 5;

/// One result code of Vietnam Social Security's card-check gateway (`maKetQua`), from the
/// core's table. The strings are static UTF-8, never NULL.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct bhyt_gateway_result {
    /// The three-digit code, NUL-terminated.
    pub code: [c_char; 4],
    /// A `BHYT_GATEWAY_*` class.
    pub result_class: bhyt_gateway_class,
    /// The class's stable name (`ok`, `card_info_differs`, ...).
    pub class_name: *const c_char,
    /// The message in Vietnamese.
    pub message_vi: *const c_char,
    /// The message in English.
    pub message_en: *const c_char,
}

nul_table!(
    /// `GATEWAY_RESULTS[i].message(Lang::Vi)`.
    GATEWAY_VI: bhyt::GATEWAY_RESULTS.len(), |i| bhyt::GATEWAY_RESULTS[i].message(Lang::Vi)
);
nul_table!(
    /// `GATEWAY_RESULTS[i].message(Lang::En)`.
    GATEWAY_EN: bhyt::GATEWAY_RESULTS.len(), |i| bhyt::GATEWAY_RESULTS[i].message(Lang::En)
);
nul_table!(
    /// `GATEWAY_RESULTS[i].class().as_str()`.
    GATEWAY_CLASS: bhyt::GATEWAY_RESULTS.len(), |i| bhyt::GATEWAY_RESULTS[i].class().as_str()
);

/// Looks up a gateway result code as the gateway sends it (`"000"`; surrounding ASCII white
/// space ignored). Returns `BHYT_OK` and fills `*out_result`; `BHYT_UNRECOGNIZED_INPUT` for a
/// code not in the table (nothing written); or `BHYT_NULL_ARGUMENT`.
///
/// # Safety
///
/// `code` is NULL or points to `len` readable bytes; `out_result` is NULL or valid for writing
/// one struct.
#[no_mangle]
pub unsafe extern "C" fn bhyt_gateway_lookup(
    code: *const c_char,
    len: usize,
    out_result: *mut bhyt_gateway_result,
) -> bhyt_result {
    guard(|inside| {
        if out_result.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, code, len) }?;
        let found = bhyt::gateway_result(bytes).ok_or(BHYT_UNRECOGNIZED_INPUT)?;
        let i = bhyt::GATEWAY_RESULTS
            .iter()
            .position(|r| *r == found)
            .ok_or(BHYT_UNRECOGNIZED_INPUT)?;
        let result = bhyt_gateway_result {
            code: c_array(found.code().as_bytes()),
            result_class: match found.class() {
                bhyt::GatewayClass::Ok => BHYT_GATEWAY_OK,
                bhyt::GatewayClass::CardInfoDiffers => BHYT_GATEWAY_CARD_INFO_DIFFERS,
                bhyt::GatewayClass::PersonInfoDiffers => BHYT_GATEWAY_PERSON_INFO_DIFFERS,
                bhyt::GatewayClass::CardNotUsable => BHYT_GATEWAY_CARD_NOT_USABLE,
                bhyt::GatewayClass::ServiceError => BHYT_GATEWAY_SERVICE_ERROR,
            },
            class_name: GATEWAY_CLASS.get(i).as_ptr(),
            message_vi: GATEWAY_VI.get(i).as_ptr(),
            message_en: GATEWAY_EN.get(i).as_ptr(),
        };
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_result.write(result) };
        Ok(())
    })
}

// ---- Facility codes, a card's validity on a date, the notes on a stay -----------------------

/// A facility code (mã cơ sở khám chữa bệnh, e.g. the initial registered facility), normalised
/// by `bhyt_parse_facility_code`. Every member is NUL-terminated ASCII.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct bhyt_facility_code {
    /// The 5 characters, `01028`.
    pub code: [c_char; 6],
    /// The province part, 2 digits, `01`.
    pub province: [c_char; 3],
    /// The facility part, 3 ASCII digits or uppercase letters, `028`.
    pub facility: [c_char; 4],
}

/// Reads a facility code as it is written (`01 - 028`, `01-028`, `01–028` with an en dash,
/// `01028`): spaces, `-` and en dashes are dropped anywhere, then 5 characters must remain,
/// 2 digits (not `00`) and 3 ASCII digits or uppercase letters.
///
/// Returns `BHYT_OK` and fills `*out_code`; or `BHYT_INVALID_FACILITY_CODE` with the position
/// of the first character that does not fit (`BHYT_NO_POSITION` when the number of
/// characters is wrong), written to `*out_error` if it is not NULL; or `BHYT_NULL_ARGUMENT`.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes; `out_code` and `out_error` are NULL or
/// valid for writing one struct each.
#[no_mangle]
pub unsafe extern "C" fn bhyt_parse_facility_code(
    input: *const c_char,
    len: usize,
    out_code: *mut bhyt_facility_code,
    out_error: *mut bhyt_error,
) -> bhyt_result {
    let mut detail = None;
    let result = guard(|inside| {
        if out_code.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { crate::panic::input(inside, input, len) }?;
        let code = bhyt::FacilityCode::parse(bytes).map_err(|error| {
            let position = error.position();
            let error = bhyt_error {
                code: BHYT_INVALID_FACILITY_CODE,
                position: position.unwrap_or(NO_POSITION),
                byte_offset: position.map_or(NO_POSITION, |p| byte_offset(bytes, p)),
            };
            detail = Some(error);
            error.code
        })?;
        let out = bhyt_facility_code {
            code: c_array(code.as_str().as_bytes()),
            province: c_array(code.province().as_bytes()),
            facility: c_array(code.facility().as_bytes()),
        };
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_code.write(out) };
        Ok(())
    });
    // SAFETY: forwarded from the caller.
    unsafe { report(result, detail, out_error) };
    result
}

/// Whether a card is valid on a date (`bhyt_validity_on`): one of the `BHYT_VALIDITY_*`
/// values.
pub type bhyt_validity = u32;
/// `before_start`: the date is before the card's valid-from date.
pub const BHYT_VALIDITY_BEFORE_START: bhyt_validity = 1;
/// `expired`: the date is after the card's valid-to date.
pub const BHYT_VALIDITY_EXPIRED: bhyt_validity = 2;
/// `valid`: the date is within the card's validity (both ends included).
pub const BHYT_VALIDITY_VALID: bhyt_validity = 3;
/// `open_ended`: the date is on or after the valid-from date and the card has no end date.
pub const BHYT_VALIDITY_OPEN_ENDED: bhyt_validity = 4;

/// The C value of a core validity.
fn validity_to_c(validity: bhyt::Validity) -> bhyt_validity {
    match validity {
        bhyt::Validity::BeforeStart => BHYT_VALIDITY_BEFORE_START,
        bhyt::Validity::Expired => BHYT_VALIDITY_EXPIRED,
        bhyt::Validity::Valid => BHYT_VALIDITY_VALID,
        bhyt::Validity::OpenEnded => BHYT_VALIDITY_OPEN_ENDED,
    }
}

/// Every validity, in value order (`BHYT_VALIDITY_BEFORE_START` first).
const VALIDITIES: [bhyt::Validity; 4] = [
    bhyt::Validity::BeforeStart,
    bhyt::Validity::Expired,
    bhyt::Validity::Valid,
    bhyt::Validity::OpenEnded,
];

nul_table!(
    /// `Validity::as_str`, in `VALIDITIES` order.
    VALIDITY_NAMES: VALIDITIES.len(), |i| VALIDITIES[i].as_str()
);

/// The stable name of a validity: `"before_start"`, `"expired"`, `"valid"`, `"open_ended"`;
/// `"unknown"` for a value that is none. A static string, never NULL.
#[no_mangle]
pub extern "C" fn bhyt_validity_name(validity: bhyt_validity) -> *const c_char {
    guard_str(|_| {
        VALIDITIES
            .iter()
            .position(|&v| validity_to_c(v) == validity)
            .map_or(c"unknown", |i| VALIDITY_NAMES.get(i))
    })
}

/// The date a `bhyt_date` holds: `BHYT_INVALID_DATE` for one that is no calendar date (a year
/// alone included).
fn date_from_c(date: bhyt_date) -> Result<bhyt::Date, bhyt_result> {
    bhyt::Date::new(date.year, date.month, date.day).ok_or(BHYT_INVALID_DATE)
}

/// A valid-to date: all 0 is no end date.
fn end_from_c(date: bhyt_date) -> Result<Option<bhyt::Date>, bhyt_result> {
    if date == bhyt_date::NONE {
        Ok(None)
    } else {
        date_from_c(date).map(Some)
    }
}

/// The dates behind `pointers`, read inside the boundary: `BHYT_NULL_ARGUMENT` for a NULL
/// one.
///
/// # Safety
///
/// Each pointer is NULL or points to a readable `bhyt_date`.
unsafe fn read_dates<const N: usize>(
    inside: &Inside,
    pointers: [*const bhyt_date; N],
) -> Result<[bhyt_date; N], bhyt_result> {
    let mut dates = [bhyt_date::NONE; N];
    for (date, pointer) in dates.iter_mut().zip(pointers) {
        if pointer.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: non-NULL, and the caller guarantees a readable `bhyt_date`.
        *date = unsafe { crate::panic::read(inside, pointer) };
    }
    Ok(dates)
}

/// Whether a card valid from `*valid_from` to `*valid_to` (both included; all 0: no end date,
/// as `bhyt_card_qr.valid_to` writes it) is valid on `*date`.
///
/// Returns `BHYT_OK` and writes a `BHYT_VALIDITY_*` value to `*out_validity`;
/// `BHYT_INVALID_DATE` when a date is no calendar date; or `BHYT_NULL_ARGUMENT` (every pointer
/// is required). `*out_validity` is written only on `BHYT_OK`.
///
/// # Safety
///
/// Each date pointer is NULL or points to a readable `bhyt_date`; `out_validity` is NULL or
/// valid for writing a `bhyt_validity`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_validity_on(
    valid_from: *const bhyt_date,
    valid_to: *const bhyt_date,
    date: *const bhyt_date,
    out_validity: *mut bhyt_validity,
) -> bhyt_result {
    guard(|inside| {
        if out_validity.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let [from, to, date] = unsafe { read_dates(inside, [valid_from, valid_to, date]) }?;
        let validity = bhyt::validity_on(date_from_c(from)?, end_from_c(to)?, date_from_c(date)?);
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_validity.write(validity_to_c(validity)) };
        Ok(())
    })
}

/// A set of the notes on a stay (`bhyt_stay_notes`): the `BHYT_STAY_*` bits.
pub type bhyt_stay_note = u32;
/// `visit_before_start`: the discharge is before the card's valid-from date.
pub const BHYT_STAY_VISIT_BEFORE_START: bhyt_stay_note = 1;
/// `became_valid_during_stay`: admitted before the valid-from date, discharged on or after it.
pub const BHYT_STAY_BECAME_VALID_DURING_STAY: bhyt_stay_note = 2;
/// `expired_before_discharge`: the card's valid-to date is before the discharge.
pub const BHYT_STAY_EXPIRED_BEFORE_DISCHARGE: bhyt_stay_note = 4;

/// The bit of a core note: bit `i` for `StayNote::ALL[i]`.
fn stay_bit(note: bhyt::StayNote) -> bhyt_stay_note {
    let i = bhyt::StayNote::ALL.iter().position(|&n| n == note);
    i.map_or(0, |i| 1 << i)
}

// The bits are the notes' places in the core's list.
const _: () = {
    assert!(matches!(
        bhyt::StayNote::ALL,
        [
            bhyt::StayNote::VisitBeforeStart,
            bhyt::StayNote::BecameValidDuringStay,
            bhyt::StayNote::ExpiredBeforeDischarge
        ]
    ));
};

nul_table!(
    /// `StayNote::as_str`, in `StayNote::ALL` order.
    STAY_NAMES: bhyt::StayNote::ALL.len(), |i| bhyt::StayNote::ALL[i].as_str()
);
nul_table!(
    /// `StayNote::message(Lang::Vi)`, in `StayNote::ALL` order.
    STAY_VI: bhyt::StayNote::ALL.len(), |i| bhyt::StayNote::ALL[i].message(Lang::Vi)
);
nul_table!(
    /// `StayNote::message(Lang::En)`, in `StayNote::ALL` order.
    STAY_EN: bhyt::StayNote::ALL.len(), |i| bhyt::StayNote::ALL[i].message(Lang::En)
);

/// The index in `StayNote::ALL` of a single `BHYT_STAY_*` bit.
fn stay_index(note: bhyt_stay_note) -> Option<usize> {
    bhyt::StayNote::ALL
        .iter()
        .position(|&n| stay_bit(n) == note)
}

/// The advisory notes on a stay from `*admission` to `*discharge` (a discharge before the
/// admission is read as the same day) for a card valid from `*valid_from` to `*valid_to` (all
/// 0: no end date): the three cases public claims checkers flag. Notes, not errors: a second
/// card may cover the rest of the stay.
///
/// Returns `BHYT_OK` and writes to `*out_notes` the `BHYT_STAY_*` bits of the notes (0: the
/// card covers the whole stay); `BHYT_INVALID_DATE` when a date is no calendar date; or
/// `BHYT_NULL_ARGUMENT` (every pointer is required). `*out_notes` is written only on
/// `BHYT_OK`.
///
/// # Safety
///
/// Each date pointer is NULL or points to a readable `bhyt_date`; `out_notes` is NULL or valid
/// for writing a `bhyt_stay_note`.
#[no_mangle]
pub unsafe extern "C" fn bhyt_stay_notes(
    valid_from: *const bhyt_date,
    valid_to: *const bhyt_date,
    admission: *const bhyt_date,
    discharge: *const bhyt_date,
    out_notes: *mut bhyt_stay_note,
) -> bhyt_result {
    guard(|inside| {
        if out_notes.is_null() {
            return Err(BHYT_NULL_ARGUMENT);
        }
        // SAFETY: forwarded from the caller.
        let [from, to, admission, discharge] =
            unsafe { read_dates(inside, [valid_from, valid_to, admission, discharge]) }?;
        let notes = bhyt::stay_notes(
            date_from_c(from)?,
            end_from_c(to)?,
            date_from_c(admission)?,
            date_from_c(discharge)?,
        );
        let bits = notes.iter().fold(0, |bits, note| bits | stay_bit(note));
        // SAFETY: non-NULL, and the caller guarantees it is valid for writing.
        unsafe { out_notes.write(bits) };
        Ok(())
    })
}

/// The stable name of one `BHYT_STAY_*` bit: `"visit_before_start"`,
/// `"became_valid_during_stay"`, `"expired_before_discharge"`; `"unknown"` for any other value
/// (0 or several bits included). A static string, never NULL.
#[no_mangle]
pub extern "C" fn bhyt_stay_note_name(note: bhyt_stay_note) -> *const c_char {
    guard_str(|_| stay_index(note).map_or(c"unknown", |i| STAY_NAMES.get(i)))
}

/// The message of one `BHYT_STAY_*` bit in `lang`. A static UTF-8 string, never NULL; any
/// other value gets an "unknown" message.
#[no_mangle]
pub extern "C" fn bhyt_stay_note_message(note: bhyt_stay_note, lang: bhyt_lang) -> *const c_char {
    guard_str(|_| match (stay_index(note), lang == BHYT_LANG_VI) {
        (Some(i), true) => STAY_VI.get(i),
        (Some(i), false) => STAY_EN.get(i),
        (None, true) => c"Lưu ý không xác định",
        (None, false) => c"unknown stay note",
    })
}

/// The QR field that the error of `bhyt_identify` (`call` `BHYT_CALL_IDENTIFY`) or
/// `bhyt_identify_lenient` (`BHYT_CALL_IDENTIFY_LENIENT`) on `input` names: for
/// `BHYT_INVALID_QR_FIELD`, the field's stable name, the same as in Rust and JavaScript
/// (`"card"`, `"name"`, `"birth_date"`, `"sex"`, `"address"`, `"facility_code"`, `"valid_from"`,
/// `"valid_to"`, `"issued_on"`, `"manager_code"`, `"guardian_name"`, `"five_years_on"`,
/// `"personal_id"`, `"old_id"`). The empty string when the error is of another code (a card
/// error in field 0 of a card's QR code is the card's code, with its position in the whole
/// payload), when there is no error, for a NULL `input` and for any other `call`. A static
/// string, never NULL.
///
/// # Safety
///
/// `input` is NULL or points to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn bhyt_qr_error_field(
    call: bhyt_call,
    input: *const c_char,
    len: usize,
) -> *const c_char {
    guard_str(|inside| {
        let mode = match call {
            BHYT_CALL_IDENTIFY => Mode::Strict,
            BHYT_CALL_IDENTIFY_LENIENT => Mode::Lenient,
            _ => return c"",
        };
        // SAFETY: forwarded from the caller.
        let Ok(bytes) = (unsafe { crate::panic::input(inside, input, len) }) else {
            return c"";
        };
        match mode
            .identify(bytes)
            .err()
            .and_then(|error| error.qr_field())
        {
            Some(field) => bhyt::QrField::ALL
                .iter()
                .position(|&f| f == field)
                .map_or(c"", |i| QR_FIELD_NAMES.get(i)),
            None => c"",
        }
    })
}

nul_table!(
    /// `QrField::as_str`, in `QrField::ALL` order.
    QR_FIELD_NAMES: bhyt::QrField::ALL.len(), |i| bhyt::QrField::ALL[i].as_str()
);
