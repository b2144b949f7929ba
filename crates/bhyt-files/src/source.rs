//! What every file reader produces: batches of values to check, in file order.

use std::fmt;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Where a value was found and what it is.
#[derive(Clone, Debug)]
pub struct Record {
    /// CSV: the record's number, the header being row 1 (Excel's row for ordinary files);
    /// XLSX: the sheet's row number; XML: the ordinal of the `MA_THE_BHYT` element.
    pub row: u64,
    /// CSV: the line where the record starts; XML: the line of the element; XLSX: none.
    pub line: Option<u64>,
    /// The value's bytes in the batch's arena.
    pub value: (usize, usize),
    /// XML: the claim's `MA_LK` (its link key), when the record has one.
    pub id: Option<(usize, usize)>,
    /// XLSX: the cell holds a number (Excel drops leading zeros of numbers).
    pub numeric: bool,
    /// XML: the record's other card fields (`MA_DKBD`, `GT_THE_TU`, `GT_THE_DEN`,
    /// `NGAY_VAO`, `NGAY_RA`, in this order), each in the batch's arena when present.
    pub card_fields: Option<Box<CardFields>>,
}

/// The byte ranges of a claims record's other card fields (see [`Record::card_fields`]).
pub type CardFields = [Option<(usize, usize)>; 5];

/// A run of consecutive values; `seq` orders batches.
#[derive(Debug, Default)]
pub struct Batch {
    pub seq: u64,
    pub arena: Vec<u8>,
    pub records: Vec<Record>,
    /// Values to check: one per record, or the items of `MA_THE_BHYT` fields.
    pub items: usize,
}

impl Batch {
    pub fn push(
        &mut self,
        row: u64,
        line: Option<u64>,
        value: &[u8],
        id: Option<&[u8]>,
        numeric: bool,
    ) {
        let start = self.arena.len();
        self.arena.extend_from_slice(value);
        self.items += 1;
        let value = (start, self.arena.len());
        let id = id.map(|id| {
            let start = self.arena.len();
            self.arena.extend_from_slice(id);
            (start, self.arena.len())
        });
        self.records.push(Record {
            row,
            line,
            value,
            id,
            numeric,
            card_fields: None,
        });
    }

    /// Attaches a claims record's other card fields to the last value pushed.
    pub fn attach_card_fields(&mut self, fields: &[Option<Vec<u8>>; 5]) {
        let mut ranges: CardFields = [None; 5];
        for (range, field) in ranges.iter_mut().zip(fields) {
            if let Some(field) = field {
                let start = self.arena.len();
                self.arena.extend_from_slice(field);
                *range = Some((start, self.arena.len()));
            }
        }
        if let Some(record) = self.records.last_mut() {
            record.card_fields = Some(Box::new(ranges));
        }
    }

    pub fn bytes(&self, range: (usize, usize)) -> &[u8] {
        self.arena.get(range.0..range.1).unwrap_or_default()
    }

    /// Notes that the last value pushed holds `items` values (a `MA_THE_BHYT` field).
    pub fn add_items(&mut self, items: usize) {
        self.items += items.saturating_sub(1);
    }

    pub fn is_full(&self) -> bool {
        self.records.len() >= BATCH_ROWS || self.items >= BATCH_ROWS || self.arena.len() >= 1 << 20
    }

    /// What the batch may cost in memory once checked: its bytes, and for each value its
    /// verdict and at most one report entry.
    pub fn weight(&self) -> usize {
        self.arena.len() + self.items.saturating_mul(ITEM_COST)
    }
}

/// Values per batch: large enough to amortise the hand-over between threads, small enough
/// that the batches in flight stay a few megabytes.
pub const BATCH_ROWS: usize = 4096;

/// The memory a checked value may take: its verdict and one report entry.
pub const ITEM_COST: usize = 320;

/// Batches in flight between the reader and the report weigh at most this much (the reader
/// waits), whatever the number of threads.
pub const IN_FLIGHT: usize = 32 << 20;

/// A file that cannot be read as what it claims to be: names the file and, when known, the
/// row and line. Never holds a value from the file.
#[derive(Debug)]
pub struct FileError {
    /// The file, as given.
    pub file: String,
    /// The row (the record, the sheet's row), when known.
    pub row: Option<u64>,
    /// The line, when known.
    pub line: Option<u64>,
    /// What is wrong, and what to do.
    pub message: String,
}

impl FileError {
    /// An error about `file` as a whole.
    ///
    /// ```
    /// let error = bhyt_files::FileError::new("a.csv", "broken").at(Some(3), Some(4));
    /// assert_eq!(error.to_string(), "a.csv: row 3 (line 4): broken");
    /// ```
    pub fn new(file: &str, message: impl Into<String>) -> FileError {
        FileError {
            file: file.to_owned(),
            row: None,
            line: None,
            message: message.into(),
        }
    }

    /// The same error, at a row and line.
    pub fn at(mut self, row: Option<u64>, line: Option<u64>) -> FileError {
        self.row = row;
        self.line = line;
        self
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.row, self.line) {
            (Some(row), Some(line)) if row != line => write!(f, ": row {row} (line {line})")?,
            (Some(row), _) => write!(f, ": row {row}")?,
            (None, Some(line)) => write!(f, ": line {line}")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// A reader of values: hands every batch, in file order, to `emit`, which returns false when
/// nobody wants more (then the reader stops quietly).
pub trait Source {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError>;
    /// What the values are, for the report: the column's header or number, or `MA_THE_BHYT`.
    fn column(&self) -> String;
    /// Whether values are `MA_THE_BHYT` fields (lists of cards).
    fn is_claims(&self) -> bool {
        false
    }
    /// The header row (`None`: none), and whether its absence was found rather than told.
    fn header(&self) -> (Option<u64>, bool) {
        (None, false)
    }
}

/// Bytes read so far and in all (decompressed bytes, for a zip), for the progress bar.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicU64,
    pub total: AtomicU64,
}

impl Progress {
    pub fn add(&self, bytes: u64) {
        self.done.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// The limits that bound memory whatever the file holds (see the crate's README, "When the
/// file itself is wrong"). Past one, the check stops with a [`FileError`] naming the file, the
/// row or line, and the limit.
///
/// ```
/// let limits = bhyt_files::Limits::default();
/// assert_eq!(limits.value, 8 << 20);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// One value, CSV record (line), spreadsheet cell, shared string or XML text node or tag.
    pub value: usize,
    /// The decoded content of one `NOIDUNGFILE` element (its base64 text may be 4/3 of it).
    pub envelope: usize,
    /// A part of a workbook read whole (`xl/workbook.xml`, its relationships): actual
    /// inflated bytes.
    pub part: u64,
    /// Any zip entry streamed (a sheet, the shared strings): actual inflated bytes.
    pub entry: u64,
    /// Nesting of XML elements.
    pub depth: usize,
    /// A `.xls` or `.ods` workbook, which is read whole: the file, and for `.ods` the actual
    /// inflated size of its `content.xml`.
    pub workbook: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            value: 8 << 20,
            envelope: 16 << 20,
            part: 16 << 20,
            entry: 4 << 30,
            depth: 256,
            workbook: 16 << 20,
        }
    }
}

/// Says how many bytes a limit is, for messages: `8 MiB`.
pub fn size(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes % (1 << 30) == 0 {
        format!("{} GiB", bytes >> 30)
    } else if bytes >= 1 << 20 && bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes % (1 << 10) == 0 {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// The state of a CSV field as the `csv` crate reads it (standard dialect): used to tell a
/// quote that is never closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quote {
    FieldStart,
    Unquoted,
    Quoted,
    AfterClose,
}

/// Line ends and quotes of CSV text, seen byte by byte as it is read.
struct CsvScan {
    delimiter: u8,
    quote: Quote,
    /// Line ends not yet asked about, as (offset, offset just past): LF, CRLF and a lone CR
    /// each end one line; bounded by the reader's read-ahead.
    breaks: std::collections::VecDeque<(u64, u64)>,
    /// Offset just past the last CR.
    last_cr_end: u64,
    /// Lines ended before the offset last asked about.
    lines: u64,
}

/// A `BufRead` that counts what its reader consumes: lines and bytes; that stops with an
/// error (and notes it in `exceeded`) when more than `limit` bytes pass between two calls of
/// `mark`; that can follow CSV quotes and line ends; and that refuses more than `total_limit`
/// bytes in all.
pub struct Tracked<R> {
    inner: R,
    newlines: u64,
    progress: Arc<Progress>,
    consumed: u64,
    window_start: u64,
    limit: u64,
    total_limit: u64,
    /// Which limit was passed, if one was.
    pub exceeded: Option<u64>,
    csv: Option<CsvScan>,
}

impl<R: BufRead> Tracked<R> {
    pub fn new(inner: R, progress: Arc<Progress>) -> Tracked<R> {
        Tracked {
            inner,
            newlines: 0,
            progress,
            consumed: 0,
            window_start: 0,
            limit: u64::MAX,
            total_limit: u64::MAX,
            exceeded: None,
            csv: None,
        }
    }

    /// Refuses more than `limit` bytes between two calls of `mark`, and `total` in all.
    pub fn limited(mut self, limit: u64, total: u64) -> Tracked<R> {
        self.limit = limit;
        self.total_limit = total;
        self
    }

    /// Follows CSV quotes and line ends (for `csv_line_at` and `in_open_quote`).
    pub fn csv(mut self, delimiter: u8) -> Tracked<R> {
        self.csv = Some(CsvScan {
            delimiter,
            quote: Quote::FieldStart,
            breaks: std::collections::VecDeque::new(),
            last_cr_end: u64::MAX,
            lines: 0,
        });
        self
    }

    /// The bytes between two marks may be `limit` again from here.
    pub fn mark(&mut self) {
        self.window_start = self.consumed;
    }

    /// Like `mark`, at an earlier offset (a parser reading ahead).
    pub fn mark_at(&mut self, offset: u64) {
        self.window_start = offset.min(self.consumed);
    }

    pub fn set_limit(&mut self, limit: u64) {
        self.limit = limit;
    }

    /// The 1-based line of the last byte consumed (of the next one, after a line end).
    pub fn line(&self) -> u64 {
        self.newlines + 1
    }

    /// CSV: the 1-based line of byte `offset` (asked in increasing order).
    pub fn csv_line_at(&mut self, offset: u64) -> u64 {
        let Some(scan) = self.csv.as_mut() else {
            return 1;
        };
        let mut offset = offset;
        while let Some(&(start, end)) = scan.breaks.front() {
            if end <= offset {
                scan.lines += 1;
            } else if start <= offset {
                // A line end (or blank line) that the CSV reader counts as the record's start.
                scan.lines += 1;
                offset = end;
            } else {
                break;
            }
            scan.breaks.pop_front();
        }
        scan.lines + 1
    }

    /// CSV: the text read so far ends inside a quoted field.
    pub fn in_open_quote(&self) -> bool {
        self.csv
            .as_ref()
            .is_some_and(|scan| scan.quote == Quote::Quoted)
    }

    fn scan(&mut self, amount: usize) -> io::Result<()> {
        let start = self.consumed;
        let buffer = self.inner.fill_buf()?;
        let taken = &buffer[..amount.min(buffer.len())];
        match self.csv.as_mut() {
            None => {
                self.newlines += taken.iter().filter(|&&byte| byte == b'\n').count() as u64;
            }
            Some(scan) => {
                for (i, &byte) in taken.iter().enumerate() {
                    let offset = start + i as u64;
                    let line_end = byte == b'\n' || byte == b'\r';
                    if byte == b'\r' {
                        scan.breaks.push_back((offset, offset + 1));
                        scan.last_cr_end = offset + 1;
                    } else if byte == b'\n' {
                        match scan.breaks.back_mut() {
                            // CRLF: one line end.
                            Some(last) if scan.last_cr_end == offset && last.1 == offset => {
                                last.1 = offset + 1
                            }
                            _ if scan.last_cr_end == offset => {}
                            _ => scan.breaks.push_back((offset, offset + 1)),
                        }
                    }
                    scan.quote = match (scan.quote, byte) {
                        (Quote::Quoted, b'"') => Quote::AfterClose,
                        (Quote::Quoted, _) => Quote::Quoted,
                        (Quote::AfterClose | Quote::FieldStart, b'"') => Quote::Quoted,
                        _ if byte == scan.delimiter || line_end => Quote::FieldStart,
                        _ => Quote::Unquoted,
                    };
                }
            }
        }
        Ok(())
    }
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let window = self.consumed - self.window_start;
        if window > self.limit {
            self.exceeded = Some(self.limit);
            return Err(io::Error::other("a limit was passed"));
        }
        if self.consumed > self.total_limit {
            self.exceeded = Some(self.total_limit);
            return Err(io::Error::other("a limit was passed"));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if amount == 0 {
            return;
        }
        if self.scan(amount).is_err() {
            return;
        }
        self.consumed += amount as u64;
        self.progress.add(amount as u64);
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &[u8], offsets: &[u64]) -> Vec<u64> {
        let mut tracked = Tracked::new(text, Arc::default()).csv(b',');
        let mut sink = Vec::new();
        tracked.read_to_end(&mut sink).unwrap();
        offsets.iter().map(|&o| tracked.csv_line_at(o)).collect()
    }

    #[test]
    fn line_ends_lf_crlf_and_cr() {
        assert_eq!(lines_of(b"a\nb\nc", &[0, 2, 4]), [1, 2, 3]);
        assert_eq!(lines_of(b"a\r\nb\r\nc", &[0, 3, 6]), [1, 2, 3]);
        assert_eq!(lines_of(b"a\rb\rc", &[0, 2, 4]), [1, 2, 3]);
        assert_eq!(lines_of(b"a\n\n\nb", &[0, 4]), [1, 4]);
        // The CSV reader starts a record after blank lines at the first of them.
        assert_eq!(lines_of(b"a\n\n\nb", &[0, 2]), [1, 4]);
        assert_eq!(lines_of(b"a\r\n\r\nb", &[0, 3]), [1, 3]);
        assert_eq!(lines_of(b"a\r\rb", &[0, 2]), [1, 3]);
        assert_eq!(lines_of(b"a\r\nb", &[0, 2]), [1, 2]);
    }

    #[test]
    fn open_quotes_are_seen() {
        let open = |text: &[u8]| {
            let mut tracked = Tracked::new(text, Arc::default()).csv(b',');
            let mut sink = Vec::new();
            tracked.read_to_end(&mut sink).unwrap();
            tracked.in_open_quote()
        };
        assert!(!open(b"a,\"b\"\"c\",d\n"));
        assert!(!open(b"a,b\"c,d\n"));
        assert!(open(b"a,\"b,c\nd,e\n"));
        assert!(!open(b"\"a\nb\",c\n"));
    }

    #[test]
    fn the_window_is_bounded() {
        let text = [b'x'; 100];
        let mut tracked = Tracked::new(&text[..], Arc::default()).limited(10, u64::MAX);
        let mut sink = Vec::new();
        assert!(tracked.read_to_end(&mut sink).is_err());
        assert_eq!(tracked.exceeded, Some(10));
    }
}
