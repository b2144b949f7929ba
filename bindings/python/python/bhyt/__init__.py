"""Vietnamese health-insurance (BHYT) card numbers, checked by the bhyt Rust core.

Every answer comes from the core (the extension module ``bhyt._bhyt``); this module applies
the defaults, builds the code enums from the core's tables and raises ``InvalidCardNumber``.

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
    Identity,
    MaTheItem,
    PersonalId,
    PrefixCheck,
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
    "ErrorCode",
    "FileCheck",
    "Identity",
    "InvalidCardNumber",
    "MaTheItem",
    "PersonalId",
    "PrefixCheck",
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
    "parse_ma_the_bhyt",
    "validate",
    "validate_array",
]

Text = Union[str, bytes]

if sys.version_info >= (3, 11):
    _StrEnum = enum.StrEnum
else:  # pragma: no cover - Python 3.9 and 3.10

    class _StrEnum(str, enum.Enum):
        """``enum.StrEnum`` before Python 3.11: members are their values as strings."""

        def __str__(self) -> str:
            return str(self.value)


_error_table, _advice_table = _bhyt.code_tables()

#: The stable error codes: a card number's, then those ``identify`` adds. Members are
#: strings (``ErrorCode.INVALID_LENGTH == "invalid_length"``); built from the core's table.
ErrorCode = _StrEnum(  # type: ignore[misc]
    "ErrorCode", [(code.upper(), code) for code, _ in _error_table], module=__name__
)
#: The stable advisory-note codes, from the core's table.
AdviceCode = _StrEnum(  # type: ignore[misc]
    "AdviceCode", [(code.upper(), code) for code, _ in _advice_table], module=__name__
)
ErrorCode.__doc__ = "Stable error codes of the bhyt core: " + "; ".join(
    f"{code}: {summary}" for code, summary in _error_table
)
AdviceCode.__doc__ = "Stable advisory-note codes of the bhyt core: " + "; ".join(
    f"{code}: {summary}" for code, summary in _advice_table
)
_bhyt.register_enums(ErrorCode, AdviceCode)


class InvalidCardNumber(ValueError):
    """A rejected number, raised by ``parse``, ``format``, ``normalize`` and ``identify``.

    ``code`` (an ``ErrorCode``), ``position`` (a ``str`` index, or ``None``) and ``message``
    (also ``str(error)``); it never holds the number, and pickles (for worker processes).
    """

    def __init__(self, message: str, code: str, position: Optional[int]) -> None:
        super().__init__(message, code, position)
        self.message = message
        self.code = ErrorCode(code)
        self.position = position

    @classmethod
    def _of(cls, error: CardError) -> InvalidCardNumber:
        return cls(error.message, error.code, error.position)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"InvalidCardNumber(code={str(self.code)!r}, position={self.position!r})"


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
    personal identification number, or either one's QR code; ``InvalidCardNumber``
    otherwise (its code may be one ``identify`` adds, such as ``unrecognized_input``)."""
    identity, error = _bhyt.identify(text, lenient, lang)
    if identity is None:
        assert error is not None
        raise InvalidCardNumber._of(error)
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
