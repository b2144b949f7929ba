//! CSV files: one column checked, streaming record by record.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::Arc;

use super::columns;
use super::source::{Batch, FileError, Progress, Source, Tracked};
use super::Options;

pub struct CsvSource {
    file: String,
    reader: csv::Reader<Tracked<BufReader<File>>>,
    record: csv::ByteRecord,
    column: usize,
    column_name: String,
    width: usize,
    /// The record number of the last record read (the header, if any, is one of them).
    row: u64,
    /// A data record read while looking at the file's shape (no header row).
    pending: Option<csv::ByteRecord>,
    has_header: bool,
    done: bool,
}

/// The delimiter of the first line: the most frequent of `,`, `;` and tab outside quotes
/// (`,` when none appears).
fn sniff(head: &[u8]) -> u8 {
    let line = head.split(|&byte| byte == b'\n').next().unwrap_or_default();
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

fn not_utf8(file: &str, row: u64, line: Option<u64>, column: usize) -> FileError {
    FileError::new(
        file,
        format!(
            "column {}: not valid UTF-8 text (the file was probably saved in another encoding, such as Windows-1258 or TCVN3: save it as \"CSV UTF-8\")",
            column + 1
        ),
    )
    .at(Some(row), line)
}

fn check_utf8(file: &str, row: u64, record: &csv::ByteRecord) -> Result<(), FileError> {
    for (column, field) in record.iter().enumerate() {
        if std::str::from_utf8(field).is_err() {
            let line = record.position().map(|p| p.line());
            return Err(not_utf8(file, row, line, column));
        }
    }
    Ok(())
}

/// A line with nothing on it, which the reader gives as one empty field.
fn is_blank(record: &csv::ByteRecord) -> bool {
    record.len() == 1 && record.get(0).is_some_and(|field| field.is_empty())
}

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
        let mut buffered = BufReader::with_capacity(1 << 16, file);
        let head = buffered.fill_buf().map_err(io)?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(FileError::new(
                path,
                "the file is UTF-16 text (Excel's \"Unicode Text\"): save it as \"CSV UTF-8\"",
            ));
        }
        if head.starts_with(b"PK\x03\x04") {
            return Err(FileError::new(
                path,
                "this is a zip archive, not CSV text (an Excel .xlsx file? name it .xlsx or pass --file-type xlsx)",
            ));
        }
        let bom = usize::from(head.starts_with(b"\xEF\xBB\xBF")) * 3;
        let delimiter = options.delimiter.unwrap_or_else(|| sniff(&head[bom..]));
        buffered.consume(bom);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(1 << 16)
            .from_reader(Tracked::new(buffered, progress));
        let mut source = CsvSource {
            file: path.to_owned(),
            reader,
            record: csv::ByteRecord::new(),
            column: 0,
            column_name: String::new(),
            width: 0,
            row: 0,
            pending: None,
            has_header: options.header_row.is_some(),
            done: false,
        };
        source.read_shape(options)?;
        Ok(source)
    }

    /// Reads the next record that is not a blank line into `self.record`; false at the end.
    fn read(&mut self) -> Result<bool, FileError> {
        loop {
            let more = self
                .reader
                .read_byte_record(&mut self.record)
                .map_err(|error| {
                    FileError::new(&self.file, format!("cannot read the file: {error}"))
                        .at(Some(self.row + 1), None)
                })?;
            if !more {
                return Ok(false);
            }
            if !is_blank(&self.record) {
                self.row += 1;
                return Ok(true);
            }
        }
    }

    /// Reads up to the header row (or the first record, without one) and chooses the column.
    fn read_shape(&mut self, options: &Options) -> Result<(), FileError> {
        let header = match options.header_row {
            Some(header_row) => {
                while self.row < header_row {
                    if !self.read()? {
                        return Err(FileError::new(
                            &self.file,
                            format!("the file has no row {header_row} to read the column names from (it has {} rows)", self.row),
                        ));
                    }
                }
                check_utf8(&self.file, self.row, &self.record)?;
                let names: Vec<String> = self
                    .record
                    .iter()
                    .map(|field| String::from_utf8_lossy(field).into_owned())
                    .collect();
                Some(names)
            }
            None => {
                if self.read()? {
                    self.pending = Some(self.record.clone());
                } else {
                    self.done = true;
                }
                None
            }
        };
        self.width = match &header {
            Some(names) => names.len(),
            None => self.pending.as_ref().map_or(1, |record| record.len()),
        };
        let (column, name) = columns::resolve(
            &self.file,
            options.column.as_ref(),
            header.as_deref(),
            self.width,
        )?;
        self.column = column;
        self.column_name = name;
        Ok(())
    }

    fn take(&mut self, batch: &mut Batch) -> Result<(), FileError> {
        if self.record.len() != self.width {
            let line = self.record.position().map(|p| p.line());
            return Err(FileError::new(
                &self.file,
                format!(
                    "{} fields where the {} has {}: a missing or extra delimiter, or a quote that is not closed",
                    self.record.len(),
                    if self.has_header { "header" } else { "first row" },
                    self.width
                ),
            )
            .at(Some(self.row), line));
        }
        check_utf8(&self.file, self.row, &self.record)?;
        let line = self.record.position().map(|p| p.line());
        let value = self.record.get(self.column).unwrap_or_default();
        batch.push(self.row, line, value, None, false);
        Ok(())
    }
}

impl Source for CsvSource {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
        let mut batch = Batch::default();
        if let Some(first) = self.pending.take() {
            self.record = first;
            self.take(&mut batch)?;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(sniff(b"a,b,c\n1;2"), b',');
        assert_eq!(sniff(b"a;b;c"), b';');
        assert_eq!(sniff(b"\"x,y,z\";b;c"), b';');
        assert_eq!(sniff(b"a\tb"), b'\t');
        assert_eq!(sniff(b"single"), b',');
    }
}
