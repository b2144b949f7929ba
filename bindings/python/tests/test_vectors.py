"""Every shared vector (tests/vectors) and every junk row (tests/junk/junk.tsv) through the
scalar API and through validate_array: the same verdict, code and position (str indices)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any, Optional, Union

import pyarrow as pa
import pytest

import bhyt
from shared import JUNK, VECTORS, junk_input, position, rows, unescape, value

CARDS = list(rows(VECTORS / "cards.tsv"))
PREFIXES = list(rows(VECTORS / "prefixes.tsv"))
IDENTIFY = list(rows(VECTORS / "identify.tsv"))
MA_THE = list(rows(VECTORS / "ma_the.tsv"))
JUNK_ROWS = list(rows(JUNK))
ISSUERS = ["any", "vss", "police", "defence"]


def test_the_files_are_read() -> None:
    assert len(CARDS) > 500 and len(PREFIXES) > 100 and len(IDENTIFY) > 50
    assert len(MA_THE) > 10 and len(JUNK_ROWS) > 200
    # Astral characters are among the inputs, so str indices are tested beyond the BMP.
    assert any(any(ord(c) > 0xFFFF for c in unescape(row["input"])) for row in CARDS)


def expect_card(row: dict[str, str], result: bhyt.ValidationResult) -> None:
    name = (row["mode"], row["issuer"], row["input"])
    assert result.valid == (row["valid"] == "true"), name
    if result.valid:
        card = result.card
        assert card is not None and result.error is None
        assert card.form == int(row["form"]), name
        assert card.group_code == value(row["group"])
        assert card.benefit_level == (None if row["benefit"] == "-" else int(row["benefit"]))
        assert card.issuer == value(row["issuer_decoded"])
        assert card.province_code == value(row["province"])
        assert card.social_insurance_number == row["sin"]
        assert (card.compact, card.grouped, card.masked) == (
            row["compact"],
            row["grouped"],
            row["masked"],
        )
        assert repr(card) == f"Card('{row['masked']}')"
    else:
        error = result.error
        assert error is not None and result.card is None
        assert (error.code, error.position) == (row["code"], position(row["position"])), name
        assert isinstance(error.code, bhyt.ErrorCode)
        assert error.message


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cards_scalar(lang: str) -> None:
    for row in CARDS:
        number = unescape(row["input"])
        lenient = row["mode"] == "lenient"
        result = bhyt.validate(number, issuer=row["issuer"], lenient=lenient, lang=lang)
        expect_card(row, result)
        assert bhyt.is_valid(number, row["issuer"], lenient) == result.valid
        if result.valid:
            card = bhyt.parse(number, row["issuer"], lenient)
            assert card == result.card and hash(card) == hash(result.card)
            assert bhyt.format(number, "masked", row["issuer"], lenient) == row["masked"]
        else:
            with pytest.raises(bhyt.InvalidCardNumber) as raised:
                bhyt.parse(number, row["issuer"], lenient)
            assert (raised.value.code, raised.value.position) == (
                row["code"],
                position(row["position"]),
            )
            assert isinstance(raised.value, ValueError)


def verdict_rows(batch: Any) -> list[tuple[Optional[bool], Optional[str], Optional[int]]]:
    return list(
        zip(
            batch.column("valid").to_pylist(),
            batch.column("code").to_pylist(),
            batch.column("position").to_pylist(),
        )
    )


STRING_TYPES = [pa.string(), pa.large_string(), pa.string_view()]


@pytest.mark.parametrize("arrow_type", STRING_TYPES, ids=str)
def test_cards_array(arrow_type: pa.DataType) -> None:
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in CARDS:
        groups[(row["mode"], row["issuer"])].append(row)
    for (mode, issuer), group in groups.items():
        inputs = [unescape(row["input"]) for row in group]
        lenient = mode == "lenient"
        # A chunked array of two chunks, with a null between them.
        half = len(inputs) // 2
        chunked = pa.chunked_array(
            [pa.array(inputs[:half], arrow_type), pa.array([None, *inputs[half:]], arrow_type)]
        )
        batch = bhyt.validate_array(chunked, issuer=issuer, lenient=lenient)
        assert batch.num_rows == len(inputs) + 1
        got = verdict_rows(batch)
        keys = batch.column("key").to_pylist()
        assert got[half] == (None, None, None) and keys[half] is None
        del got[half], keys[half]
        for row, number, verdict, key in zip(group, inputs, got, keys):
            scalar = bhyt.validate(number, issuer=issuer, lenient=lenient)
            expected = (
                (True, None, None)
                if row["valid"] == "true"
                else (False, row["code"], position(row["position"]))
            )
            assert verdict == expected, (mode, issuer, row["input"])
            assert key == (scalar.card.key if scalar.card else None)
        # Plain lists give the same batch.
        listed = bhyt.validate_array(inputs, issuer=issuer, lenient=lenient)
        assert verdict_rows(listed) == got


def test_prefixes() -> None:
    for row in PREFIXES:
        typed = unescape(row["input"])
        check = bhyt.check_prefix(typed, row["issuer"], row["mode"] == "lenient")
        name = (row["mode"], row["issuer"], row["input"])
        assert check.state == row["state"], name
        assert check.at == position(row["at"]), name
        assert check.can_become_valid == (row["state"] != "invalid")
        if row["state"] == "invalid":
            assert check.error is not None
            assert (check.error.code, check.error.position) == (
                row["code"],
                position(row["position"]),
            ), name
        else:
            assert check.error is None
        assert (check.card is not None) == (row["state"] == "complete")


def test_identify() -> None:
    for row in IDENTIFY:
        text = unescape(row["input"])
        lenient = row["mode"] == "lenient"
        name = (row["mode"], row["input"])
        if row["valid"] == "true":
            identity = bhyt.identify(text, lenient)
            assert identity.kind == row["kind"], name
            if identity.card is not None:
                assert identity.card.compact == row["compact"]
            else:
                assert identity.personal_id is not None
                person = identity.personal_id
                assert person.number == row["compact"]
                assert (person.birth_place, person.sex, person.birth_year) == (
                    row["birth_place"],
                    row["sex"],
                    int(row["birth_year"]),
                )
                assert person.masked == row["masked"]
                assert row["compact"] not in repr(person)
        else:
            with pytest.raises(bhyt.InvalidCardNumber) as raised:
                bhyt.identify(text, lenient)
            assert (raised.value.code, raised.value.position) == (
                row["code"],
                position(row["position"]),
            ), name


def test_ma_the_bhyt() -> None:
    for row in MA_THE:
        field = unescape(row["input"])
        items = bhyt.parse_ma_the_bhyt(field, row["issuer"], row["mode"] == "lenient")
        assert len(items) == int(row["count"])
        for index, (item, expected) in enumerate(zip(items, row["items"].split("|"))):
            start, _, _, verdict, detail = expected.split(":")
            name = (row["mode"], row["input"], index)
            assert (item.index, item.position) == (index, int(start)), name
            if verdict == "valid":
                assert item.valid and item.card is not None and item.card.compact == detail
            else:
                assert not item.valid and item.error is not None
                assert (item.error.code, item.error.position) == (verdict, position(detail)), name


def junk_array(number: Union[str, bytes], row: dict[str, str]) -> Any:
    """The junk value as an Arrow array (binary for bytes; a list for lone surrogates, which
    Arrow's UTF-8 strings cannot hold)."""
    if isinstance(number, bytes):
        return pa.array([number], pa.binary())
    if row["js_only"] == "true":
        return [number]
    return pa.array([number], pa.string_view())


@pytest.mark.parametrize("row", JUNK_ROWS, ids=[row["name"] for row in JUNK_ROWS])
def test_junk(row: dict[str, str]) -> None:
    number = junk_input(row)
    for mode in ("strict", "lenient"):
        lenient = mode == "lenient"
        code, where = row[f"{mode}_code"], position(row[f"{mode}_position"])
        result = bhyt.validate(number, lenient=lenient)
        assert not result.valid and result.error is not None
        assert (result.error.code, result.error.position) == (code, where), mode
        batch = bhyt.validate_array(junk_array(number, row), lenient=lenient)
        assert verdict_rows(batch) == [(False, code, where)], mode
        for issuer in ISSUERS:
            assert not bhyt.is_valid(number, issuer, lenient)
        prefix = "prefix" if mode == "strict" else "lenient_prefix"
        check = bhyt.check_prefix(number, lenient=lenient)
        assert check.state == row[f"{prefix}_state"]
        assert check.at == position(row[f"{prefix}_at"])
        if check.error is not None:
            assert check.error.code == row[f"{prefix}_code"]
    if row["normalize"] == "ok":
        assert isinstance(bhyt.normalize(number), str)
    else:
        with pytest.raises(bhyt.InvalidCardNumber) as raised:
            bhyt.normalize(number)
        assert raised.value.code == row["normalize"]
    # Facility codes: a code or a typed error whose position is a character of the input.
    try:
        bhyt.parse_facility_code(number)
    except bhyt.InvalidFacilityCode as error:
        assert error.code == "invalid_facility_code"
        assert error.position is None or 0 <= error.position < len(number)
    # The library still answers valid numbers afterwards.
    assert bhyt.is_valid("HS4010120878811")


def test_cards_through_polars_pandas_and_duckdb() -> None:
    import duckdb
    import pandas as pd
    import polars as pl

    strict = [row for row in CARDS if row["mode"] == "strict" and row["issuer"] == "any"]
    inputs = [unescape(row["input"]) for row in strict]
    expected = verdict_rows(bhyt.validate_array(pa.array(inputs)))
    assert expected == [
        (True, None, None) if row["valid"] == "true" else (False, row["code"], position(row["position"]))
        for row in strict
    ]
    # Polars exports string_view, pandas (Arrow-backed) large_string or string.
    assert verdict_rows(bhyt.validate_array(pl.Series(inputs))) == expected
    assert verdict_rows(bhyt.validate_array(pd.Series(inputs, dtype="str"))) == expected
    assert verdict_rows(bhyt.validate_array(pd.Series(inputs, dtype=pd.ArrowDtype(pa.large_string())))) == expected
    con = duckdb.connect()
    con.register("cards", pa.table({"ma_the_bhyt": inputs}))
    assert verdict_rows(bhyt.validate_array(con.sql("SELECT ma_the_bhyt FROM cards"))) == expected


def test_the_verdicts_schema_and_nulls() -> None:
    batch = bhyt.validate_array(pa.array(["HS4010120878811", None, "123"]))
    assert batch.schema == pa.schema(
        [
            ("valid", pa.bool_()),
            ("code", pa.string()),
            ("position", pa.int64()),
            ("key", pa.string()),
        ]
    )
    # Past the limit, a clear error instead of an overflow (a null array has no buffers).
    assert bhyt.MAX_ARRAY_ROWS > 90_000_000
    with pytest.raises(ValueError, match="at most"):
        bhyt.validate_array(pa.nulls(bhyt.MAX_ARRAY_ROWS + 1))
    assert bhyt.validate_array(pa.nulls(1000)).num_rows == 1000
    assert batch.column("valid").to_pylist() == [True, None, False]
    # A one-column table whose rows are null as a whole.
    table = pa.StructArray.from_arrays(
        [pa.array(["HS4010120878811", "x"])], names=["ma_the"], mask=pa.array([True, False])
    )
    assert verdict_rows(bhyt.validate_array(table)) == [(None, None, None), (False, "invalid_length", None)]
    assert bhyt.validate_array([]).num_rows == 0
    assert bhyt.validate_array(pa.nulls(2)).column("valid").to_pylist() == [None, None]
    assert bhyt.validate_array(iter(["0120878811", b"0120878811"])).column("valid").to_pylist() == [True, True]


QR = list(rows(VECTORS / "qr.tsv"))


def test_qr_codes_through_identify() -> None:
    # The reception box takes the QR payloads a scanner types (qr.tsv); both modes agree.
    assert len(QR) > 70
    for row in QR:
        payload = unescape(row["input"])
        name = row["input"][:40]
        if row["valid"] == "true":
            identity = bhyt.identify(payload)
            assert identity.kind == row["kind"], name
            if identity.kind == "card_qr":
                assert identity.card is not None and identity.card.compact == row["card"], name
                assert identity.card_qr is not None and identity.personal_id_qr is None, name
                check_card_qr(identity.card_qr, row)
                assert identity.card_qr.card is identity.card, name
            else:
                assert identity.personal_id is not None, name
                assert identity.personal_id.number == row["card"], name
                assert identity.personal_id_qr is not None and identity.card_qr is None, name
                check_personal_id_qr(identity.personal_id_qr, row)
            check_raw_fields(identity, payload, row)
            lenient = bhyt.identify(payload, lenient=True)
            assert lenient.kind == identity.kind
            if lenient.card_qr is not None:
                check_card_qr(lenient.card_qr, row)
            else:
                assert lenient.personal_id_qr is not None, name
                check_personal_id_qr(lenient.personal_id_qr, row)
        else:
            for lenient in (False, True):
                with pytest.raises(bhyt.InvalidCardNumber) as raised:
                    bhyt.identify(payload, lenient)
                assert (raised.value.code, raised.value.position) == (
                    row["code"],
                    position(row["position"]),
                ), name
                # `field` names the field of an invalid_qr_field error; the vectors write
                # "card" for a card error in field 0, which keeps the card's code.
                if row["code"] == "invalid_qr_field":
                    assert raised.value.field == row["field"], name
                    assert isinstance(raised.value.field, bhyt.QrField), name
                else:
                    assert raised.value.field is None, name
                    assert row["field"] == ("card" if row["kind"] == "card" else "-"), name


def utf8_hex(text: Optional[str]) -> Optional[str]:
    """A decoded text as qr.tsv writes it: the hex of its UTF-8, `None` for no text."""
    return None if text is None else text.encode("utf-8").hex()


def iso(date: Optional[datetime.date]) -> Optional[str]:
    """A `datetime.date` (never a `datetime.datetime`) as qr.tsv writes it."""
    if date is None:
        return None
    assert type(date) is datetime.date, date
    return date.isoformat()


def check_card_qr(qr: bhyt.CardQr, row: dict[str, str]) -> None:
    """Every field of a card's QR code against its qr.tsv row."""
    name = row["input"][:40]
    assert qr.card.compact == row["card"], name
    assert utf8_hex(qr.name) == row["name_hex"], name
    # A full date is a datetime.date; a birth year alone an int.
    if isinstance(qr.birth_date, int):
        assert len(row["birth_date"]) == 4 and qr.birth_date == int(row["birth_date"]), name
    else:
        assert iso(qr.birth_date) == row["birth_date"], name
    assert qr.sex == row["sex"], name
    assert utf8_hex(qr.address) == value(row["address_hex"]), name
    assert isinstance(qr.facility_code, bhyt.FacilityCode), name
    assert qr.facility_code.code == row["facility_code"], name
    assert iso(qr.valid_from) == row["valid_from"], name
    assert iso(qr.valid_to) == value(row["valid_to"]), name
    assert iso(qr.issued_on) == row["issued_on"], name
    assert qr.manager_code == row["manager_code"], name
    assert utf8_hex(qr.guardian_name) == value(row["guardian_hex"]), name
    assert iso(qr.five_years_on) == value(row["five_years_on"]), name
    assert qr.layout == row["layout"], name
    assert (str(qr.repaired).lower(), str(qr.utf16).lower()) == (row["repaired"], row["utf16"]), name


def check_personal_id_qr(qr: bhyt.PersonalIdQr, row: dict[str, str]) -> None:
    """Every field of a CCCD's QR code against its qr.tsv row."""
    name = row["input"][:40]
    assert qr.personal_id.number == row["card"], name
    assert qr.old_id == value(row["old_id"]), name
    assert utf8_hex(qr.name) == value(row["name_hex"]), name
    assert iso(qr.birth_date) == value(row["birth_date"]), name
    assert qr.sex == value(row["sex"]), name
    assert utf8_hex(qr.address) == value(row["address_hex"]), name
    assert iso(qr.issued_on) == value(row["issued_on"]), name


def check_raw_fields(identity: bhyt.Identity, payload: str, row: dict[str, str]) -> None:
    """The fields kept raw: their indexes as qr.tsv lists them, their values as typed."""
    qr = identity.card_qr if identity.card_qr is not None else identity.personal_id_qr
    assert qr is not None
    raw = qr.raw_fields
    assert isinstance(raw, tuple)
    assert (",".join(str(field.index) for field in raw) or "-") == row["raw_fields"], row["input"][:40]
    fields = payload.rstrip("\r\n").split("|")
    for field in raw:
        assert field.value == fields[field.index], row["input"][:40]


def test_every_qr_field_is_checked() -> None:
    # The columns of qr.tsv that check_card_qr, check_personal_id_qr and check_raw_fields
    # read, with the verdict's own: a new column fails here until it is checked.
    verdict = {"input", "kind", "valid", "code", "field", "position"}
    contents = {
        "card", "name_hex", "birth_date", "sex", "address_hex", "facility_code", "valid_from",
        "valid_to", "issued_on", "manager_code", "guardian_hex", "five_years_on", "raw_fields",
        "layout", "repaired", "utf16", "old_id",
    }
    assert set(QR[0]) == verdict | contents
    kinds = {row["kind"] for row in QR if row["valid"] == "true"}
    assert kinds == {"card_qr", "personal_id_qr"}
    # The vectors hold both shapes of a card's birth date and cards without an end date.
    assert any(len(row["birth_date"]) == 4 for row in QR if row["kind"] == "card_qr" and row["valid"] == "true")
    assert any(row["valid_to"] == "-" for row in QR if row["kind"] == "card_qr" and row["valid"] == "true")


def test_validity_on_from_scanned_card_qr() -> None:
    # The desk scans a card's QR code and asks validity_on with its dates as they come.
    checked = 0
    for row in QR:
        if row["kind"] != "card_qr" or row["valid"] != "true":
            continue
        qr = bhyt.identify(unescape(row["input"])).card_qr
        assert qr is not None
        start = qr.valid_from
        assert bhyt.validity_on(qr.valid_from, qr.valid_to, start) in (
            bhyt.Validity.VALID,
            bhyt.Validity.OPEN_ENDED,
        )
        before = start - datetime.timedelta(days=1)
        assert bhyt.validity_on(qr.valid_from, qr.valid_to, before) == bhyt.Validity.BEFORE_START
        if qr.valid_to is None:
            assert bhyt.validity_on(qr.valid_from, None, start + datetime.timedelta(days=3650)) == "open_ended"
        else:
            after = qr.valid_to + datetime.timedelta(days=1)
            assert bhyt.validity_on(qr.valid_from, qr.valid_to, after) == bhyt.Validity.EXPIRED
            assert bhyt.stay_notes(qr.valid_from, qr.valid_to, qr.valid_to, after, lang="en")[0].code == (
                bhyt.StayNoteCode.EXPIRED_BEFORE_DISCHARGE
            )
        checked += 1
    assert checked >= 15


FACILITY = list(rows(VECTORS / "facility.tsv"))


def test_facility_codes() -> None:
    assert len(FACILITY) >= 15
    for row in FACILITY:
        text = unescape(row["input"])
        name = row["input"]
        if row["valid"] == "true":
            code = bhyt.parse_facility_code(text, lang="en")
            assert (code.code, code.province, code.facility) == (
                row["facility_code"],
                row["province"],
                row["facility"],
            ), name
            assert str(code) == code.code and repr(code) == f"FacilityCode('{code.code}')"
            assert bhyt.parse_facility_code(text.encode()) == code
        else:
            for lang, start in (("en", "a facility code is a 2-digit province"), ("vi", "Mã cơ sở KCB")):
                with pytest.raises(bhyt.InvalidFacilityCode) as raised:
                    bhyt.parse_facility_code(text, lang=lang)
                error = raised.value
                assert isinstance(error, ValueError)
                assert (error.code, error.position) == (row["code"], position(row["position"])), name
                assert str(error) == error.message and error.message.startswith(start), name
                if len(text.strip()) >= 4:
                    assert text.strip() not in error.message and text.strip() not in repr(error), name


VALIDITY = list(rows(VECTORS / "validity.tsv"))


def test_validity_and_stay_notes() -> None:
    assert len(VALIDITY) >= 10
    day = datetime.date.fromisoformat
    for row in VALIDITY:
        name = row["input"]
        valid_from = day(row["valid_from"])
        to = value(row["valid_to"])
        valid_to = None if to is None else day(to)
        validity = bhyt.validity_on(valid_from, valid_to, day(row["date"]))
        assert validity == row["validity"] and isinstance(validity, bhyt.Validity), name
        for lang in ("vi", "en"):
            notes = bhyt.stay_notes(
                valid_from, valid_to, day(row["admission"]), day(row["discharge"]), lang=lang
            )
            assert [note.code for note in notes] == (
                [] if row["notes"] == "-" else row["notes"].split(",")
            ), name
            assert all(isinstance(note.code, bhyt.StayNoteCode) and note.message for note in notes)
        # A datetime counts by its calendar date.
        at_noon = datetime.datetime.combine(day(row["date"]), datetime.time(12))
        assert bhyt.validity_on(valid_from, valid_to, at_noon) == validity, name
