//! The reception-desk module of the package (`bhyt/reception`, feature `reception`): what was
//! typed into one search box (a card number or a personal identification number), the claims
//! field `MA_THE_BHYT`, and advisory notes. `js/reception/api.js` is its JS side.
//!
//! A separate WebAssembly module, so that a page that only checks card numbers does not load
//! these calls: each module keeps within the package's size budget on its own.

use core::fmt::Write;

use bhyt::{Advice, IdentifyError, Identity, PersonalId};
use wasm_bindgen::prelude::*;

use crate::{card_value, problem_value, utf16_index, verdict_value, JsText, Settings};

#[wasm_bindgen(module = "/js/shape.js")]
extern "C" {
    /// `{ valid: true, kind: "card", card }`.
    #[wasm_bindgen(js_name = identifiedCard)]
    fn shape_identified_card(card: JsValue) -> JsValue;

    /// `{ valid: true, kind: "personal_id", personalId }`, the number decoded.
    #[wasm_bindgen(js_name = identifiedPerson)]
    #[allow(clippy::too_many_arguments)]
    fn shape_identified_person(
        digits: &str,
        masked: &str,
        birth_place: &str,
        on_2016_list: bool,
        sex: &str,
        century: u32,
        birth_year: u32,
    ) -> JsValue;

    /// `{ valid: false, kind, error }`; `kind` is `null` when the length matched no rule.
    #[wasm_bindgen(js_name = unidentified)]
    fn shape_unidentified(kind: Option<&str>, error: JsValue) -> JsValue;

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

    /// One item of a `MA_THE_BHYT` field: `{ index, start, end, valid, card | error, advice }`
    /// (`verdict` is `{ valid, card }` or `{ valid, error }`).
    #[wasm_bindgen(js_name = item)]
    fn shape_item(index: u32, start: u32, end: u32, verdict: JsValue, advice: JsValue) -> JsValue;

    /// `{ valid, items }`.
    #[wasm_bindgen(js_name = field)]
    fn shape_field(valid: bool, items: JsValue) -> JsValue;
}

/// Says what was typed into one search box (the core's `identify`, or `identify_lenient`
/// with the lenient flag): a card, a decoded personal identification number, or a typed
/// error. The JS layer names it `identify`.
#[wasm_bindgen]
pub fn identify(input: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    let found = settings.mode.identify(input);
    match found {
        Ok(Identity::Card(card)) => shape_identified_card(card_value(&card, settings.lang)),
        Ok(Identity::PersonalId(id)) => person_value(&id),
        Err(error) => {
            let kind = match error {
                IdentifyError::Card(_) => Some("card"),
                IdentifyError::InvalidPersonalId { .. } => Some("personal_id"),
                _ => None,
            };
            let detail = problem_value(input, error.view(settings.lang));
            shape_unidentified(kind, detail)
        }
    }
}

fn person_value(id: &PersonalId) -> JsValue {
    let place = id.birth_place().digits();
    shape_identified_person(
        id.as_str(),
        id.masked().as_str(),
        core::str::from_utf8(&place).unwrap_or_default(),
        id.birth_place().is_on_2016_province_list(),
        id.sex().as_str(),
        u32::from(id.century()),
        u32::from(id.birth_year()),
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
        let verdict = item.result();
        all_valid &= verdict.is_ok();
        let start = utf16_index(field, item.position());
        let units: usize = core::str::from_utf8(item.text())
            .unwrap_or_default()
            .chars()
            .map(char::len_utf16)
            .sum();
        let end = start.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        let value = shape_item(
            u32::try_from(item.index()).unwrap_or(u32::MAX),
            start,
            end,
            verdict_value(field, &verdict, settings.lang),
            notes_value(item.advice(), settings),
        );
        shape_push(&list, value);
    }
    shape_field(all_valid, list)
}
