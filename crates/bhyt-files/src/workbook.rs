//! Excel 97-2003 (`.xls`) and OpenDocument (`.ods`) workbooks, read with `calamine`, which
//! reads a sheet whole: the file is limited to `Limits::workbook` bytes (and, for `.ods`, the
//! actual inflated size of its `content.xml` too) so that memory stays bounded.

use std::fs::File;
use std::io::Read;

use calamine::{Data, Range, Reader};

use super::columns;
use super::source::{size, Batch, FileError, Source, Tracked};
use super::xlsx_in::{is_encrypted_ole2, PASSWORD};
use super::{FileKind, Options};

pub struct WorkbookSource {
    file: String,
    range: Range<Data>,
    sheet_name: String,
    header_row: Option<u64>,
    detected_absent: bool,
    column: usize,
    column_name: String,
}

/// The text of a cell, as the `.xlsx` reader gives it; `true` for a number.
fn cell_text(data: &Data) -> (String, bool) {
    match data {
        Data::Empty => (String::new(), false),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            (text.clone(), false)
        }
        Data::Int(n) => (n.to_string(), true),
        Data::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => {
            (format!("{f:.0}"), true)
        }
        Data::Float(f) => (f.to_string(), true),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_owned(), false),
        Data::DateTime(d) => (d.as_f64().to_string(), true),
        Data::Error(e) => (format!("#{e:?}"), false),
    }
}

/// Cells of the used range of one `.xls` sheet (rows x columns, empty cells included) that
/// `calamine` may hold: it keeps a dense grid of 32-byte cells, and reserves room for the range
/// the sheet declares. 2^20 cells (65,536 rows of 16 columns) is 32 MiB of grid.
pub const XLS_CELLS: u64 = 1 << 20;

/// The largest used range of the sheets of an `.xls` file, declared (DIMENSIONS) or actual
/// (the cells' positions), in cells: read from the BIFF records of its `Workbook` stream,
/// record by record, before `calamine` builds anything.
fn xls_used_cells(path: &str) -> Result<u64, String> {
    let mut file = cfb::open(path).map_err(|e| e.to_string())?;
    let name = if file.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let stream = file.open_stream(name).map_err(|e| e.to_string())?;
    let mut stream = std::io::BufReader::new(stream);
    let mut largest = 0u64;
    // Per sheet: rows and columns seen, and the declared range.
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut declared = 0u64;
    let mut header = [0u8; 4];
    let mut data = vec![0u8; 1 << 16];
    let finish =
        |bounds: &mut Option<(u32, u32, u32, u32)>, declared: &mut u64, largest: &mut u64| {
            if let Some((r0, r1, c0, c1)) = bounds.take() {
                *largest = (*largest).max(u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1));
            }
            *largest = (*largest).max(*declared);
            *declared = 0;
        };
    loop {
        match stream.read_exact(&mut header) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(error) => return Err(error.to_string()),
        }
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let length = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let record = &mut data[..length];
        stream.read_exact(record).map_err(|e| e.to_string())?;
        let u16_at = |at: usize| {
            record
                .get(at..at + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        let u32_at = |at: usize| {
            record
                .get(at..at + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        match kind {
            // BOF, EOF: a sheet begins or ends.
            0x0809 | 0x000A => finish(&mut bounds, &mut declared, &mut largest),
            // DIMENSIONS: first row, last row + 1, first column, last column + 1.
            0x0200 => {
                if let (Some(r0), Some(r1), Some(c0), Some(c1)) =
                    (u32_at(0), u32_at(4), u16_at(8), u16_at(10))
                {
                    declared = u64::from(r1.saturating_sub(r0)) * u64::from(c1.saturating_sub(c0));
                }
            }
            // Cells: row, column first (MULRK and MULBLANK: the last column at the end).
            0x0006 | 0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x00BD | 0x00BE => {
                if let (Some(row), Some(first)) = (u16_at(0), u16_at(2)) {
                    let last = if matches!(kind, 0x00BD | 0x00BE) {
                        u16_at(length.saturating_sub(2)).unwrap_or(first).max(first)
                    } else {
                        first
                    };
                    let (r0, r1, c0, c1) = bounds.get_or_insert((row, row, first, last));
                    *r0 = (*r0).min(row);
                    *r1 = (*r1).max(row);
                    *c0 = (*c0).min(first);
                    *c1 = (*c1).max(last);
                }
            }
            _ => {}
        }
    }
    finish(&mut bounds, &mut declared, &mut largest);
    Ok(largest)
}

/// The used range of the largest sheet of an `.ods` file, in cells (rows x columns, empty
/// ones included, repeated rows and columns expanded as `calamine` expands them), read from
/// its `content.xml` as a stream whose actual inflated bytes are limited to `limit`. `Err`
/// with `None`: past the limit.
fn ods_used_cells(path: &str, limit: u64, piece: u64) -> Result<u64, Option<String>> {
    use quick_xml::events::Event;
    let file = File::open(path).map_err(|e| Some(e.to_string()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| Some(e.to_string()))?;
    let entry = archive
        .by_name("content.xml")
        .map_err(|e| Some(e.to_string()))?;
    let tracked = Tracked::new(std::io::BufReader::new(entry), std::sync::Arc::default())
        .limited(piece, limit);
    let mut reader = quick_xml::Reader::from_reader(tracked);
    let mut buffer = Vec::new();
    let repeat = |e: &quick_xml::events::BytesStart<'_>, name: &[u8]| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse().ok())
            .unwrap_or(1u64)
            .max(1)
    };
    let (mut largest, mut rows, mut columns) = (0u64, 0u64, 0u64);
    let (mut row, mut row_repeat, mut column, mut row_valued) = (0u64, 1u64, 0u64, false);
    loop {
        reader.get_mut().mark();
        let event = match reader.read_event_into(&mut buffer) {
            Ok(event) => event,
            Err(error) if reader.get_ref().exceeded.is_some() => {
                let _ = error;
                return Err(None);
            }
            Err(error) => return Err(Some(error.to_string())),
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"table" => (rows, columns, row) = (0, 0, 0),
                b"table-row" if empty => {
                    row = row.saturating_add(repeat(&e, b"table:number-rows-repeated"));
                }
                b"table-row" => {
                    row_repeat = repeat(&e, b"table:number-rows-repeated");
                    (column, row_valued) = (0, false);
                }
                b"table-cell" | b"covered-table-cell" => {
                    let n = repeat(&e, b"table:number-columns-repeated");
                    let valued = !empty
                        || e.attributes()
                            .flatten()
                            .any(|a| a.key.as_ref() == b"office:value-type");
                    column = column.saturating_add(n);
                    if valued {
                        columns = columns.max(column);
                        row_valued = true;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"table-row" => {
                    row = row.saturating_add(row_repeat);
                    if row_valued {
                        rows = row;
                    }
                }
                b"table" => largest = largest.max(rows.saturating_mul(columns)),
                _ => {}
            },
            Event::Eof => return Ok(largest.max(rows.saturating_mul(columns))),
            _ => {}
        }
        buffer.clear();
    }
}

impl WorkbookSource {
    pub fn open(
        path: &str,
        kind: FileKind,
        options: &Options,
    ) -> Result<WorkbookSource, FileError> {
        let limit = options.limits.workbook;
        let name = kind.as_str();
        let length = std::fs::metadata(path)
            .map_err(|error| FileError::new(path, format!("cannot read the file: {error}")))?
            .len();
        if length > limit {
            return Err(FileError::new(
                path,
                format!("a .{name} workbook larger than {}, the limit for .xls and .ods files (which are read whole): save it as .xlsx or CSV UTF-8", size(limit)),
            ));
        }
        let mut magic = [0u8; 4];
        if let Ok(mut file) = File::open(path) {
            let _ = file.read(&mut magic);
        }
        let ole2 = magic == [0xD0, 0xCF, 0x11, 0xE0];
        if ole2 && is_encrypted_ole2(path) {
            return Err(FileError::new(path, PASSWORD));
        }
        let what = match kind {
            FileKind::Ods => "OpenDocument .ods workbook",
            _ => "old Excel .xls file (Excel 97-2003)",
        };
        let damaged = |error: &dyn std::fmt::Display| {
            FileError::new(path, format!("not a readable {what} (the file is damaged, or not what its name says: {error})"))
        };
        let password = |message: &str| message.contains("password");
        let mut workbook: calamine::Sheets<std::io::BufReader<File>> = match kind {
            FileKind::Ods => {
                if magic != *b"PK\x03\x04" {
                    return Err(damaged(&"it is not a zip archive"));
                }
                let cells = match ods_used_cells(path, limit * 8, options.limits.value as u64) {
                    Ok(cells) => cells,
                    Err(Some(error)) => return Err(damaged(&error)),
                    Err(None) => {
                        return Err(FileError::new(
                            path,
                            format!("content.xml inflates to more than {} (or holds one piece of XML longer than {}), the limits for an .ods file (the file is damaged or hostile)", size(limit * 8), size(options.limits.value as u64)),
                        ))
                    }
                };
                if cells > XLS_CELLS {
                    return Err(FileError::new(
                        path,
                        format!("a sheet's used range holds {cells} cells (rows x columns, empty ones included), more than {XLS_CELLS}, the limit for an .ods sheet (read whole): delete the unused rows and columns, or save it as .xlsx or CSV UTF-8"),
                    ));
                }
                calamine::open_workbook::<calamine::Ods<_>, _>(path)
                    .map(calamine::Sheets::Ods)
                    .map_err(|error| {
                        if password(&error.to_string().to_lowercase()) {
                            FileError::new(path, PASSWORD)
                        } else {
                            damaged(&error)
                        }
                    })?
            }
            _ => {
                if !ole2 {
                    return Err(damaged(&"it is not an OLE2 (Excel 97-2003) file"));
                }
                let cells = xls_used_cells(path).map_err(|e| damaged(&e))?;
                if cells > XLS_CELLS {
                    return Err(FileError::new(
                        path,
                        format!("a sheet's used range holds {cells} cells (rows x columns, empty ones included), more than {XLS_CELLS}, the limit for an .xls sheet (read whole): delete the unused rows and columns, or save it as .xlsx or CSV UTF-8"),
                    ));
                }
                calamine::open_workbook::<calamine::Xls<_>, _>(path)
                    .map(calamine::Sheets::Xls)
                    .map_err(|error| {
                        if password(&error.to_string().to_lowercase()) {
                            FileError::new(path, PASSWORD)
                        } else {
                            damaged(&error)
                        }
                    })?
            }
        };
        let sheets = workbook.sheet_names();
        let names: Vec<&str> = sheets.iter().map(String::as_str).collect();
        let chosen = columns::choose_sheet(path, &names, options.sheet.as_deref())?;
        let sheet_name = sheets[chosen].clone();
        let range = workbook.worksheet_range(&sheet_name).map_err(|error| {
            if password(&error.to_string().to_lowercase()) {
                FileError::new(path, PASSWORD)
            } else {
                damaged(&error)
            }
        })?;
        let mut source = WorkbookSource {
            file: path.to_owned(),
            range,
            sheet_name,
            header_row: options.header_row(),
            detected_absent: false,
            column: 0,
            column_name: String::new(),
        };
        source.choose_column(options)?;
        Ok(source)
    }

    /// The cells of sheet row `row` (1-based, as Excel numbers them).
    fn row_cells(&self, row: u64) -> Vec<(usize, &Data)> {
        let Some((start_row, start_col)) = self.range.start() else {
            return Vec::new();
        };
        let Some((_, end_col)) = self.range.end() else {
            return Vec::new();
        };
        let Some(r) = row.checked_sub(1).and_then(|r| u32::try_from(r).ok()) else {
            return Vec::new();
        };
        if r < start_row {
            return Vec::new();
        }
        (start_col..=end_col)
            .filter_map(|c| {
                self.range
                    .get_value((r, c))
                    .filter(|data| !matches!(data, Data::Empty))
                    .map(|data| (c as usize, data))
            })
            .collect()
    }

    fn choose_column(&mut self, options: &Options) -> Result<(), FileError> {
        let width = self.range.end().map_or(0, |(_, c)| c as usize + 1);
        if self.range.is_empty() {
            return Err(FileError::new(
                &self.file,
                format!("sheet \"{}\": the sheet has no values", self.sheet_name),
            ));
        }
        let names = match self.header_row {
            Some(row) => {
                let cells = self.row_cells(row);
                if cells.is_empty() {
                    return Err(FileError::new(
                        &self.file,
                        format!(
                            "sheet \"{}\": row {row}, the header row, is empty or missing",
                            self.sheet_name
                        ),
                    ));
                }
                let mut names = vec![String::new(); width];
                for (column, data) in cells {
                    names[column] = cell_text(data).0;
                }
                Some(names)
            }
            None => None,
        };
        let (column, name, absent) = columns::choose(&self.file, options, names, width)?;
        if absent {
            self.header_row = None;
            self.detected_absent = true;
        }
        self.column = column;
        self.column_name = name;
        Ok(())
    }
}

impl Source for WorkbookSource {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
        let (Some((start_row, start_col)), Some((end_row, end_col))) =
            (self.range.start(), self.range.end())
        else {
            return Ok(());
        };
        let header = self.header_row.unwrap_or(0);
        let mut batch = Batch::default();
        for r in start_row..=end_row {
            let row = u64::from(r) + 1;
            if row <= header {
                continue;
            }
            let has_value = (start_col..=end_col).any(|c| {
                self.range
                    .get_value((r, c))
                    .is_some_and(|data| !matches!(data, Data::Empty))
            });
            if !has_value {
                continue;
            }
            let cell = u32::try_from(self.column)
                .ok()
                .and_then(|c| self.range.get_value((r, c)));
            let (text, numeric) = cell.map(cell_text).unwrap_or_default();
            batch.push(row, None, text.as_bytes(), None, numeric);
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
