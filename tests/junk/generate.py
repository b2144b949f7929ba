#!/usr/bin/env python3
"""Generate tests/junk/junk.tsv: junk input that every layer of bhyt must reject.

Every row is input a validator at the edge of a system may be thrown: nothing,
whitespace, a megabyte, NUL, bytes that are not UTF-8, lone UTF-16 surrogates,
Unicode digits and letters that look like ASCII, bidirectional and invisible
characters, emoji; each alone and placed inside an otherwise valid number.
Every row is invalid in both modes; the expected answers come from the
independent Python oracle of the rule in ../vectors/generate.py (for no
issuing body chosen).

    python3 generate.py          rewrite junk.tsv
    python3 generate.py --check  exit 1 if the committed junk.tsv differs

Standard library only, Python 3.11. Deterministic. As in ../vectors, every
non-ASCII and invisible character in this source is a \\u escape.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "vectors"))

import generate as oracle  # noqa: E402  (tests/vectors/generate.py)

COLUMNS = ("name input repeat bytes_only js_only strict_code strict_position "
           "lenient_code lenient_position prefix_state prefix_at prefix_code "
           "lenient_prefix_state lenient_prefix_at lenient_prefix_code "
           "normalize").split()

MIB = 1 << 20

VALID_10 = "0120878811"
VALID_15 = "HS4010120878811"


class Row:
    """One case: `text` is a str (js_only: may hold lone surrogates) or bytes
    (bytes_only: not valid UTF-8), repeated `repeat` times."""

    def __init__(self, name: str, text: str | bytes, repeat: int = 1) -> None:
        self.name = name
        self.text = text
        self.repeat = repeat

    @property
    def bytes_only(self) -> bool:
        return isinstance(self.text, bytes)

    @property
    def js_only(self) -> bool:
        return isinstance(self.text, str) and any(
            0xD800 <= ord(ch) <= 0xDFFF for ch in self.text)

    def characters(self) -> str:
        """The input as the rule sees it: a lossy UTF-8 decoding of bytes (one
        U+FFFD per invalid sequence); in JS, a lone surrogate becomes U+FFFD
        when the string crosses into WebAssembly."""
        if self.bytes_only:
            return (self.text * self.repeat).decode("utf-8", errors="replace")
        unit = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch
                       for ch in self.text)
        return unit * self.repeat

    def escaped(self) -> str:
        if self.bytes_only:
            out = []
            for chunk in _utf8_chunks(self.text):
                if isinstance(chunk, str):
                    out.append(_escape_str(chunk))
                else:
                    out.append("".join(f"\\x{b:02X}" for b in chunk))
            return "".join(out)
        if self.js_only:
            return "".join(f"\\u{ord(ch):04X}" if 0xD800 <= ord(ch) <= 0xDFFF
                           else _escape_str(ch) for ch in self.text)
        return _escape_str(self.text)


def _escape_str(s: str) -> str:
    """The vectors' escapes, plus `\\xHH` for the other ASCII control characters, so that
    the file holds no raw control byte."""
    out = []
    for ch in oracle.escape_input(s):
        if (ord(ch) < 0x20 and ch not in "\t\n\r") or ch == "\x7f":
            out.append(f"\\x{ord(ch):02X}")
        else:
            out.append(ch)
    return "".join(out)


def _utf8_chunks(data: bytes):
    """Valid UTF-8 runs as str, invalid bytes as bytes, in order."""
    out: list[str | bytes] = []
    i = 0
    while i < len(data):
        for end in range(len(data), i, -1):
            try:
                out.append(data[i:end].decode("utf-8"))
                i = end
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append(data[i:i + 1])
            i += 1
    return out


def placed(name: str, junk: str | bytes) -> list[Row]:
    """`junk` in place of a character of each form, and inserted (one too many)."""
    if isinstance(junk, bytes):
        v10, v15 = VALID_10.encode(), VALID_15.encode()
    else:
        v10, v15 = VALID_10, VALID_15
    return [
        Row(f"{name}-in-10", v10[:5] + junk + v10[6:]),
        Row(f"{name}-in-15", v15[:9] + junk + v15[10:]),
        Row(f"{name}-inserted-15", v15[:2] + junk + v15[2:]),
    ]


# Characters that are junk wherever they stand, with a name each.
JUNK: list[tuple[str, str]] = [
    ("nul", "\x00"),
    ("del", "\x7f"),
    ("escape", "\x1b"),
    ("superscript-2", "\u00b2"),
    ("roman-8", "\u2177"),
    ("circled-18", "\u2471"),
    ("balinese-3", "\u1b53"),
    ("fullwidth-0", "\uff10"),
    ("arabic-indic-3", "\u0663"),
    ("devanagari-5", "\u096b"),
    ("math-bold-0", "\U0001d7ce"),
    ("subscript-1", "\u2081"),
    ("d-stroke", "\u0110"),
    ("d-stroke-small", "\u0111"),
    ("cyrillic-a", "\u0410"),
    ("greek-omicron", "\u039f"),
    ("fullwidth-d", "\uff24"),
    ("rlm", "\u200f"),
    ("lrm", "\u200e"),
    ("rlo", "\u202e"),
    ("arabic-letter-mark", "\u061c"),
    ("zero-width-space", "\u200b"),
    ("zero-width-joiner", "\u200d"),
    ("word-joiner", "\u2060"),
    ("bom", "\ufeff"),
    ("soft-hyphen", "\u00ad"),
    ("en-dash", "\u2013"),
    ("fullwidth-hyphen", "\uff0d"),
    ("replacement-character", "\ufffd"),
    ("emoji", "\U0001f600"),
    ("flag-vn", "\U0001f1fb\U0001f1f3"),
    ("keycap-1", "1\ufe0f\u20e3"),
    ("combining-acute-on-digit", "0\u0301"),
    ("backslash", "\\"),
    ("percent-n", "%n"),
]

# Bytes that are not UTF-8 (C and Rust only).
INVALID_UTF8: list[tuple[str, bytes]] = [
    ("byte-ff", b"\xff"),
    ("lone-continuation", b"\x80"),
    ("overlong-nul", b"\xc0\x80"),
    ("encoded-surrogate", b"\xed\xa0\x80"),
    ("truncated-emoji", b"\xf0\x9f\x98"),
    ("above-max", b"\xf4\x90\x80\x80"),
    ("lead-then-ascii", b"\xc8"),
]

# Lone UTF-16 surrogates (JS only).
SURROGATES: list[tuple[str, str]] = [
    ("high-surrogate", "\ud800"),
    ("low-surrogate", "\udfff"),
    ("reversed-pair", "\udc00\ud800"),
]


def cases() -> list[Row]:
    rows = [
        Row("empty", ""),
        Row("space", " "),
        Row("ten-spaces", " " * 10),
        Row("fifteen-spaces", " " * 15),
        Row("tab-newlines", "\t\n\r\n"),
        Row("nbsp-fifteen", "\u00a0" * 15),
        Row("ideographic-spaces", "\u3000" * 10),
        Row("separators-only", ".-_ .-_ .-_ ."),
        Row("nul-ten", "\x00" * 10),
        Row("nul-fifteen", "\x00" * 15),
        Row("ascii-three-superscript-2", "3\u00b2"),
        Row("fullwidth-dn", "\uff24\uff2e"),
        Row("fullwidth-dn-number", "\uff24\uff2e4010120878811"),
        Row("fullwidth-whole-number",
            "".join(chr(ord(ch) + 0xFEE0) for ch in VALID_15)),
        Row("fullwidth-ten-digits",
            "".join(chr(ord(ch) + 0xFEE0) for ch in VALID_10)),
        Row("arabic-indic-ten-digits",
            "".join(chr(0x0660 + int(ch)) for ch in VALID_10)),
        Row("d-stroke-group-code", "\u0110N4010120878811"),
        Row("d-stroke-small-group-code", "\u0111n4010120878811"),
        Row("cyrillic-group-code", "\u0421\u04101234567890123"),
        Row("rlm-around-number", "\u200f" + VALID_10 + "\u200f"),
        Row("rlo-reversed-number", "\u202e" + VALID_10[::-1]),
        Row("zero-width-space-prefix", "\u200b" + VALID_15),
        Row("bom-prefix", "\ufeff" + VALID_10),
        Row("emoji-ten", "\U0001f600" * 10),
        Row("emoji-family-zwj", "\U0001f468\u200d\U0001f469\u200d\U0001f467"),
        Row("format-string", "%s%s%s%n%x{0}"),
        Row("sql", "'; DROP TABLE the;--"),
        Row("html", "<script>x</script>"),
        Row("json", '{"number":"' + VALID_10 + '"}'),
        Row("two-numbers", VALID_10 + VALID_15),
        Row("number-twice", VALID_15 + " " + VALID_15),
        # About one mebibyte (the unit repeated: `repeat` says how many times).
        Row("long-zeros", "0", MIB),
        Row("long-spaces", " ", MIB),
        Row("long-valid-lines", VALID_10 + "\n", MIB // 11),
        Row("long-number-repeated", VALID_15, MIB // 15),
        Row("long-d-stroke", "\u0110", MIB // 2),
        Row("long-emoji", "\U0001f600", MIB // 4),
        Row("long-nul", "\x00", MIB),
        Row("long-invalid-utf8", b"\xff", MIB),
        Row("long-surrogates", "\ud800", MIB // 3),
    ]
    for name, junk in JUNK + INVALID_UTF8 + SURROGATES:
        rows.append(Row(name, junk))
        rows.extend(placed(name, junk))
    return rows


def dash(value) -> str:
    return "-" if value is None else str(value)


def expectations(row: Row) -> dict[str, str]:
    text = row.characters()
    out: dict[str, str] = {}
    for mode, prefix in (("strict", ""), ("lenient", "lenient_")):
        kept, where = oracle.normalize(text, mode)
        failure = oracle.strict_check(kept, "any")
        assert failure is not None, f"{row.name}: valid in {mode} mode, not junk"
        code, position = failure
        out[f"{mode}_code"] = code
        out[f"{mode}_position"] = dash(None if position is None else where[position])
        state, at, pcode, _ = oracle.prefix_check(kept, "any")
        assert state != "complete", row.name
        out[f"{prefix}prefix_state"] = state
        out[f"{prefix}prefix_at"] = dash(None if at is None else where[at])
        out[f"{prefix}prefix_code"] = dash(pcode)
        if mode == "lenient":
            out["normalize"] = "ok" if len(kept) <= 15 else "invalid_length"
    return out


def render(rows: list[Row]) -> bytes:
    lines = [
        "# bhyt junk input: what every layer must reject with a typed error, and keep working",
        "# Source: issue 6 (hardening); expected answers from tests/vectors/generate.py, the",
        "# independent oracle of ../shared/spec/bhyt-card-number.md, for no issuing body chosen.",
        "# Generated by tests/junk/generate.py -- do not edit by hand. Format: README.md.",
        "\t".join(COLUMNS),
    ]
    names, inputs = set(), set()
    for row in rows:
        assert row.name not in names, row.name
        assert (row.text, row.repeat) not in inputs, row.name
        names.add(row.name)
        inputs.add((row.text, row.repeat))
        values = {
            "name": row.name,
            "input": row.escaped(),
            "repeat": str(row.repeat),
            "bytes_only": "true" if row.bytes_only else "false",
            "js_only": "true" if row.js_only else "false",
        }
        values.update(expectations(row))
        fields = [values[col] for col in COLUMNS]
        for col, value in zip(COLUMNS, fields):
            assert not any(bad in value for bad in "\t\n\r"), (row.name, col)
            if col != "input":
                assert value and value.isascii(), (row.name, col)
        lines.append("\t".join(fields))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    verify(data, rows)
    return data


def unescape(field: str, bytes_only: bool, js_only: bool) -> str | bytes:
    """Read an input field back the way the Rust, C and JS readers do."""
    out: list[bytes] = []
    units: list[str] = []
    i = 0
    while i < len(field):
        ch = field[i]
        if ch != "\\":
            out.append(ch.encode("utf-8"))
            units.append(ch)
            i += 1
            continue
        nxt = field[i + 1]
        if nxt in "\\tnr":
            plain = oracle.UNESCAPES["\\" + nxt]
            out.append(plain.encode())
            units.append(plain)
            i += 2
        elif nxt == "x":
            byte = int(field[i + 2:i + 4], 16)
            assert bytes_only or byte < 0x80, field
            out.append(bytes([byte]))
            units.append(chr(byte))
            i += 4
        elif nxt == "u" and js_only:
            units.append(chr(int(field[i + 2:i + 6], 16)))
            i += 6
        else:
            raise AssertionError(f"bad escape in {field!r}")
    return b"".join(out) if bytes_only else "".join(units)


def verify(data: bytes, rows: list[Row]) -> None:
    lines = data.decode("utf-8").split("\n")
    body = [line for line in lines[:-1] if not line.startswith("#")]
    assert body[0].split("\t") == COLUMNS
    for line, row in zip(body[1:], rows, strict=True):
        fields = dict(zip(COLUMNS, line.split("\t"), strict=True))
        back = unescape(fields["input"], fields["bytes_only"] == "true",
                        fields["js_only"] == "true")
        assert back == row.text, (row.name, back, row.text)


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print("usage: generate.py [--check]", file=sys.stderr)
        return 2
    data = render(cases())
    path = HERE / "junk.tsv"
    if argv == ["--check"]:
        if not path.exists() or path.read_bytes() != data:
            print("junk.tsv differs from generate.py's output; run: python3 generate.py")
            return 1
        return 0
    path.write_bytes(data)
    rows = data.count(b"\n") - 5
    print(f"wrote junk.tsv: {rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
