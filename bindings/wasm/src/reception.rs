//! The reception-desk module of the package (`bhyt/reception`, feature `reception`): what was
//! typed into one search box (a card number or a personal identification number), the claims
//! field `MA_THE_BHYT`, and advisory notes. `js/reception/api.js` is its JS side.
//!
//! A separate WebAssembly module, so that a page that only checks card numbers does not load
//! these calls: each module keeps within the package's size budget on its own.

use core::fmt::Write;

use bhyt::{Advice, CardQrView, Date, IdentifyError, Identity, PersonalIdQrView, PersonalIdView};
use wasm_bindgen::prelude::*;

use crate::{
    card_value, problem_value, shape_error, shape_rejected, utf16_index, JsText, Settings,
};

#[wasm_bindgen(module = "/js/shape.js")]
extern "C" {
    /// `{ valid: true, kind, <kind>: value }` for a card or a personal identification number:
    /// the identity's view ([`bhyt::IdentityView`]), the kind's field holding `value`.
    #[wasm_bindgen(js_name = identified)]
    fn shape_identified(kind: &str, value: JsValue) -> JsValue;

    /// A decoded personal identification number: the values of its view
    /// ([`bhyt::PersonalIdView`]) in the order of its `FIELDS`.
    #[wasm_bindgen(js_name = personalId)]
    #[allow(clippy::too_many_arguments)]
    fn shape_personal_id(
        digits: &str,
        masked: &str,
        birth_place_code: &str,
        birth_place_on_2016_province_list: bool,
        sex: &str,
        century: u32,
        birth_year: u32,
    ) -> JsValue;

    /// `{ valid: true, kind: "card_qr", card, name, birthDate, ... }`: a card's QR code, the
    /// values of its view ([`bhyt::CardQrView`]) in the order of its `FIELDS`; absent ones
    /// `undefined`.
    #[wasm_bindgen(js_name = identifiedQr)]
    #[allow(clippy::too_many_arguments)]
    fn shape_identified_card_qr(
        kind: &str,
        card: JsValue,
        name: &str,
        birth_date: &str,
        sex: &str,
        address: Option<&str>,
        facility_code: &str,
        valid_from: &str,
        valid_to: Option<&str>,
        issued_on: &str,
        manager_code: &str,
        guardian_name: Option<&str>,
        five_years_on: Option<&str>,
        raw_fields: JsValue,
        layout: &str,
        repaired: bool,
        utf16: bool,
    ) -> JsValue;

    /// `{ valid: true, kind: "personal_id_qr", personalId, oldId, name, ... }`: a CCCD's QR
    /// code, the values of its view ([`bhyt::PersonalIdQrView`]) in the order of its `FIELDS`
    /// (`personal_id` is the `personalId` object of its number).
    #[wasm_bindgen(js_name = identifiedQr)]
    #[allow(clippy::too_many_arguments)]
    fn shape_identified_person_qr(
        kind: &str,
        personal_id: JsValue,
        old_id: Option<&str>,
        name: Option<&str>,
        birth_date: Option<&str>,
        sex: Option<&str>,
        address: Option<&str>,
        issued_on: Option<&str>,
        raw_fields: JsValue,
    ) -> JsValue;

    /// `{ code, class, message }`: a card-check gateway result.
    #[wasm_bindgen(js_name = gateway)]
    fn shape_gateway(code: &str, class: &str, message: &str) -> JsValue;

    /// A QR field kept raw: the values of its view ([`bhyt::RawFieldView`]).
    #[wasm_bindgen(js_name = rawField)]
    fn shape_raw_field(index: u32, value: &str) -> JsValue;

    /// `{ valid: false, kind, error }`, the error given its `field` (`null` when absent);
    /// `kind` is `null` when the length matched no rule.
    #[wasm_bindgen(js_name = unidentified)]
    fn shape_unidentified(kind: Option<&str>, error: JsValue, field: Option<&str>) -> JsValue;

    /// An advisory note `{ code, message, group, level, usualLevel, shortFormPasses,
    /// birthPlace }`, the message being the text written so far; absent details are `null`.
    #[wasm_bindgen(js_name = note)]
    fn shape_note(
        code: &str,
        group: Option<&str>,
        level: Option<u32>,
        usual_level: Option<u32>,
        short_form_passes: Option<bool>,
        birth_place: Option<&str>,
    ) -> JsValue;

    /// A new empty array.
    #[wasm_bindgen(js_name = list)]
    fn shape_list() -> JsValue;

    /// Appends `value` to the array `list`.
    #[wasm_bindgen(js_name = push)]
    fn shape_push(list: &JsValue, value: JsValue);

    /// One item of a `MA_THE_BHYT` field, `{ index, start, end, valid, card | error, advice }`:
    /// the values of its view ([`bhyt::MaTheItemView`]) in the order of its `FIELDS`, the
    /// absent one of `card` and `error` `undefined`.
    #[wasm_bindgen(js_name = item)]
    #[allow(clippy::too_many_arguments)]
    fn shape_item(
        index: u32,
        start: u32,
        end: u32,
        valid: bool,
        card: JsValue,
        error: JsValue,
        advice: JsValue,
    ) -> JsValue;

    /// `{ valid, items }`.
    #[wasm_bindgen(js_name = field)]
    fn shape_field(valid: bool, items: JsValue) -> JsValue;

    /// `{ valid: true, facilityCode: { code, province, facility } }`.
    #[wasm_bindgen(js_name = facilityCode)]
    fn shape_facility_code(code: &str, province: &str, facility: &str) -> JsValue;

    /// `{ code, message }`: a note on a stay, the message being the text written so far.
    #[wasm_bindgen(js_name = stayNote)]
    fn shape_stay_note(code: &str) -> JsValue;
}

/// Says what was typed into one search box (the core's `identify`, or `identify_lenient`
/// with the lenient flag): a card, a decoded personal identification number, or a typed
/// error. The JS layer names it `identify`.
#[wasm_bindgen]
pub fn identify(input: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    let found = settings.mode.identify(input);
    // The identity's view (the core's `IdentityView`): its kind, then the view of what was
    // found, each variant's view taken alone (smaller than building the whole enum).
    let identity = match found {
        Ok(identity) => identity,
        Err(error) => {
            let kind = match error {
                IdentifyError::Card(_) => Some("card"),
                IdentifyError::InvalidPersonalId { .. } => Some("personal_id"),
                _ => None,
            };
            let detail = problem_value(input, error.view(settings.lang));
            return shape_unidentified(kind, detail, error.qr_field().map(bhyt::QrField::as_str));
        }
    };
    let kind = identity.kind();
    match identity {
        Identity::Card(card) => shape_identified(kind, card_value(&card.view(settings.lang))),
        Identity::PersonalId(id) => shape_identified(kind, person_value(&id.view())),
        Identity::CardQr(qr) => {
            // Three times the longest payload holds the decoded texts.
            let mut buf = [0u8; 3 * TEXT];
            match qr.view(input.as_bytes(), settings.lang, &mut buf) {
                Ok(view) => card_qr_value(kind, &view),
                Err(_) => JsValue::NULL,
            }
        }
        Identity::PersonalIdQr(qr) => person_qr_value(kind, &qr.view(input.as_bytes())),
    }
}

/// The card-check gateway's result for a code (`maKetQua`, e.g. `"000"`): `{ code, class,
/// message }`, or `null` for a code not in the core's table. The JS layer names it
/// `gatewayResult`.
#[wasm_bindgen]
pub fn gateway(code: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    match bhyt::gateway_result(code) {
        Some(result) => shape_gateway(
            result.code(),
            result.class().as_str(),
            result.message(settings.lang),
        ),
        None => JsValue::NULL,
    }
}

/// ISO text of a date, in `buf`.
fn iso(date: Date, buf: &mut [u8; 10]) -> &str {
    *buf = date.iso();
    core::str::from_utf8(buf).unwrap_or_default()
}

/// The longest QR payload the core reads: every decoded text fits in this many bytes.
const TEXT: usize = bhyt::MAX_QR_LEN;

/// The raw fields, as an array of their views.
fn raw_value(fields: &bhyt::RawFields<'_>) -> JsValue {
    let raw = shape_list();
    for field in fields.iter() {
        shape_push(
            &raw,
            shape_raw_field(u32::try_from(field.index).unwrap_or(u32::MAX), field.value),
        );
    }
    raw
}

fn card_qr_value(kind: &str, qr: &CardQrView<'_>) -> JsValue {
    let (mut birth, mut from, mut to, mut issued, mut five) =
        ([0u8; 10], [0; 10], [0; 10], [0; 10], [0; 10]);
    let birth_date = match qr.birth_date {
        bhyt::BirthDate::Date(date) => iso(date, &mut birth),
        bhyt::BirthDate::Year(_) => {
            let full = Date::new(qr.birth_date.year(), 1, 1).map(Date::iso);
            birth = full.unwrap_or(*b"0000-01-01");
            core::str::from_utf8(birth.get(..4).unwrap_or_default()).unwrap_or_default()
        }
    };
    shape_identified_card_qr(
        kind,
        card_value(&qr.card),
        qr.name,
        birth_date,
        qr.sex.as_str(),
        qr.address,
        qr.facility_code.as_str(),
        iso(qr.valid_from, &mut from),
        qr.valid_to.map(|date| iso(date, &mut to)),
        iso(qr.issued_on, &mut issued),
        qr.manager_code,
        qr.guardian_name,
        qr.five_years_on.map(|date| iso(date, &mut five)),
        raw_value(&qr.raw_fields),
        qr.layout.as_str(),
        qr.repaired,
        qr.utf16,
    )
}

fn person_qr_value(kind: &str, qr: &PersonalIdQrView<'_>) -> JsValue {
    let (mut birth, mut issued) = ([0u8; 10], [0u8; 10]);
    shape_identified_person_qr(
        kind,
        person_value(&qr.personal_id),
        qr.old_id,
        qr.name,
        qr.birth_date.map(|date| iso(date, &mut birth)),
        qr.sex.map(bhyt::Sex::as_str),
        qr.address,
        qr.issued_on.map(|date| iso(date, &mut issued)),
        raw_value(&qr.raw_fields),
    )
}

fn person_value(id: &PersonalIdView) -> JsValue {
    let place = id.birth_place_code.digits();
    shape_personal_id(
        id.digits.as_str(),
        id.masked.as_str(),
        core::str::from_utf8(&place).unwrap_or_default(),
        id.birth_place_on_2016_province_list,
        id.sex.as_str(),
        u32::from(id.century),
        u32::from(id.birth_year),
    )
}

/// The notes of `advice`, as an array.
fn notes_value(advice: impl Iterator<Item = Advice>, settings: Settings) -> JsValue {
    let list = shape_list();
    for note in advice {
        // `JsText` never fails, and the core's `Display` only fails when its writer does.
        let _ = write!(JsText::new(), "{}", note.message(settings.lang));
        let value = match note {
            Advice::UnusualBenefitLevel {
                group,
                level,
                usual,
            } => shape_note(
                note.code().as_str(),
                Some(group.as_str()),
                Some(u32::from(level.digit())),
                Some(u32::from(usual.digit())),
                None,
                None,
            ),
            Advice::IssuedAfterVneidList {
                code,
                short_form_passes,
            } => shape_note(
                note.code().as_str(),
                Some(code.as_str()),
                None,
                None,
                Some(short_form_passes),
                None,
            ),
            Advice::UnlistedBirthPlaceCode { code } => {
                let digits = code.digits();
                shape_note(
                    note.code().as_str(),
                    None,
                    None,
                    None,
                    None,
                    core::str::from_utf8(&digits).ok(),
                )
            }
            _ => shape_note(note.code().as_str(), None, None, None, None, None),
        };
        shape_push(&list, value);
    }
    list
}

/// The advisory notes on a number (the core's `advise`, or `advise_lenient`), as an array;
/// they never change a verdict. The JS layer names it `advise`.
#[wasm_bindgen]
pub fn advise(input: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    notes_value(settings.mode.advise(input, settings.issuer), settings)
}

/// Splits a claims `MA_THE_BHYT` field at every `;` and checks each item (the core's
/// `parse_ma_the_bhyt`, or the lenient one): `{ valid, items }`, `valid` when every item is.
/// Item positions (`start`, `end`, error positions) are JS string indices in the whole field.
/// The JS layer names it `parseMaTheBhyt`.
#[wasm_bindgen]
pub fn ma_the(field: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    let items = settings
        .mode
        .parse_ma_the_bhyt(field.as_bytes(), settings.issuer);
    let list = shape_list();
    let mut all_valid = true;
    for item in items {
        let view = item.view(settings.lang);
        all_valid &= view.valid;
        let value = shape_item(
            u32::try_from(view.index).unwrap_or(u32::MAX),
            utf16_index(field, view.start),
            utf16_index(field, view.end),
            view.valid,
            view.card.as_ref().map_or(JsValue::UNDEFINED, card_value),
            view.error
                .map_or(JsValue::UNDEFINED, |error| problem_value(field, error)),
            notes_value(view.advice, settings),
        );
        shape_push(&list, value);
    }
    shape_field(all_valid, list)
}

/// Reads a facility code as it is written (the core's `FacilityCode::parse`: `01 - 028`,
/// `01-028`, `01028`): `{ valid: true, facilityCode: { code, province, facility } }` or
/// `{ valid: false, error }` (`invalid_facility_code`, its position a JS string index). The JS
/// layer names it `parseFacilityCode`.
#[wasm_bindgen]
pub fn facility(input: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    match bhyt::FacilityCode::parse(input) {
        Ok(code) => shape_facility_code(code.as_str(), code.province(), code.facility()),
        Err(error) => {
            // `JsText` never fails, and the core's `Display` only fails when its writer does.
            let _ = write!(JsText::new(), "{}", error.message(settings.lang));
            let position = error.position().map(|p| utf16_index(input, p));
            shape_rejected(shape_error(error.code(), position))
        }
    }
}

/// No date: an absent valid-to date, as the JS layer passes it.
const NO_DATE: u32 = u32::MAX;

/// The dates `packed` holds, each `yyyy * 10000 + mm * 100 + dd` as the JS layer packs a
/// `yyyy-mm-dd` text ([`NO_DATE`]: none, allowed at `optional`), checked by the core's
/// `Date::new`; or the index of the first that is no date. Passing numbers rather than texts
/// keeps the module within its size budget.
fn dates(packed: &mut [u32], out: &mut [Option<Date>], optional: usize) -> Result<(), JsValue> {
    for (i, (slot, &value)) in out.iter_mut().zip(packed.iter()).enumerate() {
        if i == optional && value == NO_DATE {
            continue;
        }
        let (year, month, day) = (value / 10000, value / 100 % 100, value % 100);
        *slot = Some(
            u16::try_from(year)
                .ok()
                .and_then(|year| Date::new(year, month as u8, day as u8))
                .ok_or_else(|| JsValue::from(i as u32))?,
        );
    }
    Ok(())
}

/// Whether a card valid from `from` to `to` ([`NO_DATE`]: no end date) is valid on `date` (the core's
/// `validity_on`; dates packed as [`dates`] reads them): `"before_start"`, `"expired"`,
/// `"valid"` or `"open_ended"`; the index (a number) of the first argument that is no date.
/// The JS layer names it `validityOn`.
#[wasm_bindgen]
pub fn validity(from: u32, to: u32, date: u32) -> JsValue {
    let mut out = [None; 3];
    if let Err(index) = dates(&mut [from, to, date], &mut out, 1) {
        return index;
    }
    match out {
        [Some(from), to, Some(date)] => {
            JsValue::from_str(bhyt::validity_on(from, to, date).as_str())
        }
        _ => JsValue::NULL,
    }
}

/// The notes on a stay from `admission` to `discharge` for a card valid from `from` to `to`
/// ([`NO_DATE`]: no end date), the core's `stay_notes`: `[{ code, message }]`; the index (a number) of
/// the first argument that is no date. The JS layer names it `stayNotes`.
#[wasm_bindgen]
pub fn stay(from: u32, to: u32, admission: u32, discharge: u32, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    let mut out = [None; 4];
    if let Err(index) = dates(&mut [from, to, admission, discharge], &mut out, 1) {
        return index;
    }
    let [Some(from), to, Some(admission), Some(discharge)] = out else {
        return JsValue::NULL;
    };
    let list = shape_list();
    for note in bhyt::stay_notes(from, to, admission, discharge).iter() {
        let _ = JsText::new().write_str(note.message(settings.lang));
        shape_push(&list, shape_stay_note(note.as_str()));
    }
    list
}
