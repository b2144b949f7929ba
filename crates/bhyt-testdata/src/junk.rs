//! The shared junk-input suite `tests/junk/junk.tsv` (format: `tests/junk/README.md`) and
//! its reader, for the Rust tests of every layer: the core's (`crates/bhyt/tests/junk.rs`)
//! and the C ABI's (`bindings/c/tests/abi_contract.rs`).

/// The file, as committed.
pub const JUNK: &str = include_str!("../../../tests/junk/junk.tsv");

/// One row: its line number in the file and its fields by column name.
pub struct Row<'a> {
    /// The 1-based line number in the file.
    pub line: usize,
    /// The values by column name, in the file's order.
    pub fields: Vec<(&'a str, &'a str)>,
}

impl Row<'_> {
    /// A column's value (panics, naming the line, when there is no such column).
    pub fn get(&self, column: &str) -> &str {
        self.fields
            .iter()
            .find(|(name, _)| *name == column)
            .unwrap_or_else(|| panic!("line {}: no column {column}", self.line))
            .1
    }

    /// A column's value, `None` for `-`.
    pub fn opt(&self, column: &str) -> Option<&str> {
        Some(self.get(column)).filter(|value| *value != "-")
    }

    /// A position column (`-`: `None`).
    pub fn position(&self, column: &str) -> Option<usize> {
        self.opt(column).map(|p| p.parse().expect("a position"))
    }

    /// A `true`/`false` column.
    pub fn flag(&self, column: &str) -> bool {
        match self.get(column) {
            "true" => true,
            "false" => false,
            other => panic!("line {}: {column} = {other}", self.line),
        }
    }

    /// The row's `name`.
    pub fn name(&self) -> &str {
        self.get("name")
    }

    /// How many times the input unit is repeated.
    pub fn repeat(&self) -> usize {
        self.get("repeat").parse().expect("repeat")
    }

    /// The input bytes, the unit repeated `repeat` times.
    pub fn input(&self, repeat: usize) -> Vec<u8> {
        unescape(self.get("input"), self.flag("bytes_only")).repeat(repeat)
    }
}

/// Every row of the file.
pub fn rows() -> Vec<Row<'static>> {
    crate::tsv_rows(JUNK, 1)
        .map(|(line, fields)| Row {
            line,
            fields: fields.collect(),
        })
        .collect()
}

/// The file's escapes: `\\ \t \n \r`, and `\xHH` for one byte (above 7F only in `bytes_only`
/// rows). `\u` (lone surrogates) occurs only in `js_only` rows, which are skipped.
pub fn unescape(field: &str, bytes_only: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next() {
            Some('\\') => out.push(b'\\'),
            Some('t') => out.push(b'\t'),
            Some('n') => out.push(b'\n'),
            Some('r') => out.push(b'\r'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                let byte = u8::from_str_radix(&hex, 16).expect("two hex digits");
                assert!(
                    bytes_only || byte < 0x80,
                    "\\x{hex} outside a bytes_only row"
                );
                out.push(byte);
            }
            other => panic!("bad escape \\{other:?} in {field:?}"),
        }
    }
    out
}
