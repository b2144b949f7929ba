"""The stubs type-check user code: mypy --strict on tests/typed_usage.py, and a use that is
wrong must be reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        cwd=HERE,
    )


def test_typed_usage_passes_mypy_and_runs() -> None:
    result = mypy(HERE / "typed_usage.py")
    assert result.returncode == 0, result.stdout + result.stderr
    import typed_usage

    typed_usage.main()


def test_mypy_catches_a_wrong_use(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "import bhyt\n"
        "n: int = bhyt.validate('0120878811').card.key\n"
        "bhyt.validate('0120878811', strict=True)\n",
        encoding="utf-8",
    )
    result = mypy(wrong)
    assert result.returncode == 1
    assert "Incompatible types" in result.stdout or "has incompatible type" in result.stdout
    assert 'Unexpected keyword argument "strict"' in result.stdout
    assert "union-attr" in result.stdout
