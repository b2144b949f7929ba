//! Excel 97-2003 (`.xls`) and OpenDocument (`.ods`) workbooks, read with `calamine`, which
//! reads a sheet whole: the file is limited to `Limits::workbook` bytes (and, for `.ods`, the
//! actual inflated size of its `content.xml` too) so that memory stays bounded.

use std::fs::File;
use std::io::Read;

use calamine::{Data, Range, Reader};

use super::columns;
use super::source::{size, Batch, FileError, Source};
use super::xlsx_in::{is_encrypted_ole2, PASSWORD};
use super::{FileKind, Header, Options};

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

/// The actual inflated size of `content.xml` of an `.ods` file, counted up to `limit + 1`.
fn ods_content_size(path: &str, limit: u64) -> Result<u64, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let entry = archive.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut counted = 0u64;
    let mut limited = entry.take(limit + 1);
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = limited.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            return Ok(counted);
        }
        counted += n as u64;
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
                let inflated = ods_content_size(path, limit * 8).map_err(|e| damaged(&e))?;
                if inflated > limit * 8 {
                    return Err(FileError::new(
                        path,
                        format!("content.xml inflates to more than {}, the limit for an .ods file (the file is damaged or hostile)", size(limit * 8)),
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
        if sheets.is_empty() {
            return Err(FileError::new(path, "the workbook has no sheet"));
        }
        let listing = sheets
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{} \"{name}\"", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let chosen = match &options.sheet {
            None => 0,
            Some(wanted) => match wanted.trim().parse::<usize>() {
                Ok(number) if number >= 1 && number <= sheets.len() => number - 1,
                Ok(number) => {
                    return Err(FileError::new(
                        path,
                        format!("there is no sheet {number} (sheets: {listing})"),
                    ))
                }
                Err(_) => sheets
                    .iter()
                    .position(|name| name.trim() == wanted.trim())
                    .ok_or_else(|| {
                        FileError::new(
                            path,
                            format!(
                                "no sheet is named \"{}\" (sheets: {listing})",
                                wanted.trim()
                            ),
                        )
                    })?,
            },
        };
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
        let by_name = matches!(options.column, Some(columns::ColumnSpec::Name(_)));
        let numbers: Vec<usize> = names
            .iter()
            .flatten()
            .enumerate()
            .filter(|(_, name)| columns::looks_like_number(name.as_bytes()))
            .map(|(i, _)| i)
            .collect();
        if options.header == Header::Auto && !by_name && !numbers.is_empty() {
            self.header_row = None;
            self.detected_absent = true;
            if let (None, true, [index]) = (&options.column, width > 1, &numbers[..]) {
                self.column = *index;
                self.column_name = format!("column {}", index + 1);
                return Ok(());
            }
            let (column, name) =
                columns::resolve(&self.file, options.column.as_ref(), None, width)?;
            self.column = column;
            self.column_name = name;
            return Ok(());
        }
        let width = width.max(match &options.column {
            Some(columns::ColumnSpec::Number(n)) if names.is_none() => *n,
            _ => 0,
        });
        let (column, name) =
            columns::resolve(&self.file, options.column.as_ref(), names.as_deref(), width)?;
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
