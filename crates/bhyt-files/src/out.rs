//! The report of a file check: one entry per invalid value (and, if asked, per duplicate or
//! advisory note), as text, JSON Lines or CSV; numbers always masked.

use std::io::{self, Write};

use bhyt::Lang;
use serde::Serialize;

/// How the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// One line per entry, for people.
    Text,
    /// One JSON object per entry (JSON Lines).
    Json,
    /// Comma-separated values, with a header line.
    Csv,
}

impl ReportFormat {
    /// The format a report file's name tells: `.csv` is CSV, `.json`, `.jsonl` and
    /// `.ndjson` are JSON Lines, anything else text.
    ///
    /// ```
    /// use bhyt_files::ReportFormat;
    /// assert_eq!(ReportFormat::from_path("out/invalid.CSV"), ReportFormat::Csv);
    /// assert_eq!(ReportFormat::from_path("invalid.txt"), ReportFormat::Text);
    /// ```
    pub fn from_path(path: &str) -> ReportFormat {
        let extension = std::path::Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match extension.as_deref() {
            Some("csv") => ReportFormat::Csv,
            Some("json" | "jsonl" | "ndjson") => ReportFormat::Json,
            _ => ReportFormat::Text,
        }
    }
}

/// What an entry reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Error,
    Duplicate,
    Advice,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Duplicate => "duplicate",
            Kind::Advice => "advice",
        }
    }
}

/// One line of the report.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub row: u64,
    pub line: Option<u64>,
    pub column: &'a str,
    /// 1-based item of a `MA_THE_BHYT` field.
    pub item: Option<usize>,
    /// 0-based character position of the error in the value (in the whole field, for claims).
    pub position: Option<usize>,
    pub masked: &'a str,
    #[serde(serialize_with = "kind")]
    pub kind: Kind,
    pub code: &'a str,
    pub message: &'a str,
    pub ma_lk: Option<&'a str>,
    pub first_row: Option<u64>,
}

fn kind<S: serde::Serializer>(kind: &Kind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.as_str())
}

/// The CSV report's first line.
pub const CSV_HEADER: &str =
    "row,line,column,item,position,masked,kind,code,message,ma_lk,first_row\n";

/// A value that may be opened in a spreadsheet: a leading `=`, `+`, `-` or `@` would make it a
/// formula, so it gets a `'` in front.
fn csv_field(out: &mut Vec<u8>, text: &str, guard: bool) {
    let risky = guard && text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = risky || text.contains([',', '"', '\n', '\r']) || text.starts_with(' ');
    if quote {
        out.push(b'"');
    }
    if risky {
        out.push(b'\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push(b'"');
        }
        let mut buffer = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
    }
    if quote {
        out.push(b'"');
    }
}

fn number(out: &mut Vec<u8>, value: Option<impl std::fmt::Display>) {
    if let Some(value) = value {
        let _ = write!(out, "{value}");
    }
}

impl Entry<'_> {
    pub fn write(&self, out: &mut Vec<u8>, format: ReportFormat, lang: Lang) {
        match format {
            ReportFormat::Json => {
                let _ = serde_json::to_writer(&mut *out, self);
                out.push(b'\n');
            }
            ReportFormat::Csv => {
                number(out, Some(self.row));
                out.push(b',');
                number(out, self.line);
                out.push(b',');
                csv_field(out, self.column, true);
                out.push(b',');
                number(out, self.item);
                out.push(b',');
                number(out, self.position);
                out.push(b',');
                csv_field(out, self.masked, true);
                out.push(b',');
                csv_field(out, self.kind.as_str(), false);
                out.push(b',');
                csv_field(out, self.code, false);
                out.push(b',');
                csv_field(out, self.message, false);
                out.push(b',');
                csv_field(out, self.ma_lk.unwrap_or_default(), true);
                out.push(b',');
                number(out, self.first_row);
                out.push(b'\n');
            }
            ReportFormat::Text => {
                let vi = lang == Lang::Vi;
                // Claims values are MA_THE_BHYT elements (with items), not spreadsheet rows.
                let row = match (self.item.is_some(), vi) {
                    (false, false) => "row",
                    (false, true) => "hàng",
                    (true, false) => "record",
                    (true, true) => "bản ghi",
                };
                let _ = write!(out, "{row} {}", self.row);
                if let Some(line) = self.line.filter(|&line| line != self.row) {
                    let _ = write!(out, " ({} {line})", if vi { "dòng" } else { "line" });
                }
                let _ = write!(out, ", {}", printable(self.column));
                if let Some(item) = self.item {
                    let _ = write!(out, " {} {item}", if vi { "mục" } else { "item" });
                }
                if let Some(id) = self.ma_lk {
                    let _ = write!(out, " (MA_LK {})", printable(id));
                }
                let masked = if self.masked.is_empty() {
                    "\"\""
                } else {
                    self.masked
                };
                let label = match (self.kind, vi) {
                    (Kind::Error, _) => "",
                    (Kind::Duplicate, false) => "duplicate ",
                    (Kind::Duplicate, true) => "trùng ",
                    (Kind::Advice, false) => "note ",
                    (Kind::Advice, true) => "lưu ý ",
                };
                let _ = writeln!(out, ": {masked}  {label}{}: {}", self.code, self.message);
            }
        }
    }
}

/// Text from a file, on one line: control characters become U+FFFD.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// A value masked for a report (never shown whole): the way `Style::Masked` masks a card.
///
/// ```
/// assert_eq!(bhyt_files::mask(b"0101A10101"), "******0101");
/// ```
///
/// An invalid value, masked the way `Style::Masked` masks a card: for 15 characters the
/// first 5 grouped (`DN 4 01 `), six `*` and the last 4; for other lengths every character but
/// the last 4 becomes `*` (all of them below 5 characters; past 36 characters, 32 `*` and `…`).
/// Control characters become U+FFFD.
pub fn mask(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    let clean = |c: char| if c.is_control() { '\u{fffd}' } else { c };
    let n = text.chars().count();
    let mut out = String::with_capacity(n.min(LONG) + 8);
    if n == 15 {
        let chars: Vec<char> = text.chars().map(clean).collect();
        out.extend(&chars[..2]);
        out.push(' ');
        out.push(chars[2]);
        out.push(' ');
        out.extend(&chars[3..5]);
        out.push(' ');
        out.push_str("******");
        out.extend(&chars[11..]);
    } else if n <= 4 {
        out.extend(std::iter::repeat('*').take(n));
    } else {
        // A long value (never a card) keeps a bounded mask: memory and the report stay small.
        out.extend(std::iter::repeat('*').take((n - 4).min(LONG)));
        if n - 4 > LONG {
            out.push('\u{2026}');
        }
        out.extend(text.chars().skip(n - 4).map(clean));
    }
    out
}

/// Masked characters shown at most; a longer value gets `…` after them.
const LONG: usize = 32;

/// Writes the report, remembering the first write error (a closed pipe ends the check
/// quietly; other errors are reported at the end).
pub struct ReportOut<'a> {
    out: &'a mut dyn Write,
    pub error: Option<io::Error>,
}

impl<'a> ReportOut<'a> {
    pub fn new(out: &'a mut dyn Write) -> ReportOut<'a> {
        ReportOut { out, error: None }
    }

    /// False once writing failed.
    pub fn write(&mut self, bytes: &[u8]) -> bool {
        if self.error.is_none() {
            if let Err(error) = self.out.write_all(bytes) {
                self.error = Some(error);
            }
        }
        self.error.is_none()
    }

    pub fn flush(&mut self) -> bool {
        if self.error.is_none() {
            if let Err(error) = self.out.flush() {
                self.error = Some(error);
            }
        }
        self.error.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_the_layout_and_hides_the_identity() {
        assert_eq!(mask(b"DN40101234X6789"), "DN 4 01 ******6789");
        assert_eq!(mask(b"0101A10101"), "******0101");
        assert_eq!(mask(b"079095001234"), "********1234");
        assert_eq!(mask(b"0123"), "****");
        assert_eq!(mask(b""), "");
        assert_eq!(mask("ĐN4010123456789".as_bytes()), "ĐN 4 01 ******6789");
        assert_eq!(mask(b"a\nbcdef"), "***cdef");
        assert_eq!(mask(b"x\x07yz12"), "**yz12");
        let long = [b'7'; 1000];
        assert_eq!(mask(&long), format!("{}\u{2026}7777", "*".repeat(32)));
    }

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        let mut out = Vec::new();
        csv_field(&mut out, "=HYPERLINK(1)", true);
        out.push(b'|');
        csv_field(&mut out, "a \"b\", c", false);
        out.push(b'|');
        csv_field(&mut out, "-", false);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"'=HYPERLINK(1)\"|\"a \"\"b\"\", c\"|-"
        );
    }
}
