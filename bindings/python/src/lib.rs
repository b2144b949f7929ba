//! The Rust half of the `bhyt` Python package: a PyO3 extension module (`bhyt._bhyt`) over the
//! core crate [`bhyt`]. No rule of the card number lives here: every answer is the core's,
//! shaped from its views ([`bhyt::CardView`], [`bhyt::ErrorView`], [`bhyt::AdviceView`]) into
//! frozen Python objects; what a QR code holds (module `qr`) from [`bhyt::IdentityView`]; the
//! reception desk's facility codes, validity and stay notes (module `reception`) from the core's
//! own values. `python/bhyt/__init__.py` is the public API: it applies defaults,
//! builds the code enums from `code_tables` and raises `InvalidCardNumber`.
//!
//! Positions: the core counts characters (Unicode scalar values) of the input, which are
//! Python `str` indices. A `str` holding lone surrogates (which UTF-8 cannot encode) is read
//! with each surrogate replaced by U+FFFD, one character for one, so positions stay exact.
//!
//! A card number is personal data: no `repr` here shows one whole (cards show their masked
//! form, items and results their verdict only), and the core's messages never include it.

use std::borrow::Cow;

use bhyt::{
    AdviceCode, CardNumber, CardView, Error, ErrorCode, ErrorView, IdentifyCode, Identity,
    IdentityView, Issuer, Lang, Mode, PrefixCheck, QrField, StayNote, Style, Validity,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString};

mod arrow;
mod files;
mod qr;
mod reception;

/// The Python enum classes `ErrorCode`, `AdviceCode`, `QrField`, `Validity` and
/// `StayNoteCode`, built by `__init__.py` from [`code_tables`] and handed back through
/// [`register_enums`].
static ERROR_CODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static ADVICE_CODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
pub(crate) static VALIDITY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
pub(crate) static STAY_NOTE_CODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static QR_FIELD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The member of the enum class in `cell` whose value is `code` (the plain string before the
/// enums are registered).
pub(crate) fn code_member(
    py: Python<'_>,
    cell: &PyOnceLock<Py<PyAny>>,
    code: &str,
) -> PyResult<Py<PyAny>> {
    match cell.get(py) {
        Some(class) => Ok(class.bind(py).call1((code,))?.unbind()),
        None => Ok(PyString::new(py, code).into_any().unbind()),
    }
}

/// A table of codes: (code, summary) rows.
type CodeTable = Vec<(&'static str, &'static str)>;

/// The code tables of the core, for `__init__.py` to build its enums from, each as (code,
/// summary): the card error codes (then the codes `identify` adds), the advice codes, the QR
/// fields an `invalid_qr_field` error names (with their English names), the validities of a
/// card on a date (summary empty: the name says it) and the stay notes (with their English
/// messages).
#[pyfunction]
fn code_tables() -> (CodeTable, CodeTable, CodeTable, CodeTable, CodeTable) {
    let mut errors: Vec<_> = ErrorCode::ALL
        .into_iter()
        .map(|code| (code.as_str(), code.summary()))
        .collect();
    errors.extend(
        IdentifyCode::ALL
            .into_iter()
            .map(|code| (code.as_str(), code.message(Lang::En))),
    );
    let advice = AdviceCode::ALL
        .into_iter()
        .map(|code| (code.as_str(), code.summary()))
        .collect();
    let qr_fields = QrField::ALL
        .into_iter()
        .map(|field| (field.as_str(), field.name(Lang::En)))
        .collect();
    let validities = Validity::ALL
        .into_iter()
        .map(|validity| (validity.as_str(), ""))
        .collect();
    let stay_notes = StayNote::ALL
        .into_iter()
        .map(|note| (note.as_str(), note.message(Lang::En)))
        .collect();
    (errors, advice, qr_fields, validities, stay_notes)
}

/// Called once by `__init__.py` with its enum classes: codes are returned as their members.
#[pyfunction]
fn register_enums(
    py: Python<'_>,
    error_code: Py<PyAny>,
    advice_code: Py<PyAny>,
    qr_field: Py<PyAny>,
    validity: Py<PyAny>,
    stay_note_code: Py<PyAny>,
) {
    let _ = ERROR_CODE.set(py, error_code);
    let _ = ADVICE_CODE.set(py, advice_code);
    let _ = QR_FIELD.set(py, qr_field);
    let _ = VALIDITY.set(py, validity);
    let _ = STAY_NOTE_CODE.set(py, stay_note_code);
}

/// The bytes of `value`, a `str` (UTF-8; lone surrogates become U+FFFD) or `bytes` (as given).
pub(crate) fn input_bytes<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(text) = value.cast::<PyString>() {
        return string_bytes(text);
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(bytes.as_bytes()));
    }
    Err(PyTypeError::new_err(format!(
        "expected str or bytes, got {}",
        value.get_type().name()?
    )))
}

/// The UTF-8 of a Python string; a lone surrogate (encoded by `surrogatepass` as ED A0-BF xx)
/// becomes U+FFFD (EF BF BD), the same length, so that character counts are unchanged.
pub(crate) fn string_bytes<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(utf8) = text.to_cow() {
        return Ok(match utf8 {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        });
    }
    let encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let mut bytes = encoded.cast::<PyBytes>()?.as_bytes().to_vec();
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes[i] == 0xED && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            bytes[i..i + 3].copy_from_slice("\u{fffd}".as_bytes());
            i += 3;
        } else {
            i += 1;
        }
    }
    Ok(Cow::Owned(bytes))
}

/// `None` for `"any"`, else the issuing body named `vss`, `police` or `defence`.
pub(crate) fn issuer_of(name: &str) -> PyResult<Option<Issuer>> {
    if name == "any" {
        return Ok(None);
    }
    name.parse().map(Some).map_err(|_| {
        PyValueError::new_err("unknown issuer: expected 'any', 'vss', 'police' or 'defence'")
    })
}

/// The language named `vi` or `en`.
pub(crate) fn lang_of(name: &str) -> PyResult<Lang> {
    name.parse()
        .map_err(|_| PyValueError::new_err("unknown language: expected 'vi' or 'en'"))
}

fn style_of(name: &str) -> PyResult<Style> {
    match name {
        "compact" => Ok(Style::Compact),
        "grouped" => Ok(Style::Grouped),
        "masked" => Ok(Style::Masked),
        _ => Err(PyValueError::new_err(
            "unknown style: expected 'compact', 'grouped' or 'masked'",
        )),
    }
}

/// A valid card number, decoded (the core's `CardView`). Equal cards (and their hashes) are
/// those with the same identity key: the same social-insurance number. Its `repr` shows the
/// masked form only.
#[pyclass(module = "bhyt", frozen, name = "Card")]
pub struct PyCard {
    card: CardNumber,
    view: CardView,
    lang: Lang,
}

impl PyCard {
    fn new(card: CardNumber, lang: Lang) -> PyCard {
        PyCard {
            card,
            view: card.view(lang),
            lang,
        }
    }
}

/// The card of a compact number in `lang`, for unpickling a [`PyCard`] (a number valid for
/// some issuing body is valid for any, and its compact form is valid strictly).
#[pyfunction]
fn card_from_compact(compact: &str, lang: &str) -> PyResult<PyCard> {
    let lang = lang_of(lang)?;
    bhyt::validate(compact, None)
        .map(|card| PyCard::new(card, lang))
        .map_err(|_| PyValueError::new_err("not a card number in its compact form"))
}

#[pymethods]
impl PyCard {
    /// 10 or 15.
    #[getter]
    fn form(&self) -> usize {
        self.view.form
    }
    /// Characters 1-2 (15-character form), else `None`.
    #[getter]
    fn group_code(&self) -> Option<&'static str> {
        self.view.group_code.map(|group| group.as_str())
    }
    /// Who belongs to the group.
    #[getter]
    fn group_description(&self) -> Option<&'static str> {
        self.view.group_description
    }
    /// Character 3, 1 to 5.
    #[getter]
    fn benefit_level(&self) -> Option<u8> {
        self.view.benefit_level.map(|level| level.digit())
    }
    /// What the level pays.
    #[getter]
    fn benefit_meaning(&self) -> Option<&'static str> {
        self.view.benefit_meaning
    }
    /// The issuing body from characters 4-5: `vss`, `police` or `defence`.
    #[getter]
    fn issuer(&self) -> Option<&'static str> {
        self.view.issuer.map(Issuer::as_str)
    }
    /// Its name.
    #[getter]
    fn issuer_name(&self) -> Option<&'static str> {
        self.view.issuer_name
    }
    /// Characters 4-5, as two digits.
    #[getter]
    fn province_code(&self) -> Option<String> {
        self.view
            .province_code
            .map(|code| String::from_utf8_lossy(&code.digits()).into_owned())
    }
    /// The last 10 characters.
    #[getter]
    fn social_insurance_number(&self) -> &str {
        self.view.social_insurance_number.as_str()
    }
    /// The identity of the card (its social-insurance number, 10 digits), for duplicates.
    #[getter]
    fn key(&self) -> String {
        self.view.key.to_string()
    }
    /// The normalised number, without spaces.
    #[getter]
    fn compact(&self) -> &str {
        self.view.compact.as_str()
    }
    /// As printed on the card: `HS 4 01 0120878811`.
    #[getter]
    fn grouped(&self) -> &str {
        self.view.grouped.as_str()
    }
    /// For showing where the number must not be read whole: `HS 4 01 ******8811`.
    #[getter]
    fn masked(&self) -> &str {
        self.view.masked.as_str()
    }
    /// The number in `style`: `compact`, `grouped` or `masked`.
    #[pyo3(signature = (style = "grouped"))]
    fn format(&self, style: &str) -> PyResult<String> {
        Ok(self.card.format(style_of(style)?).as_str().to_owned())
    }
    fn __repr__(&self) -> String {
        format!("Card('{}')", self.view.masked.as_str())
    }
    /// Pickling (for multiprocessing, Spark and Dask workers): the compact number and the
    /// language.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, &'static str))> {
        let rebuild = py.import("bhyt._bhyt")?.getattr("card_from_compact")?;
        // The names `lang_of` reads.
        let lang = match self.lang {
            Lang::En => "en",
            Lang::Vi => "vi",
        };
        Ok((rebuild, (self.view.compact.as_str().to_owned(), lang)))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyCard>()
            .is_ok_and(|other| other.get().card.key() == self.card.key())
    }
    fn __hash__(&self) -> u64 {
        self.card.key().value()
    }
}

/// Why a number was rejected: a stable `code`, the `position` (a `str` index, or `None`) and
/// the `message` in the language asked for. It never holds the number.
#[pyclass(module = "bhyt", frozen, name = "CardError")]
pub struct PyCardError {
    code: &'static str,
    /// The 0-based character position, if any.
    #[pyo3(get)]
    position: Option<usize>,
    /// The message.
    #[pyo3(get)]
    message: String,
}

impl PyCardError {
    fn from_view(view: ErrorView<impl std::fmt::Display>) -> PyCardError {
        PyCardError {
            code: view.code,
            position: view.position,
            message: view.message.to_string(),
        }
    }
    fn of(error: &Error, lang: Lang) -> PyCardError {
        PyCardError::from_view(error.view(lang))
    }
}

#[pymethods]
impl PyCardError {
    /// The stable code, an `ErrorCode`.
    #[getter]
    fn code(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        code_member(py, &ERROR_CODE, self.code)
    }
    fn __repr__(&self) -> String {
        match self.position {
            Some(position) => format!("CardError(code='{}', position={position})", self.code),
            None => format!("CardError(code='{}', position=None)", self.code),
        }
    }
    fn __str__(&self) -> &str {
        &self.message
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyCardError>().is_ok_and(|other| {
            let other = other.get();
            (other.code, other.position, &other.message)
                == (self.code, self.position, &self.message)
        })
    }
    fn __hash__(&self) -> u64 {
        let mut hash = self.position.map_or(0, |p| p as u64 + 1);
        for byte in self.code.bytes() {
            hash = hash.wrapping_mul(31).wrapping_add(u64::from(byte));
        }
        hash
    }
}

/// What `validate` says: `valid`, and `card` (when valid) or `error` (when not).
#[pyclass(module = "bhyt", frozen, name = "ValidationResult")]
pub struct PyValidation {
    /// Whether the number is valid.
    #[pyo3(get)]
    valid: bool,
    /// The card, when valid.
    #[pyo3(get)]
    card: Option<Py<PyCard>>,
    /// The error, when not.
    #[pyo3(get)]
    error: Option<Py<PyCardError>>,
}

#[pymethods]
impl PyValidation {
    fn __bool__(&self) -> bool {
        self.valid
    }
    fn __repr__(&self) -> String {
        match (&self.card, &self.error) {
            (Some(card), _) => format!(
                "ValidationResult(valid=True, card={})",
                card.get().__repr__()
            ),
            (_, Some(error)) => format!(
                "ValidationResult(valid=False, error={})",
                error.get().__repr__()
            ),
            _ => "ValidationResult(valid=False)".to_owned(),
        }
    }
}

fn verdict(
    py: Python<'_>,
    verdict: Result<CardNumber, Error>,
    lang: Lang,
) -> PyResult<PyValidation> {
    Ok(match verdict {
        Ok(card) => PyValidation {
            valid: true,
            card: Some(Py::new(py, PyCard::new(card, lang))?),
            error: None,
        },
        Err(error) => PyValidation {
            valid: false,
            card: None,
            error: Some(Py::new(py, PyCardError::of(&error, lang))?),
        },
    })
}

/// Checks and decodes one card number.
#[pyfunction]
#[pyo3(signature = (number, issuer = "any", lenient = false, lang = "vi"))]
fn validate(
    py: Python<'_>,
    number: &Bound<'_, PyAny>,
    issuer: &str,
    lenient: bool,
    lang: &str,
) -> PyResult<PyValidation> {
    let (issuer, lang) = (issuer_of(issuer)?, lang_of(lang)?);
    let input = input_bytes(number)?;
    verdict(
        py,
        Mode::from_lenient(lenient).validate(&input, issuer),
        lang,
    )
}

/// Whether the number is valid.
#[pyfunction]
#[pyo3(signature = (number, issuer = "any", lenient = false))]
fn is_valid(number: &Bound<'_, PyAny>, issuer: &str, lenient: bool) -> PyResult<bool> {
    let issuer = issuer_of(issuer)?;
    let input = input_bytes(number)?;
    Ok(Mode::from_lenient(lenient).validate(&input, issuer).is_ok())
}

/// The lenient normalisation alone: `(text, None)`, or `(None, error)` when more than 15
/// characters are kept.
#[pyfunction]
#[pyo3(signature = (number, lang = "vi"))]
fn normalize(
    py: Python<'_>,
    number: &Bound<'_, PyAny>,
    lang: &str,
) -> PyResult<(Option<String>, Option<Py<PyCardError>>)> {
    let lang = lang_of(lang)?;
    let input = input_bytes(number)?;
    Ok(match bhyt::normalize(&input) {
        Ok(text) => (Some(text.as_str().to_owned()), None),
        Err(error) => (None, Some(Py::new(py, PyCardError::of(&error, lang))?)),
    })
}

/// The as-you-type check of a partly typed number.
#[pyclass(module = "bhyt", frozen, name = "PrefixCheck")]
pub struct PyPrefixCheck {
    state: &'static str,
    /// The form being typed (10 or 15), once the first character tells.
    #[pyo3(get)]
    form: Option<usize>,
    /// How many more characters the form needs (0 once complete or invalid).
    #[pyo3(get)]
    missing: usize,
    /// Invalid: the index of the first character that can never fit.
    #[pyo3(get)]
    at: Option<usize>,
    /// Invalid: why.
    #[pyo3(get)]
    error: Option<Py<PyCardError>>,
    /// Complete: the card.
    #[pyo3(get)]
    card: Option<Py<PyCard>>,
}

#[pymethods]
impl PyPrefixCheck {
    /// `incomplete`, `complete` or `invalid`.
    #[getter]
    fn state(&self) -> &'static str {
        self.state
    }
    /// Whether the input is valid or can still become valid.
    #[getter]
    fn can_become_valid(&self) -> bool {
        self.state != "invalid"
    }
    fn __repr__(&self) -> String {
        match self.at {
            Some(at) => format!("PrefixCheck(state='invalid', at={at})"),
            None => format!(
                "PrefixCheck(state='{}', missing={})",
                self.state, self.missing
            ),
        }
    }
}

/// The as-you-type check.
#[pyfunction]
#[pyo3(signature = (typed, issuer = "any", lenient = false, lang = "vi"))]
fn check_prefix(
    py: Python<'_>,
    typed: &Bound<'_, PyAny>,
    issuer: &str,
    lenient: bool,
    lang: &str,
) -> PyResult<PyPrefixCheck> {
    let (issuer, lang) = (issuer_of(issuer)?, lang_of(lang)?);
    let input = input_bytes(typed)?;
    Ok(
        match Mode::from_lenient(lenient).check_prefix(&input, issuer) {
            PrefixCheck::Incomplete { form, missing } => PyPrefixCheck {
                state: "incomplete",
                form: form.map(|form| form.len()),
                missing,
                at: None,
                error: None,
                card: None,
            },
            PrefixCheck::Complete(card) => PyPrefixCheck {
                state: "complete",
                form: Some(card.form().len()),
                missing: 0,
                at: None,
                error: None,
                card: Some(Py::new(py, PyCard::new(card, lang))?),
            },
            PrefixCheck::Invalid { at, error } => PyPrefixCheck {
                state: "invalid",
                form: None,
                missing: 0,
                at: Some(at),
                error: Some(Py::new(py, PyCardError::of(&error, lang))?),
                card: None,
            },
        },
    )
}

/// A decoded 12-digit personal identification number (CCCD). Its `repr` shows the masked
/// form only.
#[pyclass(module = "bhyt", frozen, name = "PersonalId")]
pub struct PyPersonalId {
    id: bhyt::PersonalId,
}

#[pymethods]
impl PyPersonalId {
    /// The 12 digits.
    #[getter]
    fn number(&self) -> &str {
        self.id.as_str()
    }
    /// Digits 1-3: the place of birth (or of registration) code, e.g. `079`.
    #[getter]
    fn birth_place(&self) -> String {
        self.id.birth_place().to_string()
    }
    /// `male` or `female`, from digit 4.
    #[getter]
    fn sex(&self) -> &'static str {
        self.id.sex().as_str()
    }
    /// The year of birth, from digits 4-6.
    #[getter]
    fn birth_year(&self) -> u16 {
        self.id.birth_year()
    }
    /// Masked for display.
    #[getter]
    fn masked(&self) -> String {
        self.id.masked().as_str().to_owned()
    }
    fn __repr__(&self) -> String {
        format!("PersonalId('{}')", self.id.masked().as_str())
    }
}

/// What the reception search box got: a card number or a personal identification number
/// (typed, or in a QR code, whose contents are in `card_qr` or `personal_id_qr`).
#[pyclass(module = "bhyt", frozen, name = "Identity")]
pub struct PyIdentity {
    kind: &'static str,
    /// The card, for `card` and `card_qr`.
    #[pyo3(get)]
    card: Option<Py<PyCard>>,
    /// The personal identification number, for `personal_id` and `personal_id_qr`.
    #[pyo3(get)]
    personal_id: Option<Py<PyPersonalId>>,
    /// What a card's QR code holds, for `card_qr` (a `CardQr`).
    #[pyo3(get)]
    card_qr: Option<Py<qr::PyCardQr>>,
    /// What a CCCD's QR code holds, for `personal_id_qr` (a `PersonalIdQr`).
    #[pyo3(get)]
    personal_id_qr: Option<Py<qr::PyPersonalIdQr>>,
}

#[pymethods]
impl PyIdentity {
    /// `card`, `personal_id`, `card_qr` or `personal_id_qr`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }
    fn __repr__(&self) -> String {
        format!("Identity(kind='{}')", self.kind)
    }
}

/// What `identify` answers: the identity, or the error and the QR field it names.
type Identified = (
    Option<PyIdentity>,
    Option<Py<PyCardError>>,
    Option<Py<PyAny>>,
);

/// The reception search box: `(identity, None, None)` for a card number or a personal
/// identification number (typed or in a QR code), else `(None, error, field)`, `field` the
/// `QrField` an `invalid_qr_field` error names (the core's `IdentifyError::qr_field`), else
/// `None`.
#[pyfunction]
#[pyo3(signature = (text, lenient = false, lang = "vi"))]
fn identify(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    lenient: bool,
    lang: &str,
) -> PyResult<Identified> {
    let lang = lang_of(lang)?;
    let input = input_bytes(text)?;
    Ok(match Mode::from_lenient(lenient).identify(&input) {
        Ok(identity) => (
            Some(identity_value(py, &identity, &input, lang)?),
            None,
            None,
        ),
        Err(error) => (
            None,
            Some(Py::new(py, PyCardError::from_view(error.view(lang)))?),
            error
                .qr_field()
                .map(|field| code_member(py, &QR_FIELD, field.as_str()))
                .transpose()?,
        ),
    })
}

/// The Python object of what `identify` found in `payload`, from the core's [`bhyt::IdentityView`]
/// (a QR code's texts decoded into a buffer three times as long as the payload, which the
/// core says always suffices).
fn identity_value(
    py: Python<'_>,
    identity: &Identity,
    payload: &[u8],
    lang: Lang,
) -> PyResult<PyIdentity> {
    let card = identity
        .card()
        .map(|card| Py::new(py, PyCard::new(card, lang)))
        .transpose()?;
    let personal_id = identity
        .personal_id()
        .map(|id| Py::new(py, PyPersonalId { id }))
        .transpose()?;
    let mut buf = vec![0u8; payload.len().saturating_mul(3)];
    let view = identity
        .view(payload, lang, &mut buf)
        .map_err(|_| PyRuntimeError::new_err("bhyt: the QR code's texts did not fit"))?;
    let (mut card_qr, mut personal_id_qr) = (None, None);
    match (&view, &card, &personal_id) {
        (IdentityView::CardQr(qr), Some(card), _) => {
            card_qr = Some(Py::new(py, qr::PyCardQr::new(py, qr, card.clone_ref(py))?)?);
        }
        (IdentityView::PersonalIdQr(qr), _, Some(id)) => {
            personal_id_qr = Some(Py::new(
                py,
                qr::PyPersonalIdQr::new(py, qr, id.clone_ref(py))?,
            )?);
        }
        _ => {}
    }
    Ok(PyIdentity {
        kind: view.kind(),
        card,
        personal_id,
        card_qr,
        personal_id_qr,
    })
}

/// One item of a `MA_THE_BHYT` field (items are separated by `;`).
#[pyclass(module = "bhyt", frozen, name = "MaTheItem")]
pub struct PyMaTheItem {
    /// 0-based index of the item.
    #[pyo3(get)]
    index: usize,
    /// Character position of the item in the field.
    #[pyo3(get)]
    position: usize,
    /// Whether the item is a valid card number.
    #[pyo3(get)]
    valid: bool,
    /// The card, when valid.
    #[pyo3(get)]
    card: Option<Py<PyCard>>,
    /// The error (its position in the whole field), when not.
    #[pyo3(get)]
    error: Option<Py<PyCardError>>,
}

#[pymethods]
impl PyMaTheItem {
    fn __repr__(&self) -> String {
        format!(
            "MaTheItem(index={}, position={}, valid={})",
            self.index,
            self.position,
            if self.valid { "True" } else { "False" }
        )
    }
}

/// The claims field `MA_THE_BHYT`: every item, in order.
#[pyfunction]
#[pyo3(signature = (field, issuer = "any", lenient = false, lang = "vi"))]
fn parse_ma_the_bhyt(
    py: Python<'_>,
    field: &Bound<'_, PyAny>,
    issuer: &str,
    lenient: bool,
    lang: &str,
) -> PyResult<Vec<PyMaTheItem>> {
    let (issuer, lang) = (issuer_of(issuer)?, lang_of(lang)?);
    let input = input_bytes(field)?;
    Mode::from_lenient(lenient)
        .parse_ma_the_bhyt(&input, issuer)
        .map(|item| {
            let verdict = verdict(py, item.result(), lang)?;
            Ok(PyMaTheItem {
                index: item.index(),
                position: item.position(),
                valid: verdict.valid,
                card: verdict.card,
                error: verdict.error,
            })
        })
        .collect()
}

/// An advisory note on a number (valid or not): a stable `code` and its `message`.
#[pyclass(module = "bhyt", frozen, name = "Advice")]
pub struct PyAdvice {
    code: &'static str,
    /// The message.
    #[pyo3(get)]
    message: String,
}

#[pymethods]
impl PyAdvice {
    /// The stable code, an `AdviceCode`.
    #[getter]
    fn code(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        code_member(py, &ADVICE_CODE, self.code)
    }
    fn __repr__(&self) -> String {
        format!("Advice(code='{}')", self.code)
    }
    fn __str__(&self) -> &str {
        &self.message
    }
}

/// The advisory notes on a number.
#[pyfunction]
#[pyo3(signature = (number, issuer = "any", lenient = false, lang = "vi"))]
fn advise(
    number: &Bound<'_, PyAny>,
    issuer: &str,
    lenient: bool,
    lang: &str,
) -> PyResult<Vec<PyAdvice>> {
    let (issuer, lang) = (issuer_of(issuer)?, lang_of(lang)?);
    let input = input_bytes(number)?;
    Ok(Mode::from_lenient(lenient)
        .advise(&input, issuer)
        .map(|advice| {
            let view = advice.view(lang);
            PyAdvice {
                code: view.code,
                message: view.message.to_string(),
            }
        })
        .collect())
}

/// The extension module `bhyt._bhyt`.
#[pymodule]
fn _bhyt(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyCard>()?;
    module.add_class::<PyCardError>()?;
    module.add_class::<PyValidation>()?;
    module.add_class::<PyPrefixCheck>()?;
    module.add_class::<PyIdentity>()?;
    module.add_class::<PyPersonalId>()?;
    module.add_class::<qr::PyCardQr>()?;
    module.add_class::<qr::PyPersonalIdQr>()?;
    module.add_class::<qr::PyRawField>()?;
    module.add_class::<PyMaTheItem>()?;
    module.add_class::<PyAdvice>()?;
    module.add_class::<arrow::Verdicts>()?;
    module.add_class::<reception::PyFacilityCode>()?;
    module.add_class::<reception::PyStayNote>()?;
    module.add("MAX_ARRAY_ROWS", arrow::max_rows())?;
    module.add_function(wrap_pyfunction!(code_tables, module)?)?;
    module.add_function(wrap_pyfunction!(card_from_compact, module)?)?;
    module.add_function(wrap_pyfunction!(register_enums, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(is_valid, module)?)?;
    module.add_function(wrap_pyfunction!(normalize, module)?)?;
    module.add_function(wrap_pyfunction!(check_prefix, module)?)?;
    module.add_function(wrap_pyfunction!(identify, module)?)?;
    module.add_function(wrap_pyfunction!(parse_ma_the_bhyt, module)?)?;
    module.add_function(wrap_pyfunction!(advise, module)?)?;
    module.add_function(wrap_pyfunction!(arrow::validate_array, module)?)?;
    module.add_function(wrap_pyfunction!(reception::parse_facility_code, module)?)?;
    module.add_function(wrap_pyfunction!(reception::validity_on, module)?)?;
    module.add_function(wrap_pyfunction!(reception::stay_notes, module)?)?;
    module.add_function(wrap_pyfunction!(files::check_file, module)?)?;
    Ok(())
}
