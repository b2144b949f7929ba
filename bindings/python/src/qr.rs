//! What a QR code holds, on `identify`'s answer: a card's ([`bhyt::CardQrView`]) and a
//! CCCD's ([`bhyt::PersonalIdQrView`]), each field under the view's name, its value the
//! view's (texts decoded, Telex damage repaired by the core); dates are `datetime.date`.
//!
//! Names, addresses, birth dates and numbers are personal data: a `repr` shows the masked
//! card or number only, as the core's `Debug` does, and a raw field's `repr` its index only.

use bhyt::{BirthDate, CardQrView, Date, PersonalIdQrView, RawFields};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyTuple};

use crate::reception::PyFacilityCode;
use crate::{PyCard, PyPersonalId};

/// The `datetime.date` of a core date.
fn py_date<'py>(py: Python<'py>, date: Date) -> PyResult<Bound<'py, PyDate>> {
    PyDate::new(py, i32::from(date.year()), date.month(), date.day())
}

/// The `datetime.date` of an optional core date.
fn py_date_opt<'py>(py: Python<'py>, date: Option<Date>) -> PyResult<Option<Bound<'py, PyDate>>> {
    date.map(|date| py_date(py, date)).transpose()
}

/// A field of a QR code kept raw (one the core does not decode): its 0-based `index` in the
/// payload and its `value` as typed (empty if it is not UTF-8). Its `repr` shows the index
/// only: the value may be personal data.
#[pyclass(module = "bhyt", frozen, name = "RawField")]
pub struct PyRawField {
    /// The field's 0-based index in the payload.
    #[pyo3(get)]
    index: usize,
    /// The field as typed.
    #[pyo3(get)]
    value: String,
}

#[pymethods]
impl PyRawField {
    fn __repr__(&self) -> String {
        format!("RawField(index={})", self.index)
    }
}

/// The raw fields of a view, in payload order.
fn raw_fields_of(py: Python<'_>, fields: RawFields<'_>) -> PyResult<Vec<Py<PyRawField>>> {
    fields
        .iter()
        .map(|field| {
            Py::new(
                py,
                PyRawField {
                    index: field.index,
                    value: field.value.to_owned(),
                },
            )
        })
        .collect()
}

/// A BHYT card's QR code (`Identity.card_qr`): the card and the decoded fields, under the
/// names of the core's `CardQrView`. Its `repr` shows the masked card only.
#[pyclass(module = "bhyt", frozen, name = "CardQr")]
pub struct PyCardQr {
    /// The card (field 0), a `Card`.
    #[pyo3(get)]
    card: Py<PyCard>,
    masked: String,
    /// The full name (field 1).
    #[pyo3(get)]
    name: String,
    birth_date: BirthDate,
    /// The sex (field 3): `male` or `female`.
    #[pyo3(get)]
    sex: &'static str,
    /// The address (field 4), or `None`.
    #[pyo3(get)]
    address: Option<String>,
    /// The initial registered facility (field 5), a `FacilityCode`.
    #[pyo3(get)]
    facility_code: Py<PyFacilityCode>,
    valid_from: Date,
    valid_to: Option<Date>,
    issued_on: Date,
    /// The manager code (field 9).
    #[pyo3(get)]
    manager_code: String,
    /// The parent or guardian's name (field 10), or `None`.
    #[pyo3(get)]
    guardian_name: Option<String>,
    five_years_on: Option<Date>,
    raw_fields: Vec<Py<PyRawField>>,
    /// The payload's layout: `10_fields`, `15_tokens`, `17_tokens` or `other`.
    #[pyo3(get)]
    layout: &'static str,
    /// Whether the core repaired Telex damage in the payload.
    #[pyo3(get)]
    repaired: bool,
    /// Whether a hex field was read as UTF-16LE.
    #[pyo3(get)]
    utf16: bool,
}

impl PyCardQr {
    /// The Python object of a card QR code's view; `card` is the identity's card (field 0).
    pub(crate) fn new(py: Python<'_>, view: &CardQrView<'_>, card: Py<PyCard>) -> PyResult<Self> {
        Ok(PyCardQr {
            card,
            masked: view.card.masked.as_str().to_owned(),
            name: view.name.to_owned(),
            birth_date: view.birth_date,
            sex: view.sex.as_str(),
            address: view.address.map(str::to_owned),
            facility_code: Py::new(
                py,
                PyFacilityCode {
                    code: view.facility_code,
                },
            )?,
            valid_from: view.valid_from,
            valid_to: view.valid_to,
            issued_on: view.issued_on,
            manager_code: view.manager_code.to_owned(),
            guardian_name: view.guardian_name.map(str::to_owned),
            five_years_on: view.five_years_on,
            raw_fields: raw_fields_of(py, view.raw_fields)?,
            layout: view.layout.as_str(),
            repaired: view.repaired,
            utf16: view.utf16,
        })
    }
}

#[pymethods]
impl PyCardQr {
    /// The date of birth (field 2): a `datetime.date`, or an `int` when the card gives the
    /// year alone.
    #[getter]
    fn birth_date(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(match self.birth_date {
            BirthDate::Date(date) => py_date(py, date)?.into_any().unbind(),
            BirthDate::Year(year) => year.into_pyobject(py)?.into_any().unbind(),
        })
    }
    /// Valid from (field 6), a `datetime.date`.
    #[getter]
    fn valid_from<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        py_date(py, self.valid_from)
    }
    /// Valid to (field 7), a `datetime.date`; `None`: no end date.
    #[getter]
    fn valid_to<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date_opt(py, self.valid_to)
    }
    /// The issue date (field 8), a `datetime.date`.
    #[getter]
    fn issued_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        py_date(py, self.issued_on)
    }
    /// The date of 5 continuous years (field 12), a `datetime.date`, or `None`.
    #[getter]
    fn five_years_on<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date_opt(py, self.five_years_on)
    }
    /// The fields kept raw, a tuple of `RawField` in payload order.
    #[getter]
    fn raw_fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.raw_fields.iter().map(|field| field.clone_ref(py)))
    }
    fn __repr__(&self) -> String {
        format!("CardQr('{}')", self.masked)
    }
}

/// A CCCD's QR code (`Identity.personal_id_qr`): the number and the other fields, under the
/// names of the core's `PersonalIdQrView`; a field the payload leaves empty is `None`. Its
/// `repr` shows the masked number only.
#[pyclass(module = "bhyt", frozen, name = "PersonalIdQr")]
pub struct PyPersonalIdQr {
    /// The personal identification number (field 0), a `PersonalId`.
    #[pyo3(get)]
    personal_id: Py<PyPersonalId>,
    masked: String,
    /// The old 9-digit CMND number (field 1), or `None`.
    #[pyo3(get)]
    old_id: Option<String>,
    /// The full name (field 2), or `None`.
    #[pyo3(get)]
    name: Option<String>,
    birth_date: Option<Date>,
    /// The sex (field 4): `male`, `female` or `None`.
    #[pyo3(get)]
    sex: Option<&'static str>,
    /// The permanent address (field 5), or `None`.
    #[pyo3(get)]
    address: Option<String>,
    issued_on: Option<Date>,
    raw_fields: Vec<Py<PyRawField>>,
}

impl PyPersonalIdQr {
    /// The Python object of a CCCD QR code's view; `personal_id` is the identity's number.
    pub(crate) fn new(
        py: Python<'_>,
        view: &PersonalIdQrView<'_>,
        personal_id: Py<PyPersonalId>,
    ) -> PyResult<Self> {
        Ok(PyPersonalIdQr {
            personal_id,
            masked: view.personal_id.masked.as_str().to_owned(),
            old_id: view.old_id.map(str::to_owned),
            name: view.name.map(str::to_owned),
            birth_date: view.birth_date,
            sex: view.sex.map(|sex| sex.as_str()),
            address: view.address.map(str::to_owned),
            issued_on: view.issued_on,
            raw_fields: raw_fields_of(py, view.raw_fields)?,
        })
    }
}

#[pymethods]
impl PyPersonalIdQr {
    /// The date of birth (field 3), a `datetime.date`, or `None`.
    #[getter]
    fn birth_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date_opt(py, self.birth_date)
    }
    /// The issue date (field 6), a `datetime.date`, or `None`.
    #[getter]
    fn issued_on<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date_opt(py, self.issued_on)
    }
    /// The fields kept raw, a tuple of `RawField` in payload order.
    #[getter]
    fn raw_fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.raw_fields.iter().map(|field| field.clone_ref(py)))
    }
    fn __repr__(&self) -> String {
        format!("PersonalIdQr('{}')", self.masked)
    }
}
