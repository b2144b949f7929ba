//! `check_file`: a CSV, spreadsheet or claims XML file checked by `bhyt-files`, the library the
//! `bhyt check --file` command uses, with the GIL released. The report (one JSON object per
//! entry, values masked) and the summary (one JSON object) go back to `__init__.py`, which
//! turns them into a dict and an iterator of dicts.

use bhyt_files::{ColumnSpec, FileKind, Header, Options, ReportFormat};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

fn kind_of(name: &str) -> PyResult<FileKind> {
    match name {
        "csv" => Ok(FileKind::Csv),
        "xlsx" => Ok(FileKind::Xlsx),
        "xls" => Ok(FileKind::Xls),
        "ods" => Ok(FileKind::Ods),
        "xml" => Ok(FileKind::Xml),
        _ => Err(PyValueError::new_err(
            "unknown file type: expected 'csv', 'xlsx', 'xls', 'ods' or 'xml'",
        )),
    }
}

/// Checks the file at `path`: returns `(summary JSON, report JSON Lines)`. A file that cannot
/// be read as what it claims to be raises `ValueError`; a failure to read it, `OSError`.
#[pyfunction]
#[pyo3(signature = (path, column, sheet, header, delimiter, issuer, lenient, lang, duplicates, advice, jobs, file_type))]
#[allow(clippy::too_many_arguments)]
pub fn check_file(
    py: Python<'_>,
    path: &str,
    column: Option<&str>,
    sheet: Option<String>,
    header: Option<u64>,
    delimiter: Option<&str>,
    issuer: &str,
    lenient: bool,
    lang: &str,
    duplicates: bool,
    advice: bool,
    jobs: usize,
    file_type: Option<&str>,
) -> PyResult<(String, Vec<u8>)> {
    let delimiter = match delimiter {
        None => None,
        Some(text) if text.len() == 1 => Some(text.as_bytes()[0]),
        Some(_) => {
            return Err(PyValueError::new_err(
                "delimiter: expected one ASCII character",
            ))
        }
    };
    let options = Options {
        kind: file_type.map(kind_of).transpose()?,
        column: column.map(ColumnSpec::parse),
        sheet,
        // 0 asks for the automatic header (row 1 unless it is a card number), as `None`
        // asks for no header row.
        header: match header {
            Some(0) => Header::Auto,
            Some(row) => Header::Row(row),
            None => Header::None,
        },
        delimiter,
        issuer: crate::issuer_of(issuer)?,
        mode: bhyt::Mode::from_lenient(lenient),
        lang: crate::lang_of(lang)?,
        format: ReportFormat::Json,
        duplicates,
        advice,
        jobs,
        ..Options::default()
    };
    let path = path.to_owned();
    py.detach(move || {
        let mut report = Vec::new();
        match bhyt_files::check_file(&path, &options, &mut report, &mut |_| {}) {
            Ok(summary) => Ok((summary.json(), report)),
            Err(bhyt_files::Failure::File(error)) => Err(PyValueError::new_err(error.to_string())),
            Err(failure) => Err(PyOSError::new_err(failure.to_string())),
        }
    })
}
