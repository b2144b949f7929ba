//! The fast crossing of the main module (`js/fast.js` is its JS side).
//!
//! For one number, JS writes an ASCII input into [`input_buffer`] with a `charCodeAt` loop
//! (no `TextEncoder`, no allocation), the call returns one packed integer, and JS builds the
//! result object from it; the error message is only produced when JS reads it. Non-ASCII input
//! and input longer than [`INPUT_CAPACITY`] keep the `&str` crossing of [`crate::checks`], so
//! every input gets the same answer either way; for ASCII input a character position is also
//! a JS string index, so positions need no mapping.
//!
//! For a batch, [`lines_buffer`] hands JS room in this module's memory, which it fills with
//! `TextEncoder.encodeInto`; [`check_lines_at`] writes the verdicts right after the text.

use core::alloc::Layout;
use core::cell::UnsafeCell;

use bhyt::{Error, Expected, Found, Issuer, LateGroupCode, Mode};
use wasm_bindgen::prelude::*;

use crate::Settings;

/// How many code units the fast crossing takes; longer input takes the `&str` crossing.
pub const INPUT_CAPACITY: usize = 64;

/// Memory that JS writes between calls and the next call reads.
struct Shared<T>(UnsafeCell<T>);

// SAFETY: `wasm32-unknown-unknown` without the `atomics` feature (this build) runs one thread;
// on other targets (tests, lints) nothing calls these functions from two threads.
unsafe impl<T> Sync for Shared<T> {}

/// The input buffer, 4-byte aligned: JS writes a 10- or 15-character input as 32-bit words.
#[repr(C, align(4))]
struct Input([u8; INPUT_CAPACITY]);

/// The input of the next [`valid_at`] or [`check_at`] call.
static INPUT: Shared<Input> = Shared(UnsafeCell::new(Input([0; INPUT_CAPACITY])));

/// The lines buffer: its start and its size in bytes (0: none yet).
static LINES: Shared<(usize, usize)> = Shared(UnsafeCell::new((0, 0)));

/// The module's memory (a `WebAssembly.Memory`), for `js/fast.js` to write into.
#[wasm_bindgen]
pub fn module_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Where JS writes the input of [`valid_at`] and [`check_at`]: [`INPUT_CAPACITY`] bytes.
#[wasm_bindgen]
pub fn input_buffer() -> *mut u8 {
    INPUT.0.get().cast()
}

/// Whether the `len` ASCII bytes written into [`input_buffer`] are a valid number (1) or
/// not (0), with the settings `flags` (as [`crate::checks::check`] answers it).
#[wasm_bindgen]
pub fn valid_at(len: u32, flags: u32) -> u32 {
    let settings = Settings::unpack(flags);
    // SAFETY: as in `check_at`.
    let all: &[u8; INPUT_CAPACITY] = unsafe { &(*INPUT.0.get()).0 };
    let input = all.get(..len as usize).unwrap_or(&[]);
    // Strict: the verdict alone, no card and no error to build.
    let valid = match settings.mode {
        Mode::Lenient => Mode::Lenient.validate(input, settings.issuer).is_ok(),
        Mode::Strict => bhyt::is_valid(input, settings.issuer),
    };
    valid as u32
}

/// [`crate::checks::check`] of the `len` ASCII bytes written into [`input_buffer`], packed:
/// 0 when valid, else the error's key ([`error_key`]); JS names the error from its number
/// and position, and asks [`crate::checks::check`] for the message of a key it has not seen.
/// The bytes are then cleared: the number a user typed does not stay in this module's memory
/// after the call. A strict input is first given the verdict alone, without building a card
/// (most input is valid); only invalid input is checked again, for its error.
#[wasm_bindgen]
pub fn check_at(len: u32, flags: u32) -> u32 {
    let settings = Settings::unpack(flags);
    // SAFETY: one thread; JS only writes the bytes between calls, and the reference does not
    // outlive this call.
    let all: &mut [u8; INPUT_CAPACITY] = unsafe { &mut (*INPUT.0.get()).0 };
    let input = all.get_mut(..len as usize).unwrap_or(&mut []);
    let key = if settings.mode == Mode::Strict && bhyt::is_valid(&*input, settings.issuer) {
        0
    } else {
        match settings.mode.validate(&*input, settings.issuer) {
            Ok(_) => 0,
            Err(error) => error_key(&error),
        }
    };
    input.fill(0);
    key
}

/// The key of an error that no key can stand for: JS takes the string crossing for it.
pub const UNKEYED: u32 = 1 << 31;

/// A number that stands for the error value, so that JS can keep one message per key: bits
/// 0-7 the error's number (1-6), bits 8-15 its position plus one (0: no position), bits
/// 16-29 what else its message depends on (the length found, the kinds of character expected
/// and found, the late group code, the issuing body); [`UNKEYED`] when a part does not fit
/// (a position past 253, a length past 254) or the error is of a kind this function does not
/// know.
/// Everything in an [`Error`] is in its key, so two errors with the same key are equal.
pub fn error_key(error: &Error) -> u32 {
    let detail = match *error {
        Error::InvalidLength { length } => u32::try_from(length).ok().filter(|&n| n < 255),
        Error::InvalidCharacter {
            expected, found, ..
        } => Some(expected_number(expected) | found_number(found) << 2),
        Error::LateGroupCode { code, .. } => Some(match code {
            LateGroupCode::ND => 0,
            LateGroupCode::TG => 1,
            LateGroupCode::AK => 2,
        }),
        Error::InvalidProvinceCode { issuer, .. } => Some(match issuer {
            None => 0,
            Some(Issuer::VietnamSocialSecurity) => 1,
            Some(Issuer::Police) => 2,
            Some(Issuer::Defence) => 3,
        }),
        Error::UnknownGroupCode { .. } | Error::InvalidBenefitLevel { .. } => Some(0),
        _ => None,
    };
    let position = match error.position() {
        None => Some(0),
        Some(position) => u32::try_from(position)
            .ok()
            .filter(|&p| p < 254)
            .map(|p| p + 1),
    };
    let number = error.code().number();
    match (detail, position) {
        (Some(detail), Some(position)) if number < 256 => number | (position << 8) | (detail << 16),
        _ => UNKEYED,
    }
}

fn expected_number(expected: Expected) -> u32 {
    match expected {
        Expected::Digit => 0,
        Expected::UppercaseLetter => 1,
        Expected::DigitOrUppercaseLetter => 2,
    }
}

fn found_number(found: Found) -> u32 {
    match found {
        Found::Digit => 0,
        Found::UppercaseLetter => 1,
        Found::LowercaseLetter => 2,
        Found::Whitespace => 3,
        Found::Symbol => 4,
        Found::NonAscii => 5,
    }
}

/// Room in this module's memory for `len` bytes of text followed by `len + 1` verdicts (a
/// line takes at least one byte, its LF, so that is always enough), kept between calls and
/// replaced by a larger one when needed; null when memory runs out.
#[wasm_bindgen]
pub fn lines_buffer(len: usize) -> *mut u8 {
    // SAFETY: one thread, and the reference does not outlive this call.
    let lines = unsafe { &mut *LINES.0.get() };
    let needed = len.saturating_mul(2).saturating_add(1);
    if lines.1 < needed {
        let Ok(layout) = Layout::from_size_align(needed, 1) else {
            return core::ptr::null_mut();
        };
        if lines.1 != 0 {
            // SAFETY: allocated below with this size and alignment 1 (so a valid layout), and
            // no longer used.
            unsafe {
                alloc::alloc::dealloc(
                    lines.0 as *mut u8,
                    Layout::from_size_align_unchecked(lines.1, 1),
                )
            };
        }
        // SAFETY: `needed` is not zero. Zeroed, so that every byte is initialised.
        let start = unsafe { alloc::alloc::alloc_zeroed(layout) };
        *lines = if start.is_null() {
            (0, 0)
        } else {
            (start as usize, needed)
        };
    }
    lines.0 as *mut u8
}

/// [`crate::checks::check_lines`] of the first `len` bytes of [`lines_buffer`], the verdicts
/// written from byte `len` on; returns the number of lines.
#[wasm_bindgen]
pub fn check_lines_at(len: usize, flags: u32) -> u32 {
    // SAFETY: one thread, and the reference does not outlive this call.
    let &(start, size) = unsafe { &*LINES.0.get() };
    if start == 0 || size < len.saturating_mul(2).saturating_add(1) {
        return 0;
    }
    // SAFETY: `start` is a live, initialised allocation of `size` bytes (see `lines_buffer`),
    // and nothing else refers to it during this call.
    let buffer = unsafe { core::slice::from_raw_parts_mut(start as *mut u8, size) };
    let (text, out) = buffer.split_at_mut(len);
    let count = crate::checks::check_lines(text, flags, out);
    // The numbers do not stay in this module's memory after the call.
    text.fill(0);
    count
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use bhyt::{Error, Issuer, Mode};

    use super::{error_key, UNKEYED};

    /// Every byte value at every position of both forms, one short and one long, all lengths
    /// to 64 and a few non-ASCII inputs, strictly and leniently, for every issuer choice:
    /// each error gets a key with its number and position, and no two different errors
    /// share a key (so a message cached under a key is that error's message).
    #[test]
    fn a_key_stands_for_exactly_one_error() {
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        for base in [
            "0101010101",
            "DN4010120878811",
            "DN401012087881",
            "01010101011",
        ] {
            for position in 0..base.len() {
                for byte in 0..=255u8 {
                    let mut input = base.as_bytes().to_vec();
                    input[position] = byte;
                    inputs.push(input);
                }
            }
        }
        for length in 0..=64 {
            inputs.push(vec![b'0'; length]);
            inputs.push(vec![b' '; length]);
        }
        for text in [
            "ĐN4010120878811",
            "０１０１０１０１０１",
            "hs 4 01 012.087.8811",
            "ND4010120878811",
        ] {
            inputs.push(text.as_bytes().to_vec());
        }
        let issuers = [
            None,
            Some(Issuer::VietnamSocialSecurity),
            Some(Issuer::Police),
            Some(Issuer::Defence),
        ];
        let mut seen: HashMap<u32, Error> = HashMap::new();
        for input in &inputs {
            for mode in [Mode::Strict, Mode::Lenient] {
                for issuer in issuers {
                    let Err(error) = mode.validate(input, issuer) else {
                        continue;
                    };
                    let key = error_key(&error);
                    assert_ne!(key, UNKEYED, "{error:?}");
                    assert_eq!(key & 0xff, error.code().number());
                    let position = error.position().map_or(0, |position| position as u32 + 1);
                    assert_eq!(key >> 8 & 0xff, position);
                    assert!(key < 1 << 30, "a small integer in JS");
                    if let Some(earlier) = seen.insert(key, error) {
                        assert_eq!(earlier, error, "key {key:#x}");
                    }
                }
            }
        }
        assert!(seen.len() > 100, "only {} keys", seen.len());
    }
}
