//! The shared vector files (`tests/vectors/*.tsv`; format in `tests/vectors/README.md`) and
//! their reader, for the Rust tests: the core's (`crates/bhyt/tests/vectors.rs`,
//! `reception_vectors.rs`) and the fuzz oracle's (`fuzz/tests/oracle_vectors.rs`).

use std::collections::HashMap;

use bhyt::{Issuer, Mode};

/// `tests/vectors/cards.tsv`: whole numbers.
pub const CARDS: &str = include_str!("../../../tests/vectors/cards.tsv");
/// `tests/vectors/prefixes.tsv`: the as-you-type check.
pub const PREFIXES: &str = include_str!("../../../tests/vectors/prefixes.tsv");
/// `tests/vectors/identify.tsv`: one reception search box.
pub const IDENTIFY: &str = include_str!("../../../tests/vectors/identify.tsv");
/// `tests/vectors/ma_the.tsv`: claims `MA_THE_BHYT` fields.
pub const MA_THE: &str = include_str!("../../../tests/vectors/ma_the.tsv");
/// `tests/vectors/qr.tsv`: QR codes typed by a reception desk's scanner.
pub const QR: &str = include_str!("../../../tests/vectors/qr.tsv");
/// `tests/vectors/facility.tsv`: facility codes.
pub const FACILITY: &str = include_str!("../../../tests/vectors/facility.tsv");
/// `tests/vectors/validity.tsv`: a card's validity on a date, and stay notes.
pub const VALIDITY: &str = include_str!("../../../tests/vectors/validity.tsv");
/// `tests/vectors/gateway.tsv`: the card-check gateway's result codes.
pub const GATEWAY: &str = include_str!("../../../tests/vectors/gateway.tsv");

/// One data row of a vector file, by column name.
pub struct Row<'a> {
    /// The 1-based line number in the file.
    pub line: usize,
    /// The values by column name.
    pub fields: HashMap<&'a str, &'a str>,
}

impl Row<'_> {
    /// A column's value (panics, naming the line, when there is no such column).
    pub fn get(&self, column: &str) -> &str {
        self.fields
            .get(column)
            .unwrap_or_else(|| panic!("line {}: no column {column}", self.line))
    }

    /// A column's value, `None` for `-`.
    pub fn opt(&self, column: &str) -> Option<&str> {
        Some(self.get(column)).filter(|value| *value != "-")
    }

    /// A column's value as a number.
    pub fn number(&self, column: &str) -> usize {
        self.get(column)
            .parse()
            .unwrap_or_else(|_| panic!("line {}: {column} is not a number", self.line))
    }

    /// The `input` column, unescaped.
    pub fn input(&self) -> String {
        unescape(self.get("input"))
    }

    /// The `issuer` column (`any`: `None`).
    pub fn issuer(&self) -> Option<Issuer> {
        match self.get("issuer") {
            "any" => None,
            name => Some(name.parse().expect("issuer column")),
        }
    }

    /// The `mode` column.
    pub fn mode(&self) -> Mode {
        self.get("mode")
            .parse()
            .unwrap_or_else(|_| panic!("line {}: mode {}", self.line, self.get("mode")))
    }

    /// Whether the `mode` column is `lenient`.
    pub fn lenient(&self) -> bool {
        self.mode() == Mode::Lenient
    }

    /// The `position` column (`-`: `None`).
    pub fn position(&self) -> Option<usize> {
        self.opt("position").map(|p| p.parse().expect("position"))
    }
}

/// Every row natively; under Miri (about a thousand times slower) every `miri_step`th, which
/// still covers every kind of row, since the files group them by kind.
pub fn rows(file: &str, miri_step: usize) -> Vec<Row<'_>> {
    let step = if cfg!(miri) { miri_step } else { 1 };
    crate::tsv_rows(file, step)
        .map(|(line, fields)| Row {
            line,
            fields: fields.collect(),
        })
        .collect()
}

/// The files' escapes: `\\ \t \n \r`.
pub fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            other => panic!("bad escape \\{other:?} in {field:?}"),
        }
    }
    out
}
