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
