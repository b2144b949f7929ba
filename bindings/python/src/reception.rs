//! The reception desk's facility codes, a card's validity on a date and the notes on a stay:
//! the core's [`bhyt::FacilityCode::parse`], [`bhyt::validity_on`] and [`bhyt::stay_notes`],
//! their answers as the core names and words them. `__init__.py` raises
//! `InvalidFacilityCode` and applies the defaults.
//!
//! Dates are `datetime.date` objects (a `datetime.datetime` counts by its calendar date, as
//! the core reads the claims' `yyyyMMddHHmm` times); any other type is a `TypeError` naming
//! the argument, never showing its value.

use std::hash::{DefaultHasher, Hash, Hasher};

use bhyt::{Date, FacilityCode};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyString};

use crate::{code_member, input_bytes, lang_of, STAY_NOTE_CODE, VALIDITY};

/// A facility code (mã cơ sở khám chữa bệnh), normalised: `code` (5 characters, `01028`),
/// its `province` part (`01`) and its `facility` part (`028`). Equal (and hashed) by code.
#[pyclass(module = "bhyt", frozen, name = "FacilityCode")]
pub struct PyFacilityCode {
    pub(crate) code: FacilityCode,
}

#[pymethods]
impl PyFacilityCode {
    /// The 5 characters, e.g. `01028`.
    #[getter]
    fn code(&self) -> &str {
        self.code.as_str()
    }
    /// The 2-digit province part, `01`.
    #[getter]
    fn province(&self) -> &str {
        self.code.province()
    }
    /// The 3-character facility part (ASCII digits or uppercase letters), `028`.
    #[getter]
    fn facility(&self) -> &str {
        self.code.facility()
    }
    fn __str__(&self) -> &str {
        self.code.as_str()
    }
    fn __repr__(&self) -> String {
        format!("FacilityCode('{}')", self.code.as_str())
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyFacilityCode>()
            .is_ok_and(|other| other.get().code == self.code)
    }
    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.code.hash(&mut hasher);
        hasher.finish()
    }
    /// Pickling: `bhyt.parse_facility_code` of the 5 characters.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let parse = py.import("bhyt")?.getattr("parse_facility_code")?;
        Ok((parse, (self.code.as_str().to_owned(),)))
    }
}

/// Why a text is not a facility code: its stable code (`invalid_facility_code`), the position
/// (a `str` index, or `None` for a wrong length) and the message.
type FacilityError = (&'static str, Option<usize>, String);

/// A facility code as it is written (`01 - 028`, `01-028`, `01–028`, `01028`):
/// `(code, None)`, else `(None, (code, position, message))`.
#[pyfunction]
#[pyo3(signature = (text, lang = "vi"))]
pub fn parse_facility_code(
    text: &Bound<'_, PyAny>,
    lang: &str,
) -> PyResult<(Option<PyFacilityCode>, Option<FacilityError>)> {
    let lang = lang_of(lang)?;
    let input = input_bytes(text)?;
    Ok(match FacilityCode::parse(&input) {
        Ok(code) => (Some(PyFacilityCode { code }), None),
        Err(error) => (
            None,
            Some((
                error.code(),
                error.position(),
                error.message(lang).to_string(),
            )),
        ),
    })
}

/// The core's date of the `datetime.date` argument `name`.
fn date_of(value: &Bound<'_, PyAny>, name: &str) -> PyResult<Date> {
    let Ok(date) = value.cast::<PyDate>() else {
        let hint = if value.is_instance_of::<PyString>() {
            " (for text written yyyy-mm-dd, pass datetime.date.fromisoformat(text))"
        } else {
            ""
        };
        return Err(PyTypeError::new_err(format!(
            "{name}: expected a datetime.date, got {}{hint}",
            value.get_type().name()?
        )));
    };
    u16::try_from(date.get_year())
        .ok()
        .and_then(|year| Date::new(year, date.get_month(), date.get_day()))
        .ok_or_else(|| PyValueError::new_err(format!("{name}: not a calendar date")))
}

/// The core's date of an optional end date (`None`: no end date).
fn end_date_of(value: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<Date>> {
    value.map(|value| date_of(value, name)).transpose()
}

/// Whether a card valid from `valid_from` to `valid_to` (both included; `None`: no end date)
/// is valid on `date`: a `Validity` member.
#[pyfunction]
#[pyo3(signature = (valid_from, valid_to, date))]
pub fn validity_on(
    py: Python<'_>,
    valid_from: &Bound<'_, PyAny>,
    valid_to: Option<&Bound<'_, PyAny>>,
    date: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let from = date_of(valid_from, "valid_from")?;
    let to = end_date_of(valid_to, "valid_to")?;
    let date = date_of(date, "date")?;
    code_member(py, &VALIDITY, bhyt::validity_on(from, to, date).as_str())
}

/// A note on a stay against a card's validity (information, never an error): a stable
/// `code` and its `message`.
#[pyclass(module = "bhyt", frozen, name = "StayNote")]
pub struct PyStayNote {
    note: bhyt::StayNote,
    /// The message.
    #[pyo3(get)]
    message: &'static str,
}

#[pymethods]
impl PyStayNote {
    /// The stable code, a `StayNoteCode`.
    #[getter]
    fn code(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        code_member(py, &STAY_NOTE_CODE, self.note.as_str())
    }
    fn __repr__(&self) -> String {
        format!("StayNote(code='{}')", self.note.as_str())
    }
    fn __str__(&self) -> &str {
        self.message
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyStayNote>().is_ok_and(|other| {
            let other = other.get();
            (other.note, other.message) == (self.note, self.message)
        })
    }
    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        (self.note, self.message).hash(&mut hasher);
        hasher.finish()
    }
}

/// The notes on a stay from `admission` to `discharge` for a card valid from `valid_from` to
/// `valid_to` (`None`: no end date), in the core's order; none when the card covers the
/// whole stay.
#[pyfunction]
#[pyo3(signature = (valid_from, valid_to, admission, discharge, lang = "vi"))]
pub fn stay_notes(
    valid_from: &Bound<'_, PyAny>,
    valid_to: Option<&Bound<'_, PyAny>>,
    admission: &Bound<'_, PyAny>,
    discharge: &Bound<'_, PyAny>,
    lang: &str,
) -> PyResult<Vec<PyStayNote>> {
    let lang = lang_of(lang)?;
    let from = date_of(valid_from, "valid_from")?;
    let to = end_date_of(valid_to, "valid_to")?;
    let admission = date_of(admission, "admission")?;
    let discharge = date_of(discharge, "discharge")?;
    Ok(bhyt::stay_notes(from, to, admission, discharge)
        .iter()
        .map(|note| PyStayNote {
            note,
            message: note.message(lang),
        })
        .collect())
}
