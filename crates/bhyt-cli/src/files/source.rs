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
}

/// A run of consecutive values; `seq` orders batches.
#[derive(Debug, Default)]
pub struct Batch {
    pub seq: u64,
    pub arena: Vec<u8>,
    pub records: Vec<Record>,
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
        });
    }

    pub fn bytes(&self, range: (usize, usize)) -> &[u8] {
        self.arena.get(range.0..range.1).unwrap_or_default()
    }

    pub fn is_full(&self) -> bool {
        self.records.len() >= BATCH_ROWS || self.arena.len() >= 1 << 20
    }
}

/// Values per batch: large enough to amortise the hand-over between threads, small enough
/// that the batches in flight stay a few megabytes.
pub const BATCH_ROWS: usize = 4096;

/// A file that cannot be read as what it claims to be: names the file and, when known, the
/// row and line. Never holds a value from the file.
#[derive(Debug)]
pub struct FileError {
    pub file: String,
    pub row: Option<u64>,
    pub line: Option<u64>,
    pub message: String,
}

impl FileError {
    pub fn new(file: &str, message: impl Into<String>) -> FileError {
        FileError {
            file: file.to_owned(),
            row: None,
            line: None,
            message: message.into(),
        }
    }

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

/// A `BufRead` that counts the lines and bytes its reader consumes: after a parser has read
/// up to some point, `line()` is the line that point is on.
pub struct Tracked<R> {
    inner: R,
    newlines: u64,
    progress: Arc<Progress>,
}

impl<R: BufRead> Tracked<R> {
    pub fn new(inner: R, progress: Arc<Progress>) -> Tracked<R> {
        Tracked {
            inner,
            newlines: 0,
            progress,
        }
    }

    /// The 1-based line of the last byte consumed (of the next one, after a line end).
    pub fn line(&self) -> u64 {
        self.newlines + 1
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
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if amount == 0 {
            return;
        }
        if let Ok(buffer) = self.inner.fill_buf() {
            let taken = &buffer[..amount.min(buffer.len())];
            self.newlines += taken.iter().filter(|&&byte| byte == b'\n').count() as u64;
        }
        self.progress.add(amount as u64);
        self.inner.consume(amount);
    }
}
