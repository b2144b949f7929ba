//! The fast crossing of the main module for short strings (`js/fast.js` is its JS side):
//! JS writes an ASCII input into [`INPUT`] with a `charCodeAt` loop (no `TextEncoder`, no
//! allocation), the call returns one packed integer, and JS builds the result object from it;
//! the error message is only written when JS asks for it. Non-ASCII input and input longer
//! than [`INPUT_CAPACITY`] keep the `&str` crossing of [`crate::checks`], so the results are
//! the same for every input; for ASCII input a character position is also a JS string
//! index, so positions need no mapping.
//!
//! For batches, [`lines_buffer`] hands JS a buffer in this module's memory, which it fills
//! with `TextEncoder.encodeInto`; [`check_lines_in_place`] writes one verdict per line over
//! the same bytes (a line takes at least one byte, its LF).

use core::cell::UnsafeCell;

use bhyt::{CardNumber, Error};
use wasm_bindgen::prelude::*;

use crate::Settings;

/// How many code units the fast crossing takes; longer input takes the `&str` crossing.
pub const INPUT_CAPACITY: usize = 64;

/// Bytes that JS writes and the next call reads; only ever touched from one thread (this
/// build has no threads) and never while a Rust reference to them is alive across a call.
struct Shared<T>(UnsafeCell<T>);

// SAFETY: `wasm32-unknown-unknown` without the `atomics` feature runs one thread; on other
// targets (tests, lints) nothing calls these functions from two threads.
unsafe impl<T> Sync for Shared<T> {}

/// The input of the next [`valid_at`] or [`check_at`] call.
static INPUT: Shared<[u8; INPUT_CAPACITY]> = Shared(UnsafeCell::new([0; INPUT_CAPACITY]));

/// The WebAssembly memory, for `js/fast.js` to write into.
#[wasm_bindgen]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Where JS writes the input of [`valid_at`] and [`check_at`] (room for [`INPUT_CAPACITY`]
/// bytes).
#[wasm_bindgen]
pub fn input_buffer() -> *mut u8 {
    INPUT.0.get().cast()
}

/// The first `len` bytes of [`INPUT`].
fn input(len: u32) -> &'static [u8] {
    // SAFETY: one thread; the bytes are only written by JS between calls, and the slice does
    // not outlive this call.
    let all: &[u8; INPUT_CAPACITY] = unsafe { &*INPUT.0.get() };
    all.get(..len as usize).unwrap_or(&[])
}

fn verdict(input: &[u8], flags: u32) -> Result<CardNumber, Error> {
    let settings = Settings::unpack(flags);
    if settings.lenient {
        bhyt::validate_lenient(input, settings.issuer)
    } else {
        bhyt::validate(input, settings.issuer)
    }
}

/// Whether the `len` ASCII bytes written into [`input_buffer`] are a valid number (1) or
/// not (0), with the settings `flags` (as [`crate::checks::valid`]).
#[wasm_bindgen]
pub fn valid_at(len: u32, flags: u32) -> u32 {
    let settings = Settings::unpack(flags);
    let input = input(len);
    if settings.lenient {
        bhyt::validate_lenient(input, settings.issuer).is_ok() as u32
    } else {
        bhyt::is_valid(input, settings.issuer) as u32
    }
}

/// [`crate::checks::check`] of the `len` ASCII bytes written into [`input_buffer`], packed:
/// 0 when valid, else the error's number (1-6) in bits 0-7 and its position plus one in the
/// bits above (0: no position). The message comes from [`crate::checks::check`] when asked.
#[wasm_bindgen]
pub fn check_at(len: u32, flags: u32) -> u32 {
    match verdict(input(len), flags) {
        Ok(_) => 0,
        Err(error) => {
            let position = error.position().map_or(0, |position| position as u32 + 1);
            u32::from(error.code().number()) | position << 8
        }
    }
}

/// Room in this module's memory for `len` bytes of lines followed by `len + 1` verdicts
/// (a line takes at least one byte, its LF, so that is always room enough), kept between
/// calls and grown when needed; null when memory runs out. JS fills the first `len` bytes
/// with `TextEncoder.encodeInto` and reads the verdicts at `len`.
#[wasm_bindgen]
pub fn lines_buffer(len: usize) -> *mut u8 {
    // SAFETY: one thread, and no reference to `LINES` outlives a call.
    let lines = unsafe { &mut *LINES.0.get() };
    let needed = len.saturating_mul(2).saturating_add(1);
    if lines.len() < needed {
        lines.clear();
        if lines.try_reserve_exact(needed).is_err() {
            return core::ptr::null_mut();
        }
        lines.resize(needed, 0);
    }
    lines.as_mut_ptr()
}

/// The buffer of [`lines_buffer`].
static LINES: Shared<alloc::vec::Vec<u8>> = Shared(UnsafeCell::new(alloc::vec::Vec::new()));

/// [`crate::checks::check_lines`] of the first `len` bytes of [`lines_buffer`], the
/// verdicts written from byte `len` on; returns the number of lines.
#[wasm_bindgen]
pub fn check_lines_at(len: usize, flags: u32) -> u32 {
    // SAFETY: one thread, and no reference to `LINES` outlives a call.
    let lines = unsafe { &mut *LINES.0.get() };
    match lines.get_mut(..len.saturating_mul(2).saturating_add(1)) {
        Some(buffer) => {
            let (text, out) = buffer.split_at_mut(len);
            crate::checks::check_lines(text, flags, out)
        }
        None => 0,
    }
}
