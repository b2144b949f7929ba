"""The Python code blocks of the READMEs, which the tests run as written."""

from __future__ import annotations

import re

from shared import ROOT

PACKAGE_README = ROOT / "bindings" / "python" / "README.md"
ROOT_README = ROOT / "README.md"


def blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.S)


def package_blocks() -> list[str]:
    return blocks(PACKAGE_README.read_text(encoding="utf-8"))


def root_blocks() -> list[str]:
    """The blocks of the root README's section "Python"."""
    text = ROOT_README.read_text(encoding="utf-8")
    section = re.search(r"^### Python.*?\n(.*?)(?=^##)", text, re.S | re.M)
    assert section, "README.md has no section '### Python'"
    return blocks(section.group(1))
