"""Type stubs of the bhyt package (checked by mypy in bindings/python/tests).

The members of ErrorCode, AdviceCode, QrField, Validity and StayNoteCode are the core's
tables; tests/test_api.py checks that they match the enums built at import time.
"""

import datetime
import sys
from typing import Any, Iterator, Literal, NamedTuple, Optional, Union

import pyarrow

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:
    from enum import Enum

    class StrEnum(str, Enum): ...

Text = Union[str, bytes]

#: The most values one ``validate_array`` call takes.
MAX_ARRAY_ROWS: int

class ErrorCode(StrEnum):
    """Stable error codes: a card number's, then those ``identify`` adds."""

    INVALID_LENGTH = "invalid_length"
    INVALID_CHARACTER = "invalid_character"
    UNKNOWN_GROUP_CODE = "unknown_group_code"
    LATE_GROUP_CODE = "late_group_code"
    INVALID_BENEFIT_LEVEL = "invalid_benefit_level"
    INVALID_PROVINCE_CODE = "invalid_province_code"
    INVALID_PERSONAL_ID = "invalid_personal_id"
    UNRECOGNIZED_INPUT = "unrecognized_input"
    INVALID_QR_FIELD = "invalid_qr_field"
    UNRECOGNIZED_QR = "unrecognized_qr"

class AdviceCode(StrEnum):
    """Stable advisory-note codes."""

    UNUSUAL_BENEFIT_LEVEL = "unusual_benefit_level"
    ISSUED_AFTER_VNEID_LIST = "issued_after_vneid_list"
    UNLISTED_BIRTH_PLACE_CODE = "unlisted_birth_place_code"
    SHORT_FORM_IN_CLAIMS = "short_form_in_claims"

class QrField(StrEnum):
    """Fields of a QR payload, as an ``invalid_qr_field`` error names them."""

    CARD = "card"
    NAME = "name"
    BIRTH_DATE = "birth_date"
    SEX = "sex"
    ADDRESS = "address"
    FACILITY_CODE = "facility_code"
    VALID_FROM = "valid_from"
    VALID_TO = "valid_to"
    ISSUED_ON = "issued_on"
    MANAGER_CODE = "manager_code"
    GUARDIAN_NAME = "guardian_name"
    FIVE_YEARS_ON = "five_years_on"
    PERSONAL_ID = "personal_id"
    OLD_ID = "old_id"

class Validity(StrEnum):
    """Whether a card is valid on a date."""

    BEFORE_START = "before_start"
    EXPIRED = "expired"
    VALID = "valid"
    OPEN_ENDED = "open_ended"

class StayNoteCode(StrEnum):
    """Stable codes of the notes on a stay."""

    VISIT_BEFORE_START = "visit_before_start"
    BECAME_VALID_DURING_STAY = "became_valid_during_stay"
    EXPIRED_BEFORE_DISCHARGE = "expired_before_discharge"

class InvalidCardNumber(ValueError):
    """A rejected number: ``code``, ``position`` (a ``str`` index), the message, and for an
    ``invalid_qr_field`` error of ``identify`` the ``field``."""

    code: ErrorCode
    position: Optional[int]
    message: str
    field: Optional[QrField]
    def __init__(
        self, message: str, code: str, position: Optional[int], field: Optional[str] = None
    ) -> None: ...

class InvalidFacilityCode(ValueError):
    """A text that is not a facility code: ``code``, ``position`` (a ``str`` index) and the
    message."""

    code: Literal["invalid_facility_code"]
    position: Optional[int]
    message: str
    def __init__(self, message: str, code: str, position: Optional[int]) -> None: ...

class Card:
    """A valid card number, decoded; equal (and hashed) by its identity key."""

    @property
    def form(self) -> int: ...
    @property
    def group_code(self) -> Optional[str]: ...
    @property
    def group_description(self) -> Optional[str]: ...
    @property
    def benefit_level(self) -> Optional[int]: ...
    @property
    def benefit_meaning(self) -> Optional[str]: ...
    @property
    def issuer(self) -> Optional[str]: ...
    @property
    def issuer_name(self) -> Optional[str]: ...
    @property
    def province_code(self) -> Optional[str]: ...
    @property
    def social_insurance_number(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def compact(self) -> str: ...
    @property
    def grouped(self) -> str: ...
    @property
    def masked(self) -> str: ...
    def format(self, style: str = "grouped") -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[object, tuple[str, str]]: ...

class CardError:
    """Why a number was rejected; it never holds the number."""

    @property
    def code(self) -> ErrorCode: ...
    @property
    def position(self) -> Optional[int]: ...
    @property
    def message(self) -> str: ...

class ValidationResult:
    """What ``validate`` says."""

    @property
    def valid(self) -> bool: ...
    @property
    def card(self) -> Optional[Card]: ...
    @property
    def error(self) -> Optional[CardError]: ...
    def __bool__(self) -> bool: ...

class PrefixCheck:
    """The as-you-type check."""

    @property
    def state(self) -> str: ...
    @property
    def can_become_valid(self) -> bool: ...
    @property
    def form(self) -> Optional[int]: ...
    @property
    def missing(self) -> int: ...
    @property
    def at(self) -> Optional[int]: ...
    @property
    def error(self) -> Optional[CardError]: ...
    @property
    def card(self) -> Optional[Card]: ...

class PersonalId:
    """A decoded 12-digit personal identification number."""

    @property
    def number(self) -> str: ...
    @property
    def birth_place(self) -> str: ...
    @property
    def sex(self) -> str: ...
    @property
    def birth_year(self) -> int: ...
    @property
    def masked(self) -> str: ...

class RawField:
    """A field of a QR code kept raw: its 0-based index and its text as typed."""

    @property
    def index(self) -> int: ...
    @property
    def value(self) -> str: ...

class CardQr:
    """What a card's QR code holds (the core's ``CardQrView``)."""

    @property
    def card(self) -> Card: ...
    @property
    def name(self) -> str: ...
    @property
    def birth_date(self) -> Union[datetime.date, int]: ...
    @property
    def sex(self) -> str: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def facility_code(self) -> FacilityCode: ...
    @property
    def valid_from(self) -> datetime.date: ...
    @property
    def valid_to(self) -> Optional[datetime.date]: ...
    @property
    def issued_on(self) -> datetime.date: ...
    @property
    def manager_code(self) -> str: ...
    @property
    def guardian_name(self) -> Optional[str]: ...
    @property
    def five_years_on(self) -> Optional[datetime.date]: ...
    @property
    def raw_fields(self) -> tuple[RawField, ...]: ...
    @property
    def layout(self) -> str: ...
    @property
    def repaired(self) -> bool: ...
    @property
    def utf16(self) -> bool: ...

class PersonalIdQr:
    """What a CCCD's QR code holds (the core's ``PersonalIdQrView``)."""

    @property
    def personal_id(self) -> PersonalId: ...
    @property
    def old_id(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def birth_date(self) -> Optional[datetime.date]: ...
    @property
    def sex(self) -> Optional[str]: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def issued_on(self) -> Optional[datetime.date]: ...
    @property
    def raw_fields(self) -> tuple[RawField, ...]: ...

class Identity:
    """What ``identify`` recognised."""

    @property
    def kind(self) -> str: ...
    @property
    def card(self) -> Optional[Card]: ...
    @property
    def personal_id(self) -> Optional[PersonalId]: ...
    @property
    def card_qr(self) -> Optional[CardQr]: ...
    @property
    def personal_id_qr(self) -> Optional[PersonalIdQr]: ...

class MaTheItem:
    """One item of a ``MA_THE_BHYT`` field."""

    @property
    def index(self) -> int: ...
    @property
    def position(self) -> int: ...
    @property
    def valid(self) -> bool: ...
    @property
    def card(self) -> Optional[Card]: ...
    @property
    def error(self) -> Optional[CardError]: ...

class Advice:
    """An advisory note."""

    @property
    def code(self) -> AdviceCode: ...
    @property
    def message(self) -> str: ...

class FacilityCode:
    """A facility code, normalised; equal (and hashed) by code."""

    @property
    def code(self) -> str: ...
    @property
    def province(self) -> str: ...
    @property
    def facility(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[object, tuple[str]]: ...

class StayNote:
    """A note on a stay against a card's validity."""

    @property
    def code(self) -> StayNoteCode: ...
    @property
    def message(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Verdicts:
    """The verdicts of a column, through the Arrow PyCapsule interface."""

    def __len__(self) -> int: ...
    def __arrow_c_array__(self, requested_schema: Optional[object] = None) -> tuple[object, object]: ...

class FileCheck(NamedTuple):
    """What ``check_file`` found."""

    summary: dict[str, Any]
    rows: Iterator[dict[str, Any]]

def validate(number: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi") -> ValidationResult: ...
def parse(number: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi") -> Card: ...
def is_valid(number: Text, issuer: str = "any", lenient: bool = False) -> bool: ...
def format(number: Text, style: str = "grouped", issuer: str = "any", lenient: bool = False, lang: str = "vi") -> str: ...
def normalize(number: Text, lang: str = "vi") -> str: ...
def check_prefix(typed: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi") -> PrefixCheck: ...
def identify(text: Text, lenient: bool = False, lang: str = "vi") -> Identity: ...
def parse_ma_the_bhyt(field: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi") -> list[MaTheItem]: ...
def advise(number: Text, issuer: str = "any", lenient: bool = False, lang: str = "vi") -> list[Advice]: ...
def parse_facility_code(text: Text, lang: str = "vi") -> FacilityCode: ...
def validity_on(
    valid_from: datetime.date, valid_to: Optional[datetime.date], date: datetime.date
) -> Validity: ...
def stay_notes(
    valid_from: datetime.date,
    valid_to: Optional[datetime.date],
    admission: datetime.date,
    discharge: datetime.date,
    lang: str = "vi",
) -> list[StayNote]: ...
def validate_array(values: Any, issuer: str = "any", lenient: bool = False) -> pyarrow.RecordBatch: ...
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
) -> FileCheck: ...
