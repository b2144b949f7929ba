//! The C ABI (`bindings/c`, called through its rlib exactly as C calls it: raw pointers and
//! lengths) on arbitrary bytes, under the address sanitizer. Every buffer handed to it is a
//! heap block of exactly the size declared, so a read or write past it is a finding.
//!
//! For every issuer value (the four valid ones and an invalid one), strict and lenient: no
//! call returns `BHYT_PANIC`; verdicts, codes and positions are the core's; outputs are
//! written only on success (the optional error detail only on failure); `bhyt_format` writes
//! exactly the text and its NUL into a large enough buffer and nothing into a smaller one;
//! the batch calls give one verdict per item or line, the core's, and write nothing when the
//! array is too small; the static strings are NUL-terminated and readable.
#![no_main]

#[path = "../../bindings/c/tests/contract/mod.rs"]
mod contract;

libfuzzer_sys::fuzz_target!(|data: &[u8]| contract::check(data));
