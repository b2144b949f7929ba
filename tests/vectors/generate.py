#!/usr/bin/env python3
"""Generate the shared bhyt test vectors: cards.tsv, prefixes.tsv,
identify.tsv and ma_the.tsv.

This script is an independent oracle of the VNeID integration rule for BHYT
card numbers (source: ../shared/spec/bhyt-card-number.md, 'The VNeID
integration rule' (provincial VNeID integration guides, 2025)), and of the
reception-desk uses the spec's 'Background facts' describe: one search box
taking a card number or a 12-digit personal identification number, and the
claims field MA_THE_BHYT (codes joined with ';'). Where the spec is silent
there, it follows the documented contract of the Rust entry points (README.md
lists those points). It is written to be read next to the rule, step by step;
it shares no code with the library.

    python3 generate.py          rewrite the four .tsv files
    python3 generate.py --check  exit 1 (naming the file) if a committed file
                                 differs from what this script would write

Standard library only, Python 3.11. The output is deterministic: rows are
written in the fixed order in which the case lists below produce them,
with exact duplicates (same mode, issuer and input) dropped.

All non-ASCII and invisible characters in this source are written as \\u
escapes so that every case can be audited without guessing what a glyph is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SOURCE = ("../shared/spec/bhyt-card-number.md, 'The VNeID integration rule' "
          "(provincial VNeID integration guides, 2025)")
RECEPTION_SOURCE = ("../shared/spec/bhyt-card-number.md, 'The VNeID integration rule' and "
                    "'Background facts' (reception desks, MA_THE_BHYT)")

# ---------------------------------------------------------------------------
# The rule's data
# ---------------------------------------------------------------------------

# The 43 group codes of the VNeID list (spec rule 2), in the spec's order.
GROUP_CODES = (
    "DN HX CH NN TK HC XK HT TB NO CT XB TN CS QN CA CY XN MS CC CK CB KC HD "
    "TE BT HN DT DK XD TS TC TQ TA TY HG LS PV CN HS SV GB GD"
).split()
assert len(GROUP_CODES) == 43 and len(set(GROUP_CODES)) == 43

# Issued after the VNeID list (QD 1697/QD-BHXH, 2023): still rejected, but
# with their own error code.
LATE_CODES = ("ND", "TG", "AK")

# Reported only by secondary sources; plain unknown codes for the rule.
SECONDARY_CODES = ("LH", "DS", "HK", "TH", "TV", "TD", "TU", "BA")

# First letters that can start a group code.
FIRST_LETTERS = frozenset(code[0] for code in GROUP_CODES)

MODES = ("strict", "lenient")
ISSUERS = ("any", "vss", "police", "defence")

# "Letter" is ASCII A-Z only, "digit" is ASCII 0-9 only. These patterns are
# literal ranges (no \d, no IGNORECASE), so nothing outside ASCII matches.
LETTER_RE = re.compile(r"[A-Z]")
DIGIT_RE = re.compile(r"[0-9]")
BENEFIT_RE = re.compile(r"[1-5]")


def is_letter(ch: str) -> bool:
    return LETTER_RE.fullmatch(ch) is not None


def is_digit(ch: str) -> bool:
    return DIGIT_RE.fullmatch(ch) is not None


# Which province values (characters 4-5, as a number) each issuer accepts.
# 00 is never valid; 97 = Defence, 98 = Police (spec rule 4).
def province_allowed(issuer: str, v: int) -> bool:
    if v == 0:
        return False
    table = {
        "any": True,
        "vss": v not in (97, 98),
        "police": v == 98,
        "defence": v == 97,
    }
    return table[issuer]


# Issuers that fix the first province digit to '9' (checked at index 3).
ISSUERS_NEEDING_9 = ("police", "defence")

# Unicode White_Space, exactly (PropList.txt). Not Python's str.isspace,
# which also accepts U+001C..U+001F.
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x0009, 0x000D + 1)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200A + 1)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)
assert len(WHITE_SPACE) == 25

# Characters that lenient mode drops.
DROPPED = WHITE_SPACE | {".", "-", "_"}

# Lenient mode uppercases ASCII a-z only.
ASCII_UPPER = {chr(c): chr(c - 32) for c in range(ord("a"), ord("z") + 1)}


# ---------------------------------------------------------------------------
# The rule
# ---------------------------------------------------------------------------

def normalize(inp: str, mode: str) -> tuple[str, list[int]]:
    """Return (kept characters, original index of each kept character)."""
    if mode == "strict":
        return inp, list(range(len(inp)))
    kept: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(inp):
        if ch in DROPPED:
            continue
        kept.append(ASCII_UPPER.get(ch, ch))
        where.append(i)
    return "".join(kept), where


def check_long_at(t: str, i: int, issuer: str) -> tuple[str, int] | None:
    """Run the 15-character form's check for index i on t (len(t) > i).

    Only t[0..i] is used, except that the check at i=0 also looks at t[1]
    when it is present. Returns (error code, error position) or None.
    """
    ch = t[i]
    if i == 0:
        if not is_letter(ch):
            return ("invalid_character", 0)
        if ch not in FIRST_LETTERS:
            if len(t) >= 2 and t[0:2] in LATE_CODES:
                return ("late_group_code", 0)
            return ("unknown_group_code", 0)
        return None
    if i == 1:
        if not is_letter(ch):
            return ("invalid_character", 1)
        if t[0:2] not in GROUP_CODES:
            if t[0:2] in LATE_CODES:
                return ("late_group_code", 0)
            return ("unknown_group_code", 0)
        return None
    if i == 2:
        if not is_digit(ch):
            return ("invalid_character", 2)
        if BENEFIT_RE.fullmatch(ch) is None:
            return ("invalid_benefit_level", 2)
        return None
    if i == 3:
        if not is_digit(ch):
            return ("invalid_character", 3)
        if issuer in ISSUERS_NEEDING_9 and ch != "9":
            return ("invalid_province_code", 3)
        return None
    if i == 4:
        if not is_digit(ch):
            return ("invalid_character", 4)
        if not province_allowed(issuer, int(t[3:5])):
            return ("invalid_province_code", 3)
        return None
    # i = 5..14: the social-insurance number.
    if not is_digit(ch):
        return ("invalid_character", i)
    return None


def strict_check(t: str, issuer: str) -> tuple[str, int | None] | None:
    """The strict check. Returns (code, position or None) or None if valid."""
    n = len(t)
    if n not in (10, 15):
        return ("invalid_length", None)
    if n == 10:
        for i, ch in enumerate(t):
            if not is_digit(ch):
                return ("invalid_character", i)
        return None
    for i in range(15):
        failure = check_long_at(t, i, issuer)
        if failure is not None:
            return failure
    return None


def prefix_check(t: str, issuer: str):
    """The as-you-type check.

    Returns (state, at, code, position); at/code/position are None unless
    the state is 'invalid' (position is None for invalid_length).
    """
    n = len(t)
    if n == 0:
        return ("incomplete", None, None, None)
    if is_digit(t[0]):
        for i in range(min(n, 10)):
            if not is_digit(t[i]):
                return ("invalid", i, "invalid_character", i)
        if n > 10:
            return ("invalid", 10, "invalid_length", None)
        return ("complete" if n == 10 else "incomplete", None, None, None)
    if is_letter(t[0]):
        for i in range(min(n, 15)):
            failure = check_long_at(t, i, issuer)
            if failure is not None:
                code, position = failure
                return ("invalid", i, code, position)
        if n > 15:
            return ("invalid", 15, "invalid_length", None)
        return ("complete" if n == 15 else "incomplete", None, None, None)
    return ("invalid", 0, "invalid_character", 0)


def decode_valid(c: str) -> dict[str, str]:
    """Fields of a valid card, from its compact form c."""
    if len(c) == 10:
        return {
            "form": "10", "group": "-", "benefit": "-",
            "issuer_decoded": "-", "province": "-",
            "sin": c, "compact": c, "grouped": c,
            "masked": "******" + c[6:10],
        }
    v = int(c[3:5])
    decoded = "defence" if v == 97 else "police" if v == 98 else "vss"
    return {
        "form": "15", "group": c[0:2], "benefit": c[2],
        "issuer_decoded": decoded, "province": c[3:5],
        "sin": c[5:15], "compact": c,
        "grouped": c[0:2] + " " + c[2] + " " + c[3:5] + " " + c[5:15],
        "masked": c[0:2] + " " + c[2] + " " + c[3:5] + " ******" + c[11:15],
    }


# ---------------------------------------------------------------------------
# The reception desk's search box: a card number or a personal
# identification number (spec, 'Background facts', last item: "Reception
# desks also accept the 12-digit personal identification number ...")
# ---------------------------------------------------------------------------

# The statistics office's 2-digit codes of the 63 provinces before the 2025
# merger (spec background: "01 Ha Noi ... 79 Ho Chi Minh ... 96 Ca Mau").
# A birth-place code "0" + one of these is on the 2016 list; anything else
# (000, 003, 097-099, 100-999, ...) is not, which is reported, never an error.
PROVINCES_2016 = {
    1: "Ha Noi", 2: "Ha Giang", 4: "Cao Bang", 6: "Bac Kan", 8: "Tuyen Quang",
    10: "Lao Cai", 11: "Dien Bien", 12: "Lai Chau", 14: "Son La", 15: "Yen Bai",
    17: "Hoa Binh", 19: "Thai Nguyen", 20: "Lang Son", 22: "Quang Ninh",
    24: "Bac Giang", 25: "Phu Tho", 26: "Vinh Phuc", 27: "Bac Ninh",
    30: "Hai Duong", 31: "Hai Phong", 33: "Hung Yen", 34: "Thai Binh",
    35: "Ha Nam", 36: "Nam Dinh", 37: "Ninh Binh", 38: "Thanh Hoa",
    40: "Nghe An", 42: "Ha Tinh", 44: "Quang Binh", 45: "Quang Tri",
    46: "Thua Thien Hue", 48: "Da Nang", 49: "Quang Nam", 51: "Quang Ngai",
    52: "Binh Dinh", 54: "Phu Yen", 56: "Khanh Hoa", 58: "Ninh Thuan",
    60: "Binh Thuan", 62: "Kon Tum", 64: "Gia Lai", 66: "Dak Lak",
    67: "Dak Nong", 68: "Lam Dong", 70: "Binh Phuoc", 72: "Tay Ninh",
    74: "Binh Duong", 75: "Dong Nai", 77: "Ba Ria - Vung Tau",
    79: "Ho Chi Minh", 80: "Long An", 82: "Tien Giang", 83: "Ben Tre",
    84: "Tra Vinh", 86: "Vinh Long", 87: "Dong Thap", 89: "An Giang",
    91: "Kien Giang", 92: "Can Tho", 93: "Hau Giang", 94: "Soc Trang",
    95: "Bac Lieu", 96: "Ca Mau",
}
assert len(PROVINCES_2016) == 63 and min(PROVINCES_2016) == 1 and max(PROVINCES_2016) == 96

# Digit 4: century and sex, written out in full (spec: "1900s: 0 male,
# 1 female; 2000s: 2/3; 2100s: 4/5; ..."; the "..." continues the pattern).
CENTURY_SEX = {
    "0": (1900, "male"), "1": (1900, "female"),
    "2": (2000, "male"), "3": (2000, "female"),
    "4": (2100, "male"), "5": (2100, "female"),
    "6": (2200, "male"), "7": (2200, "female"),
    "8": (2300, "male"), "9": (2300, "female"),
}

PERSONAL_ID_LENGTH = 12


def decode_personal_id(d: str) -> dict[str, str]:
    """Fields of a valid personal identification number d (12 ASCII digits)."""
    assert len(d) == PERSONAL_ID_LENGTH and all(is_digit(ch) for ch in d)
    birth_place = d[0:3]
    listed = birth_place[0] == "0" and int(birth_place[1:3]) in PROVINCES_2016
    century, sex = CENTURY_SEX[d[3]]
    return {
        "compact": d, "birth_place": birth_place,
        "on_2016_list": "true" if listed else "false",
        "sex": sex, "century": str(century),
        "birth_year": str(century + int(d[4:6])),
        "masked": "********" + d[8:12],
    }


def identify(inp: str, mode: str) -> dict[str, str]:
    """What the search box holds.

    The number of characters (after lenient normalization in lenient mode)
    decides the rule: 10 or 15, a card number by the VNeID rule with no
    issuing body chosen; 12, a personal identification number (12 ASCII
    digits); anything else, unrecognized. Returns the identify.tsv fields
    after 'input'.
    """
    t, where = normalize(inp, mode)
    n = len(t)
    row = {"length": str(n)}
    blank = {col: "-" for col in IDENTIFY_DETAIL_COLUMNS}
    if n in (10, 15):
        row["kind"] = "card"
        failure = strict_check(t, "any")
        if failure is None:
            card = decode_valid(t)
            row.update(valid="true", code="-", position="-", **blank)
            row.update(compact=card["compact"], masked=card["masked"])
        else:
            code, position = failure
            row.update(valid="false", code=code,
                       position=dash(None if position is None else where[position]),
                       **blank)
        return row
    if n == PERSONAL_ID_LENGTH:
        row["kind"] = "personal_id"
        for i, ch in enumerate(t):
            if not is_digit(ch):
                row.update(valid="false", code="invalid_personal_id",
                           position=str(where[i]), **blank)
                return row
        row.update(valid="true", code="-", position="-")
        row.update(decode_personal_id(t))
        return row
    row.update(kind="-", valid="false", code="unrecognized_input", position="-", **blank)
    return row


# ---------------------------------------------------------------------------
# The claims field MA_THE_BHYT (spec, 'Background facts': "field MA_THE_BHYT
# holds the 15-character code; when a patient gets a new card during one
# treatment the codes are joined with ';'")
# ---------------------------------------------------------------------------

def utf8_len(s: str) -> int:
    return len(s.encode("utf-8"))


def ma_the_items(field: str, mode: str, issuer: str) -> list[str]:
    """The items of a MA_THE_BHYT field, each encoded for the 'items' column.

    Every ';' separates two items (n separators, n + 1 items). Unicode
    White_Space around an item is dropped (in both modes; nothing else is
    trimmed). Each item is checked as cards.tsv checks a card, in the given
    mode with the given issuer; an empty item is 'invalid_length'. Positions
    count characters in the whole field.
    """
    items = []
    piece_start = 0
    for piece in field.split(";"):
        lead = 0
        while lead < len(piece) and piece[lead] in WHITE_SPACE:
            lead += 1
        end = len(piece)
        while end > lead and piece[end - 1] in WHITE_SPACE:
            end -= 1
        text = piece[lead:end]
        start = piece_start + lead
        t, where = normalize(text, mode)
        failure = strict_check(t, issuer)
        if failure is None:
            verdict, detail = "valid", t
        else:
            code, position = failure
            verdict = code
            detail = dash(None if position is None else start + where[position])
        byte_start = utf8_len(field[:start])
        items.append(f"{start}:{byte_start}:{utf8_len(text)}:{verdict}:{detail}")
        piece_start += len(piece) + 1  # the piece, then its ';'
    return items


# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------

CARD_COLUMNS = ("mode issuer input valid code position form group benefit "
                "issuer_decoded province sin compact grouped masked").split()
PREFIX_COLUMNS = "mode issuer input state at code position".split()
DETAIL_COLUMNS = CARD_COLUMNS[6:]
IDENTIFY_COLUMNS = ("mode input length kind valid code position compact birth_place "
                    "on_2016_list sex century birth_year masked").split()
IDENTIFY_DETAIL_COLUMNS = IDENTIFY_COLUMNS[7:]
MA_THE_COLUMNS = "mode issuer input count items".split()


def dash(value) -> str:
    return "-" if value is None else str(value)


def card_row(mode: str, issuer: str, inp: str) -> dict[str, str]:
    t, where = normalize(inp, mode)
    row = {"mode": mode, "issuer": issuer, "input": inp}
    failure = strict_check(t, issuer)
    if failure is None:
        row.update(valid="true", code="-", position="-")
        row.update(decode_valid(t))
        assert row["sin"] == t[-10:]
        if row["issuer_decoded"] != "-" and issuer != "any":
            assert row["issuer_decoded"] == issuer
    else:
        code, position = failure
        mapped = None if position is None else where[position]
        row.update(valid="false", code=code, position=dash(mapped))
        row.update({col: "-" for col in DETAIL_COLUMNS})
    return row


def prefix_row(mode: str, issuer: str, inp: str) -> dict[str, str]:
    t, where = normalize(inp, mode)
    state, at, code, position = prefix_check(t, issuer)
    return {
        "mode": mode, "issuer": issuer, "input": inp, "state": state,
        "at": dash(None if at is None else where[at]),
        "code": dash(code),
        "position": dash(None if position is None else where[position]),
    }


def identify_row(mode: str, _issuer: str, inp: str) -> dict[str, str]:
    row = {"mode": mode, "input": inp}
    row.update(identify(inp, mode))
    assert set(row) == set(IDENTIFY_COLUMNS), row
    return {col: row[col] for col in IDENTIFY_COLUMNS}


def ma_the_row(mode: str, issuer: str, field: str) -> dict[str, str]:
    items = ma_the_items(field, mode, issuer)
    return {"mode": mode, "issuer": issuer, "input": field,
            "count": str(len(items)), "items": "|".join(items)}


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

class Cases:
    """An ordered, duplicate-free list of (mode, issuer, input)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, modes, issuers, inputs) -> None:
        if isinstance(modes, str):
            modes = (modes,)
        if isinstance(issuers, str):
            issuers = (issuers,)
        if isinstance(inputs, str):
            inputs = (inputs,)
        for inp in inputs:
            for mode in modes:
                for issuer in issuers:
                    key = (mode, issuer, inp)
                    if key not in self.seen:
                        self.seen.add(key)
                        self.items.append(key)


BOTH = MODES
ALL = ISSUERS

# Province value that suits each issuer, for cases about something else.
FITTING_PROVINCE = {"any": "01", "vss": "01", "police": "98", "defence": "97"}

# Look-alikes and other non-ASCII characters, named.
LOOKALIKES = {
    "D_STROKE": "\u0110",          # LATIN CAPITAL LETTER D WITH STROKE
    "d_stroke": "\u0111",          # LATIN SMALL LETTER D WITH STROKE
    "FW_D": "\uff24",              # FULLWIDTH LATIN CAPITAL LETTER D
    "FW_N": "\uff2e",              # FULLWIDTH LATIN CAPITAL LETTER N
    "CYR_A": "\u0410",             # CYRILLIC CAPITAL LETTER A
    "CYR_O": "\u041e",             # CYRILLIC CAPITAL LETTER O
    "CYR_o": "\u043e",             # CYRILLIC SMALL LETTER O
    "CYR_T": "\u0422",             # CYRILLIC CAPITAL LETTER TE
    "CYR_E": "\u0415",             # CYRILLIC CAPITAL LETTER IE
    "CYR_C": "\u0421",             # CYRILLIC CAPITAL LETTER ES
    "CYR_H": "\u041d",             # CYRILLIC CAPITAL LETTER EN
    "GRK_N": "\u039d",             # GREEK CAPITAL LETTER NU
    "KELVIN": "\u212a",            # KELVIN SIGN
    "LONG_S": "\u017f",            # LATIN SMALL LETTER LONG S (upper() -> 'S')
    "SHARP_S": "\u00df",           # LATIN SMALL LETTER SHARP S (upper() -> 'SS')
    "DOTLESS_i": "\u0131",         # LATIN SMALL LETTER DOTLESS I (upper() -> 'I')
}
DIGIT_LOOKALIKES = {
    "FW_0": "\uff10",              # FULLWIDTH DIGIT ZERO
    "FW_1": "\uff11",              # FULLWIDTH DIGIT ONE
    "FW_4": "\uff14",              # FULLWIDTH DIGIT FOUR
    "ARABIC_3": "\u0663",          # ARABIC-INDIC DIGIT THREE
    "EXT_ARABIC_3": "\u06f3",      # EXTENDED ARABIC-INDIC DIGIT THREE
    "DEVANAGARI_3": "\u0969",      # DEVANAGARI DIGIT THREE
    "BALINESE_3": "\u1b53",        # BALINESE DIGIT THREE
    "SUPER_2": "\u00b2",           # SUPERSCRIPT TWO
    "SUPER_3": "\u00b3",           # SUPERSCRIPT THREE
    "ROMAN_8": "\u2177",           # SMALL ROMAN NUMERAL EIGHT
    "CIRCLED_18": "\u2471",        # CIRCLED NUMBER EIGHTEEN
    "MATH_BOLD_0": "\U0001d7ce",   # MATHEMATICAL BOLD DIGIT ZERO (non-BMP)
    "MATH_BOLD_9": "\U0001d7d7",   # MATHEMATICAL BOLD DIGIT NINE (non-BMP)
    "LATIN_O": "O",                # letter O for zero
    "LATIN_l": "l",                # small letter l for one
    "LATIN_I": "I",                # capital letter I for one
}
# Not White_Space, though some trim functions or str.isspace take them.
NOT_WHITE_SPACE = {
    "FS": "\u001c", "GS": "\u001d", "RS": "\u001e", "US": "\u001f",  # isspace
    "ZWSP": "\u200b",              # ZERO WIDTH SPACE
    "ZWNJ": "\u200c",              # ZERO WIDTH NON-JOINER
    "ZWJ": "\u200d",               # ZERO WIDTH JOINER
    "WORD_JOINER": "\u2060",       # WORD JOINER
    "BOM": "\ufeff",               # ZERO WIDTH NO-BREAK SPACE (JS trim takes it)
    "MONGOLIAN_VS": "\u180e",      # MONGOLIAN VOWEL SEPARATOR (was Zs once)
    "SOFT_HYPHEN": "\u00ad",       # SOFT HYPHEN
    "HYPHEN": "\u2010",            # HYPHEN
    "NB_HYPHEN": "\u2011",         # NON-BREAKING HYPHEN
    "FIGURE_DASH": "\u2012",       # FIGURE DASH
    "EN_DASH": "\u2013",           # EN DASH
    "EM_DASH": "\u2014",           # EM DASH
    "MINUS": "\u2212",             # MINUS SIGN
    "FW_HYPHEN": "\uff0d",         # FULLWIDTH HYPHEN-MINUS
    "FW_STOP": "\uff0e",           # FULLWIDTH FULL STOP
    "IDEO_STOP": "\u3002",         # IDEOGRAPHIC FULL STOP
    "FW_LOW_LINE": "\uff3f",       # FULLWIDTH LOW LINE
    "MIDDLE_DOT": "\u00b7",        # MIDDLE DOT
    "DEL": "\u007f",               # DELETE (control)
}
ASCII_PUNCT = ",/|+:;*#'\"()!\\"


def card_cases() -> Cases:
    c = Cases()
    base_sin = "0120878811"

    # 1. Every one of the 43 group codes is valid (benefit 4, province 01).
    c.add(BOTH, "any", [code + "4" + "01" + base_sin for code in GROUP_CODES])

    # 2. Codes the rule rejects: late codes, secondary-source codes, the
    #    guides' printed example CD, and plain unknown codes.
    rejected = list(LATE_CODES) + list(SECONDARY_CODES) + ["CD", "XX", "ZZ", "AA"]
    c.add(BOTH, "any", [code + "401" + base_sin for code in rejected])
    for issuer in ("vss", "police", "defence"):
        c.add("strict", issuer,
              [code + "4" + FITTING_PROVINCE[issuer] + base_sin
               for code in list(LATE_CODES) + ["DS", "CD"]])

    # 3. All 676 two-letter pairs, strict, issuer any.
    letters = [chr(x) for x in range(ord("A"), ord("Z") + 1)]
    c.add("strict", "any", [a + b + "401" + base_sin for a in letters for b in letters])

    # 4. Every benefit digit 0-9 under every issuer (province fitting it).
    for issuer in ALL:
        c.add("strict", issuer,
              ["DN" + str(d) + FITTING_PROVINCE[issuer] + "0123456789" for d in range(10)])
    c.add("lenient", "any", ["DN" + str(d) + "010123456789" for d in range(10)])
    # Letters and look-alikes at the benefit position.
    c.add(BOTH, ALL, ["DNA010123456789", "DNI010123456789", "DNO010123456789",
                      "DNl010123456789", "DN\uff14010123456789",
                      "DN\u0663010123456789", "DN\u00b2010123456789"])

    # 5. Every province value 00-99 under every issuer, strict.
    for issuer in ALL:
        c.add("strict", issuer, ["DN4%02d0123456789" % v for v in range(100)])
    c.add("lenient", ALL, ["DN4%02d0123456789" % v for v in (0, 1, 9, 10, 90, 96, 97, 98, 99)])
    # Letters in the province positions; a bad first province digit for
    # police/defence is reported before a letter in the second one.
    c.add(BOTH, ALL, ["DN4AB0123456789", "DN4A80123456789", "DN4A70123456789",
                      "DN40B0123456789", "DN49B0123456789", "DN4O10123456789",
                      "DN40O0123456789", "DN4 10123456789", "DN49 0123456789",
                      "DN4\u0669\u06680123456789", "DN4\uff19\uff180123456789"])

    # 6. Lengths 0..20: digit strings and letter-prefixed strings.
    digits20 = "01234567890123456789"
    letters20 = "DN4010123456789" + "01234"
    for inputs in ([digits20[:n] for n in range(21)], [letters20[:n] for n in range(21)]):
        c.add("strict", ALL, inputs)
        c.add("lenient", "any", inputs)
    c.add(BOTH, "any", ["0101010101" + "0" * k for k in range(1, 6)])

    # 7. 10-digit numbers under every issuer: the issuer rule has nothing to
    #    check there.
    c.add(BOTH, ALL, ["0101010101", "0000000000", "9999999999", "0123456789",
                      "9700000000", "9800000000", "0131091234", "013109XXXX",
                      "0120878811", "4010120878"])

    # 8. Issuer cross-checks on valid numbers of each issuing body.
    c.add(BOTH, ALL, ["HS4010120878811", "HS4970120878811", "HS4980120878811",
                      "CA5980123456789", "QN5970123456789", "CY5980123456789",
                      "TE1790123456789", "CC1960123456789", "DN4990123456789",
                      "DN4900123456789", "GD3890000000001"])

    # 9. Case: lowercase is a character error in strict, upper-cased in lenient.
    c.add(BOTH, ALL, ["dn4010123456789", "Dn4010123456789", "dN4010123456789",
                      "hs4970120878811", "ca5980123456789", "qn5970123456789"])
    c.add(BOTH, "any", ["DN401012345678a", "DN40101234567a9", "hs 4 01 012087881x",
                        "nd4010120878811", "ak4010120878811", "tg4010120878811",
                        "cd4010120878811", "xx4010120878811"])

    # 10. Separators: spaces, dots, hyphens, underscores, tabs, NBSP, line
    #     breaks. Strict sees them as characters; lenient drops them.
    c.add(BOTH, ALL, [
        "HS 4 01 0120878811", " 0101010101 ", "4.01.01.013.048.0001",
        "C D 4 01 013 048 XXXX", "C D 4 01 013 048 0001", "DN-4-01-0123456789",
        "DN_4_01_0123456789", "DN.4.01.0123456789", "DN\t4\t01\t0123456789",
        "DN\u00a04\u00a001\u00a00123456789", "HS 4 97 0120878811",
        "CA 5 98 0123 456 789", "QN-5-97-0123456789",
    ])
    c.add(BOTH, "any", [
        "0101 010 101", "010-101-0101", "010.101.0101", "0101_010_101",
        "\t0101010101\n", "\r\n0101010101\r\n", "0101010101 ", " 0101010101",
        "HS 4 01 0120878811 ", "  HS  4  01  0120878811  ",
        "HS.4.01.012.087.8811", "H S 4 0 1 0 1 2 0 8 7 8 8 1 1",
        "HS4010120878811-", "-HS4010120878811", "...", "-", "_", " ", "\t", "\n", "\r",
        " - . _ ", "HS 4 01 0120878811 1", "HS 4 01 012087881", "01 01 01 01 01",
        "0101 010 10", "0101 010 1011", "DN 010123456789", "DN4-010123456789",
        "DN4.10123456789", "DN40101234567-9", "HS 4 01 0l20878811",
        "HS 4 O1 0120878811", "HS 6 01 0120878811", "HS 4 00 0120878811",
        "DS 4 01 0120878811", "ND 4 01 0120878811", "A K 4 01 0120878811",
    ])
    # Every White_Space character as a separator: strict rejects (length 16
    # or a character error), lenient drops it.
    for ch in sorted(WHITE_SPACE):
        c.add(BOTH, "any", ["HS" + ch + "4010120878811", "01010" + ch + "01010",
                            "HS4" + ch + "010120878811"[1:]])
    # Characters that are not White_Space (or not '.', '-', '_'): lenient
    # keeps them and reports them.
    for ch in NOT_WHITE_SPACE.values():
        c.add(BOTH, "any", ["HS" + ch + "4010120878811", "01010" + ch + "01010",
                            ch + "010101010", "HS4" + ch + "10120878811"])
    for ch in ASCII_PUNCT:
        c.add(BOTH, "any", ["HS" + ch + "4010120878811", "DN4010123456" + ch + "89"])

    # 11. Non-ASCII look-alikes at various positions.
    L, D = LOOKALIKES, DIGIT_LOOKALIKES
    c.add(BOTH, ALL, [
        L["D_STROKE"] + "N4010123456789", L["d_stroke"] + "n4010123456789",
        L["D_STROKE"] + "n4010123456789", "H" + L["D_STROKE"] + "4010120878811",
        L["D_STROKE"] + "T2010123456789", L["D_STROKE"] + "K2010123456789",
        L["FW_D"] + L["FW_N"] + "4010123456789",
        "".join(chr(ord(ch) + 0xFEE0) for ch in "DN4010123456789"),  # all full-width
        "".join(chr(ord(ch) + 0xFEE0) for ch in "0101010101"),
        "010101010" + D["FW_1"], "01" + D["FW_0"] + "1010101",
        "DN" + D["FW_4"] + "010123456789", "DN4010" + D["FW_1"] + "23456789",
        "N" + L["CYR_O"] + "4010120878811", "C" + L["CYR_A"] + "5980123456789",
        L["CYR_T"] + L["CYR_E"] + "1010123456789", L["CYR_C"] + "A5980123456789",
        L["CYR_H"] + "S4010120878811", "D" + L["GRK_N"] + "4010123456789",
        "D" + L["KELVIN"] + "2010123456789", "DN4" + L["CYR_O"] + "10123456789",
        "DN401" + L["CYR_o"] + "123456789",
    ])
    c.add(BOTH, "any", [
        "H" + L["LONG_S"] + "4010120878811", "h" + L["LONG_S"] + "4010120878811",
        "H" + L["SHARP_S"] + "4010120878811", "H" + L["SHARP_S"] + "401012087881",
        "T" + L["DOTLESS_i"] + "4010120878811",
        "D\u0300N4010123456789", "D\u0300N401012345678", "D\u0331N401012345678",
    ])
    for ch in D.values():
        c.add(BOTH, "any", [
            ch + "101010101",                      # 10 characters, first one
            "010101010" + ch,                      # 10 characters, last one
            "DN4" + ch + "10123456789",            # province, first digit
            "DN40" + ch + "0123456789",            # province, second digit
            "DN401012345678" + ch,                 # last character
        ])
    # Non-BMP characters: one scalar each (a UTF-16 reader counts two).
    c.add(BOTH, ALL, ["\U0001d7ce" * 10, "\U0001d7ce" * 15,
                      "\U0001d7ce" * 5 + "01010", "DN" + "\U0001d7cf" * 13,
                      "\U0001f1fb\U0001f1f3" + "4010123456789"])  # flag VN

    # 12. Letters in the digit part, digits in the group code, punctuation,
    #     and which of several errors is reported first.
    c.add(BOTH, ALL, [
        "DN401012345678X", "DN40101234S6789", "DN4010I23456789", "DN40101X3456789",
        "01234S6789", "O101010101", "010101010l", "A101010101", "0101010101X",
        "D14010123456789", "1N4010123456789", "0N4010123456789", "14010123456789D",
        "DNN010123456789", "DN44010123456789", "DN41",
        "ZZ0A00123456789", "DN0A00123456789", "DN6000123456789", "DNA00012345678X",
        "1Z0000000000000", "DS6000123456789", "AK6000123456789", "ND0990123456789",
        "DN400012345678X", "DN4000123456789", "DN4A0012345678X",
        "DN4010123456789!", "!DN401012345678", "DN4010123456\\89",
        "DN40101234567\\n", "\\DN40101234567", "DN4010123456\\t9", "0101010\\r1",
    ])
    return c


def prefix_cases() -> Cases:
    c = Cases()

    # 1. Every prefix (length 0..full, plus one and two characters beyond) of
    #    valid numbers, under every issuer, strict.
    valid_numbers = ["0101010101", "DN4010123456789", "HS4970120878811",
                     "CA5980123456789", "QN5970123456789"]
    for number in valid_numbers:
        extended = number + "01"
        c.add("strict", ALL, [extended[:n] for n in range(len(extended) + 1)])

    # 2. Lenient mode: separators, lowercase, positions mapped back.
    typed = ["HS 4 01 0120878811  1", "hs.4.97.012-087-8811_0", "ca-5-98-0123_456_789 9",
             "0101 010 101 0", " \t0101010101\u00a00"]
    for number in typed:
        c.add("lenient", ALL, [number[:n] for n in range(len(number) + 1)])
    c.add("lenient", ALL, ["dn4010123456789"[:n] for n in range(16)])

    # 3. Every single character A-Z and 0-9, and all 676 letter pairs.
    letters = [chr(x) for x in range(ord("A"), ord("Z") + 1)]
    c.add("strict", "any", letters + [str(d) for d in range(10)])
    c.add("strict", "any", [a + b for a in letters for b in letters])

    # 4. Invalid (and nearly invalid) prefixes, every issuer, both modes.
    c.add(BOTH, ALL, [
        "DS", "Z", "A", "AK", "AKX", "ND", "TG", "D1", "DN0", "DN6", "DN40", "DN400",
        "DN41", "DN49", "DN497", "DN498", "DN499", "DN490", "DN409", "1A", "dn", "Dn",
        "dn4", "-", "--", ".", "_", " ", "", "\u0110", "\u0111", "\u0110N",
        "01234567890", "012345678901", "0123456789A", "012345678A", "0A",
        "DN40101234567890", "DN401012345678901", "DN40101234567X", "ZZ4",
        "\uff24", "\uff10", "\uff24N", "DN\uff14", "01\u0663", "0\u0969",
        "\u00b2", "\u2177", "\u2471", "\u1b53", "\U0001d7ce", "0\U0001d7ce",
        "\u200b", "D\u200b", "D\u200bN", "\u00ad", "D\u00adN", "\u00a0DN",
        "\u2028DN", "\u0085DN", "\u001cDN", "\ufeffDN", "#", "\\", "D\\",
        "D N 4", "D N 0", "  D S", "0101 0101 01", "0101 0101 010",
        "H\u017f", "C\u0410", "N\u041e", "DN4\u041e",
    ])

    # 5. Benefit and province positions, one step at a time.
    c.add("strict", "any", ["DN" + str(d) for d in range(10)])
    c.add("strict", ALL, ["DN4" + str(d) for d in range(10)])
    c.add("strict", ALL, ["DN4%02d" % v for v in (0, 1, 9, 10, 19, 89, 90, 96, 97, 98, 99)])
    c.add("strict", ALL, ["DN4A", "DN4 ", "DN49A", "DN40A", "DNA", "DN4\u0669"])
    return c


def identify_cases() -> Cases:
    """Inputs for the search box. identify takes no issuing body: the issuer
    slot of every case is 'any' and identify.tsv has no issuer column."""
    c = Cases()
    pid = "079095001234"

    # 1. Card numbers, both forms, valid; and one of each card error (the
    #    card's own errors; invalid_length cannot happen at 10 or 15).
    c.add(BOTH, "any", [
        "HS4010120878811", "0120878811", "0101010101", "CA5980123456789",
        "QN5970123456789", "DN4990123456789", "TE1790123456789",
        "0790950012",                        # a personal id's first 10 digits: a card
        "013109XXXX", "01234S6789", "O120878811", "DN401012345678X",
        "1N4010123456789", "D14010123456789", "DS4010120878811", "XX4010120878811",
        "CD4010120878811", "ND4010120878811", "TG4010120878811", "AK4010120878811",
        "DN6010123456789", "DN0010123456789", "DN4000123456789", "DN4A00123456789",
        "079095001234567",                   # 15 digits: a card, no letter first
        "hs4010120878811",
    ])

    # 2. Personal ids: every century/sex digit, the ends of each century.
    c.add(BOTH, "any", ["001" + str(d) + "95" + "123456" for d in range(10)])
    c.add(BOTH, "any", ["001" + str(d) + yy + "000001" for d in range(10)
                        for yy in ("00", "99")])
    c.add(BOTH, "any", [pid, "000000000000", "999999999999", "001312001234",
                        "096099000001", "079195001234"])

    # 3. Birth places: every code 000-099 (on and off the 2016 list), and
    #    codes of 100 and more (never on it; a country's code, or a typo).
    c.add("strict", "any", ["%03d" % p + "095001234" for p in range(100)])
    c.add("lenient", "any", ["%03d" % p + "095001234" for p in (0, 1, 3, 96, 97, 99)])
    c.add(BOTH, "any", ["%03d" % p + "095001234"
                        for p in (100, 101, 179, 196, 200, 500, 900, 901, 979, 999)])

    # 4. A non-digit at each of the 12 positions (replacing a digit, so the
    #    length stays 12 in strict mode). In lenient mode ' ', '-' are
    #    dropped (11 characters left) and 'a' is uppercased (still no digit).
    L, D = LOOKALIKES, DIGIT_LOOKALIKES
    for ch in ("A", "a", "O", " ", "-", "/", D["FW_0"], L["D_STROKE"],
               D["ARABIC_3"], D["MATH_BOLD_0"], "\u200b", "\u00ad", "\ufeff"):
        c.add(BOTH, "any", [pid[:i] + ch + pid[i + 1:] for i in range(12)])

    # 5. Lengths 0..21 of digit strings and of letter-led strings.
    digits = "079095001234567890123"
    letters = "DN4010123456789012345"
    for text in (digits, letters):
        c.add(BOTH, "any", [text[:n] for n in range(len(text) + 1)])
    c.add(BOTH, "any", ["0", "A", " ", "-", "01234567890", "0123456789012",
                        "0123456789012345", "HS40101208788112"])

    # 6. Separators and whitespace: strict counts them, lenient drops them.
    c.add(BOTH, "any", [
        "079 095 001 234", "079-095-001-234", "079.095.001.234", "079_095_001_234",
        " 079095001234 ", "\t079095001234\r\n", "079\u00a0095\u00a0001\u00a0234",
        "079\u3000095\u3000001\u3000234", "0 7 9 0 9 5 0 0 1 2 3 4",
        "079 095 001 2345", "079 095 001 23", "0790 9500 1234", "0790950012 4",
        "07909500123a", "07909500123 a", "079 095 001 234 567", "079-095-001-2X4",
        "0120878811  ", " 0120878811 ", "  0120878811", "0120 878 811",
        "hs 4 01 0120878811", "hs-4-01-0120878811", " DN4000123456789 ",
        "DN 6 01 0123456789", "...", " - . _ ", "079095.001234.",
    ])
    for ch in sorted(WHITE_SPACE):
        c.add(BOTH, "any", ["079095" + ch + "001234"])
    for ch in NOT_WHITE_SPACE.values():
        c.add(BOTH, "any", ["079095" + ch + "001234", "079095" + ch + "01234"])

    # 7. Full-width digits (not digits), all or one; non-BMP characters and
    #    combining marks count one character each (Unicode scalar values).
    fw = "".join(chr(ord(ch) + 0xFEE0) for ch in pid)
    c.add(BOTH, "any", [
        fw, pid[:11] + D["FW_4"], D["FW_0"] + pid[1:],
        "".join(chr(ord(ch) + 0xFEE0) for ch in "0120878811"),
        "".join(chr(ord(ch) + 0xFEE0) for ch in "HS4010120878811"),
        "\U0001d7ce" + pid[1:], pid[:10] + "\U0001d7d0" + pid[11:], "\U0001d7ce" * 12,
        "\U0001d7ce" + pid,                   # 13 characters (14 UTF-16 units)
        pid[:11] + "\u0301", pid + "\u0301",  # combining acute: one more character
        "0\u0300" + pid[1:11],
        "\u0110" * 12, "\u0110" * 10, "\u0110" * 15,
        "079 095 001 23\u0110", "\u00a0079095001234\u00a0", pid[:11] + D["ARABIC_3"],
        pid + "\u3000", "\u3000" + pid[:6] + "\u3000" + pid[6:], "\u0110 " + pid[1:],
    ])
    return c


def ma_the_cases() -> Cases:
    c = Cases()
    hs, sv, dn = "HS4010120878811", "SV4010120878811", "DN4010123456789"

    # 1. Empty and blank fields and items: n ';' make n + 1 items.
    c.add(BOTH, "any", ["", ";", ";;", " ", "  ;  ", " ; ; ", "\t", "\r\n",
                        hs + ";", ";" + hs, hs + ";;" + sv, hs + "; ;" + sv,
                        ";" + hs + ";", hs + ";" + sv + ";", ";;" + hs])

    # 2. One, two and three cards; whitespace around items.
    c.add(BOTH, "any", [
        hs, hs + ";" + sv, hs + "; " + sv, hs + " ;" + sv, hs + " ; " + sv,
        hs + ";" + sv + ";" + dn, hs + "; " + sv + "; " + dn, ";".join([hs] * 5),
        " " + hs + " ", "   " + hs, hs + "\n", "\t" + hs + "\t;\t" + sv + "\t",
        "\r\n" + hs + "\r\n;\r\n" + sv + "\r\n", "\u00a0" + hs + "\u3000",
        "\u2028" + hs + ";\u2029" + sv, "\u0085" + hs, "\u202f" + hs + "\u205f",
    ])

    # 3. An invalid item among valid ones: positions in the whole field.
    c.add(BOTH, "any", [
        hs + ";DN6010123456789;" + sv, hs + ";  DN4000123456789 ",
        hs + "; DN40101234567X9; " + sv, hs + ";ND4010120878811",
        hs + ";DS4010120878811", hs + ";HS401012087881", hs + ";" + hs + "1",
        "DN6010123456789;DN4000123456789;DN401012345678X;ND4010120878811;"
        "DS4010120878811;X",
        hs + ";hs4010120878811", "hs4010120878811;sv4010120878811",
    ])

    # 4. 10-digit items (valid: both forms are card numbers).
    c.add(BOTH, "any", ["0120878811", "0120878811;" + hs, hs + ";0120878811",
                        "0120878811; 012087881X", " 0120878811 ; 0120 878 811 "])

    # 5. Separators inside items: strict sees characters, lenient drops them;
    #    separators other than ';' do not split.
    c.add(BOTH, "any", [
        "hs 4 01 0120878811 ; sv-4-01-0120878811",
        "HS.4.01.0120878811;HS_4_01_0120878811", "HS 4010120878811",
        " hs-6-01-0120878811", hs + "; - ", hs + ";-" + sv + "-",
        "HS-4-01-012087881X; SV4010120878811", " HS 4 01 0120878811 ",
        hs + "," + sv, hs + "|" + sv, hs + "/" + sv, hs + " " + sv,
        hs + "\uff1b" + sv, hs + "\n" + sv,
    ])

    # 6. Non-ASCII before an item: character positions differ from byte
    #    offsets (and from UTF-16 units for non-BMP characters).
    c.add(BOTH, "any", [
        "\u0110;  X", "\u0110;" + hs, "\u0110;DN6010123456789",
        "\u0110\u00e0 N\u1eb5ng;DN6010123456789",       # "Da Nang" with diacritics
        "\U0001d7ce;DN6010123456789", "\U0001d7ce; DN40101234567X9",
        "\u00a0\u00a0DN6010123456789", "\u3000" + hs + ";\u3000DN4000123456789",
        "\U0001f1fb\U0001f1f3;" + hs + ";\u0111",
        "\u0110;\u00a0hs\u00a04\u00a001\u00a001208788X1\u00a0",
        "\u0110\u0110;" + hs + ";\U0001d7ce\U0001d7ce;DN4000123456789",
    ])

    # 7. Invisible characters that are not White_Space are not trimmed.
    c.add(BOTH, "any", ["\u200b" + hs, "\ufeff" + hs, hs + "\u200b;" + sv,
                        "\u001c" + hs, hs + ";\u00ad" + sv])

    # 8. The issuing body applies to every item.
    c.add(BOTH, ALL, [
        "CA5980123456789;QN5970123456789", hs + ";HS4980120878811;HS4970120878811",
        "0120878811;CA5980123456789", hs + "; DN4000123456789",
        "ca 5 98 0123456789 ; qn-5-97-0123456789",
    ])
    return c


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
UNESCAPES = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def escape_input(s: str) -> str:
    return "".join(ESCAPES.get(ch, ch) for ch in s)


def unescape_input(s: str) -> str:
    return re.sub(r"\\[\\tnr]", lambda m: UNESCAPES[m.group(0)], s)


def render(title: str, columns: list[str], rows: list[dict[str, str]],
           source: str = SOURCE) -> bytes:
    lines = [
        "# bhyt test vectors: " + title,
        "# Source: " + source,
        "# Generated by tests/vectors/generate.py -- do not edit by hand;",
        "# run `python3 generate.py` to regenerate. Format: README.md.",
        "\t".join(columns),
    ]
    for row in rows:
        fields = []
        for col in columns:
            value = escape_input(row[col]) if col == "input" else row[col]
            assert not any(bad in value for bad in "\t\n\r"), (col, value)
            if col != "input":
                assert value != "" and "\\" not in value, (col, value)
            fields.append(value)
        lines.append("\t".join(fields))
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")  # fails on lone surrogates, which is wanted
    verify_round_trip(data, columns, rows)
    return data


def verify_round_trip(data: bytes, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Parse the file the way the C, JS and Rust readers will, and compare."""
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == ""
    body = [line for line in lines[:-1] if not line.startswith("#")]
    assert body[0].split("\t") == columns
    assert len(body) - 1 == len(rows)
    for line, row in zip(body[1:], rows):
        fields = line.split("\t")
        assert len(fields) == len(columns), line
        parsed = dict(zip(columns, fields))
        parsed["input"] = unescape_input(parsed["input"])
        assert parsed == row, (parsed, row)


# ---------------------------------------------------------------------------
# Reception-desk QR codes, facility codes, validity, gateway codes (spec,
# 'Reception-desk inputs and claims card fields'; where it says nothing, the
# documented contract of bhyt::identify for input with '|')
# ---------------------------------------------------------------------------

QR_SOURCE = ("../shared/spec/bhyt-card-number.md, 'Reception-desk inputs and claims card "
             "fields' (QR layouts, Telex damage, facility codes, gateway codes) and the "
             "documented contract of bhyt::identify for input with '|'")

MAX_QR_FIELDS = 32
MAX_QR_LEN = 4096
TELEX = {"â": "aa", "ê": "ee", "đ": "dd", "à": "af", "è": "ef", "ầ": "aaf", "ề": "eef",
         "Â": "AA", "Ê": "EE", "Đ": "DD", "À": "AF", "È": "EF", "Ầ": "AAF", "Ề": "EEF"}
HEXDIGITS = set("0123456789abcdefABCDEF")


class FieldError(Exception):
    def __init__(self, field: str, position: int) -> None:
        super().__init__(field, position)
        self.field = field
        self.position = position


def hex_text(value: str, start: int, field: str) -> tuple[str, bool, bool]:
    """Decode a hex field: (text, repaired, utf16); FieldError otherwise."""
    if value == "":
        raise FieldError(field, start)
    digits = []
    repaired = False
    for i, ch in enumerate(value):
        if ch in TELEX:
            repaired = True
            digits.append(TELEX[ch])
        elif ch in HEXDIGITS:
            digits.append(ch)
        else:
            raise FieldError(field, start + i)
    joined = "".join(digits)
    if len(joined) % 2:
        raise FieldError(field, start + len(value) - 1)  # the unpaired last digit
    data = bytes.fromhex(joined)
    try:
        return data.decode("utf-8"), repaired, False
    except UnicodeDecodeError:
        pass
    try:
        if len(data) % 2:
            raise UnicodeDecodeError("utf-16-le", data, 0, 1, "odd")
        return data.decode("utf-16-le"), repaired, True
    except UnicodeDecodeError:
        raise FieldError(field, start) from None


def qr_date(value: str, fmt: str) -> str | None:
    """dd/MM/yyyy ('slashed') or ddMMyyyy ('plain') to ISO, if the date exists."""
    if fmt == "slashed":
        m = re.fullmatch(r"([0-9]{2})/([0-9]{2})/([0-9]{4})", value)
    else:
        m = re.fullmatch(r"([0-9]{2})([0-9]{2})([0-9]{4})", value)
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    if year == 0 or not 1 <= month <= 12:
        return None
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if not 1 <= day <= days:
        return None
    return f"{year:04}-{month:02}-{day:02}"


def facility(value: str) -> tuple[str | None, int | None]:
    """(normalised code, None) or (None, error position or None for a length error)."""
    kept = []
    for i, ch in enumerate(value):
        if ch in " -\u2013":
            continue
        n = len(kept)
        ok = ch.isascii() and (ch.isdigit() if n < 2 else
                               (ch.isdigit() or ch.isupper()) if n < 5 else True)
        if not ok:
            return None, i
        kept.append(ch)
    if len(kept) != 5:
        return None, None
    if kept[0] == "0" and kept[1] == "0":
        return None, 0
    return "".join(kept), None


QR_COLUMNS = ["input", "kind", "valid", "code", "field", "position", "card", "name_hex",
              "birth_date", "sex", "address_hex", "facility_code", "valid_from", "valid_to",
              "issued_on", "manager_code", "guardian_hex", "five_years_on", "raw_fields",
              "layout", "repaired", "utf16", "old_id"]


def utf8_hex(text: str | None) -> str:
    return "-" if text is None else (text.encode("utf-8").hex() or "-")


def qr_row(inp: str) -> dict[str, str]:
    row = {col: "-" for col in QR_COLUMNS}
    row["input"] = inp
    payload = inp.rstrip("\r\n")
    toks = payload.split("|")
    def fail(code: str, field: str = "-", position=None, kind: str = "-") -> dict[str, str]:
        row.update(kind=kind, valid="false", code=code, field=field, position=dash(position))
        return row
    if len(payload.encode("utf-8")) > MAX_QR_LEN or len(toks) > MAX_QR_FIELDS + 1:
        return fail("unrecognized_qr")
    closed = len(toks) >= 1 and toks[-1] == "$"
    fields = toks[:-1] if closed else toks
    if len(fields) > MAX_QR_FIELDS:
        return fail("unrecognized_qr")
    starts = []
    at = 0
    for f in fields:
        starts.append(at)
        at += len(f) + 1
    get = lambda i: fields[i] if i < len(fields) else ""
    start = lambda i: starts[i] if i < len(starts) else 0
    if len(fields[0]) == 12 and len(fields) in (6, 7, 11) and not closed:
        return cccd_row(row, fields, starts, fail)
    if len(fields) < 10:
        return fail("unrecognized_qr")
    # Field 0: ASCII whitespace and control characters around it dropped.
    f0 = fields[0]
    strip = lambda c: ord(c) < 0x80 and (c.isspace() or ord(c) < 0x20 or ord(c) == 0x7f or c in "\x1c\x1d\x1e\x1f")
    lead = 0
    while lead < len(f0) and strip(f0[lead]):
        lead += 1
    trail = len(f0)
    while trail > lead and strip(f0[trail - 1]):
        trail -= 1
    card = f0[lead:trail]
    failure = strict_check(card, "any")
    if failure is not None:
        code, position = failure
        return fail(code, "card", None if position is None else position + lead, "card")
    repaired = utf16 = False
    try:
        name, r, u = hex_text(get(1), start(1), "name")
        repaired |= r; utf16 |= u
        birth = get(2)
        if re.fullmatch(r"[0-9]{4}", birth) and int(birth) > 0:
            birth_date = birth
        else:
            birth_date = qr_date(birth, "slashed")
            if birth_date is None:
                raise FieldError("birth_date", start(2))
        sex = {"1": "male", "2": "female"}.get(get(3))
        if sex is None:
            raise FieldError("sex", start(3))
        address = None
        if get(4) != "-":
            address, r, u = hex_text(get(4), start(4), "address")
            repaired |= r; utf16 |= u
        code, bad = facility(get(5))
        if code is None:
            raise FieldError("facility_code", start(5) + (bad or 0))
        def date(i: int, field: str) -> str:
            value = qr_date(get(i), "slashed")
            if value is None:
                raise FieldError(field, start(i))
            return value
        valid_from = date(6, "valid_from")
        valid_to = None if get(7) == "-" else date(7, "valid_to")
        issued_on = date(8, "issued_on")
        manager = get(9)
        for i, ch in enumerate(manager):
            if not is_digit(ch):
                raise FieldError("manager_code", start(9) + i)
        if manager == "":
            raise FieldError("manager_code", start(9))
        guardian = None
        if get(10) not in ("", "-"):
            guardian, r, u = hex_text(get(10), start(10), "guardian_name")
            repaired |= r; utf16 |= u
        five = get(12)
        spaces = len(five) - len(five.lstrip(" "))
        five_years_on = None
        if five[spaces:] not in ("", "-"):
            five_years_on = qr_date(five[spaces:], "slashed")
            if five_years_on is None:
                raise FieldError("five_years_on", start(12) + spaces)
    except FieldError as e:
        return fail("invalid_qr_field", e.field, e.position, "-")
    n = len(fields)
    layout = ("10_fields" if n == 10 else "15_tokens" if (n, closed) == (14, True)
              else "17_tokens" if (n, closed) == (16, True) else "other")
    raw = [str(i) for i in range(n) if i not in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12)]
    row.update(kind="card_qr", valid="true", card=card, name_hex=utf8_hex(name),
               birth_date=birth_date, sex=sex, address_hex=utf8_hex(address),
               facility_code=code, valid_from=valid_from, valid_to=dash(valid_to),
               issued_on=issued_on, manager_code=manager, guardian_hex=utf8_hex(guardian),
               five_years_on=dash(five_years_on), raw_fields=",".join(raw) or "-",
               layout=layout, repaired=str(repaired).lower(), utf16=str(utf16).lower())
    return row


def cccd_row(row, fields, starts, fail) -> dict[str, str]:
    for i, ch in enumerate(fields[0]):
        if not is_digit(ch):
            return fail("invalid_personal_id", "-", i, "personal_id")
    try:
        old = fields[1]
        for i, ch in enumerate(old):
            if not is_digit(ch):
                raise FieldError("old_id", starts[1] + i)
        if old and len(old) != 9:
            raise FieldError("old_id", starts[1])
        get = lambda i: fields[i] if i < len(fields) else ""
        def date(i: int, field: str) -> str | None:
            if get(i) == "":
                return None
            value = qr_date(get(i), "plain")
            if value is None:
                raise FieldError(field, starts[i])
            return value
        birth = date(3, "birth_date")
        sex = {"": None, "Nam": "male", "Nữ": "female"}
        if get(4) not in sex:
            raise FieldError("sex", starts[4])
        issued = date(6, "issued_on")
    except FieldError as e:
        return fail("invalid_qr_field", e.field, e.position, "-")
    row.update(kind="personal_id_qr", valid="true", card=fields[0],
               name_hex=utf8_hex(get(2) or None), birth_date=dash(birth),
               sex=dash(sex[get(4)]), address_hex=utf8_hex(get(5) or None),
               issued_on=dash(issued), old_id=dash(old or None),
               raw_fields=",".join(str(i) for i in range(7, len(fields))) or "-")
    return row


def hexs(text: str) -> str:
    return text.encode("utf-8").hex()


def telex_damage(h: str) -> str:
    """What a Telex input method makes of hex typed through it."""
    return h.replace("aaf", "ầ").replace("eef", "ề").replace("aa", "â").replace(
        "ee", "ê").replace("dd", "đ").replace("af", "à").replace("ef", "è")


def qr_cases() -> list[str]:
    name, guardian, address = hexs("Nguyễn Văn A"), hexs("Nguyễn Văn B"), hexs("12 Lê Lợi, Huế")
    base = ["HS4010120878811", name, "15/08/1990", "1", address, "01 - 028", "01/01/2025",
            "31/12/2025", "01/01/2025", "79"]
    full = base + [guardian, "4", " 01/01/2030", "4641c59ff02659c3-1202"]
    cases = [
        "|".join(base),
        "|".join(base) + "|$",
        "|".join(base) + "|$\r\n",
        "|".join(full) + "|$",
        "|".join(full) + "|$\n",
        "|".join(full + ["x", hexs("Hà Nội")]) + "|$",       # 17 tokens (VssID)
        "|".join(full + ["x"]) + "|$",                       # other
        "|".join(full[:11]) + "|$",                          # 11 fields
        " \t" + "|".join(["0120878811"] + base[1:]) + "|$",   # stray whitespace before the card
        "|".join(["0120878811", name, "1990", "2", "-", "01-028", "01/01/2025", "-",
                  "01/01/2025", "79"]) + "|$",
        "|".join(["CA5980123456789", name, "29/02/2000", "2", "-", "79\u2013A01", "01/01/2025",
                  "-", "01/01/2025", "0"]) + "|$",
    ]
    # Telex damage, and UTF-16LE.
    for text in ["Nắng Ấm", "Đặng Thị Ánh", "Nguyễn Đức Anh", "Trần Thị Bảo Ngọc"]:
        cases.append("|".join([base[0], telex_damage(hexs(text))] + base[2:]) + "|$")
    for text in ["Lê Thị", "Phạm Văn Đồng"]:
        utf16 = text.encode("utf-16-le").hex()
        cases.append("|".join([base[0], utf16] + base[2:]) + "|$")
        cases.append("|".join([base[0], telex_damage(utf16)] + base[2:]) + "|$")
    cases.append("|".join([base[0], name.upper()] + base[2:]) + "|$")
    # Card errors, positions in the whole payload.
    for card in ["DN4000123456789", "HS401012087881", "0120878A11", "hs4010120878811", "ĐN4010123456789"]:
        cases.append("|".join([card] + base[1:]) + "|$")
    # One malformed field at a time.
    bad = {1: ["", "4g", "414", "zz", "ff", "e1bb"], 2: ["31/02/1990", "1990-08-15", "0000", "90"],
           3: ["0", "3", "M", ""], 4: ["", "zz", "4x"], 5: ["01 - 02", "00028", "0A028", "01-0#8", "01-02a"],
           6: ["2025-01-01", "1/1/2025", "32/01/2025"], 7: ["", "31/13/2025"],
           8: ["", "01/01/25"], 9: ["", "7a", "-"], 10: ["zz", "4"], 12: ["01-01-2030", "  x"]}
    for index, values in bad.items():
        for value in values:
            fields = list(full)
            fields[index] = value
            cases.append("|".join(fields) + "|$")
    # CCCD.
    cases += [
        "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021",
        "079095001234|123456789|Nguyễn Văn A|15081995|Nam|12 Lê Lợi, Huế|01012021\r\n",
        "001195001234||Trần Thị B|01012001|Nữ|Hà Nội|",
        "001195001234||Trần Thị B|01012001|Nữ|Hà Nội",
        "001195001234||Trần Thị B|01012001|Nữ|Hà Nội|01012024|a|b|c|d",
        "001195001234|||||",
        "00119500123A||B|01012001|Nữ|X|",
        "0011950Đ1234||B|01012001|Nữ|X|",
        "001195001234|12345|B|01012001|Nữ|X|",
        "001195001234|12345678A|B|01012001|Nữ|X|",
        "001195001234||B|31022001|Nữ|X|",
        "001195001234||B|01012001|Nu|X|",
        "001195001234||B|01012001|Nữ|X|2024",
    ]
    # Neither layout.
    cases += ["a|b|c", "|", "079095001234|1|2|3|4|5|6|7", "0120878811|$", "|" * 40,
              "079095001234|123456789|A|15081995|Nam|X|01012021|$"]
    return cases


FACILITY_COLUMNS = ["input", "valid", "code", "position", "facility_code", "province", "facility"]


def facility_rows() -> list[dict[str, str]]:
    rows = []
    for inp in ["01 - 028", "01-028", "01028", "01 \u2013 028", " 0 1 0 2 8 ", "79-A01", "97 - 999",
                "", "-", "0102", "010289", "00028", "0A028", "01-0#8", "01-02a", "01 - 0Đ8",
                "1-028", "01 028 "]:
        code, bad = facility(inp)
        if code:
            rows.append(dict(input=inp, valid="true", code="-", position="-", facility_code=code,
                             province=code[:2], facility=code[2:]))
        else:
            rows.append(dict(input=inp, valid="false", code="invalid_facility_code",
                             position=dash(bad), facility_code="-", province="-", facility="-"))
    return rows


VALIDITY_COLUMNS = ["input", "valid_from", "valid_to", "date", "admission", "discharge",
                    "validity", "notes"]


def iso_to_ord(s: str) -> tuple[int, int, int]:
    y, m, d = s.split("-")
    return int(y), int(m), int(d)


def validity_rows() -> list[dict[str, str]]:
    rows = []
    cases = [
        ("2025-01-01", "2025-12-31", "2024-12-31", "2025-03-01", "2025-03-09"),
        ("2025-01-01", "2025-12-31", "2025-01-01", "2025-12-31", "2025-12-31"),
        ("2025-01-01", "2025-12-31", "2025-12-31", "2024-12-30", "2025-01-02"),
        ("2025-01-01", "2025-12-31", "2026-01-01", "2025-12-30", "2026-01-02"),
        ("2025-01-01", "2025-12-31", "2025-06-15", "2024-12-01", "2024-12-02"),
        ("2025-01-01", "2025-12-31", "2025-06-15", "2024-12-30", "2026-01-02"),
        ("2025-01-01", "-", "2030-01-01", "2024-12-30", "2030-01-02"),
        ("2025-01-01", "-", "2024-01-01", "2025-01-01", "2025-01-01"),
        ("2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", "2024-02-28"),
        ("2025-01-01", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03"),
    ]
    for i, (start, end, date, admission, discharge) in enumerate(cases):
        s, d = iso_to_ord(start), iso_to_ord(date)
        e = None if end == "-" else iso_to_ord(end)
        if d < s:
            validity = "before_start"
        elif e is None:
            validity = "open_ended"
        else:
            validity = "expired" if d > e else "valid"
        a, b = iso_to_ord(admission), iso_to_ord(discharge)
        b = max(a, b)
        notes = []
        if b < s:
            notes.append("visit_before_start")
        elif a < s:
            notes.append("became_valid_during_stay")
        if e is not None and e < b:
            notes.append("expired_before_discharge")
        rows.append(dict(input=str(i), valid_from=start, valid_to=end, date=date,
                         admission=admission, discharge=discharge, validity=validity,
                         notes=",".join(notes) or "-"))
    return rows


GATEWAY_COLUMNS = ["input", "known", "class"]

# The issue's table (spec, 'Vietnam Social Security gateway result codes') and this
# library's class of each.
GATEWAY = {
    "000": "ok", "001": "ok", "002": "ok", "003": "card_info_differs", "004": "card_info_differs",
    "010": "card_not_usable", "050": "card_not_usable", "051": "card_info_differs",
    "052": "card_info_differs", "053": "card_info_differs", "054": "service_error",
    "055": "service_error", "060": "person_info_differs", "061": "person_info_differs",
    "070": "person_info_differs", "100": "service_error", "101": "service_error",
    "110": "card_not_usable", "120": "card_not_usable", "121": "card_not_usable",
    "122": "card_not_usable", "123": "card_not_usable", "124": "card_not_usable",
    "130": "person_info_differs", "205": "service_error", "401": "service_error",
    "500": "service_error",
}


def gateway_rows() -> list[dict[str, str]]:
    rows = [dict(input=code, known="true", **{"class": cls}) for code, cls in GATEWAY.items()]
    for code in [" 000 ", "999", "0", "00", "0000", "125", "abc", ""]:
        cls = GATEWAY.get(code.strip(" \t\n\r\x0b\x0c"))
        rows.append(dict(input=code, known=str(cls is not None).lower(), **{"class": dash(cls)}))
    return rows


def build() -> dict[str, bytes]:
    cards = [card_row(*case) for case in card_cases().items]
    prefixes = [prefix_row(*case) for case in prefix_cases().items]
    identities = [identify_row(*case) for case in identify_cases().items]
    ma_the = [ma_the_row(*case) for case in ma_the_cases().items]
    return {
        "cards.tsv": render("card numbers (strict/lenient check, decoding, formatting)",
                            CARD_COLUMNS, cards),
        "prefixes.tsv": render("as-you-type prefixes (incomplete/complete/invalid)",
                               PREFIX_COLUMNS, prefixes),
        "identify.tsv": render("the reception search box (card number or personal id)",
                               IDENTIFY_COLUMNS, identities, RECEPTION_SOURCE),
        "ma_the.tsv": render("the claims field MA_THE_BHYT (items split at ';')",
                             MA_THE_COLUMNS, ma_the, RECEPTION_SOURCE),
        "qr.tsv": render("QR codes typed by a reception desk's scanner (card and CCCD)",
                         QR_COLUMNS, [qr_row(case) for case in dict.fromkeys(qr_cases())],
                         QR_SOURCE),
        "facility.tsv": render("facility codes (ma DKKCB), parsed and normalised",
                               FACILITY_COLUMNS, facility_rows(), QR_SOURCE),
        "validity.tsv": render("a card's validity on a date, and the notes on a stay",
                               VALIDITY_COLUMNS, validity_rows(), QR_SOURCE),
        "gateway.tsv": render("Vietnam Social Security gateway result codes and classes",
                              GATEWAY_COLUMNS, gateway_rows(), QR_SOURCE),
    }


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print("usage: generate.py [--check]", file=sys.stderr)
        return 2
    files = build()
    if argv == ["--check"]:
        status = 0
        for name, data in files.items():
            path = HERE / name
            if not path.exists() or path.read_bytes() != data:
                print(f"{name} differs from generate.py's output; run: python3 generate.py")
                status = 1
        return status
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        rows = data.count(b"\n") - 5
        print(f"wrote {name}: {rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
