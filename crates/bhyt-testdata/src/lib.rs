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

/// The data rows of a tab-separated file whose first line that is neither empty nor a `#`
/// comment names the columns: every `step`th row (skipped before it is split: under Miri,
/// splitting is the slow part), as its 1-based line number and its (column, value) pairs.
/// Panics, naming the line, on a row with another number of fields than the header.
fn tsv_rows(
    file: &str,
    step: usize,
) -> impl Iterator<Item = (usize, impl Iterator<Item = (&str, &str)>)> {
    let mut lines = file
        .split('\n')
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.is_empty());
    let (_, header) = lines.next().expect("a header row");
    let columns: Vec<&str> = header.split('\t').collect();
    lines.step_by(step).map(move |(index, line)| {
        let values: Vec<&str> = line.split('\t').collect();
        assert_eq!(values.len(), columns.len(), "line {}", index + 1);
        (index + 1, columns.clone().into_iter().zip(values))
    })
}

/// The README's Rust example runs as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
