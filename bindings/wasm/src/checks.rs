//! The main module of the package (`bhyt`, feature `checks`): whole-number checks, decoding,
//! the as-you-type check, batches and normalisation. `js/api.js` is its JS side.

use core::fmt::Write;

use bhyt::{CardNumber, Error, Form, PrefixCheck};
use wasm_bindgen::prelude::*;

use crate::{card_value, error_value, utf16_index, verdict_value};
use crate::{JsText, Settings};

#[wasm_bindgen(module = "/js/shape.js")]
extern "C" {
    /// The text written so far, as a string; the next text starts empty.
    #[wasm_bindgen(js_name = text)]
    fn shape_text() -> JsValue;

    /// `{ valid: true }`.
    #[wasm_bindgen(js_name = accepted)]
    fn shape_accepted() -> JsValue;

    /// `{ state: "incomplete", form, missing }`; `form` is `null` when absent.
    #[wasm_bindgen(js_name = incomplete)]
    fn shape_incomplete(form: Option<u32>, missing: u32) -> JsValue;

    /// `{ state: "complete", form, missing: 0, card }`.
    #[wasm_bindgen(js_name = complete)]
    fn shape_complete(form: u32, card: JsValue) -> JsValue;

    /// `{ state: "invalid", at, error }`.
    #[wasm_bindgen(js_name = invalid)]
    fn shape_invalid(at: u32, error: JsValue) -> JsValue;
}

fn form_number(form: Form) -> u32 {
    // JS names a form by its length, 10 or 15.
    form.len() as u32
}

/// The flag of [`check`] that asks for the decoded card.
pub const DECODE: u32 = 0b1_0000;

impl Settings {
    fn check(&self, input: &str) -> Result<CardNumber, Error> {
        self.mode.validate(input, self.issuer)
    }
}

/// Checks a whole number: `{ valid: true }` (`{ valid: true, card }` with [`DECODE`] in
/// `flags`) or `{ valid: false, error }`. The JS layer names it `validate` and `parse`.
#[wasm_bindgen]
pub fn check(input: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    match settings.check(input) {
        Ok(_) if flags & DECODE == 0 => shape_accepted(),
        verdict => verdict_value(input, &verdict, settings.lang),
    }
}

/// Checks every line of `text` (UTF-8, encoded by the JS side with `TextEncoder`, which is
/// much faster than passing a long string) in one call, as the core's `validate_lines` splits them (LF
/// ends a line, a CR before it is dropped, a trailing LF starts no extra line): one byte per
/// line into `out`, 0 for a valid line, else the core's error number (1 to 6); returns the
/// number of lines (only the first `out.len()` verdicts are written). The JS layer names it
/// `validateLines` and builds `validateMany` on it, through [`crate::packed::check_lines_at`]
/// (the text is encoded straight into this module's memory).
pub fn check_lines(text: &[u8], flags: u32, out: &mut [u8]) -> u32 {
    let settings = Settings::unpack(flags);
    let lines = settings.mode.validate_lines(text, settings.issuer);
    let mut count = 0u32;
    for line in lines {
        // The verdict alone first (most lines are valid, and a short strict line has it from
        // the split), the error only for the rest.
        let code = if line.is_valid() {
            0
        } else {
            match line.result() {
                Ok(_) => 0,
                Err(error) => error.code().number() as u8,
            }
        };
        if let Some(slot) = out.get_mut(count as usize) {
            *slot = code;
        }
        count = count.saturating_add(1);
    }
    count
}

/// The as-you-type check: an `incomplete`, `complete` or `invalid` object. The JS layer
/// names it `checkPrefix`.
#[wasm_bindgen]
pub fn prefix(typed: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    let checked = settings.mode.check_prefix(typed, settings.issuer);
    match checked {
        PrefixCheck::Incomplete { form, missing } => shape_incomplete(
            form.map(form_number),
            u32::try_from(missing).unwrap_or(u32::MAX),
        ),
        PrefixCheck::Complete(card) => shape_complete(
            form_number(card.form()),
            card_value(&card.view(settings.lang)),
        ),
        PrefixCheck::Invalid { at, error } => shape_invalid(
            utf16_index(typed, at),
            error_value(typed, &error, settings.lang),
        ),
    }
}

/// The lenient normalisation alone (the JS `normalize`), or with `grouped` what has been
/// typed so far, normalised and grouped for an input field (the JS `formatTyped`). `null`
/// when more than 15 characters remain; `formatTyped` then keeps the text as typed.
///
/// In the 15-character form the groups are those printed on the card (`"hs4010"` becomes
/// `"HS 4 01 0"`); the 10-digit form is not grouped (the core's [`bhyt::format_typed`]).
#[wasm_bindgen]
pub fn normalized(input: &str, grouped: bool) -> JsValue {
    let Ok(normalized) = bhyt::normalize(input) else {
        return JsValue::NULL;
    };
    let text = normalized.as_str();
    if !grouped {
        return JsValue::from_str(text);
    }
    let _ = write!(JsText::new(), "{}", bhyt::format_typed(text));
    shape_text()
}
