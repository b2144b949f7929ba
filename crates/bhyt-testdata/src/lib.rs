//! The shared test data of the workspace and its readers, as a crate: the Rust tests of the
//! core (`crates/bhyt/tests/`), of the C ABI (`bindings/c/tests/abi_contract.rs`) and of the
//! fuzz oracle (`fuzz/tests/`) take it as a dev-dependency instead of including files from
//! outside their crate, so that `crates/bhyt` packages and tests alone. Not published.
//!
//! - [`vectors`]: `tests/vectors/*.tsv` (generated from the spec by an independent oracle);
//! - [`junk`]: `tests/junk/junk.tsv`, the junk-input suite.
//!
//! Its own tests (`tests/tables.rs`) check every copy of the core's tables outside Rust (the
//! C header, the JS code list and types, the READMEs' tables) against the core; and the
//! README's Rust example runs here as a doctest.
//!
//! ```
//! let rows = bhyt_testdata::vectors::rows(bhyt_testdata::vectors::CARDS, 1);
//! assert!(rows.len() > 2000);
//! assert!(!bhyt_testdata::junk::rows().is_empty());
//! ```

pub mod junk;
pub mod vectors;

/// The README's Rust example runs as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
