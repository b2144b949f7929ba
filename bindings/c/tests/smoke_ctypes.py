"""A non-C host: Python's ctypes loads the installed libbhyt.so and validates a few numbers.

usage: python3 smoke_ctypes.py /path/to/libbhyt.so
The structures below are the ones the README shows; keep the two in step.
"""

import ctypes
import sys

BHYT_OK = 0
BHYT_INVALID_PROVINCE_CODE = 6
BHYT_NULL_ARGUMENT = 100
BHYT_ISSUER_ANY, BHYT_ISSUER_VSS, BHYT_ISSUER_POLICE, BHYT_ISSUER_DEFENCE = 0, 1, 2, 3
BHYT_STYLE_COMPACT, BHYT_STYLE_GROUPED, BHYT_STYLE_MASKED = 0, 1, 2
BHYT_LANG_VI, BHYT_LANG_EN = 0, 1
BHYT_FORMAT_SIZE = 19
NO_POSITION = ctypes.c_size_t(-1).value


class Card(ctypes.Structure):
    _fields_ = [
        ("form", ctypes.c_uint8),
        ("benefit_level", ctypes.c_uint8),
        ("province_code", ctypes.c_uint8),
        ("issuer", ctypes.c_uint32),
        ("compact", ctypes.c_char * 16),
        ("group_code", ctypes.c_char * 3),
        ("social_insurance_number", ctypes.c_char * 11),
        ("key", ctypes.c_uint64),
        ("group_description_vi", ctypes.c_char_p),
        ("group_description_en", ctypes.c_char_p),
        ("benefit_meaning_vi", ctypes.c_char_p),
        ("benefit_meaning_en", ctypes.c_char_p),
        ("issuer_name_vi", ctypes.c_char_p),
        ("issuer_name_en", ctypes.c_char_p),
    ]


class Error(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_uint32),
        ("position", ctypes.c_size_t),
        ("byte_offset", ctypes.c_size_t),
    ]


def load(path):
    lib = ctypes.CDLL(path)
    lib.bhyt_version.restype = ctypes.c_char_p
    lib.bhyt_validate.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32]
    lib.bhyt_validate.restype = ctypes.c_uint32
    lib.bhyt_validate_lenient.argtypes = lib.bhyt_validate.argtypes
    lib.bhyt_validate_lenient.restype = ctypes.c_uint32
    lib.bhyt_parse_lenient.argtypes = [
        ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32,
        ctypes.POINTER(Card), ctypes.POINTER(Error),
    ]
    lib.bhyt_parse_lenient.restype = ctypes.c_uint32
    lib.bhyt_format.argtypes = [
        ctypes.POINTER(Card), ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t,
        ctypes.POINTER(ctypes.c_size_t),
    ]
    lib.bhyt_format.restype = ctypes.c_uint32
    lib.bhyt_error_code_name.argtypes = [ctypes.c_uint32]
    lib.bhyt_error_code_name.restype = ctypes.c_char_p
    lib.bhyt_error_message.argtypes = [ctypes.c_uint32, ctypes.c_uint32]
    lib.bhyt_error_message.restype = ctypes.c_char_p
    return lib


def main():
    lib = load(sys.argv[1])
    checks = []

    def check(ok, what):
        checks.append(ok)
        if not ok:
            print("ctypes: check failed:", what, file=sys.stderr)

    def validate(text, issuer=BHYT_ISSUER_ANY):
        data = text.encode("utf-8")
        return lib.bhyt_validate(data, len(data), issuer)

    check(lib.bhyt_version().decode() != "", "version")
    check(validate("0101010101") == BHYT_OK, "10 digits")
    check(validate("DN4010123456789", BHYT_ISSUER_VSS) == BHYT_OK, "15 characters")
    check(validate("DN4010123456789", BHYT_ISSUER_POLICE) == BHYT_INVALID_PROVINCE_CODE, "issuer")
    check(validate("Đ101010101") == 2, "non-ASCII is invalid_character")
    check(lib.bhyt_validate(None, 0, 0) == BHYT_NULL_ARGUMENT, "NULL")
    check(lib.bhyt_validate(b"0101\x0010101", 10, 0) == 2, "embedded NUL")
    check(lib.bhyt_error_code_name(6).decode() == "invalid_province_code", "name")
    check("mã nơi cấp" in lib.bhyt_error_message(6, BHYT_LANG_VI).decode("utf-8"), "message vi")

    card, error = Card(), Error()
    data = " ca 5 98 0123456789 ".encode()
    check(lib.bhyt_parse_lenient(data, len(data), BHYT_ISSUER_POLICE, card, error) == BHYT_OK,
          "parse")
    check(card.compact == b"CA5980123456789", "compact")
    check(card.group_code == b"CA" and card.benefit_level == 5 and card.province_code == 98,
          "parts")
    check(card.issuer == BHYT_ISSUER_POLICE and card.key == 123456789, "issuer and key")
    check(card.issuer_name_vi.decode("utf-8") == "Bảo hiểm xã hội Công an nhân dân", "names")
    check(card.group_description_en.decode() == "police officers", "group description")

    buffer = ctypes.create_string_buffer(BHYT_FORMAT_SIZE)
    required = ctypes.c_size_t(0)
    rc = lib.bhyt_format(card, BHYT_STYLE_MASKED, buffer, len(buffer), ctypes.byref(required))
    check(rc == BHYT_OK and buffer.value == b"CA 5 98 ******6789", "masked")
    check(required.value == 19, "required size")

    data = "HS 6".encode()
    check(lib.bhyt_parse_lenient(data, len(data), 0, card, error) == 1, "length")
    data = "HS 6 01 0120878811".encode()
    check(lib.bhyt_parse_lenient(data, len(data), 0, card, error) == 5, "benefit level")
    check(error.code == 5 and error.position == 3 and error.byte_offset == 3, "error detail")

    failed = checks.count(False)
    print(f"ctypes: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
