"""The Python API itself: types, enums from the core's tables, errors, privacy of reprs,
check_file, threads."""

from __future__ import annotations

import ast
import datetime
import pickle
import threading
from pathlib import Path

import pyarrow as pa
import pytest

import bhyt

STUB = Path(bhyt.__file__).with_name("__init__.pyi")


def stub_members(name: str) -> list[str]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return [
                statement.value.value
                for statement in node.body
                if isinstance(statement, ast.Assign)
                and isinstance(statement.value, ast.Constant)
            ]
    raise AssertionError(f"{name} is not in {STUB}")


def test_code_enums_are_the_cores_tables_and_the_stubs_list_them() -> None:
    errors = [member.value for member in bhyt.ErrorCode]
    assert errors[:6] == [
        "invalid_length",
        "invalid_character",
        "unknown_group_code",
        "late_group_code",
        "invalid_benefit_level",
        "invalid_province_code",
    ]
    assert "unrecognized_input" in errors
    assert stub_members("ErrorCode") == errors
    assert stub_members("AdviceCode") == [member.value for member in bhyt.AdviceCode]
    for enum_class in (bhyt.QrField, bhyt.Validity, bhyt.StayNoteCode):
        assert stub_members(enum_class.__name__) == [member.value for member in enum_class]
        assert all(isinstance(member, str) for member in enum_class)
    assert "guardian_name" in (bhyt.QrField.__doc__ or "")
    assert bhyt.Validity.OPEN_ENDED == "open_ended" and str(bhyt.Validity.VALID) == "valid"
    assert bhyt.ErrorCode.INVALID_LENGTH == "invalid_length"
    assert str(bhyt.ErrorCode.INVALID_LENGTH) == "invalid_length"
    assert isinstance(bhyt.ErrorCode.INVALID_LENGTH, str)
    assert "invalid_length" in (bhyt.ErrorCode.__doc__ or "")


def test_validate_result() -> None:
    result = bhyt.validate("DN4000123456789", lang="en")
    assert not result.valid and not result
    assert result.card is None and result.error is not None
    assert result.error.code is bhyt.ErrorCode.INVALID_PROVINCE_CODE
    assert result.error.position == 3
    assert result.error.message == "the province code (characters 4-5) cannot be 00"
    assert str(result.error) == result.error.message
    assert "DN4000123456789" not in repr(result)
    vi = bhyt.validate("DN4000123456789")
    assert vi.error is not None and vi.error.message != result.error.message


def test_card() -> None:
    card = bhyt.parse("HS4010120878811", lang="en")
    assert (card.form, card.group_code, card.benefit_level) == (15, "HS", 4)
    assert (card.issuer, card.province_code) == ("vss", "01")
    assert card.group_description == "pupils"
    assert card.benefit_meaning == "80% of in-scope costs"
    assert card.issuer_name == "Vietnam Social Security"
    assert (card.social_insurance_number, card.key) == ("0120878811", "0120878811")
    assert card.grouped == "HS 4 01 0120878811" and card.format("compact") == card.compact
    assert repr(card) == str(card) == "Card('HS 4 01 ******8811')"
    # Equal and hashed by identity key: the 10-digit form and the 15-character form of one
    # card are one card.
    short = bhyt.parse("0120878811")
    assert short == card and hash(short) == hash(card) and len({short, card}) == 1
    assert card != bhyt.parse("HS4010120878812") and card != "HS4010120878811"
    with pytest.raises(AttributeError):
        card.form = 10  # type: ignore[misc]
    with pytest.raises(ValueError):
        card.format("fancy")


def test_cards_and_errors_pickle() -> None:
    import pickle

    card = bhyt.parse("hs 4 01 0120878811", lenient=True, lang="en")
    again = pickle.loads(pickle.dumps(card))
    assert again == card and again.grouped == card.grouped
    assert again.group_description == card.group_description == "pupils"
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.parse("DN4000123456789", lang="en")
    error = pickle.loads(pickle.dumps(raised.value))
    assert isinstance(error, bhyt.InvalidCardNumber)
    assert (error.code, error.position, str(error)) == (
        bhyt.ErrorCode.INVALID_PROVINCE_CODE,
        3,
        raised.value.message,
    )


def test_invalid_card_number() -> None:
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.parse("\U0001d7ceN4010120878811")
    error = raised.value
    assert isinstance(error, ValueError)
    assert (error.code, error.position) == (bhyt.ErrorCode.INVALID_CHARACTER, 0)
    assert "N4010120878811" not in str(error) and "N4010120878811" not in repr(error)
    # An astral character counts once: the error after it is at str index 1.
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.parse("\U0001d7ce" + "x" * 9)
    assert raised.value.position == 0
    text = "H\U0001d7ce4010120878811"
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.parse(text)
    assert raised.value.position == 1 and text[raised.value.position] == "\U0001d7ce"
    with pytest.raises(bhyt.InvalidCardNumber):
        bhyt.format("123")


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="issuer"):
        bhyt.validate("0120878811", issuer="army")
    with pytest.raises(ValueError, match="language"):
        bhyt.validate("0120878811", lang="fr")
    with pytest.raises(TypeError):
        bhyt.validate(120878811)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="strings"):
        bhyt.validate_array(pa.array([1, 2]))
    with pytest.raises(TypeError, match="validate"):
        bhyt.validate_array("HS4010120878811")
    with pytest.raises(TypeError):
        bhyt.validate_array(["HS4010120878811", 15])


def test_lenient_normalize_format() -> None:
    assert bhyt.is_valid(" hs 4 01 0120878811 ", lenient=True)
    assert not bhyt.is_valid(" hs 4 01 0120878811 ")
    assert bhyt.normalize("4.01.01.013.048.0001") == "401010130480001"
    assert bhyt.format("hs4010120878811", lenient=True) == "HS 4 01 0120878811"
    assert bhyt.format(b"HS4010120878811", "masked") == "HS 4 01 ******8811"
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.normalize("1234567890123456")
    assert raised.value.code == bhyt.ErrorCode.INVALID_LENGTH


def test_issuer() -> None:
    assert bhyt.is_valid("CA4980120878811", issuer="police")
    result = bhyt.validate("CA4010120878811", issuer="police", lang="en")
    assert result.error is not None and result.error.code == "invalid_province_code"


def test_prefix_identify_advise() -> None:
    check = bhyt.check_prefix("DN40")
    assert (check.state, check.form, check.missing) == ("incomplete", 15, 11)
    check = bhyt.check_prefix("DS")
    assert (check.state, check.at) == ("invalid", 1)
    assert check.error is not None and check.error.position == 0
    assert bhyt.identify("079095001234").kind == "personal_id"
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.identify("12345")
    assert raised.value.code == bhyt.ErrorCode.UNRECOGNIZED_INPUT
    notes = bhyt.advise("0123456789", lang="en")
    assert all(isinstance(note.code, bhyt.AdviceCode) and note.message for note in notes)
    notes = bhyt.advise(" nd 4 01 0123456789 ", lenient=True)
    assert len(notes) == 1 and notes[0].code in set(bhyt.AdviceCode)
    items = bhyt.parse_ma_the_bhyt("HS4010120878811;  DN4000123456789 ")
    assert [(item.valid, item.position) for item in items] == [(True, 0), (False, 18)]
    assert items[1].error is not None and items[1].error.position == 21
    assert "DN4000123456789" not in repr(items[1])


def test_check_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "stt,ma_the_bhyt\n1,HS4010120878811\n2,DN4000123456789\n3,0120878811\n",
        encoding="utf-8",
    )
    summary, report = bhyt.check_file(str(path), duplicates=True, lang="en")
    assert (summary["rows"], summary["valid"], summary["invalid"]) == (3, 2, 1)
    assert summary["errors"] == {"invalid_province_code": 1}
    assert summary["column"] == "ma_the_bhyt"
    rows = list(report)
    assert [(row["row"], row["kind"], row["code"]) for row in rows] == [
        (3, "error", "invalid_province_code"),
        (4, "duplicate", "duplicate_card"),
    ]
    assert all("4000123456789" not in row["masked"] for row in rows)
    assert rows[0]["position"] == 3
    by_number = bhyt.check_file(str(path), column=2, header=1)
    assert by_number.summary["valid"] == 2
    with pytest.raises(ValueError):
        bhyt.check_file(str(path), column="missing")
    with pytest.raises(ValueError):
        bhyt.check_file(str(tmp_path / "list.unknown"))


def test_validate_array_releases_the_gil() -> None:
    # With a switch interval of 1,000 s, the interpreter never takes the GIL from the main
    # thread: the counting thread runs only while the main thread releases it. It does not
    # during Python code, and does while the extension checks a column.
    import sys
    import time

    from bhyt import _bhyt

    column = pa.array(["HS4010120878811", "DN4000123456789"] * 1_500_000)
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)  # releases the GIL, so the main thread can take it back

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    thread = threading.Thread(target=count)
    thread.start()
    try:
        while ticks == 0:
            time.sleep(0.001)
        before = ticks
        total = 0
        for i in range(3_000_000):
            total += i
        python_code = ticks - before
        before = ticks
        verdicts = _bhyt.validate_array(column, "any", False)
        checking = ticks - before
    finally:
        done.set()
        thread.join()
        sys.setswitchinterval(interval)
    assert len(verdicts) == 3_000_000 and total > 0
    assert python_code == 0
    assert checking > 0


def test_facility_code() -> None:
    code = bhyt.parse_facility_code("79 - a01".upper())
    assert (code.code, code.province, code.facility) == ("79A01", "79", "A01")
    assert code == bhyt.parse_facility_code("79A01") and hash(code) == hash(bhyt.parse_facility_code(b"79-A01"))
    assert code != bhyt.parse_facility_code("79A02") and code != "79A01"
    assert len({code, bhyt.parse_facility_code("79A01")}) == 1
    assert pickle.loads(pickle.dumps(code)) == code
    with pytest.raises(AttributeError):
        code.code = "01028"  # type: ignore[misc]
    with pytest.raises(bhyt.InvalidFacilityCode) as raised:
        bhyt.parse_facility_code("01 - 0\U0001d7ce8", lang="en")
    # An astral character counts once: position 6 is a str index.
    assert raised.value.position == 6 and raised.value.code == "invalid_facility_code"
    assert raised.value.message.startswith(
        "a facility code is a 2-digit province and 3 characters (e.g. 01 - 028); character 7 is "
    )
    error = pickle.loads(pickle.dumps(raised.value))
    assert isinstance(error, bhyt.InvalidFacilityCode)
    assert (error.code, error.position, str(error)) == ("invalid_facility_code", 6, raised.value.message)
    assert repr(error) == "InvalidFacilityCode(code='invalid_facility_code', position=6)"
    with pytest.raises(bhyt.InvalidFacilityCode) as raised:
        bhyt.parse_facility_code("01-0289876", lang="en")
    assert raised.value.position is None
    assert "0289876" not in str(raised.value) and "0289876" not in repr(raised.value)


def test_facility_code_arguments() -> None:
    with pytest.raises(TypeError, match="expected str or bytes, got int"):
        bhyt.parse_facility_code(1028)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        bhyt.parse_facility_code("01028", lang="fr")


D = datetime.date


def test_validity_on_and_stay_notes() -> None:
    assert bhyt.validity_on(D(2025, 1, 1), None, D(2030, 1, 1)) is bhyt.Validity.OPEN_ENDED
    assert bhyt.validity_on(D(2025, 1, 1), D(2025, 12, 31), D(2024, 12, 31)) == "before_start"
    assert bhyt.stay_notes(D(2025, 1, 1), D(2025, 12, 31), D(2025, 3, 1), D(2025, 3, 9)) == []
    [note] = bhyt.stay_notes(D(2025, 1, 10), None, D(2025, 1, 5), D(2025, 1, 20))
    assert note.code is bhyt.StayNoteCode.BECAME_VALID_DURING_STAY
    assert note.message.startswith("Thẻ bắt đầu có giá trị") and str(note) == note.message
    assert repr(note) == "StayNote(code='became_valid_during_stay')"
    [english] = bhyt.stay_notes(D(2025, 1, 10), None, D(2025, 1, 5), D(2025, 1, 20), lang="en")
    assert english.message == "the card became valid during the stay (admitted before its valid-from date)"
    assert english != note and english == bhyt.stay_notes(D(2025, 1, 10), None, D(2025, 1, 5), D(2025, 1, 20), "en")[0]
    # The discharge is a datetime (NGAY_RA has a time): its date counts.
    notes = bhyt.stay_notes(
        D(2025, 1, 1), D(2025, 1, 31), datetime.datetime(2025, 1, 30, 8), datetime.datetime(2025, 2, 3, 10)
    )
    assert [n.code for n in notes] == ["expired_before_discharge"]


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: bhyt.validity_on("2025-01-01", None, D(2025, 1, 1)), "valid_from"),  # type: ignore[arg-type]
        (lambda: bhyt.validity_on(D(2025, 1, 1), "2025-12-31", D(2025, 1, 1)), "valid_to"),  # type: ignore[arg-type]
        (lambda: bhyt.validity_on(D(2025, 1, 1), "", D(2025, 1, 1)), "valid_to"),  # type: ignore[arg-type]
        (lambda: bhyt.validity_on(D(2025, 1, 1), None, 20250101), "date"),  # type: ignore[arg-type]
        (lambda: bhyt.stay_notes(D(2025, 1, 1), None, "2025-01-01", D(2025, 1, 2)), "admission"),  # type: ignore[arg-type]
        (lambda: bhyt.stay_notes(D(2025, 1, 1), None, D(2025, 1, 1), datetime.time(9)), "discharge"),  # type: ignore[arg-type]
        (lambda: bhyt.stay_notes(D(2025, 1, 1), 0, D(2025, 1, 1), D(2025, 1, 2)), "valid_to"),  # type: ignore[arg-type]
    ],
)
def test_date_arguments_are_checked(call: object, name: str) -> None:
    with pytest.raises(TypeError) as raised:
        call()  # type: ignore[operator]
    message = str(raised.value)
    assert message.startswith(f"{name}: expected a datetime.date, got "), message
    # The type is named, never the value.
    assert "2025-" not in message and "20250101" not in message


def test_a_date_given_as_text_gets_a_hint() -> None:
    with pytest.raises(TypeError, match="fromisoformat"):
        bhyt.validity_on("2025-01-01", None, D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        bhyt.stay_notes(D(2025, 1, 1), None, D(2025, 1, 1), D(2025, 1, 2), lang="fr")
    with pytest.raises(TypeError):
        bhyt.validity_on(D(2025, 1, 1), None)  # type: ignore[call-arg]


def test_a_qr_field_error_names_its_field() -> None:
    payload = "001195001234||B|31022001|Nữ|Hà Nội|"
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.identify(payload, lang="en")
    error = raised.value
    assert error.code is bhyt.ErrorCode.INVALID_QR_FIELD
    assert error.field is bhyt.QrField.BIRTH_DATE and error.field == "birth_date"
    assert error.position == payload.index("31022001")
    assert repr(error) == "InvalidCardNumber(code='invalid_qr_field', position=16, field='birth_date')"
    for text in (str(error), repr(error)):
        assert "31022001" not in text and "001195001234" not in text and "Hà Nội" not in text
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.position, again.field) == (error.code, error.position, error.field)
    # Every other error has no field: a card error in field 0 of a card's QR code keeps the
    # card's code.
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.identify(
            "DN4000123456789|4e677579e1bb856e2056c4836e2041|15/08/1990|1|"
            "3132204cc3aa204ce1bba3692c204875e1babf|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|$"
        )
    assert raised.value.code == "invalid_province_code" and raised.value.field is None
    with pytest.raises(bhyt.InvalidCardNumber) as raised:
        bhyt.parse("DN4000123456789")
    assert raised.value.field is None and "field" not in repr(raised.value)


CARD_QR = (
    "HS4010120878811|4e677579e1bb856e2056c4836e2041|15/08/1990|1|"
    "3132204cc3aa204ce1bba3692c204875e1babf|01 - 028|01/01/2025|31/12/2025|01/01/2025|79|"
    "4e677579e1bb856e2056c4836e2042|4| 01/01/2030|4641c59ff02659c3-1202|$"
)
PERSONAL_ID_QR = "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021"


def test_a_card_qr_holds_the_cores_fields_as_python_values() -> None:
    identity = bhyt.identify(CARD_QR, lang="en")
    qr = identity.card_qr
    assert identity.kind == "card_qr" and identity.personal_id_qr is None
    assert isinstance(qr, bhyt.CardQr) and qr.card is identity.card
    assert (qr.name, qr.sex, qr.address) == ("Nguyễn Văn A", "male", "12 Lê Lợi, Huế")
    assert qr.birth_date == D(1990, 8, 15) and type(qr.birth_date) is datetime.date
    assert qr.facility_code == bhyt.parse_facility_code("01028")
    assert (qr.valid_from, qr.valid_to, qr.issued_on) == (D(2025, 1, 1), D(2025, 12, 31), D(2025, 1, 1))
    assert (qr.manager_code, qr.guardian_name, qr.five_years_on) == ("79", "Nguyễn Văn B", D(2030, 1, 1))
    assert [(field.index, field.value) for field in qr.raw_fields] == [(11, "4"), (13, "4641c59ff02659c3-1202")]
    assert (qr.layout, qr.repaired, qr.utf16) == ("15_tokens", False, False)
    assert qr.card.group_description == "pupils"  # the card's view, in the language asked
    # The desk's next question, fed straight from the scan.
    assert bhyt.validity_on(qr.valid_from, qr.valid_to, D(2025, 6, 1)) == bhyt.Validity.VALID
    assert bhyt.stay_notes(qr.valid_from, qr.valid_to, D(2025, 12, 30), D(2026, 1, 2)) != []


def test_a_personal_id_qr_holds_the_cores_fields_as_python_values() -> None:
    identity = bhyt.identify(PERSONAL_ID_QR)
    qr = identity.personal_id_qr
    assert identity.kind == "personal_id_qr" and identity.card_qr is None
    assert isinstance(qr, bhyt.PersonalIdQr) and qr.personal_id is identity.personal_id
    assert (qr.old_id, qr.name, qr.sex, qr.address) == ("123456789", "Nguyễn Văn A", "male", "12 Lê Lợi, Huế")
    assert (qr.birth_date, qr.issued_on, qr.raw_fields) == (D(1995, 8, 15), D(2021, 1, 1), ())
    empty = bhyt.identify("001195001234||Trần Thị B|01012001|Nữ|Hà Nội|").personal_id_qr
    assert empty is not None and (empty.old_id, empty.issued_on, empty.sex) == (None, None, "female")
    # Neither a typed number nor a typed card has QR contents.
    for typed in ("079095001234", "HS4010120878811"):
        found = bhyt.identify(typed)
        assert found.card_qr is None and found.personal_id_qr is None


def test_qr_contents_are_read_only_and_their_reprs_hold_no_personal_data() -> None:
    card_qr = bhyt.identify(CARD_QR).card_qr
    id_qr = bhyt.identify(PERSONAL_ID_QR).personal_id_qr
    assert card_qr is not None and id_qr is not None
    assert repr(card_qr) == "CardQr('HS 4 01 ******8811')"
    assert repr(id_qr) == "PersonalIdQr('********1234')"
    assert repr(card_qr.raw_fields[1]) == "RawField(index=13)"
    secrets = [
        "0120878811", "079095001234", "123456789", "Nguyễn", "Văn", "Lê Lợi", "Huế",
        "1990", "15/08", "08-15", "1995", "15081995", "4641c59ff02659c3",
    ]
    shown = [repr(card_qr), str(card_qr), repr(id_qr), str(id_qr), repr(bhyt.identify(CARD_QR))]
    shown += [repr(field) for field in card_qr.raw_fields]
    shown += [repr(card_qr.raw_fields), repr(id_qr.personal_id)]
    for text in shown:
        for secret in secrets:
            assert secret not in text, (text, secret)
    for obj, attribute in ((card_qr, "name"), (card_qr, "valid_to"), (id_qr, "address"), (card_qr.raw_fields[0], "value")):
        with pytest.raises(AttributeError):
            setattr(obj, attribute, None)
    with pytest.raises(AttributeError):
        card_qr.extra = 1  # type: ignore[attr-defined]
