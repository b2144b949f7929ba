//! WebAssembly bindings of [`bhyt`] for JavaScript: the Rust half of the `bhyt` npm package.
//!
//! The package has three layers, and no rule of the card number lives in the two that are
//! written here:
//!
//! - the core crate `bhyt` decides everything (validity, errors, decoding, formatting);
//! - this crate calls it and hands each answer to a small JS factory from `js/shape.js`,
//!   which turns the pieces into a plain object (`{ code, position, message }`, a card, ...);
//! - `js/api.js` is the public JS API: it checks argument types, applies defaults, and calls
//!   the functions exported here.
//!
//! Building the objects in JS keeps the `.wasm` small: a field costs a pointer and a length
//! here instead of a property write through `Reflect`. Text this crate writes (messages,
//! grouped input) goes to JS a piece at a time through `JsText`, so it never allocates a
//! `String` either.
//!
//! Positions: the core counts characters (Unicode scalar values), JS indexes strings in UTF-16
//! code units. Every position that leaves this crate goes through [`utf16_index`].
//! wasm-bindgen hands a JS string over as UTF-8 with each lone surrogate replaced by U+FFFD,
//! one code unit for one character, so the mapping is exact for any JS string.
//!
//! The number a user typed is never stored, logged or sent anywhere: it lives in this
//! module's memory for the duration of one call.
//!
//! On `wasm32` the crate is `no_std`, which keeps the module under its size budget: a panic
//! (which the core is written never to reach) is a trap, and memory comes from `lol_alloc`'s
//! small free-list allocator instead of dlmalloc. On other targets it builds with `std`, so
//! that the workspace builds, lints and tests it like any other crate.
#![cfg_attr(target_arch = "wasm32", no_std)]

use core::fmt::{self, Write};

use bhyt::{CardNumber, Error, Form, Issuer, Lang, PrefixCheck, Style};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/shape.js")]
extern "C" {
    /// Empties the text being written, in case a call ever stopped halfway through one.
    #[wasm_bindgen(js_name = reset)]
    fn shape_reset();

    /// Appends `piece` to the text being written (see [`JsText`]).
    #[wasm_bindgen(js_name = write)]
    fn shape_write(piece: &str);

    /// `{ code, position, message }`, the message being the text written so far;
    /// `position` is `null` when absent.
    #[wasm_bindgen(js_name = error)]
    fn shape_error(code: &str, position: Option<u32>) -> JsValue;

    /// The decoded parts of a valid card; the parts of the 15-character form are absent for
    /// the 10-digit form. The key comes as its value and is written as `CardKey` displays it,
    /// with 10 digits.
    #[wasm_bindgen(js_name = card)]
    #[allow(clippy::too_many_arguments)]
    fn shape_card(
        form: u32,
        group: Option<&str>,
        group_description: Option<&str>,
        benefit: Option<u32>,
        benefit_meaning: Option<&str>,
        issuer: Option<&str>,
        issuer_name: Option<&str>,
        province: Option<&str>,
        social_insurance_number: &str,
        key: f64,
        compact: &str,
        grouped: &str,
        masked: &str,
    ) -> JsValue;

    /// The text written so far, as a string; the next text starts empty.
    #[wasm_bindgen(js_name = text)]
    fn shape_text() -> JsValue;

    /// `{ valid: true }`.
    #[wasm_bindgen(js_name = accepted)]
    fn shape_accepted() -> JsValue;

    /// `{ valid: true, card }`.
    #[wasm_bindgen(js_name = parsed)]
    fn shape_parsed(card: JsValue) -> JsValue;

    /// `{ valid: false, error }`.
    #[wasm_bindgen(js_name = rejected)]
    fn shape_rejected(error: JsValue) -> JsValue;

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

/// The UTF-16 index (a JS string index) of the character at `chars` (a 0-based index of
/// Unicode scalar values, as the core reports positions) in `input`. An index past the end
/// counts one code unit per missing character.
pub fn utf16_index(input: &str, chars: usize) -> u32 {
    let mut iter = input.chars();
    let units: usize = (0..chars)
        .map(|_| iter.next().map_or(1, char::len_utf16))
        .sum();
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// The flag of [`check`] that asks for the decoded card.
pub const DECODE: u32 = 0b1_0000;

/// The settings every entry point takes, packed by the JS layer (`js/api.js`) into one
/// number after it has checked the option names: bits 0-1 the issuing body (0 any, 1 Vietnam
/// Social Security, 2 Police, 3 Defence), bit 2 English, bit 3 lenient, and for [`check`]
/// bit 4, [`DECODE`].
#[derive(Clone, Copy, Debug)]
struct Settings {
    /// `None` for any issuing body.
    issuer: Option<Issuer>,
    /// Language of messages and descriptions.
    lang: Lang,
    /// Use the lenient entry points of the core.
    lenient: bool,
}

impl Settings {
    fn unpack(flags: u32) -> Settings {
        Settings {
            issuer: match flags & 0b11 {
                1 => Some(Issuer::VietnamSocialSecurity),
                2 => Some(Issuer::Police),
                3 => Some(Issuer::Defence),
                _ => None,
            },
            lang: if flags & 0b100 != 0 {
                Lang::En
            } else {
                Lang::Vi
            },
            lenient: flags & 0b1000 != 0,
        }
    }

    fn check(&self, input: &str) -> Result<CardNumber, Error> {
        if self.lenient {
            bhyt::validate_lenient(input, self.issuer)
        } else {
            bhyt::validate(input, self.issuer)
        }
    }
}

/// Text written straight into a JS string, a piece at a time (`core::fmt` output included),
/// so that this crate never allocates a `String`: the pieces are joined on the JS side and
/// taken by the next factory call that expects text.
struct JsText;

impl JsText {
    /// A writer that starts from empty text.
    fn new() -> JsText {
        shape_reset();
        JsText
    }
}

impl Write for JsText {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        shape_write(piece);
        Ok(())
    }
}

fn form_number(form: Form) -> u32 {
    // JS names a form by its length, 10 or 15.
    form.len() as u32
}

fn error_value(input: &str, error: &Error, lang: Lang) -> JsValue {
    // `JsText` never fails, and the core's `Display` only fails when its writer does.
    let _ = write!(JsText::new(), "{}", error.message(lang));
    shape_error(
        error.code().as_str(),
        error
            .position()
            .map(|position| utf16_index(input, position)),
    )
}

fn card_value(card: &CardNumber, lang: Lang) -> JsValue {
    let en = lang == Lang::En;
    let group = card.group_code();
    let benefit = card.benefit_level();
    let issuer = card.issuer();
    let province = card.province_code().map(|province| province.digits());
    shape_card(
        form_number(card.form()),
        group.map(|group| group.as_str()),
        group.map(|group| {
            if en {
                group.description_en()
            } else {
                group.description_vi()
            }
        }),
        benefit.map(|benefit| u32::from(benefit.digit())),
        benefit.map(|benefit| {
            if en {
                benefit.meaning_en()
            } else {
                benefit.meaning_vi()
            }
        }),
        issuer.map(Issuer::as_str),
        issuer.map(|issuer| {
            if en {
                issuer.name_en()
            } else {
                issuer.name_vi()
            }
        }),
        province
            .as_ref()
            .and_then(|digits| core::str::from_utf8(digits).ok()),
        card.social_insurance_number().as_str(),
        // Below 10^10, so exact as a JS number.
        card.key().value() as f64,
        card.format(Style::Compact).as_str(),
        card.format(Style::Grouped).as_str(),
        card.format(Style::Masked).as_str(),
    )
}

/// Checks a whole number: `{ valid: true }` (`{ valid: true, card }` with [`DECODE`] in
/// `flags`) or `{ valid: false, error }`. The JS layer names it `validate` and `parse`.
#[wasm_bindgen]
pub fn check(input: &str, flags: u32) -> JsValue {
    let settings = Settings::unpack(flags);
    match settings.check(input) {
        Ok(card) if flags & DECODE != 0 => shape_parsed(card_value(&card, settings.lang)),
        Ok(_) => shape_accepted(),
        Err(error) => shape_rejected(error_value(input, &error, settings.lang)),
    }
}

/// Whether a whole number is valid: the verdict alone, with no object to build. The JS
/// layer names it `isValid`.
#[wasm_bindgen]
pub fn valid(input: &str, flags: u32) -> bool {
    // The same path as `check`, so that the module holds one copy of it.
    Settings::unpack(flags).check(input).is_ok()
}

/// Checks every line of `text` (UTF-8, encoded by the JS side with `TextEncoder`, which is
/// much faster than passing a long string) in one call, as the core's `validate_lines` splits them (LF
/// ends a line, a CR before it is dropped, a trailing LF starts no extra line): one byte per
/// line into `out`, 0 for a valid line, else the core's error number (1 to 6); returns the
/// number of lines (only the first `out.len()` verdicts are written). The JS layer names it
/// `validateLines` and builds `validateMany` on it.
#[wasm_bindgen]
pub fn check_lines(text: &[u8], flags: u32, out: &mut [u8]) -> u32 {
    let settings = Settings::unpack(flags);
    let lines = if settings.lenient {
        bhyt::validate_lines_lenient(text, settings.issuer)
    } else {
        bhyt::validate_lines(text, settings.issuer)
    };
    let mut count = 0u32;
    for line in lines {
        // `result` rather than the cheaper `is_valid` first: one code path keeps the module
        // within its size budget.
        let code = match line.result() {
            Ok(_) => 0,
            Err(error) => error.code().number() as u8,
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
    let checked = if settings.lenient {
        bhyt::check_prefix_lenient(typed, settings.issuer)
    } else {
        bhyt::check_prefix(typed, settings.issuer)
    };
    match checked {
        PrefixCheck::Incomplete { form, missing } => shape_incomplete(
            form.map(form_number),
            u32::try_from(missing).unwrap_or(u32::MAX),
        ),
        PrefixCheck::Complete(card) => {
            shape_complete(form_number(card.form()), card_value(&card, settings.lang))
        }
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

// A small free-list allocator: dlmalloc, the default, would take about 8 KB of the budget.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: `wasm32-unknown-unknown` without the `atomics` target feature (this build) runs one
// thread, so the allocator is never entered from two threads at once.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(test)]
mod tests {
    use super::utf16_index;

    #[test]
    fn positions_become_utf16_indices() {
        assert_eq!(utf16_index("DN4", 2), 2);
        assert_eq!(utf16_index("\u{a0}x", 1), 1);
        assert_eq!(utf16_index("\u{1d7ce}x", 1), 2);
        assert_eq!(utf16_index("\u{1d7ce}\u{1d7ce}x", 2), 4);
        assert_eq!(utf16_index("ab", 4), 4);
        assert_eq!(utf16_index("", 0), 0);
    }
}
