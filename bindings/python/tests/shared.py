"""Readers of the shared test data (tests/vectors/*.tsv, tests/junk/junk.tsv), with Python's
csv module, as their READMEs describe them: `#` lines are comments, the first other line is
the header, `-` is an empty value except in `input`, escapes in `input` are decoded here."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator, Optional, Union

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"
JUNK = ROOT / "tests" / "junk" / "junk.tsv"

ESCAPE = re.compile(r"\\(\\|t|n|r|x[0-9A-F]{2}|u[0-9A-F]{4})")


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a TSV file, each a dict by column name (values still escaped)."""
    with open(path, encoding="utf-8", newline="") as file:
        # Split on LF only (the files hold VT, FF, U+2028, ... inside fields).
        lines = [line for line in file.read().split("\n") if line and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
    header = next(reader)
    for fields in reader:
        assert len(fields) == len(header), (path.name, fields[:3])
        yield dict(zip(header, fields))


def value(field: str) -> Optional[str]:
    """A column other than `input`: `-` is empty."""
    return None if field == "-" else field


def position(field: str) -> Optional[int]:
    return None if field == "-" else int(field)


def unescape(field: str) -> str:
    """`input` as a Python str: `\\\\ \\t \\n \\r`, `\\xHH` (00-7F) and `\\uHHHH` (a lone
    surrogate, which a Python str can hold)."""

    def one(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape in ("\\", "t", "n", "r"):
            return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[escape]
        code = int(escape[1:], 16)
        assert escape[0] == "u" or code < 0x80, escape
        return chr(code)

    return ESCAPE.sub(one, field)


def unescape_bytes(field: str) -> bytes:
    """`input` of a `bytes_only` junk row: `\\xHH` is the byte HH."""
    out = bytearray()
    for piece in re.split(r"(\\(?:\\|t|n|r|x[0-9A-F]{2}))", field):
        if piece.startswith("\\x"):
            out.append(int(piece[2:], 16))
        elif piece.startswith("\\"):
            out += unescape(piece).encode()
        else:
            out += piece.encode()
    return bytes(out)


def junk_input(row: dict[str, str]) -> Union[str, bytes]:
    """The input of a junk row (the unit repeated), bytes for `bytes_only` rows."""
    unit: Union[str, bytes] = (
        unescape_bytes(row["input"]) if row["bytes_only"] == "true" else unescape(row["input"])
    )
    return unit * int(row["repeat"])
