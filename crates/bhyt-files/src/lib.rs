//! Reading files of Vietnamese health-insurance (BHYT) card numbers: every value of one
//! column of a CSV or spreadsheet (.xlsx, .xls, .ods) file, or every `MA_THE_BHYT` of a claims
//! XML file, streaming, checked by the `bhyt` core; out come the report entries (row, line,
//! column, item, the value masked) and a [`Summary`]. This crate never prints and never exits:
//! the `bhyt` command (and other front ends) decide what to do with what it returns.
//!
//! A reader thread parses the file into batches of values; worker threads check batches; the
//! calling thread takes the results back in file order (so the report is the same, byte for
//! byte, whatever the number of threads), notes duplicates and writes the report. Memory is
//! bounded whatever the file holds ([`Limits`], and the crate's README, "When the file itself
//! is wrong").
//!
//! ```no_run
//! let options = bhyt_files::Options::default();
//! let mut report = Vec::new();
//! let summary = bhyt_files::check_file("list.csv", &options, &mut report, &mut |_| {})?;
//! println!("{} valid, {} invalid", summary.valid, summary.invalid);
//! # Ok::<(), bhyt_files::Failure>(())
//! ```

mod columns;
mod csv_in;
mod keys;
mod out;
mod report_file;
mod source;
mod workbook;
mod xlsx_in;
mod xml_in;
mod xmltext;

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bhyt::{AdviceCode, CardNumber, ErrorCode, Issuer, Lang, Mode, Style};
use serde::Serialize;

pub use columns::ColumnSpec;
pub use out::{mask, ReportFormat};
pub use report_file::ReportFile;
pub use source::{FileError, Limits};

use keys::{KeySet, Seen};
use out::{Entry, Kind, ReportOut};
use source::{Batch, Progress, Source};

/// The kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// Excel 2007 and later (a zip of XML parts).
    Xlsx,
    /// Excel 97-2003.
    Xls,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// Claims XML (every `MA_THE_BHYT`).
    Xml,
}

impl FileKind {
    /// The name used in the summary: `csv`, `xlsx`, `xls`, `ods`, `xml`.
    ///
    /// ```
    /// assert_eq!(bhyt_files::FileKind::Ods.as_str(), "ods");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Csv => "csv",
            FileKind::Xlsx => "xlsx",
            FileKind::Xls => "xls",
            FileKind::Ods => "ods",
            FileKind::Xml => "xml",
        }
    }

    /// The kind a file's name tells, if it does.
    ///
    /// ```
    /// use bhyt_files::FileKind;
    /// assert_eq!(FileKind::from_path("a/DS.XLS"), Some(FileKind::Xls));
    /// assert_eq!(FileKind::from_path("notes"), None);
    /// ```
    pub fn from_path(path: &str) -> Option<FileKind> {
        let extension = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Some(FileKind::Csv),
            "xlsx" | "xlsm" => Some(FileKind::Xlsx),
            "xls" => Some(FileKind::Xls),
            "ods" => Some(FileKind::Ods),
            "xml" => Some(FileKind::Xml),
            _ => None,
        }
    }
}

/// Which row holds the column names (CSV and spreadsheets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    /// Row 1, unless it is itself a card number (or a 12-digit personal identification
    /// number): then the file has no header and row 1 is checked.
    Auto,
    /// This row (1 is the first); rows above it, such as a title, are skipped.
    Row(u64),
    /// There is no header row: every row is checked.
    None,
}

/// What to read and how to check it: the library's own options (not the command line's).
///
/// ```
/// let options = bhyt_files::Options { mode: bhyt::Mode::Lenient, ..Default::default() };
/// assert_eq!(options.header, bhyt_files::Header::Auto);
/// ```
#[derive(Clone, Debug)]
pub struct Options {
    /// The kind of file; `None`: from its name.
    pub kind: Option<FileKind>,
    /// CSV and spreadsheets: the column to check; `None`: the only one, or the one with a
    /// known name.
    pub column: Option<ColumnSpec>,
    /// Spreadsheets: the sheet, by name or 1-based number; `None`: the first.
    pub sheet: Option<String>,
    /// CSV and spreadsheets: the header row.
    pub header: Header,
    /// CSV: the delimiter; `None`: guessed on the header row among `,`, `;` and tab.
    pub delimiter: Option<u8>,
    /// The issuing body chosen in the form; `None`: any.
    pub issuer: Option<Issuer>,
    /// Strict, or [`Mode::Lenient`] to accept pasted text (spaces, dots, hyphens,
    /// lowercase).
    pub mode: Mode,
    /// Language of the messages in the report.
    pub lang: Lang,
    /// How the report is written.
    pub format: ReportFormat,
    /// A CSV report starts with a byte-order mark (for a file Excel will open).
    pub bom: bool,
    /// Also report each value whose card was already seen in an earlier row.
    pub duplicates: bool,
    /// Also report the advisory notes.
    pub advice: bool,
    /// Threads checking values; 0: one for small files, else one per core (at most 8).
    pub jobs: usize,
    /// The limits that bound memory.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            kind: None,
            column: None,
            sheet: None,
            header: Header::Auto,
            delimiter: None,
            issuer: None,
            mode: Mode::Strict,
            lang: Lang::En,
            format: ReportFormat::Text,
            bom: false,
            duplicates: false,
            advice: false,
            jobs: 0,
            limits: Limits::default(),
        }
    }
}

impl Options {
    /// The header row asked for (`Auto` is row 1).
    fn header_row(&self) -> Option<u64> {
        match self.header {
            Header::Auto => Some(1),
            Header::Row(row) => Some(row),
            Header::None => None,
        }
    }
}

/// How far the check is, for a progress bar.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProgressInfo {
    /// Bytes read (decompressed bytes, for a zip).
    pub done: u64,
    /// Bytes in all, when known (0: unknown).
    pub total: u64,
    /// Values checked.
    pub rows: u64,
}

/// Why a file check stopped (the `bhyt` command's exit status 2).
#[derive(Debug)]
pub enum Failure {
    /// The file cannot be read as what it claims to be, or passed a limit.
    File(FileError),
    /// Writing (the report) failed: what was being done, and the error.
    Io(String, io::Error),
}

impl std::error::Error for Failure {}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::File(error) => write!(f, "{error}"),
            Failure::Io(what, error) => write!(f, "{what}: {error}"),
        }
    }
}

/// What a worker needs to check a batch.
struct Context {
    issuer: Option<Issuer>,
    mode: Mode,
    lang: Lang,
    claims: bool,
    column: String,
    format: ReportFormat,
    advice: bool,
}

/// Counts, merged in file order.
#[derive(Default, Clone)]
struct Counts {
    rows: u64,
    values: u64,
    valid: u64,
    invalid: u64,
    record_errors: u64,
    rows_with_errors: u64,
    errors: BTreeMap<&'static str, u64>,
    advice: BTreeMap<&'static str, u64>,
    numeric_cells: u64,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.rows += other.rows;
        self.values += other.values;
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.record_errors += other.record_errors;
        self.rows_with_errors += other.rows_with_errors;
        for (code, n) in &other.errors {
            *self.errors.entry(code).or_default() += n;
        }
        for (code, n) in &other.advice {
            *self.advice.entry(code).or_default() += n;
        }
        self.numeric_cells += other.numeric_cells;
    }
}

/// A checked batch.
struct Checked {
    batch: Batch,
    counts: Counts,
    /// Report entries already written, in order: (record, item, end offset in `report`).
    entries: Vec<(u32, u32, usize)>,
    report: Vec<u8>,
    /// Valid cards, in order: (record, item, card).
    cards: Vec<(u32, u32, CardNumber)>,
}

/// Report entries listed for one `MA_THE_BHYT` field; the rest are counted, and one entry
/// says how many were not listed.
const LISTED_PER_FIELD: usize = 4096;

fn code_name(code: ErrorCode) -> &'static str {
    code.as_str()
}

fn advice_name(code: AdviceCode) -> &'static str {
    code.as_str()
}

fn numeric_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " (the cell holds a number, and a number loses its leading zeros: format the column as Text)",
        Lang::Vi => " (ô chứa số, và số bị mất các chữ số 0 ở đầu: hãy định dạng cột là Văn bản (Text))",
    }
}

/// Checks one batch: verdicts, counts, report entries for invalid values.
fn check_batch(batch: Batch, context: &Context) -> Checked {
    let mut counts = Counts::default();
    let mut entries = Vec::new();
    let mut report = Vec::new();
    let mut cards = Vec::new();
    let mut message = String::new();
    for (index, record) in batch.records.iter().enumerate() {
        let index = index as u32;
        let text = batch.bytes(record.value);
        let id = record
            .id
            .map(|range| String::from_utf8_lossy(batch.bytes(range)).into_owned());
        counts.rows += 1;
        let mut entry = |report: &mut Vec<u8>,
                         item: Option<usize>,
                         position: Option<usize>,
                         masked: &str,
                         kind: Kind,
                         code: &str,
                         message: &str| {
            Entry {
                row: record.row,
                line: record.line,
                column: &context.column,
                item,
                position,
                masked,
                kind,
                code,
                message,
                ma_lk: id.as_deref(),
                first_row: None,
            }
            .write(report, context.format, context.lang);
            entries.push((index, item.unwrap_or(0) as u32, report.len()));
        };
        if context.claims {
            let items = context.mode.parse_ma_the_bhyt(text, context.issuer);
            let mut field_invalid = false;
            let mut keys_in_field: HashSet<u64> = HashSet::new();
            let mut listed = 0usize;
            let mut unlisted = 0u64;
            for item in items {
                counts.values += 1;
                let number = item.index() + 1;
                if listed >= LISTED_PER_FIELD {
                    // Counted, never listed: the report of one field stays bounded.
                    match item.result() {
                        Ok(card) => {
                            counts.valid += 1;
                            if keys_in_field.insert(card.key().value()) {
                                cards.push((index, number as u32, card));
                            }
                        }
                        Err(error) => {
                            counts.invalid += 1;
                            field_invalid = true;
                            unlisted += 1;
                            *counts.errors.entry(code_name(error.code())).or_default() += 1;
                        }
                    }
                    for advice in item.advice() {
                        *counts.advice.entry(advice_name(advice.code())).or_default() += 1;
                    }
                    continue;
                }
                for advice in item.advice() {
                    *counts.advice.entry(advice_name(advice.code())).or_default() += 1;
                    if context.advice {
                        message.clear();
                        let _ = write!(message, "{}", advice.message(context.lang));
                        let masked = match item.card() {
                            Some(card) => card.format(Style::Masked).to_string(),
                            None => out::mask(item.text()),
                        };
                        entry(
                            &mut report,
                            Some(number),
                            None,
                            &masked,
                            Kind::Advice,
                            advice.code().as_str(),
                            &message,
                        );
                        listed += 1;
                    }
                }
                match item.result() {
                    Ok(card) => {
                        counts.valid += 1;
                        let key = card.key().value();
                        if keys_in_field.insert(key) {
                            cards.push((index, number as u32, card));
                        }
                    }
                    Err(error) => {
                        counts.invalid += 1;
                        field_invalid = true;
                        *counts.errors.entry(code_name(error.code())).or_default() += 1;
                        message.clear();
                        let _ = write!(message, "{}", error.message(context.lang));
                        let masked = out::mask(item.text());
                        entry(
                            &mut report,
                            Some(number),
                            error.position(),
                            &masked,
                            Kind::Error,
                            error.code().as_str(),
                            &message,
                        );
                        listed += 1;
                    }
                }
            }
            if unlisted > 0 {
                message.clear();
                let _ = match context.lang {
                    Lang::En => write!(message, "{unlisted} more invalid items of this field are counted in the summary but not listed"),
                    Lang::Vi => write!(message, "thêm {unlisted} mục không hợp lệ của trường này được đếm trong bản tóm tắt nhưng không liệt kê"),
                };
                entry(
                    &mut report,
                    None,
                    None,
                    "",
                    Kind::Error,
                    "items_not_listed",
                    &message,
                );
            }
            if let Some(ranges) = record.card_fields.as_deref() {
                let field = |i: usize| ranges[i].map(|range| batch.bytes(range));
                let fields = bhyt::ClaimsCardFields {
                    ma_the_bhyt: text,
                    ma_dkbd: field(0),
                    gt_the_tu: field(1),
                    gt_the_den: field(2),
                    ngay_vao: field(3),
                    ngay_ra: field(4),
                };
                bhyt::check_claims_card_fields(&fields, |finding| {
                    let item = match finding {
                        bhyt::ClaimsCardFinding::CountMismatch { .. } => None,
                        bhyt::ClaimsCardFinding::InvalidFacilityCode { item, .. }
                        | bhyt::ClaimsCardFinding::InvalidDate { item, .. }
                        | bhyt::ClaimsCardFinding::StartAfterEnd { item }
                        | bhyt::ClaimsCardFinding::Stay { item, .. } => Some(item + 1),
                    };
                    message.clear();
                    let _ = write!(message, "{}", finding.message(context.lang));
                    if finding.is_error() {
                        counts.record_errors += 1;
                        field_invalid = true;
                        *counts.errors.entry(finding.code()).or_default() += 1;
                        entry(
                            &mut report,
                            item,
                            None,
                            "",
                            Kind::Error,
                            finding.code(),
                            &message,
                        );
                    } else {
                        *counts.advice.entry(finding.code()).or_default() += 1;
                        if context.advice {
                            entry(
                                &mut report,
                                item,
                                None,
                                "",
                                Kind::Advice,
                                finding.code(),
                                &message,
                            );
                        }
                    }
                });
            }
            counts.rows_with_errors += u64::from(field_invalid);
        } else {
            counts.values += 1;
            let verdict = context.mode.validate(text, context.issuer);
            let advice = match verdict {
                Ok(card) => card.advice(),
                Err(_) => context.mode.advise(text, context.issuer),
            };
            for advice in advice {
                *counts.advice.entry(advice_name(advice.code())).or_default() += 1;
                if context.advice {
                    message.clear();
                    let _ = write!(message, "{}", advice.message(context.lang));
                    let masked = match verdict {
                        Ok(card) => card.format(Style::Masked).to_string(),
                        Err(_) => out::mask(text),
                    };
                    entry(
                        &mut report,
                        None,
                        None,
                        &masked,
                        Kind::Advice,
                        advice.code().as_str(),
                        &message,
                    );
                }
            }
            match verdict {
                Ok(card) => {
                    counts.valid += 1;
                    cards.push((index, 0, card));
                }
                Err(error) => {
                    counts.invalid += 1;
                    counts.rows_with_errors += 1;
                    *counts.errors.entry(code_name(error.code())).or_default() += 1;
                    message.clear();
                    let _ = write!(message, "{}", error.message(context.lang));
                    if record.numeric {
                        counts.numeric_cells += 1;
                        message.push_str(numeric_hint(context.lang));
                    }
                    let masked = out::mask(text);
                    entry(
                        &mut report,
                        None,
                        error.position(),
                        &masked,
                        Kind::Error,
                        error.code().as_str(),
                        &message,
                    );
                }
            }
        }
    }
    Checked {
        batch,
        counts,
        entries,
        report,
        cards,
    }
}

/// Takes checked batches in file order: duplicates, report, counts, progress.
struct Collector<'a> {
    context: &'a Context,
    out: ReportOut<'a>,
    keys: KeySet,
    counts: Counts,
    duplicate_values: u64,
    duplicate_cards: u64,
    list_duplicates: bool,
    on_progress: &'a mut dyn FnMut(&ProgressInfo),
    progress: Arc<Progress>,
    scratch: Vec<u8>,
}

impl Collector<'_> {
    fn tick(&mut self) {
        let info = ProgressInfo {
            done: self.progress.done.load(Ordering::Relaxed),
            total: self.progress.total.load(Ordering::Relaxed),
            rows: self.counts.rows,
        };
        (self.on_progress)(&info);
    }

    /// False when the report cannot be written any more.
    fn take(&mut self, checked: Checked) -> bool {
        let Checked {
            batch,
            counts,
            entries,
            report,
            cards,
        } = checked;
        self.counts.add(&counts);
        let mut entries = entries.into_iter().peekable();
        let mut written = 0usize;
        let mut ok = true;
        for (index, item, card) in cards {
            // Entries of earlier values (or earlier items of this value) come first.
            while let Some(&(e_index, e_item, end)) = entries.peek() {
                if (e_index, e_item) > (index, item) {
                    break;
                }
                ok &= self.out.write(&report[written..end]);
                written = end;
                entries.next();
            }
            let record = &batch.records[index as usize];
            if let Seen::Again {
                first_row,
                first_repeat,
            } = self.keys.insert(card.key().value(), record.row)
            {
                self.duplicate_values += 1;
                self.duplicate_cards += u64::from(first_repeat);
                if self.list_duplicates {
                    self.scratch.clear();
                    let message = match (self.context.lang, first_row) {
                        (Lang::En, Some(row)) => {
                            format!("the same card (same last 10 characters) as row {row}")
                        }
                        (Lang::En, None) => {
                            "the same card (same last 10 characters) as an earlier row".to_owned()
                        }
                        (Lang::Vi, Some(row)) => {
                            format!("trùng thẻ (cùng 10 ký tự cuối) với hàng {row}")
                        }
                        (Lang::Vi, None) => {
                            "trùng thẻ (cùng 10 ký tự cuối) với một hàng trước".to_owned()
                        }
                    };
                    let id = record
                        .id
                        .map(|range| String::from_utf8_lossy(batch.bytes(range)).into_owned());
                    Entry {
                        row: record.row,
                        line: record.line,
                        column: &self.context.column,
                        item: (item > 0).then_some(item as usize),
                        position: None,
                        masked: card.format(Style::Masked).as_str(),
                        kind: Kind::Duplicate,
                        code: "duplicate_card",
                        message: &message,
                        ma_lk: id.as_deref(),
                        first_row,
                    }
                    .write(
                        &mut self.scratch,
                        self.context.format,
                        self.context.lang,
                    );
                    ok &= self.out.write(&self.scratch);
                }
            }
        }
        ok &= self.out.write(&report[written..]);
        self.tick();
        ok
    }
}

/// What a file check found: the counts, as the `bhyt` command prints them (text for people
/// with [`Summary::text`], one JSON object with [`Summary::json`]).
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The file, as given.
    pub file: String,
    /// Its kind: `csv`, `xlsx`, `xls`, `ods`, `xml`.
    pub format: &'static str,
    /// The column checked (its header, or `column N`), or `MA_THE_BHYT`.
    pub column: String,
    /// The row holding the column names; `None`: no header row.
    pub header_row: Option<u64>,
    /// The header was not given as absent, but row 1 held a card number, so it was checked
    /// as a value.
    pub header_detected_absent: bool,
    /// Rows (or `MA_THE_BHYT` fields) checked.
    pub rows: u64,
    /// Values checked (a `MA_THE_BHYT` field may hold several cards).
    pub values: u64,
    /// Valid values.
    pub valid: u64,
    /// Invalid values.
    pub invalid: u64,
    /// Claims XML: errors in records' card fields (the aligned lists' counts, `MA_DKBD`
    /// facility codes, `GT_THE_TU`/`GT_THE_DEN` dates and their order); counted by code in
    /// `errors` too.
    #[serde(skip_serializing_if = "is_zero")]
    pub record_errors: u64,
    /// Rows with at least one invalid value.
    pub rows_with_errors: u64,
    /// Invalid values by error code.
    pub errors: BTreeMap<&'static str, u64>,
    /// Repeated cards.
    pub duplicates: Duplicates,
    /// Advisory notes by code.
    pub advice: BTreeMap<&'static str, u64>,
    /// Spreadsheets: invalid values that were number cells.
    pub numeric_cells: u64,
    #[serde(skip)]
    claims: bool,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

/// Values whose card (last 10 characters) was seen in an earlier row.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Duplicates {
    /// Values repeating an earlier card.
    pub values: u64,
    /// Distinct cards repeated.
    pub cards: u64,
}

impl Summary {
    /// Every value was valid.
    pub fn all_valid(&self) -> bool {
        self.invalid == 0 && self.record_errors == 0
    }

    /// One JSON object and a line end.
    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default() + "\n"
    }

    /// The counts for people, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let summary = self;
        let claims = self.claims;
        let vi = lang == Lang::Vi;
        let mut text = String::new();
        let what = if claims {
            "MA_THE_BHYT"
        } else {
            summary.column.as_str()
        };
        let _ = writeln!(text, "{}: {}", summary.file, what);
        if summary.header_detected_absent {
            let _ = writeln!(
                text,
                "  {}",
                if vi {
                    "không có hàng tiêu đề: hàng 1 là một số thẻ, và đã được kiểm tra"
                } else {
                    "no header row: row 1 is a card number, and was checked"
                }
            );
        }
        let rows_label = match (claims, vi) {
            (true, false) => "MA_THE_BHYT fields",
            (true, true) => "trường MA_THE_BHYT",
            (false, false) => "rows checked",
            (false, true) => "số hàng đã kiểm tra",
        };
        let _ = writeln!(text, "  {rows_label:<28}{:>10}", summary.rows);
        if claims {
            let label = if vi {
                "số thẻ trong các trường"
            } else {
                "card numbers in them"
            };
            let _ = writeln!(text, "  {label:<28}{:>10}", summary.values);
        }
        let _ = writeln!(
            text,
            "  {:<28}{:>10}",
            if vi { "hợp lệ" } else { "valid" },
            summary.valid
        );
        let _ = writeln!(
            text,
            "  {:<28}{:>10}",
            if vi { "không hợp lệ" } else { "invalid" },
            summary.invalid
        );
        for (code, n) in &summary.errors {
            let _ = writeln!(text, "    {code:<26}{n:>10}");
        }
        if summary.numeric_cells > 0 {
            let label = if vi {
                "trong đó ô kiểu số"
            } else {
                "of which number cells"
            };
            let _ = writeln!(text, "    {label:<26}{:>10}", summary.numeric_cells);
        }
        let label = match (claims, vi) {
            (false, false) => "duplicate rows (same card)",
            (false, true) => "hàng trùng thẻ",
            (true, false) => "repeated cards",
            (true, true) => "thẻ lặp lại",
        };
        let _ = writeln!(text, "  {label:<28}{:>10}", summary.duplicates.values);
        let label = if vi {
            "số thẻ bị trùng"
        } else {
            "distinct cards repeated"
        };
        let _ = writeln!(text, "    {label:<26}{:>10}", summary.duplicates.cards);
        if !summary.advice.is_empty() {
            let _ = writeln!(text, "  {}", if vi { "lưu ý" } else { "notes" });
            for (code, n) in &summary.advice {
                let _ = writeln!(text, "    {code:<26}{n:>10}");
            }
        }
        text
    }
}

/// Checks the file at `path`, writing the report entries to `report` and calling
/// `on_progress` now and then; returns the summary. Nothing is printed.
///
/// A report that goes to a file should be a [`ReportFile`] (never the input, written whole or
/// not at all).
pub fn check_file(
    path: &str,
    options: &Options,
    report: &mut dyn io::Write,
    on_progress: &mut dyn FnMut(&ProgressInfo),
) -> Result<Summary, Failure> {
    let limits = options.limits;
    let detected = match options.kind {
        Some(kind) => Some(kind),
        None => FileKind::from_path(path),
    };
    let kind = detected.ok_or_else(|| {
        Failure::File(FileError::new(
            path,
            "cannot tell the kind of file from its name: pass --file-type csv, xlsx, xls, ods or xml",
        ))
    })?;
    let progress = Arc::new(Progress::default());
    let mut source: Box<dyn Source + Send> = match kind {
        FileKind::Csv => Box::new(
            csv_in::CsvSource::open(path, options, Arc::clone(&progress)).map_err(Failure::File)?,
        ),
        FileKind::Xlsx => match xlsx_in::XlsxSource::open(path, options, Arc::clone(&progress))
            .map_err(Failure::File)?
        {
            xlsx_in::Opened::Xlsx(source) => Box::new(*source),
            xlsx_in::Opened::Ole2 => Box::new(
                workbook::WorkbookSource::open(path, FileKind::Xls, options)
                    .map_err(Failure::File)?,
            ),
        },
        FileKind::Xls | FileKind::Ods => {
            Box::new(workbook::WorkbookSource::open(path, kind, options).map_err(Failure::File)?)
        }
        FileKind::Xml => Box::new(
            xml_in::XmlSource::open(path, limits, Arc::clone(&progress)).map_err(Failure::File)?,
        ),
    };
    let format = options.format;
    let mut out = ReportOut::new(report);
    if format == ReportFormat::Csv {
        // A report file gets the byte-order mark Excel needs to read UTF-8 (Vietnamese) text.
        if options.bom {
            out.write(b"\xEF\xBB\xBF");
        }
        out.write(out::CSV_HEADER.as_bytes());
    }
    let context = Context {
        issuer: options.issuer,
        mode: options.mode,
        lang: options.lang,
        claims: source.is_claims(),
        column: source.column(),
        format,
        advice: options.advice,
    };
    let (header_row, header_detected_absent) = source.header();
    let mut collector = Collector {
        context: &context,
        out,
        keys: KeySet::new(),
        counts: Counts::default(),
        duplicate_values: 0,
        duplicate_cards: 0,
        list_duplicates: options.duplicates,
        on_progress,
        progress: Arc::clone(&progress),
        scratch: Vec::new(),
    };
    let jobs = match options.jobs {
        0 => {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            if size < 4 << 20 {
                1
            } else {
                std::thread::available_parallelism()
                    .map_or(1, |n| n.get())
                    .min(8)
            }
        }
        jobs => jobs,
    };
    let result = if jobs <= 1 {
        run_inline(source.as_mut(), &context, &mut collector)
    } else {
        run_threads(source, &context, &mut collector, jobs)
    };
    collector.tick();
    collector.out.flush();
    match collector.out.error.take() {
        Some(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Some(error) => return Err(Failure::Io("cannot write the report".to_owned(), error)),
        None => {}
    }
    result.map_err(Failure::File)?;
    let counts = &collector.counts;
    if counts.rows == 0 {
        let message = if context.claims {
            "no MA_THE_BHYT element was found: nothing was checked (is this a claims XML file?)"
                .to_owned()
        } else {
            format!(
                "no value to check was found (column {}): nothing was checked",
                context.column
            )
        };
        return Err(Failure::File(FileError::new(path, message)));
    }
    Ok(Summary {
        file: path.to_owned(),
        format: kind.as_str(),
        column: context.column.clone(),
        header_row: if context.claims { None } else { header_row },
        header_detected_absent,
        rows: counts.rows,
        values: counts.values,
        valid: counts.valid,
        invalid: counts.invalid,
        record_errors: counts.record_errors,
        rows_with_errors: counts.rows_with_errors,
        errors: counts.errors.clone(),
        duplicates: Duplicates {
            values: collector.duplicate_values,
            cards: collector.duplicate_cards,
        },
        advice: counts.advice.clone(),
        numeric_cells: counts.numeric_cells,
        claims: context.claims,
    })
}

/// One thread: read, check and collect in turn.
fn run_inline(
    source: &mut dyn Source,
    context: &Context,
    collector: &mut Collector<'_>,
) -> Result<(), FileError> {
    let mut seq = 0;
    source.run(&mut |mut batch| {
        batch.seq = seq;
        seq += 1;
        collector.take(check_batch(batch, context))
    })
}

/// A reader thread, `jobs` checking threads, and this thread collecting in order.
fn run_threads(
    mut source: Box<dyn Source + Send>,
    context: &Context,
    collector: &mut Collector<'_>,
    jobs: usize,
) -> Result<(), FileError> {
    let stop = AtomicBool::new(false);
    let in_flight = std::sync::atomic::AtomicUsize::new(0);
    let (work_tx, work_rx) = sync_channel::<Batch>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<(u64, Result<Checked, FileError>)>(jobs * 2);
    std::thread::scope(|scope| {
        let reader_done = done_tx.clone();
        let stop = &stop;
        let in_flight = &in_flight;
        scope.spawn(move || {
            let mut seq = 0;
            let result = source.run(&mut |mut batch| {
                // Memory: the reader waits while the batches in flight weigh too much.
                while in_flight.load(Ordering::Acquire) > source::IN_FLIGHT {
                    if stop.load(Ordering::Relaxed) {
                        return false;
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
                if stop.load(Ordering::Relaxed) {
                    return false;
                }
                batch.seq = seq;
                seq += 1;
                in_flight.fetch_add(batch.weight(), Ordering::AcqRel);
                work_tx.send(batch).is_ok()
            });
            drop(work_tx);
            if let Err(error) = result {
                let _ = reader_done.send((seq, Err(error)));
            }
        });
        for _ in 0..jobs {
            let work_rx = &work_rx;
            let done_tx = done_tx.clone();
            scope.spawn(move || loop {
                let batch = match work_rx.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                let Ok(batch) = batch else { return };
                if stop.load(Ordering::Relaxed) {
                    continue; // drain, so that the reader never waits for nobody
                }
                let seq = batch.seq;
                if done_tx
                    .send((seq, Ok(check_batch(batch, context))))
                    .is_err()
                {
                    stop.store(true, Ordering::Relaxed);
                }
            });
        }
        drop(done_tx);
        let mut pending: BTreeMap<u64, Result<Checked, FileError>> = BTreeMap::new();
        let mut next = 0u64;
        let outcome = loop {
            match done_rx.recv_timeout(Duration::from_millis(100)) {
                Ok((seq, checked)) => {
                    pending.insert(seq, checked);
                }
                Err(RecvTimeoutError::Timeout) => {
                    collector.tick();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break Ok(()),
            }
            let mut failed = None;
            while let Some(checked) = pending.remove(&next) {
                next += 1;
                match checked {
                    Ok(checked) => {
                        let weight = checked.batch.weight();
                        if !collector.take(checked) {
                            stop.store(true, Ordering::Relaxed);
                        }
                        in_flight.fetch_sub(weight, Ordering::AcqRel);
                    }
                    Err(error) => {
                        failed = Some(error);
                        break;
                    }
                }
            }
            if let Some(error) = failed {
                stop.store(true, Ordering::Relaxed);
                break Err(error);
            }
        };
        drop(done_rx);
        outcome
    })
}
