//! `bhyt check --file PATH`: every value of one column of a CSV or Excel file, or every
//! `MA_THE_BHYT` of a claims XML file, streaming.
//!
//! A reader thread parses the file into batches of values; worker threads check batches; the
//! main thread takes the results back in file order (so the report is the same, byte for byte,
//! whatever the number of threads), notes duplicates, writes the report and draws the
//! progress bar. Memory: a few batches in flight, plus the set of distinct cards (see
//! `keys.rs`) and, for `.xlsx`, the distinct strings of the chosen column.

mod columns;
mod csv_in;
mod keys;
mod out;
mod progress;
mod source;
mod xlsx_in;
mod xml_in;
mod xmltext;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bhyt::{AdviceCode, CardNumber, ErrorCode, Issuer, Lang, Style};
use serde::Serialize;

pub use columns::ColumnSpec;
pub use out::ReportFormat;

use keys::{KeySet, Seen};
use out::{Entry, Kind, ReportOut};
use source::{Batch, FileError, Progress, Source};

/// The kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
    Xml,
}

impl FileKind {
    fn as_str(self) -> &'static str {
        match self {
            FileKind::Csv => "csv",
            FileKind::Xlsx => "xlsx",
            FileKind::Xml => "xml",
        }
    }

    fn from_path(path: &str) -> Option<FileKind> {
        let extension = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Some(FileKind::Csv),
            "xlsx" | "xlsm" => Some(FileKind::Xlsx),
            "xml" => Some(FileKind::Xml),
            _ => None,
        }
    }
}

/// When to draw the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressMode {
    Auto,
    Always,
    Never,
}

/// Everything `bhyt check --file` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    pub path: String,
    pub kind: Option<FileKind>,
    pub column: Option<ColumnSpec>,
    pub sheet: Option<String>,
    /// The row holding the column names; `None`: no header row.
    pub header_row: Option<u64>,
    pub delimiter: Option<u8>,
    pub issuer: Option<Issuer>,
    pub lenient: bool,
    pub lang: Lang,
    pub format: Option<ReportFormat>,
    pub report: Option<String>,
    pub summary_json: bool,
    pub duplicates: bool,
    pub advice: bool,
    /// 0: automatic.
    pub jobs: usize,
    pub progress: ProgressMode,
}

/// Why a file check stopped: exit status 2.
#[derive(Debug)]
pub enum Failure {
    File(FileError),
    Io(String, io::Error),
}

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
    lenient: bool,
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
            let items: Box<dyn Iterator<Item = bhyt::MaTheItem<'_>>> = if context.lenient {
                Box::new(bhyt::parse_ma_the_bhyt_lenient(text, context.issuer))
            } else {
                Box::new(bhyt::parse_ma_the_bhyt(text, context.issuer))
            };
            let mut field_invalid = false;
            let mut keys_in_field: Vec<u64> = Vec::new();
            for item in items {
                counts.values += 1;
                let number = item.index() + 1;
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
                    }
                }
                match item.result() {
                    Ok(card) => {
                        counts.valid += 1;
                        let key = card.key().value();
                        if !keys_in_field.contains(&key) {
                            keys_in_field.push(key);
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
                    }
                }
            }
            counts.rows_with_errors += u64::from(field_invalid);
        } else {
            counts.values += 1;
            let verdict = if context.lenient {
                bhyt::validate_lenient(text, context.issuer)
            } else {
                bhyt::validate(text, context.issuer)
            };
            let advice = match verdict {
                Ok(card) => card.advice(),
                Err(_) if context.lenient => bhyt::advise_lenient(text, context.issuer),
                Err(_) => bhyt::advise(text, context.issuer),
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
    out: ReportOut,
    keys: KeySet,
    counts: Counts,
    duplicate_values: u64,
    duplicate_cards: u64,
    list_duplicates: bool,
    bar: progress::Bar,
    progress: Arc<Progress>,
    scratch: Vec<u8>,
}

impl Collector<'_> {
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
        self.bar.tick(&self.progress, self.counts.rows);
        ok
    }
}

#[derive(Serialize)]
struct Summary<'a> {
    file: &'a str,
    format: &'static str,
    column: &'a str,
    rows: u64,
    values: u64,
    valid: u64,
    invalid: u64,
    rows_with_errors: u64,
    errors: &'a BTreeMap<&'static str, u64>,
    duplicates: Duplicates,
    advice: &'a BTreeMap<&'static str, u64>,
    numeric_cells: u64,
}

#[derive(Serialize)]
struct Duplicates {
    values: u64,
    cards: u64,
}

fn write_summary(summary: &Summary<'_>, json: bool, lang: Lang, claims: bool) -> String {
    if json {
        return serde_json::to_string(summary).unwrap_or_default() + "\n";
    }
    let vi = lang == Lang::Vi;
    let mut text = String::new();
    let what = if claims {
        "MA_THE_BHYT"
    } else {
        summary.column
    };
    let _ = writeln!(text, "{}: {}", summary.file, what);
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
    for (code, n) in summary.errors {
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
        for (code, n) in summary.advice {
            let _ = writeln!(text, "    {code:<26}{n:>10}");
        }
    }
    text
}

/// Checks the file; `Ok(true)` when every value is valid.
pub fn check_file(options: &Options) -> Result<bool, Failure> {
    let path = options.path.as_str();
    let kind = options
        .kind
        .or_else(|| FileKind::from_path(path))
        .ok_or_else(|| {
            Failure::File(FileError::new(
                path,
                "cannot tell the kind of file from its name: pass --file-type csv, xlsx or xml",
            ))
        })?;
    let progress = Arc::new(Progress::default());
    let mut source: Box<dyn Source + Send> = match kind {
        FileKind::Csv => Box::new(
            csv_in::CsvSource::open(path, options, Arc::clone(&progress)).map_err(Failure::File)?,
        ),
        FileKind::Xlsx => Box::new(
            xlsx_in::XlsxSource::open(path, options, Arc::clone(&progress))
                .map_err(Failure::File)?,
        ),
        FileKind::Xml => {
            Box::new(xml_in::XmlSource::open(path, Arc::clone(&progress)).map_err(Failure::File)?)
        }
    };
    let format = options.format.unwrap_or_else(|| {
        let extension = options
            .report
            .as_deref()
            .and_then(|report| Path::new(report).extension())
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match extension.as_deref() {
            Some("csv") => ReportFormat::Csv,
            Some("json" | "jsonl" | "ndjson") => ReportFormat::Json,
            _ => ReportFormat::Text,
        }
    });
    let writer: Box<dyn io::Write> = match &options.report {
        Some(report) => {
            let file = File::create(report).map_err(|error| {
                Failure::Io(format!("{report}: cannot write the report"), error)
            })?;
            Box::new(BufWriter::with_capacity(1 << 16, file))
        }
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
    };
    let mut out = ReportOut::new(writer);
    if format == ReportFormat::Csv {
        // A report file gets the byte-order mark Excel needs to read UTF-8 (Vietnamese) text.
        if options.report.is_some() {
            out.write(b"\xEF\xBB\xBF");
        }
        out.write(out::CSV_HEADER.as_bytes());
    }
    let context = Context {
        issuer: options.issuer,
        lenient: options.lenient,
        lang: options.lang,
        claims: source.is_claims(),
        column: source.column(),
        format,
        advice: options.advice,
    };
    let (bar_enabled, bar_delay) = match options.progress {
        ProgressMode::Always => (true, Duration::ZERO),
        ProgressMode::Never => (false, Duration::ZERO),
        ProgressMode::Auto => (io::stderr().is_terminal(), Duration::from_millis(500)),
    };
    let mut collector = Collector {
        context: &context,
        out,
        keys: KeySet::new(),
        counts: Counts::default(),
        duplicate_values: 0,
        duplicate_cards: 0,
        list_duplicates: options.duplicates,
        bar: progress::Bar::new(bar_enabled, bar_delay),
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
    collector.bar.finish();
    collector.out.flush();
    match collector.out.error.take() {
        Some(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Some(error) => return Err(Failure::Io("cannot write the report".to_owned(), error)),
        None => {}
    }
    result.map_err(Failure::File)?;
    let counts = &collector.counts;
    let summary = Summary {
        file: path,
        format: kind.as_str(),
        column: &context.column,
        rows: counts.rows,
        values: counts.values,
        valid: counts.valid,
        invalid: counts.invalid,
        rows_with_errors: counts.rows_with_errors,
        errors: &counts.errors,
        duplicates: Duplicates {
            values: collector.duplicate_values,
            cards: collector.duplicate_cards,
        },
        advice: &counts.advice,
        numeric_cells: counts.numeric_cells,
    };
    eprint!(
        "{}",
        write_summary(&summary, options.summary_json, options.lang, context.claims)
    );
    Ok(counts.invalid == 0)
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
    let (work_tx, work_rx) = sync_channel::<Batch>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<(u64, Result<Checked, FileError>)>(jobs * 2);
    std::thread::scope(|scope| {
        let reader_done = done_tx.clone();
        let stop = &stop;
        scope.spawn(move || {
            let mut seq = 0;
            let result = source.run(&mut |mut batch| {
                if stop.load(Ordering::Relaxed) {
                    return false;
                }
                batch.seq = seq;
                seq += 1;
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
                    collector
                        .bar
                        .tick(&collector.progress, collector.counts.rows);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break Ok(()),
            }
            let mut failed = None;
            while let Some(checked) = pending.remove(&next) {
                next += 1;
                match checked {
                    Ok(checked) => {
                        if !collector.take(checked) {
                            stop.store(true, Ordering::Relaxed);
                        }
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
