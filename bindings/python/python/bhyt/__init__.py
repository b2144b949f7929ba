"""Vietnamese health-insurance (BHYT) card numbers, checked by the bhyt Rust core.

Every answer comes from the core (the extension module ``bhyt._bhyt``); this module applies
the defaults, builds the code enums from the core's tables and raises ``InvalidCardNumber``
and ``InvalidFacilityCode``.

>>> import bhyt
>>> result = bhyt.validate("DN4000123456789", lang="en")
>>> result.valid, result.error.code, result.error.position
(False, <ErrorCode.INVALID_PROVINCE_CODE: 'invalid_province_code'>, 3)
>>> bhyt.parse("HS4010120878811")
Card('HS 4 01 ******8811')

Positions are ``str`` indices: the core counts characters (code points), as Python does.
A card number is personal data: reprs show the masked form only, and no message or
exception holds the number.
"""

from __future__ import annotations

import datetime
import enum
import json
import sys
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple, Optional, Union

from . import _bhyt
from ._bhyt import (
    MAX_ARRAY_ROWS,
    Advice,
    Card,
    CardError,
    CardQr,
    FacilityCode,
    Identity,
    MaTheItem,
    PersonalId,
    PersonalIdQr,
    PrefixCheck,
    RawField,
    StayNote,
    ValidationResult,
    Verdicts,
)

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "MAX_ARRAY_ROWS",
    "Advice",
    "AdviceCode",
    "Card",
    "CardError",
    "CardQr",
    "ErrorCode",
    "FacilityCode",
    "FileCheck",
    "Identity",
    "InvalidCardNumber",
    "InvalidFacilityCode",
    "MaTheItem",
    "PersonalId",
    "PersonalIdQr",
    "PrefixCheck",
    "QrField",
    "RawField",
    "StayNote",
    "StayNoteCode",
    "Validity",
    "ValidationResult",
    "Verdicts",
    "advise",
    "check_file",
    "check_prefix",
    "format",
    "identify",
    "is_valid",
    "normalize",
    "parse",
    "parse_facility_code",
    "parse_ma_the_bhyt",
    "stay_notes",
    "validate",
    "validate_array",
    "validity_on",
]

Text = Union[str, bytes]

if sys.version_info >= (3, 11):
    _StrEnum = enum.StrEnum
else:  # pragma: no cover - Python 3.9 and 3.10

    class _StrEnum(str, enum.Enum):
        """``enum.StrEnum`` before Python 3.11: members are their values as strings."""

        def __str__(self) -> str:
            return str(self.value)


(
    _error_table,
    _advice_table,
    _qr_field_table,
    _validity_table,
    _stay_note_table,
) = _bhyt.code_tables()


def _code_enum(name: str, table: list[tuple[str, str]], doc: str, summaries: bool = True):
    """A string enum of the core's codes in ``table`` (code, summary), documented from it."""
    built = _StrEnum(name, [(code.upper(), code) for code, _ in table], module=__name__)
    if summaries:
        built.__doc__ = doc + "; ".join(f"{code}: {summary}" for code, summary in table)
    else:
        built.__doc__ = doc + ", ".join(code for code, _ in table)
    return built


#: The stable error codes: a card number's, then those ``identify`` adds. Members are
#: strings (``ErrorCode.INVALID_LENGTH == "invalid_length"``); built from the core's table.
ErrorCode = _code_enum("ErrorCode", _error_table, "Stable error codes of the bhyt core: ")
#: The stable advisory-note codes, from the core's table.
AdviceCode = _code_enum(
    "AdviceCode", _advice_table, "Stable advisory-note codes of the bhyt core: "
)
#: The fields of a QR payload an ``invalid_qr_field`` error names (``InvalidCardNumber.field``),
#: the names the Rust, C and JavaScript layers use; from the core's table.
QrField = _code_enum(
    "QrField", _qr_field_table, "Fields of a QR payload, as the bhyt core names them: "
)
#: Whether a card is valid on a date (``validity_on``), from the core's table.
Validity = _code_enum(
    "Validity",
    _validity_table,
    "Whether a card is valid on a date, as the bhyt core says it: ",
    summaries=False,
)
#: The stable codes of the notes on a stay (``stay_notes``), from the core's table.
StayNoteCode = _code_enum(
    "StayNoteCode", _stay_note_table, "Stable codes of the bhyt core's notes on a stay: "
)
_bhyt.register_enums(ErrorCode, AdviceCode, QrField, Validity, StayNoteCode)


class InvalidCardNumber(ValueError):
    """A rejected number, raised by ``parse``, ``format``, ``normalize`` and ``identify``.

    ``code`` (an ``ErrorCode``), ``position`` (a ``str`` index, or ``None``), ``message``
    (also ``str(error)``) and ``field``: for an ``invalid_qr_field`` error of ``identify``,
    the ``QrField`` that is malformed, else ``None`` (a card error in field 0 of a card's QR
    code has the card's code). It never holds the number, and pickles (for worker processes).
    """

    def __init__(
        self, message: str, code: str, position: Optional[int], field: Optional[str] = None
    ) -> None:
        super().__init__(message, code, position, field)
        self.message = message
        self.code = ErrorCode(code)
        self.position = position
        self.field = None if field is None else QrField(field)

    @classmethod
    def _of(cls, error: CardError, field: Optional[str] = None) -> InvalidCardNumber:
        return cls(error.message, error.code, error.position, field)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        field = "" if self.field is None else f", field={str(self.field)!r}"
        return f"InvalidCardNumber(code={str(self.code)!r}, position={self.position!r}{field})"


class InvalidFacilityCode(ValueError):
    """A text that is not a facility code, raised by ``parse_facility_code``.

    ``code`` (``"invalid_facility_code"``), ``position`` (a ``str`` index of the first
    character that does not fit, or ``None`` when the number of characters is wrong) and
    ``message`` (also ``str(error)``); it never holds the text, and pickles.
    """

    def __init__(self, message: str, code: str, position: Optional[int]) -> None:
        super().__init__(message, code, position)
        self.message = message
        self.code = code
        self.position = position

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"InvalidFacilityCode(code={self.code!r}, position={self.position!r})"


def validate(
    number: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi"
) -> ValidationResult:
    """Checks and decodes a card number: ``.valid``, then ``.card`` or ``.error``.

    ``issuer``: the issuing body chosen in the form, ``any``, ``vss``, ``police`` or
    ``defence``; ``lenient``: accept pasted text (spaces, dots, hyphens, lowercase);
    ``lang``: ``vi`` or ``en`` for messages and descriptions.
    """
    return _bhyt.validate(number, issuer, lenient, lang)


def parse(
    number: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi"
) -> Card:
    """The card, or ``InvalidCardNumber`` (a ``ValueError``)."""
    result = _bhyt.validate(number, issuer, lenient, lang)
    if result.card is None:
        assert result.error is not None
        raise InvalidCardNumber._of(result.error)
    return result.card


def is_valid(number: Text, issuer: str = "any", lenient: bool = False) -> bool:
    """Whether ``validate`` accepts the number."""
    return _bhyt.is_valid(number, issuer, lenient)


def format(
    number: Text,
    style: str = "grouped",
    issuer: str = "any",
    lenient: bool = False,
    lang: str = "vi",
) -> str:
    """The valid number written in ``style`` (``compact``, ``grouped``, ``masked``), or
    ``InvalidCardNumber``."""
    return parse(number, issuer, lenient, lang).format(style)


def normalize(number: Text, lang: str = "vi") -> str:
    """The lenient normalisation alone (separators dropped, ASCII letters uppercased), what
    ``lenient=True`` checks; ``InvalidCardNumber`` when more than 15 characters remain."""
    text, error = _bhyt.normalize(number, lang)
    if text is None:
        assert error is not None
        raise InvalidCardNumber._of(error)
    return text


def check_prefix(
    typed: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi"
) -> PrefixCheck:
    """The as-you-type check: ``.state`` is ``incomplete``, ``complete`` or ``invalid``."""
    return _bhyt.check_prefix(typed, issuer, lenient, lang)


def identify(text: Text, lenient: bool = False, lang: str = "vi") -> Identity:
    """What a reception search box got: a card number (10 or 15 characters), a 12-digit
    personal identification number, or either one's QR code (what it holds in ``.card_qr``,
    a ``CardQr``, or ``.personal_id_qr``, a ``PersonalIdQr``: the fields of the core's views,
    dates as ``datetime.date``; reprs show the masked card or number only);
    ``InvalidCardNumber`` otherwise (its code may be one ``identify`` adds, such as ``unrecognized_input``; for
    ``invalid_qr_field``, its ``field`` names the malformed ``QrField``)."""
    identity, error, field = _bhyt.identify(text, lenient, lang)
    if identity is None:
        assert error is not None
        raise InvalidCardNumber._of(error, field)
    return identity


def parse_ma_the_bhyt(
    field: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi"
) -> list[MaTheItem]:
    """Every item of a claims ``MA_THE_BHYT`` field (split at ``;``), each checked."""
    return _bhyt.parse_ma_the_bhyt(field, issuer, lenient, lang)


def advise(
    number: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi"
) -> list[Advice]:
    """The advisory notes on a number (for example a short form in claims)."""
    return _bhyt.advise(number, issuer, lenient, lang)


def parse_facility_code(text: Text, lang: str = "vi") -> FacilityCode:
    """A facility code (mã cơ sở KCB, e.g. the initial registered facility) as it is written:
    ``01 - 028``, ``01-028``, ``01–028`` (en dash) and ``01028`` are ``FacilityCode('01028')``
    (``.code``, ``.province`` ``01``, ``.facility`` ``028``); ``InvalidFacilityCode`` (a
    ``ValueError``) otherwise, its message in ``lang``."""
    code, error = _bhyt.parse_facility_code(text, lang)
    if code is None:
        assert error is not None
        raise InvalidFacilityCode(error[2], error[0], error[1])
    return code


def validity_on(
    valid_from: datetime.date, valid_to: Optional[datetime.date], date: datetime.date
) -> Validity:
    """Whether a card valid from ``valid_from`` to ``valid_to`` (both included; ``None``: no
    end date) is valid on ``date``: ``Validity.BEFORE_START``, ``EXPIRED``, ``VALID`` or
    ``OPEN_ENDED``. Dates are ``datetime.date`` (a ``datetime.datetime`` counts by its
    calendar date); anything else is a ``TypeError``."""
    return _bhyt.validity_on(valid_from, valid_to, date)


def stay_notes(
    valid_from: datetime.date,
    valid_to: Optional[datetime.date],
    admission: datetime.date,
    discharge: datetime.date,
    lang: str = "vi",
) -> list[StayNote]:
    """The notes on a stay from ``admission`` to ``discharge`` (a discharge before the
    admission counts as the same day) for a card valid from ``valid_from`` to ``valid_to``
    (``None``: no end date): ``visit_before_start``, ``became_valid_during_stay``,
    ``expired_before_discharge``, in that order; ``[]`` when the card covers the whole stay.
    Notes, never errors: a second card may cover the rest of the stay. Dates as for
    ``validity_on``; messages in ``lang``."""
    return _bhyt.stay_notes(valid_from, valid_to, admission, discharge, lang)


def validate_array(
    values: Any, issuer: str = "any", lenient: bool = False
) -> pyarrow.RecordBatch:
    """Checks a whole column, as ``validate`` checks one value: a PyArrow record batch of
    ``valid`` (bool), ``code`` (string), ``position`` (int64, a ``str`` index) and ``key``
    (string, the card's 10-digit identity key, as ``Card.key``), one row per value; at most
    ``MAX_ARRAY_ROWS`` values per call (``ValueError`` past it).

    ``values``: any object with the Arrow PyCapsule interface (``__arrow_c_array__`` or
    ``__arrow_c_stream__``: PyArrow arrays and chunked arrays, Polars Series, pandas Series
    with Arrow-backed strings, DuckDB results) holding strings (utf8, large_utf8,
    utf8_view, or binary), read in place; or any iterable of ``str``/``bytes``/``None``.
    A null value gives a row of nulls (``valid`` is null, not ``False``). The values are
    checked with the GIL released. Needs PyArrow (``pip install 'bhyt[arrow]'``).
    """
    try:
        import pyarrow
    except ImportError as error:  # pragma: no cover - tested without pyarrow by hand
        raise ImportError(
            "bhyt.validate_array returns PyArrow record batches: pip install 'bhyt[arrow]'"
        ) from error
    if isinstance(values, (str, bytes)):
        raise TypeError("validate_array takes a column of values; for one number, use validate")
    verdicts = _bhyt.validate_array(values, issuer, lenient)
    return pyarrow.record_batch(verdicts)


class FileCheck(NamedTuple):
    """What ``check_file`` found: the summary and the report's rows."""

    #: The counts, as ``bhyt check --file --summary-json`` prints them.
    summary: dict[str, Any]
    #: One dict per report entry (an invalid value; with ``duplicates``/``advice`` also
    #: repeated cards and notes): row, line, column, item, position, masked, kind, code,
    #: message, ma_lk, first_row. Values are masked.
    rows: Iterator[dict[str, Any]]


def check_file(
    path: str,
    column: Optional[Union[str, int]] = None,
    *,
    sheet: Optional[Union[str, int]] = None,
    header: Union[str, int, None] = "auto",
    delimiter: Optional[str] = None,
    issuer: str = "any",
    lenient: bool = False,
    lang: str = "vi",
    duplicates: bool = False,
    advice: bool = False,
    jobs: int = 0,
    file_type: Optional[str] = None,
) -> FileCheck:
    """Checks one column of a CSV, .xlsx, .xls or .ods file, or every ``MA_THE_BHYT`` of a
    claims XML file, as ``bhyt check --file`` does (the same library, ``bhyt-files``).

    ``column``: header name or 1-based number (default: the only column, or the one with a
    known name such as ``ma_the_bhyt``); ``sheet``: name or 1-based number; ``header``:
    ``"auto"`` (row 1, unless it is itself a card number), a 1-based row, or ``None``;
    ``delimiter``: CSV, guessed when ``None``; ``jobs``: checking threads (0: automatic);
    ``file_type``: ``csv``, ``xlsx``, ``xls``, ``ods`` or ``xml`` (default: from the name).
    The GIL is released while the file is read. ``ValueError`` when the file cannot be read
    as what it claims to be; ``OSError`` when it cannot be read at all. The report is held
    in memory (one entry per reported value) until the check ends.
    """
    if header == "auto":
        header_row: Optional[int] = 0
    elif header is None:
        header_row = None
    elif isinstance(header, int) and not isinstance(header, bool) and header >= 1:
        header_row = header
    else:
        raise ValueError("header: expected 'auto', a 1-based row number, or None")
    summary, report = _bhyt.check_file(
        path,
        None if column is None else str(column),
        None if sheet is None else str(sheet),
        header_row,
        delimiter,
        issuer,
        lenient,
        lang,
        duplicates,
        advice,
        jobs,
        file_type,
    )
    rows = (json.loads(line) for line in report.splitlines() if line)
    return FileCheck(json.loads(summary), rows)
