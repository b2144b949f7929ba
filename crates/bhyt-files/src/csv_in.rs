//! CSV files: one column checked, streaming record by record, each record at most
//! `Limits::value` bytes.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::Arc;

use super::columns;
use super::source::{size, Batch, FileError, Progress, Source, Tracked};
use super::{Header, Options};

/// The read-ahead of the CSV reader.
const BUFFER: usize = 1 << 16;

pub struct CsvSource {
    file: String,
    reader: csv::Reader<Tracked<BufReader<File>>>,
    record: csv::ByteRecord,
    column: usize,
    column_name: String,
    width: usize,
    /// The record number of the last record read (the header, if any, is one of them).
    row: u64,
    /// The line where the last record read starts.
    line: u64,
    /// A data record read while looking at the file's shape (no header row).
    pending: Option<(csv::ByteRecord, u64)>,
    header_row: Option<u64>,
    detected_absent: bool,
    limit: usize,
    done: bool,
}

/// The delimiter of line `row` of the text (1-based, blank lines not counted, as the reader
/// counts rows; LF, CRLF and CR end lines): the most frequent of `,`, `;` and tab outside
/// quotes (`,` when none appears).
fn sniff(head: &[u8], row: u64) -> u8 {
    let mut lines = head
        .split(|&byte| byte == b'\n' || byte == b'\r')
        .filter(|line| !line.is_empty());
    let line = lines
        .nth(row.saturating_sub(1).min(usize::MAX as u64) as usize)
        .unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in line {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in counts.iter_mut() {
                *count += usize::from(byte == *delimiter);
            }
        }
    }
    let best = counts.iter().max_by_key(|(_, count)| *count).copied();
    match best {
        Some((delimiter, count)) if count > 0 => delimiter,
        _ => b',',
    }
}

fn not_utf8(file: &str, row: u64, line: u64, column: usize) -> FileError {
    FileError::new(
        file,
        format!(
            "column {}: not valid UTF-8 text (the file was probably saved in another encoding, such as Windows-1258 or TCVN3: save it as \"CSV UTF-8\")",
            column + 1
        ),
    )
    .at(Some(row), Some(line))
}

fn check_utf8(file: &str, row: u64, line: u64, record: &csv::ByteRecord) -> Result<(), FileError> {
    for (column, field) in record.iter().enumerate() {
        if std::str::from_utf8(field).is_err() {
            return Err(not_utf8(file, row, line, column));
        }
    }
    Ok(())
}

/// A line with nothing on it, which the reader gives as one empty field.
fn is_blank(record: &csv::ByteRecord) -> bool {
    record.len() == 1 && record.get(0).is_some_and(|field| field.is_empty())
}

/// The message for text that is UTF-16 (with a byte-order mark).
pub const UTF16: &str = "the file is UTF-16 text (Excel's \"Unicode Text\"), which is not read: save it as \"CSV UTF-8 (Comma delimited)\" in Excel (File > Save As), or convert it with `iconv -f UTF-16 -t UTF-8`";

impl CsvSource {
    pub fn open(
        path: &str,
        options: &Options,
        progress: Arc<Progress>,
    ) -> Result<CsvSource, FileError> {
        let io =
            |error: std::io::Error| FileError::new(path, format!("cannot read the file: {error}"));
        let file = File::open(path).map_err(io)?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        progress
            .total
            .store(size, std::sync::atomic::Ordering::Relaxed);
        let mut buffered = BufReader::with_capacity(BUFFER, file);
        let head = buffered.fill_buf().map_err(io)?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(FileError::new(path, UTF16));
        }
        if head.starts_with(b"PK\x03\x04") {
            return Err(FileError::new(
                path,
                "this is a zip archive, not CSV text (an Excel .xlsx or .ods file? name it so, or pass --file-type xlsx or ods)",
            ));
        }
        if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(FileError::new(
                path,
                "this is an Excel 97-2003 workbook, not CSV text: name it .xls or pass --file-type xls",
            ));
        }
        let bom = usize::from(head.starts_with(b"\xEF\xBB\xBF")) * 3;
        let header_row = options.header_row().unwrap_or(1);
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| sniff(&head[bom..], header_row));
        buffered.consume(bom);
        let limit = options.limits.value;
        let tracked = Tracked::new(buffered, progress)
            .limited((limit + 2 * BUFFER) as u64, u64::MAX)
            .csv(delimiter);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(BUFFER)
            .from_reader(tracked);
        let mut source = CsvSource {
            file: path.to_owned(),
            reader,
            record: csv::ByteRecord::new(),
            column: 0,
            column_name: String::new(),
            width: 0,
            row: 0,
            line: 1,
            pending: None,
            header_row: options.header_row(),
            detected_absent: false,
            limit,
            done: false,
        };
        source.read_shape(options)?;
        Ok(source)
    }

    /// A quote opened in the last record read is never closed.
    fn open_quote(&self) -> FileError {
        FileError::new(
            &self.file,
            "a quote (\") opened in this row is never closed: it would swallow the rest of the file (close it, or remove it)",
        )
        .at(Some(self.row.max(1)), Some(self.line))
    }

    /// Reads the next record that is not a blank line into `self.record`; false at the end.
    fn read(&mut self) -> Result<bool, FileError> {
        loop {
            let more = match self.reader.read_byte_record(&mut self.record) {
                Ok(more) => more,
                Err(error) => {
                    let row = Some(self.row + 1);
                    let line = Some(self.line_of_next());
                    if self.reader.get_ref().exceeded.is_some() {
                        let open = if self.reader.get_ref().in_open_quote() {
                            " (a quote opened in it is probably never closed)"
                        } else {
                            ""
                        };
                        return Err(FileError::new(
                            &self.file,
                            format!(
                                "a record (line) longer than {}, the limit of one record{open}: is this really a CSV file?",
                                size(self.limit as u64)
                            ),
                        )
                        .at(row, line));
                    }
                    return Err(FileError::new(
                        &self.file,
                        format!("cannot read the file: {error}"),
                    )
                    .at(row, line));
                }
            };
            let end = self.reader.position().byte();
            self.reader.get_mut().mark_at(end);
            if !more {
                if self.reader.get_ref().in_open_quote() {
                    return Err(self.open_quote());
                }
                return Ok(false);
            }
            if self.record.as_slice().len() > self.limit {
                return Err(FileError::new(
                    &self.file,
                    format!(
                        "a record longer than {}, the limit of one record",
                        size(self.limit as u64)
                    ),
                )
                .at(Some(self.row + 1), None));
            }
            if !is_blank(&self.record) {
                self.row += 1;
                let start = self.record.position().map_or(0, |p| p.byte());
                self.line = self.reader.get_mut().csv_line_at(start);
                return Ok(true);
            }
        }
    }

    /// The line where the next record starts (after an error: the one being read).
    fn line_of_next(&mut self) -> u64 {
        let start = self.reader.position().byte();
        self.reader.get_mut().csv_line_at(start)
    }

    /// Reads up to the header row (or the first record, without one) and chooses the column.
    fn read_shape(&mut self, options: &Options) -> Result<(), FileError> {
        let header = match self.header_row {
            Some(header_row) => {
                while self.row < header_row {
                    if !self.read()? {
                        if self.row == 0 {
                            return Err(FileError::new(
                                &self.file,
                                "the file is empty (it has no row 1): no value to check was found",
                            ));
                        }
                        return Err(FileError::new(
                            &self.file,
                            format!("the file has no row {header_row} to read the column names from (it has {} rows)", self.row),
                        ));
                    }
                }
                check_utf8(&self.file, self.row, self.line, &self.record)?;
                let by_name = matches!(options.column, Some(columns::ColumnSpec::Name(_)));
                let numbers = self
                    .record
                    .iter()
                    .filter(|field| columns::looks_like_number(field))
                    .count();
                if options.header == Header::Auto && !by_name && numbers > 0 {
                    // Row 1 is itself a card number: there is no header, and it is checked.
                    self.header_row = None;
                    self.detected_absent = true;
                    self.pending = Some((self.record.clone(), self.line));
                    None
                } else {
                    let names: Vec<String> = self
                        .record
                        .iter()
                        .map(|field| String::from_utf8_lossy(field).into_owned())
                        .collect();
                    Some(names)
                }
            }
            None => {
                if self.read()? {
                    self.pending = Some((self.record.clone(), self.line));
                } else {
                    self.done = true;
                }
                None
            }
        };
        self.width = match &header {
            Some(names) => names.len(),
            None => self.pending.as_ref().map_or(1, |(record, _)| record.len()),
        };
        let (column, name) = match (&header, &options.column, &self.pending) {
            // No header and no --column: the one column that holds a card number.
            (None, None, Some((record, _))) if self.detected_absent && self.width > 1 => {
                let found: Vec<usize> = (0..record.len())
                    .filter(|&i| columns::looks_like_number(&record[i]))
                    .collect();
                match found[..] {
                    [index] => (index, format!("column {}", index + 1)),
                    _ => columns::resolve(&self.file, None, None, self.width)?,
                }
            }
            _ => columns::resolve(
                &self.file,
                options.column.as_ref(),
                header.as_deref(),
                self.width,
            )?,
        };
        self.column = column;
        self.column_name = name;
        Ok(())
    }

    fn take(&mut self, batch: &mut Batch) -> Result<(), FileError> {
        if self.record.len() != self.width {
            return Err(FileError::new(
                &self.file,
                format!(
                    "{} fields where the {} has {}: a missing or extra delimiter, or a quote that is not closed",
                    self.record.len(),
                    if self.header_row.is_some() { "header" } else { "first row" },
                    self.width
                ),
            )
            .at(Some(self.row), Some(self.line)));
        }
        check_utf8(&self.file, self.row, self.line, &self.record)?;
        let value = self.record.get(self.column).unwrap_or_default();
        batch.push(self.row, Some(self.line), value, None, false);
        Ok(())
    }
}

impl Source for CsvSource {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
        let mut batch = Batch::default();
        if let Some((first, line)) = self.pending.take() {
            let (row, last_line) = (self.row, self.line);
            self.record = first;
            self.line = line;
            self.row = 1;
            self.take(&mut batch)?;
            self.row = row;
            self.line = last_line;
        }
        while !self.done {
            if !self.read()? {
                self.done = true;
                break;
            }
            self.take(&mut batch)?;
            if batch.is_full() && !emit(std::mem::take(&mut batch)) {
                return Ok(());
            }
        }
        if !batch.records.is_empty() {
            emit(batch);
        }
        Ok(())
    }

    fn column(&self) -> String {
        self.column_name.clone()
    }

    fn header(&self) -> (Option<u64>, bool) {
        (self.header_row, self.detected_absent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(sniff(b"a,b,c\n1;2", 1), b',');
        assert_eq!(sniff(b"a;b;c", 1), b';');
        assert_eq!(sniff(b"\"x,y,z\";b;c", 1), b';');
        assert_eq!(sniff(b"a\tb", 1), b'\t');
        assert_eq!(sniff(b"single", 1), b',');
    }

    #[test]
    fn the_delimiter_is_read_on_the_header_row() {
        assert_eq!(sniff(b"Danh sach, thang 1\nSTT;MA_THE_BHYT\n1;x", 2), b';');
        assert_eq!(sniff(b"title, a\r\rSTT;MA\r1;x", 2), b';');
    }
}
