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

use bhyt::{CardNumber, Error, Mode};
use wasm_bindgen::prelude::*;

use crate::Settings;

/// How many code units the fast crossing takes; longer input takes the `&str` crossing.
pub const INPUT_CAPACITY: usize = 64;

/// Memory that JS writes between calls and the next call reads.
struct Shared<T>(UnsafeCell<T>);

// SAFETY: `wasm32-unknown-unknown` without the `atomics` feature (this build) runs one thread;
// on other targets (tests, lints) nothing calls these functions from two threads.
unsafe impl<T> Sync for Shared<T> {}

/// The input of the next [`valid_at`] or [`check_at`] call.
static INPUT: Shared<[u8; INPUT_CAPACITY]> = Shared(UnsafeCell::new([0; INPUT_CAPACITY]));

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

/// The verdict on the first `len` bytes of [`INPUT`], which are then cleared: the number a
/// user typed does not stay in this module's memory after the call.
fn verdict_at(len: u32, flags: u32) -> Result<CardNumber, Error> {
    // SAFETY: one thread; JS only writes the bytes between calls, and the reference does not
    // outlive this call.
    let all: &mut [u8; INPUT_CAPACITY] = unsafe { &mut *INPUT.0.get() };
    let input = all.get_mut(..len as usize).unwrap_or(&mut []);
    let result = verdict(input, flags);
    input.fill(0);
    result
}

fn verdict(input: &[u8], flags: u32) -> Result<CardNumber, Error> {
    let settings = Settings::unpack(flags);
    settings.mode.validate(input, settings.issuer)
}

/// Whether the `len` ASCII bytes written into [`input_buffer`] are a valid number (1) or
/// not (0), with the settings `flags` (as [`crate::checks::check`] answers it).
#[wasm_bindgen]
pub fn valid_at(len: u32, flags: u32) -> u32 {
    let settings = Settings::unpack(flags);
    // SAFETY: as in `verdict_at`.
    let all: &[u8; INPUT_CAPACITY] = unsafe { &*INPUT.0.get() };
    let input = all.get(..len as usize).unwrap_or(&[]);
    // Strict: the verdict alone, no card and no error to build.
    let valid = match settings.mode {
        Mode::Lenient => Mode::Lenient.validate(input, settings.issuer).is_ok(),
        Mode::Strict => bhyt::is_valid(input, settings.issuer),
    };
    valid as u32
}

/// [`crate::checks::check`] of the `len` ASCII bytes written into [`input_buffer`], packed:
/// 0 when valid, else the error's number (1-6) in bits 0-7 and its position plus one in the
/// bits above (0: no position). JS asks [`crate::checks::check`] for the message when it is
/// read.
#[wasm_bindgen]
pub fn check_at(len: u32, flags: u32) -> u32 {
    match verdict_at(len, flags) {
        Ok(_) => 0,
        Err(error) => {
            let position = error.position().map_or(0, |position| position as u32 + 1);
            error.code().number() | position << 8
        }
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
