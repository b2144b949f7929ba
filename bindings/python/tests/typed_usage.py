"""Code as a user writes it, checked by mypy --strict against the package's stubs
(tests/test_typing.py); it is also run, so that it stays true."""

from __future__ import annotations

import datetime
import os
import tempfile
from typing import Optional, Union

import bhyt


def error_code(number: str) -> Optional[bhyt.ErrorCode]:
    result: bhyt.ValidationResult = bhyt.validate(number, issuer="vss", lenient=True, lang="en")
    if result.valid:
        card: Optional[bhyt.Card] = result.card
        assert card is not None
        key: str = card.key
        level: Optional[int] = card.benefit_level
        assert key and level
        return None
    assert result.error is not None
    position: Optional[int] = result.error.position
    assert position is None or position >= 0
    return result.error.code


def keys(numbers: list[str]) -> set[str]:
    out: set[str] = set()
    for number in numbers:
        try:
            out.add(bhyt.parse(number).key)
        except bhyt.InvalidCardNumber as error:
            code: bhyt.ErrorCode = error.code
            assert code in set(bhyt.ErrorCode)
    return out


def notes(number: str) -> list[bhyt.AdviceCode]:
    return [note.code for note in bhyt.advise(number)]


def facility(text: str) -> Optional[str]:
    try:
        code: bhyt.FacilityCode = bhyt.parse_facility_code(text, lang="en")
    except bhyt.InvalidFacilityCode as error:
        position: Optional[int] = error.position
        assert error.code == "invalid_facility_code" and (position is None or position >= 0)
        return None
    province: str = code.province
    return province + code.facility


def usable(valid_from: datetime.date, valid_to: Optional[datetime.date], on: datetime.date) -> bool:
    validity: bhyt.Validity = bhyt.validity_on(valid_from, valid_to, on)
    return validity in (bhyt.Validity.VALID, bhyt.Validity.OPEN_ENDED)


def stay(admission: datetime.datetime, discharge: datetime.datetime) -> list[bhyt.StayNoteCode]:
    notes: list[bhyt.StayNote] = bhyt.stay_notes(
        datetime.date(2025, 1, 1), datetime.date(2025, 1, 31), admission, discharge, lang="en"
    )
    return [note.code for note in notes]


def qr_field(payload: str) -> Optional[bhyt.QrField]:
    try:
        bhyt.identify(payload)
    except bhyt.InvalidCardNumber as error:
        return error.field
    return None


def scanned_validity(payload: str, on: datetime.date) -> Optional[bhyt.Validity]:
    qr: Optional[bhyt.CardQr] = bhyt.identify(payload).card_qr
    if qr is None:
        return None
    facility: bhyt.FacilityCode = qr.facility_code
    raw: tuple[bhyt.RawField, ...] = qr.raw_fields
    assert facility.province and all(field.index >= 0 for field in raw)
    born: Union[datetime.date, int] = qr.birth_date
    assert born
    return bhyt.validity_on(qr.valid_from, qr.valid_to, on)


def scanned_birth_date(payload: str) -> Optional[datetime.date]:
    qr: Optional[bhyt.PersonalIdQr] = bhyt.identify(payload).personal_id_qr
    return None if qr is None else qr.birth_date


def main() -> None:
    assert error_code("DN4000123456789") == bhyt.ErrorCode.INVALID_PROVINCE_CODE
    assert error_code("HS4010120878811") is None
    assert keys(["HS4010120878811", "0120878811", "x"]) == {"0120878811"}
    assert isinstance(notes("0123456789"), list)
    check: bhyt.PrefixCheck = bhyt.check_prefix("DN4")
    assert check.state == "incomplete"
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "list.csv")
        with open(path, "w", encoding="utf-8") as file:
            file.write("ma_the_bhyt\nHS4010120878811\nx\n")
        found: bhyt.FileCheck = bhyt.check_file(path, header="auto", lang="en")
        invalid: int = found.summary["invalid"]
        codes = [row["code"] for row in found.rows]
        assert invalid == 1 and codes == ["invalid_length"]
    assert facility("01 - 028") == "01028" and facility("0102") is None
    day = datetime.date
    assert usable(day(2025, 1, 1), None, day(2026, 1, 1))
    assert not usable(day(2025, 1, 1), day(2025, 12, 31), day(2026, 1, 1))
    assert stay(datetime.datetime(2025, 1, 30, 8), datetime.datetime(2025, 2, 3, 10)) == [
        bhyt.StayNoteCode.EXPIRED_BEFORE_DISCHARGE
    ]
    assert qr_field("001195001234||B|31022001|Nữ|X|") == bhyt.QrField.BIRTH_DATE
    assert qr_field("079095001234") is None
    card_qr = "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|-|01 - 028|01/01/2025|-|01/01/2025|79"
    assert scanned_validity(card_qr, datetime.date(2030, 1, 1)) == bhyt.Validity.OPEN_ENDED
    assert scanned_validity("079095001234", datetime.date(2030, 1, 1)) is None
    assert scanned_birth_date("079095001234||A|15081995|Nam|X|01012021") == datetime.date(1995, 8, 15)
    batch = bhyt.validate_array(["HS4010120878811"])
    assert batch.num_rows == 1


if __name__ == "__main__":
    main()
