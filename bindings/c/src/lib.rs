//! The C ABI of [`bhyt`]: `libbhyt.a`, `libbhyt.so` and the header `bhyt.h` (generated from
//! this crate by cbindgen; the doc comments are the header's documentation).
//!
//! One module per domain, in the header's order: `error` (result codes, `bhyt_error`), `card`
//! (issuer, style and language values, `bhyt_card`, validate and parse), `prefix` (the
//! as-you-type check), `format`, `batch` (batches and lines), `strings` (the static strings:
//! code names and messages), `reception` (identify, `MA_THE_BHYT`, advice) and `panic` (the
//! boundary every exported function goes through).
//!
//! Rules every exported function follows (see `bindings/c/README.md`):
//!
//! - inputs first, output parameters last; every buffer is a pointer and a `size_t`;
//! - a NULL pointer where one is required returns `BHYT_NULL_ARGUMENT`, never a crash;
//! - any bytes are accepted as input: invalid UTF-8 and embedded NUL bytes are ordinary
//!   (invalid) characters, and no input is ever read past its `len`;
//! - outputs are written only when the call succeeds; the optional error detail is written
//!   only when it fails;
//! - no allocation crosses the boundary, there is no global state (every function may be
//!   called from any thread at any time), and every function runs inside a panic boundary
//!   (`catch_unwind`) that turns a panic into `BHYT_PANIC`: a function reads its caller's
//!   pointers only through `panic::input` and `panic::read`, which take the proof of being
//!   inside the boundary that only `panic::guard` and `panic::guard_str` make;
//! - the library never prints or logs anything, least of all a card number.
//!
//! Nothing here decides whether a number is valid: every verdict, position and decoded part
//! comes from the core crate; this crate only translates.
#![deny(unsafe_op_in_unsafe_fn)]
// The exported names are C names (`bhyt_card`, `BHYT_OK`), as the header shows them.
#![allow(non_camel_case_types)]

use core::ffi::{c_char, CStr};

// The modules, by domain, in the order of the header: cbindgen reads them in the order they
// are declared, so each stands alone (rustfmt would sort a block of them).

// Result codes, `bhyt_error`.
mod error;

// Issuer, style and language values, `bhyt_card`, validate and parse.
mod card;

// The as-you-type check.
mod prefix;

// `bhyt_format`.
mod format;

// Batches and lines.
mod batch;

// Static strings: the code names and messages.
mod strings;

// Identify, `MA_THE_BHYT`, advice.
mod reception;

// The full message of an error and its details (`bhyt_error_text`, `bhyt_error_details`).
mod explain;

// The panic boundary every exported function goes through.
mod panic;

pub use batch::*;
pub use card::*;
pub use error::*;
pub use explain::*;
pub use format::*;
pub use prefix::*;
pub use reception::*;
pub use strings::*;

pub(crate) use panic::*;

/// The library version's major number (`BHYT_VERSION` is the whole version string).
pub const BHYT_VERSION_MAJOR: u32 = 0;
/// The library version's minor number.
pub const BHYT_VERSION_MINOR: u32 = 1;
/// The library version's patch number.
pub const BHYT_VERSION_PATCH: u32 = 0;

/// The version string, as `#define BHYT_VERSION` writes it in the header (cbindgen cannot
/// emit a string constant, so `cbindgen.toml` carries the define; a test compares the two).
const VERSION: &str = "0.1.0";

const fn parse_u32(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut value = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        value = value * 10 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    value
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

// The header's version is the crate's version: a bump of Cargo.toml that forgets these
// constants does not build.
const _: () = {
    assert!(str_eq(VERSION, env!("CARGO_PKG_VERSION")));
    assert!(BHYT_VERSION_MAJOR == parse_u32(env!("CARGO_PKG_VERSION_MAJOR")));
    assert!(BHYT_VERSION_MINOR == parse_u32(env!("CARGO_PKG_VERSION_MINOR")));
    assert!(BHYT_VERSION_PATCH == parse_u32(env!("CARGO_PKG_VERSION_PATCH")));
};

/// The version of the library actually loaded, `MAJOR.MINOR.PATCH`, as a static string.
/// Compare it with `BHYT_VERSION` (the header's) to detect a header and library mismatch.
#[no_mangle]
pub extern "C" fn bhyt_version() -> *const c_char {
    guard_str(|_| {
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(version) => version,
            Err(_) => c"",
        }
    })
}

#[cfg(test)]
mod tests;
