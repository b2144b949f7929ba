//! Excel `.xlsx` files: a zip of XML parts. One column of one sheet is checked, streaming.
//!
//! Text cells usually point into the workbook's shared-string table. To stream the sheet
//! without holding every string of the workbook, the sheet is read three times: (1) the
//! header row, then the first shared strings until the header's are known; (2) the whole
//! sheet, noting which shared strings the chosen column uses (one bit per string); (3) the
//! shared strings, keeping only those; (4) the sheet again, checking each row. Memory grows
//! with the number of distinct strings in the chosen column, not with the rows or the rest of
//! the workbook.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufReader, Read};
use std::sync::Arc;

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::ZipArchive;

use super::columns;
use super::source::{size, Batch, FileError, Limits, Progress, Source, Tracked};
use super::xmltext::{local, push_reference};
use super::Options;

/// What opening a file named `.xlsx` found.
pub enum Opened {
    /// An .xlsx workbook.
    Xlsx(Box<XlsxSource>),
    /// An OLE2 container that is not encrypted: an Excel 97-2003 workbook.
    Ole2,
}

/// The message for a workbook protected by a password.
pub const PASSWORD: &str = "the workbook is protected by a password (encrypted), so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password: clear it), save it, and check it again";

/// An OLE2 container holding an encrypted workbook (an .xlsx with a password is stored as an
/// OLE2 file with an `EncryptedPackage` stream): looks for the stream's name, in UTF-16, in
/// the file, reading it in pieces.
pub fn is_encrypted_ole2(path: &str) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|unit| unit.to_le_bytes())
        .collect();
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let mut window = vec![0u8; 1 << 16];
    let mut kept = 0usize;
    loop {
        let Ok(n) = file.read(&mut window[kept..]) else {
            return false;
        };
        if n == 0 {
            return false;
        }
        let filled = kept + n;
        if window[..filled]
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
        {
            return true;
        }
        kept = (needle.len() - 1).min(filled);
        window.copy_within(filled - kept..filled, 0);
    }
}

/// The shared strings the chosen column uses: a bitmap for the first indices, a set beyond
/// (so that a huge index costs nothing but its entry).
#[derive(Default)]
struct Marks {
    bits: Vec<u64>,
    sparse: HashSet<u32>,
}

/// Indices below this are kept in the bitmap (2 MiB at most).
const DENSE: u32 = 1 << 24;

impl Marks {
    fn insert(&mut self, index: u32) {
        if index < DENSE {
            let word = index as usize / 64;
            if self.bits.len() <= word {
                self.bits.resize(word + 1, 0);
            }
            self.bits[word] |= 1 << (index % 64);
        } else {
            self.sparse.insert(index);
        }
    }

    fn contains(&self, index: u32) -> bool {
        if index < DENSE {
            self.bits
                .get(index as usize / 64)
                .is_some_and(|word| word & (1 << (index % 64)) != 0)
        } else {
            self.sparse.contains(&index)
        }
    }

    fn last(&self) -> Option<u32> {
        self.sparse.iter().max().copied().or_else(|| {
            self.bits
                .iter()
                .rposition(|&word| word != 0)
                .map(|word| word as u32 * 64 + 63 - self.bits[word].leading_zeros())
        })
    }
}

/// Columns of a sheet (Excel's limit, XFD).
const MAX_COLUMNS: usize = 16384;

/// Rows of a sheet (Excel's limit).
const MAX_ROWS: u64 = 1 << 20;

/// The distinct texts of the chosen column kept from the shared strings, in all.
pub const KEPT_STRINGS: usize = 64 << 20;

/// A cell's content as the sheet gives it.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    /// An index into the shared strings.
    Shared(u32),
    /// Text held in the sheet (inline strings, formula results, booleans, errors).
    Text(Vec<u8>),
    /// A number, written as Excel stores it.
    Number(Vec<u8>),
}

pub struct XlsxSource {
    file: String,
    archive: ZipArchive<File>,
    sheet_path: String,
    sheet_name: String,
    strings_path: Option<String>,
    header_row: Option<u64>,
    detected_absent: bool,
    column: usize,
    column_name: String,
    progress: Arc<Progress>,
    limits: Limits,
}

fn damaged(file: &str, error: impl std::fmt::Display) -> FileError {
    FileError::new(
        file,
        format!("not a readable .xlsx file (the archive is damaged or truncated: {error})"),
    )
}

/// Reads a whole (small) part of the archive.
fn read_part(
    archive: &mut ZipArchive<File>,
    file: &str,
    path: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, FileError> {
    let mut entry = match archive.by_name(path) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(damaged(file, error)),
    };
    let mut bytes = Vec::new();
    (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| damaged(file, error))?;
    if bytes.len() as u64 > limit {
        return Err(FileError::new(
            file,
            format!("{path} inflates to more than {}, the limit for this part of a workbook (the file is damaged or hostile)", size(limit)),
        ));
    }
    Ok(Some(bytes))
}

fn attribute(
    start: &quick_xml::events::BytesStart<'_>,
    wanted: &[u8],
    prefixed: bool,
) -> Option<Vec<u8>> {
    start.attributes().flatten().find_map(|attribute| {
        let key = attribute.key.as_ref();
        let matches = local(key) == wanted && (key.len() != wanted.len()) == prefixed;
        matches.then(|| attribute.value.into_owned())
    })
}

/// The archive path of a relationship target relative to `xl/`.
fn part_path(target: &[u8]) -> String {
    let target = String::from_utf8_lossy(target);
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    }
}

/// Column number (0-based) and row number of a cell reference such as `AB12`.
fn cell_ref(reference: &[u8]) -> (Option<usize>, Option<u64>) {
    let letters = reference
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let column = (letters > 0 && letters <= 3).then(|| {
        reference[..letters].iter().fold(0usize, |n, b| {
            n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
        }) - 1
    });
    let row = std::str::from_utf8(&reference[letters..])
        .ok()
        .and_then(|digits| digits.parse().ok());
    (column, row)
}

/// The text of a number cell: an integer without a fraction or exponent when Excel stored an
/// integer (`1.0101010101E+9` reads `1010101010`), the stored text otherwise.
fn number_text(raw: &[u8]) -> Vec<u8> {
    let parsed = std::str::from_utf8(raw)
        .ok()
        .and_then(|text| text.trim().parse::<f64>().ok());
    match parsed {
        Some(value) if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{value:.0}").into_bytes()
        }
        _ => raw.to_vec(),
    }
}

/// What a pass over the sheet does with each row.
enum Visit<'a> {
    /// Keep the header row's cells and stop.
    Header(&'a mut Option<Vec<(usize, Cell)>>),
    /// Note the shared strings the column uses below the header.
    Mark(&'a mut Marks),
    /// Emit the column's values.
    Emit(&'a mut dyn FnMut(u64, Option<Cell>) -> bool),
}

/// The shared strings kept: sorted by index.
#[derive(Default)]
struct Strings {
    arena: Vec<u8>,
    index: Vec<(u32, u32, u32)>,
}

impl Strings {
    fn get(&self, index: u32) -> Option<&[u8]> {
        let found = self
            .index
            .binary_search_by_key(&index, |entry| entry.0)
            .ok()?;
        let (_, start, end) = self.index[found];
        self.arena.get(start as usize..end as usize)
    }
}

impl XlsxSource {
    pub fn open(
        path: &str,
        options: &Options,
        progress: Arc<Progress>,
    ) -> Result<Opened, FileError> {
        let file = File::open(path)
            .map_err(|error| FileError::new(path, format!("cannot read the file: {error}")))?;
        let mut magic = [0u8; 4];
        let _ = (&file).read(&mut magic);
        if magic == [0xD0, 0xCF, 0x11, 0xE0] {
            if is_encrypted_ole2(path) {
                return Err(FileError::new(path, PASSWORD));
            }
            return Ok(Opened::Ole2);
        }
        let mut archive = ZipArchive::new(file).map_err(|error| damaged(path, error))?;
        let workbook = read_part(&mut archive, path, "xl/workbook.xml", options.limits.part)?
            .ok_or_else(|| {
                FileError::new(
                    path,
                    "not an Excel workbook: the archive has no xl/workbook.xml",
                )
            })?;
        let rels = read_part(
            &mut archive,
            path,
            "xl/_rels/workbook.xml.rels",
            options.limits.part,
        )?
        .unwrap_or_default();
        // Sheets in workbook order: (name, relationship id).
        let mut sheets: Vec<(String, Vec<u8>)> = Vec::new();
        let mut reader = Reader::from_reader(&workbook[..]);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) if local(e.name().as_ref()) == b"sheet" => {
                    let name = attribute(&e, b"name", false).unwrap_or_default();
                    let id = attribute(&e, b"id", true).unwrap_or_default();
                    let name = String::from_utf8_lossy(&name).into_owned();
                    sheets.push((unescape_attribute(&name), id));
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(error) => {
                    return Err(FileError::new(
                        path,
                        format!("xl/workbook.xml is not well-formed XML: {error}"),
                    ))
                }
            }
        }
        let mut targets: Vec<(Vec<u8>, Vec<u8>, Vec<u8>)> = Vec::new();
        let mut reader = Reader::from_reader(&rels[..]);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e))
                    if local(e.name().as_ref()) == b"Relationship" =>
                {
                    targets.push((
                        attribute(&e, b"Id", false).unwrap_or_default(),
                        attribute(&e, b"Type", false).unwrap_or_default(),
                        attribute(&e, b"Target", false).unwrap_or_default(),
                    ));
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(error) => {
                    return Err(FileError::new(
                        path,
                        format!("xl/_rels/workbook.xml.rels is not well-formed XML: {error}"),
                    ))
                }
            }
        }
        let names: Vec<&str> = sheets.iter().map(|(name, _)| name.as_str()).collect();
        let chosen = columns::choose_sheet(path, &names, options.sheet.as_deref())?;
        let (sheet_name, id) = sheets[chosen].clone();
        let sheet_path = targets
            .iter()
            .find(|(rid, _, _)| *rid == id)
            .map(|(_, _, target)| part_path(target))
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", chosen + 1));
        let strings_path = targets
            .iter()
            .find(|(_, kind, _)| kind.ends_with(b"/sharedStrings"))
            .map(|(_, _, target)| part_path(target))
            .or_else(|| Some("xl/sharedStrings.xml".to_owned()));
        let mut source = XlsxSource {
            file: path.to_owned(),
            archive,
            sheet_path,
            sheet_name,
            strings_path,
            header_row: options.header_row(),
            detected_absent: false,
            column: 0,
            column_name: String::new(),
            progress,
            limits: options.limits,
        };
        source.choose_column(options)?;
        Ok(Opened::Xlsx(Box::new(source)))
    }

    fn choose_column(&mut self, options: &Options) -> Result<(), FileError> {
        let mut header = None;
        self.pass(Visit::Header(&mut header))?;
        let cells = header.unwrap_or_default();
        if cells.is_empty() {
            let what = match self.header_row {
                Some(row) => format!("row {row}, the header row, is empty or missing"),
                None => "the sheet has no values".to_owned(),
            };
            return Err(FileError::new(
                &self.file,
                format!("sheet \"{}\": {what}", self.sheet_name),
            ));
        }
        let width = cells
            .iter()
            .map(|(column, _)| column + 1)
            .max()
            .unwrap_or(0);
        let names = match self.header_row {
            Some(_) => {
                let wanted: Vec<u32> = cells
                    .iter()
                    .filter_map(|(_, cell)| match cell {
                        Cell::Shared(index) => Some(*index),
                        _ => None,
                    })
                    .collect();
                let strings = self.strings(
                    |index| wanted.contains(&index),
                    wanted.iter().max().copied(),
                )?;
                let mut names = vec![String::new(); width];
                for (column, cell) in &cells {
                    let text = match cell {
                        Cell::Shared(index) => strings.get(*index).unwrap_or_default().to_vec(),
                        Cell::Text(text) | Cell::Number(text) => text.clone(),
                    };
                    names[*column] = String::from_utf8_lossy(&text).into_owned();
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

    /// Reads the shared strings whose index `keep` accepts, stopping after `last`.
    fn strings(
        &mut self,
        keep: impl Fn(u32) -> bool,
        last: Option<u32>,
    ) -> Result<Strings, FileError> {
        let mut strings = Strings::default();
        let (Some(path), Some(last)) = (self.strings_path.clone(), last) else {
            return Ok(strings);
        };
        let entry = match self.archive.by_name(&path) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(strings),
            Err(error) => return Err(damaged(&self.file, error)),
        };
        let limits = self.limits;
        let tracked = Tracked::new(
            BufReader::with_capacity(1 << 16, entry),
            Arc::clone(&self.progress),
        )
        .limited(limits.value as u64, limits.entry);
        let mut reader = Reader::from_reader(tracked);
        let mut buffer = Vec::new();
        let mut index: u32 = 0;
        let mut in_si = false;
        let mut in_t = false;
        let mut phonetic = 0u32;
        let mut text = Vec::new();
        let file = self.file.clone();
        let broken = |error: &dyn std::fmt::Display, index: u32| {
            FileError::new(
                &file,
                format!(
                    "the shared strings (xl/sharedStrings.xml, string {}) cannot be read: {error}",
                    u64::from(index) + 1
                ),
            )
        };
        loop {
            reader.get_mut().mark();
            let event = match reader.read_event_into(&mut buffer) {
                Ok(event) => event,
                Err(error) => {
                    return Err(match reader.get_ref().exceeded {
                        Some(limit) => broken(
                            &format_args!(
                                "more than {} in one piece of XML, the limit",
                                size(limit)
                            ),
                            index,
                        ),
                        None => broken(&error, index),
                    })
                }
            };
            if text.len() > limits.value {
                return Err(broken(
                    &format_args!(
                        "a shared string longer than {}, the limit of one string",
                        size(limits.value as u64)
                    ),
                    index,
                ));
            }
            match event {
                Event::Start(e) => match local(e.name().as_ref()) {
                    b"si" => {
                        in_si = true;
                        text.clear();
                    }
                    b"rPh" => phonetic += 1,
                    b"t" => in_t = true,
                    _ => {}
                },
                Event::End(e) => match local(e.name().as_ref()) {
                    b"si" => {
                        if keep(index) {
                            if strings.arena.len() + text.len() > KEPT_STRINGS {
                                return Err(broken(
                                    &format_args!(
                                        "the distinct texts of the chosen column pass {}, the limit",
                                        size(KEPT_STRINGS as u64)
                                    ),
                                    index,
                                ));
                            }
                            let start = strings.arena.len() as u32;
                            strings.arena.extend_from_slice(&text);
                            strings
                                .index
                                .push((index, start, strings.arena.len() as u32));
                        }
                        in_si = false;
                        if index >= last {
                            break;
                        }
                        index += 1;
                    }
                    b"rPh" => phonetic = phonetic.saturating_sub(1),
                    b"t" => in_t = false,
                    _ => {}
                },
                Event::Empty(e) if local(e.name().as_ref()) == b"si" => {
                    if keep(index) {
                        let start = strings.arena.len() as u32;
                        strings.index.push((index, start, start));
                    }
                    if index >= last {
                        break;
                    }
                    index += 1;
                }
                Event::Text(e) if in_si && in_t && phonetic == 0 => text.extend_from_slice(&e),
                Event::CData(e) if in_si && in_t && phonetic == 0 => text.extend_from_slice(&e),
                Event::GeneralRef(e) if in_si && in_t && phonetic == 0 => {
                    push_reference(&mut text, &e)
                        .ok_or_else(|| broken(&"unknown entity", index))?;
                }
                Event::Eof => break,
                _ => {}
            }
            buffer.clear();
        }
        Ok(strings)
    }

    /// One pass over the sheet.
    fn pass(&mut self, mut visit: Visit<'_>) -> Result<(), FileError> {
        let entry = match self.archive.by_name(&self.sheet_path) {
            Ok(entry) => entry,
            Err(error) => return Err(damaged(&self.file, format!("{}: {error}", self.sheet_path))),
        };
        let (file, sheet) = (&self.file, &self.sheet_name);
        let error_at = |row: Option<u64>, message: std::fmt::Arguments<'_>| {
            FileError::new(file, format!("sheet \"{sheet}\": {message}")).at(row, None)
        };
        let limits = self.limits;
        let tracked = Tracked::new(
            BufReader::with_capacity(1 << 16, entry),
            Arc::clone(&self.progress),
        )
        .limited(limits.value as u64, limits.entry);
        let mut reader = Reader::from_reader(tracked);
        let mut buffer = Vec::new();
        let wanted = self.column;
        let mut header_bytes = 0usize;
        let header_row = self.header_row.unwrap_or(0);
        let mut row: u64 = 0;
        let mut in_row = false;
        let mut column: usize = 0;
        let mut next_column: usize = 0;
        let mut kind: Vec<u8> = Vec::new();
        let mut capture: Option<Vec<u8>> = None;
        let mut in_inline = false;
        let mut phonetic = 0u32;
        let mut value: Option<Vec<u8>> = None;
        let mut row_cells: Vec<(usize, Cell)> = Vec::new();
        let mut row_has_value = false;
        loop {
            reader.get_mut().mark();
            if capture
                .as_ref()
                .is_some_and(|text| text.len() > limits.value)
                || row_cells.len() > MAX_COLUMNS
                || header_bytes > limits.value
            {
                return Err(error_at(
                    Some(row),
                    format_args!(
                        "a cell longer than {}, or a row of more than {MAX_COLUMNS} cells, past the limits (the file is damaged or hostile)",
                        size(limits.value as u64)
                    ),
                ));
            }
            let event = match reader.read_event_into(&mut buffer) {
                Ok(event) => event,
                Err(error) => {
                    let row = in_row.then_some(row).or(Some(row + 1)).filter(|&r| r > 0);
                    if let Some(limit) = reader.get_ref().exceeded {
                        let what = if limit == limits.entry {
                            format!("the sheet inflates to more than {}, the limit of one part of the archive", size(limit))
                        } else {
                            format!("more than {} in one piece of the sheet's XML (a cell, a tag or white space), the limit", size(limit))
                        };
                        return Err(error_at(row, format_args!("{what}")));
                    }
                    return Err(error_at(
                        row,
                        format_args!(
                            "the sheet is not well-formed XML or the file is damaged: {error}"
                        ),
                    ));
                }
            };
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == b"row" => {
                    row = attribute(&e, b"r", false)
                        .and_then(|r| std::str::from_utf8(&r).ok().and_then(|r| r.parse().ok()))
                        .unwrap_or(row + 1);
                    if row > MAX_ROWS {
                        return Err(error_at(
                            Some(row),
                            format_args!(
                                "a row beyond row {MAX_ROWS}, Excel's last (the file is damaged)"
                            ),
                        ));
                    }
                    in_row = true;
                    next_column = 0;
                    row_cells.clear();
                    row_has_value = false;
                    if empty {
                        in_row = false;
                    }
                }
                Event::End(e) if local(e.name().as_ref()) == b"row" => {
                    in_row = false;
                    match &mut visit {
                        Visit::Header(out) => {
                            let found = if header_row == 0 {
                                row_has_value
                            } else {
                                row >= header_row
                            };
                            if found {
                                if header_row != 0 && row > header_row {
                                    row_cells.clear(); // the header row is missing
                                }
                                **out = Some(std::mem::take(&mut row_cells));
                                break;
                            }
                        }
                        Visit::Mark(_) => {}
                        Visit::Emit(emit) => {
                            if row > header_row && row_has_value {
                                let cell = row_cells
                                    .iter()
                                    .position(|(c, _)| *c == wanted)
                                    .map(|i| row_cells.swap_remove(i).1);
                                if !emit(row, cell) {
                                    return Ok(());
                                }
                            }
                        }
                    }
                }
                Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == b"c" => {
                    let reference = attribute(&e, b"r", false);
                    column = reference
                        .and_then(|r| cell_ref(&r).0)
                        .unwrap_or(next_column);
                    if column >= MAX_COLUMNS {
                        return Err(error_at(
                            Some(row),
                            format_args!("a cell beyond column {MAX_COLUMNS} (XFD), Excel's last (the file is damaged)"),
                        ));
                    }
                    next_column = column + 1;
                    kind = attribute(&e, b"t", false).unwrap_or_default();
                    value = None;
                    in_inline = false;
                    if empty {
                        kind.clear();
                    }
                }
                Event::Start(e) => match local(e.name().as_ref()) {
                    b"v" => capture = Some(Vec::new()),
                    b"is" => in_inline = true,
                    b"t" if in_inline && phonetic == 0 => {
                        capture = Some(value.take().unwrap_or_default())
                    }
                    b"rPh" => phonetic += 1,
                    _ => {}
                },
                Event::End(e) => match local(e.name().as_ref()) {
                    b"v" | b"t" => {
                        if let Some(text) = capture.take() {
                            value = Some(text);
                        }
                    }
                    b"rPh" => phonetic = phonetic.saturating_sub(1),
                    b"is" => in_inline = false,
                    b"c" => {
                        let Some(text) = value.take() else { continue };
                        let cell = match kind.as_slice() {
                            b"s" => match std::str::from_utf8(&text).ok().and_then(|t| t.trim().parse::<u32>().ok()) {
                                Some(index) => Cell::Shared(index),
                                None => return Err(error_at(Some(row), format_args!("a shared-string cell without a valid index (the file is damaged)"))),
                            },
                            b"" | b"n" => Cell::Number(text),
                            _ => Cell::Text(text),
                        };
                        let empty =
                            matches!(&cell, Cell::Text(t) | Cell::Number(t) if t.is_empty());
                        row_has_value |= !empty;
                        let interesting = match &visit {
                            Visit::Header(_) => true,
                            Visit::Mark(_) | Visit::Emit(_) => column == wanted,
                        };
                        if interesting {
                            if let (Visit::Mark(marks), Cell::Shared(index)) = (&mut visit, &cell) {
                                if row > header_row {
                                    marks.insert(*index);
                                }
                            } else {
                                if let Cell::Text(text) | Cell::Number(text) = &cell {
                                    if matches!(visit, Visit::Header(_)) {
                                        header_bytes += text.len();
                                    }
                                }
                                row_cells.push((column, cell));
                            }
                        }
                    }
                    _ => {}
                },
                Event::Text(e) => {
                    if let Some(text) = capture.as_mut() {
                        text.extend_from_slice(&e);
                    }
                }
                Event::CData(e) => {
                    if let Some(text) = capture.as_mut() {
                        text.extend_from_slice(&e);
                    }
                }
                Event::GeneralRef(e) => {
                    if let Some(text) = capture.as_mut() {
                        if push_reference(text, &e).is_none() {
                            return Err(error_at(
                                Some(row),
                                format_args!("an unknown entity reference in a cell"),
                            ));
                        }
                    }
                }
                Event::Eof => {
                    if in_row || capture.is_some() {
                        return Err(error_at(
                            Some(row),
                            format_args!(
                                "the sheet ends in the middle of a row (the file is truncated)"
                            ),
                        ));
                    }
                    break;
                }
                _ => {}
            }
            buffer.clear();
        }
        Ok(())
    }
}

/// Sheet names come from an attribute: quick-xml leaves `&amp;` and friends as written.
fn unescape_attribute(name: &str) -> String {
    quick_xml::escape::unescape(name)
        .map(|c| c.into_owned())
        .unwrap_or_else(|_| name.to_owned())
}

impl Source for XlsxSource {
    fn run(&mut self, emit: &mut dyn FnMut(Batch) -> bool) -> Result<(), FileError> {
        let size = |archive: &mut ZipArchive<File>, path: &str| {
            archive.by_name(path).map(|e| e.size()).unwrap_or(0)
        };
        let sheet_size = size(&mut self.archive, &self.sheet_path);
        let strings_size = match self.strings_path.clone() {
            Some(path) => size(&mut self.archive, &path),
            None => 0,
        };
        self.progress
            .done
            .store(0, std::sync::atomic::Ordering::Relaxed);
        self.progress.total.store(
            2 * sheet_size + strings_size,
            std::sync::atomic::Ordering::Relaxed,
        );
        let mut marks = Marks::default();
        self.pass(Visit::Mark(&mut marks))?;
        let last = marks.last();
        let strings = self.strings(|index| marks.contains(index), last)?;
        drop(marks);
        let file = self.file.clone();
        let sheet = self.sheet_name.clone();
        let mut batch = Batch::default();
        let mut failure = None;
        let mut stopped = false;
        let mut on_row = |row: u64, cell: Option<Cell>| -> bool {
            let (text, numeric): (std::borrow::Cow<'_, [u8]>, bool) = match &cell {
                None => (std::borrow::Cow::Borrowed(b""), false),
                Some(Cell::Shared(index)) => match strings.get(*index) {
                    Some(text) => (std::borrow::Cow::Borrowed(text), false),
                    None => {
                        failure = Some(
                            FileError::new(&file, format!("sheet \"{sheet}\": a cell refers to shared string {} which the workbook does not have (the file is damaged)", u64::from(*index) + 1))
                                .at(Some(row), None),
                        );
                        return false;
                    }
                },
                Some(Cell::Text(text)) => (std::borrow::Cow::Borrowed(text.as_slice()), false),
                Some(Cell::Number(raw)) => (std::borrow::Cow::Owned(number_text(raw)), true),
            };
            if std::str::from_utf8(&text).is_err() {
                failure = Some(
                    FileError::new(&file, format!("sheet \"{sheet}\": a cell is not valid UTF-8 text (the file is damaged)"))
                        .at(Some(row), None),
                );
                return false;
            }
            batch.push(row, None, &text, None, numeric);
            if batch.is_full() {
                let full = std::mem::take(&mut batch);
                if !emit(full) {
                    stopped = true;
                    return false;
                }
            }
            true
        };
        self.pass(Visit::Emit(&mut on_row))?;
        if let Some(error) = failure {
            return Err(error);
        }
        if !stopped && !batch.records.is_empty() {
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
    fn cell_references_and_numbers() {
        assert_eq!(cell_ref(b"A1"), (Some(0), Some(1)));
        assert_eq!(cell_ref(b"AB12"), (Some(27), Some(12)));
        assert_eq!(cell_ref(b"XFD1048576"), (Some(16383), Some(1048576)));
        assert_eq!(cell_ref(b"12"), (None, Some(12)));
        assert_eq!(number_text(b"101010101"), b"101010101");
        assert_eq!(number_text(b"1.01010101E+9"), b"1010101010");
        assert_eq!(number_text(b"12.5"), b"12.5");
        assert_eq!(number_text(b"1E+20"), b"1E+20");
        assert_eq!(
            part_path(b"worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_path(b"/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
    }
}
