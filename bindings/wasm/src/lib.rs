//! WebAssembly bindings of [`bhyt`] for JavaScript: the Rust half of the `bhyt` npm package.
//!
//! The package ships two WebAssembly modules built from this crate with different features,
//! each within its own size budget: the main module (feature `checks`, the default; module
//! [`checks`], imported as `bhyt`) and the reception-desk module (feature `reception`, built
//! with `--no-default-features`; module [`reception`], imported as `bhyt/reception`). This
//! file holds what both use: the option flags, text and error shaping, and card objects.
//!
//! The package has three layers, and no rule of the card number lives in the two that are
//! written here:
//!
//! - the core crate `bhyt` decides everything (validity, errors, decoding, formatting);
//! - this crate calls it and hands each answer to a small JS factory from `js/shape.js`,
//!   which turns the pieces into a plain object (`{ code, position, message }`, a card, ...);
//!   a card, an error, an advisory note and what `identify` found are the core's views
//!   ([`bhyt::CardView`], [`bhyt::IdentityView`], ...),
//!   their values passed in the order of the view's `FIELDS` and named by one rename rule
//!   (snake_case to camelCase; `scripts/build.sh` writes the names from the core);
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

extern crate alloc;

use core::fmt::{self, Write};

use bhyt::{CardView, ErrorView, Issuer, Lang, Mode};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/shape.js")]
extern "C" {
    /// Empties the text being written, in case a call ever stopped halfway through one.
    #[wasm_bindgen(js_name = reset)]
    fn shape_reset();

    /// Appends `piece` to the text being written (see [`JsText`]).
    #[wasm_bindgen(js_name = write)]
    fn shape_write(piece: &str);

    /// An error: the values of its view ([`bhyt::ErrorView`], in the order of
    /// [`ErrorView::FIELDS`]), the message being the text written so far; `position` is
    /// `undefined` when absent.
    #[wasm_bindgen(js_name = error)]
    fn shape_error(code: &str, position: Option<u32>) -> JsValue;

    /// A card: the values of its view ([`bhyt::CardView`]), in the order of
    /// [`bhyt::CardView::FIELDS`], which `js/shape.js` names by its one rename rule; absent
    /// parts (the 10-digit form's) are `undefined`.
    #[wasm_bindgen(js_name = card)]
    #[allow(clippy::too_many_arguments)]
    fn shape_card(
        form: u32,
        group_code: Option<&str>,
        group_description: Option<&str>,
        benefit_level: Option<u32>,
        benefit_meaning: Option<&str>,
        issuer: Option<&str>,
        issuer_name: Option<&str>,
        province_code: Option<&str>,
        social_insurance_number: &str,
        key: &str,
        compact: &str,
        grouped: &str,
        masked: &str,
    ) -> JsValue;

    /// `{ valid: true, card }`.
    #[wasm_bindgen(js_name = parsed)]
    fn shape_parsed(card: JsValue) -> JsValue;

    /// `{ valid: false, error }`.
    #[wasm_bindgen(js_name = rejected)]
    fn shape_rejected(error: JsValue) -> JsValue;

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

/// The settings every entry point takes, packed by the JS layer (`js/api.js`) into one
/// number after it has checked the option names: bits 0-1 the issuing body (0 any, 1 Vietnam
/// Social Security, 2 Police, 3 Defence), bit 2 English, bit 3 lenient, and for [`check`]
/// bit 4, [`checks::DECODE`].
#[derive(Clone, Copy, Debug)]
struct Settings {
    /// `None` for any issuing body.
    issuer: Option<Issuer>,
    /// Language of messages and descriptions.
    lang: Lang,
    /// Strict or lenient: passed on to the core's entry points.
    mode: Mode,
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
            mode: Mode::from_lenient(flags & 0b1000 != 0),
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

#[cfg(feature = "checks")]
fn error_value(input: &str, error: &bhyt::Error, lang: Lang) -> JsValue {
    problem_value(input, error.view(lang))
}

/// `{ code, position, message }` for any error's view (a card's or `identify`'s) on
/// `input`: `position` (characters, as the core counts them) becomes a JS string index.
fn problem_value(input: &str, view: ErrorView<impl fmt::Display>) -> JsValue {
    // `JsText` never fails, and the core's `Display` only fails when its writer does.
    let _ = write!(JsText::new(), "{}", view.message);
    shape_error(
        view.code,
        view.position.map(|position| utf16_index(input, position)),
    )
}

/// `{ valid: true, card }` or `{ valid: false, error }`.
#[cfg(feature = "checks")]
fn verdict_value(
    input: &str,
    verdict: &Result<bhyt::CardNumber, bhyt::Error>,
    lang: Lang,
) -> JsValue {
    match verdict {
        Ok(card) => shape_parsed(card_value(&card.view(lang))),
        Err(error) => shape_rejected(error_value(input, error, lang)),
    }
}

/// ASCII digits as text.
fn ascii(digits: &[u8]) -> &str {
    // SAFETY: the core's `digits()` are ASCII digits, so UTF-8.
    unsafe { core::str::from_utf8_unchecked(digits) }
}

/// The card's view (the core's [`bhyt::CardView`], the same values as the command line's
/// JSON), handed to the JS side field by field in the order of [`bhyt::CardView::FIELDS`].
fn card_value(view: &CardView) -> JsValue {
    let province = view.province_code.map(|province| province.digits());
    let key = view.key.digits();
    shape_card(
        // 10 or 15.
        view.form as u32,
        view.group_code.map(|group| group.as_str()),
        view.group_description,
        view.benefit_level.map(|benefit| u32::from(benefit.digit())),
        view.benefit_meaning,
        view.issuer.map(Issuer::as_str),
        view.issuer_name,
        province.as_ref().map(|digits| ascii(digits)),
        view.social_insurance_number.as_str(),
        ascii(&key),
        view.compact.as_str(),
        view.grouped.as_str(),
        view.masked.as_str(),
    )
}

#[cfg(feature = "checks")]
pub mod checks;
#[cfg(feature = "checks")]
pub mod packed;
#[cfg(feature = "reception")]
pub mod reception;

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
