#!/usr/bin/env bash
# The Python package (bindings/python), tested as a user gets it:
#
#   1. a tools virtual environment, build/python-venv, with the pinned test dependencies
#      (requirements-test.txt: maturin, pytest, mypy, PyArrow, pandas, Polars, DuckDB, PySpark);
#   2. the wheel built the way `pip install ./bindings/python` builds it (`pip wheel`: PEP 517,
#      maturin fetched from PyPI as the build backend, the Rust crates from crates.io);
#   3. a fresh virtual environment, build/python-fresh, with only the wheel and its `[arrow]`
#      extra: `import bhyt` by name from outside the checkout, and the root README's Python
#      section run as written;
#   4. the wheel in the tools environment, then pytest (bindings/python/tests: every shared
#      vector and junk row through the scalar API and validate_array, the API, mypy --strict on
#      user code, the README's recipes for pandas, Polars, DuckDB and check_file, the PySpark
#      recipe on local[2]).
#
# On a fresh Debian/Ubuntu machine it installs what is missing with apt-get: a Java runtime for
# Spark (default-jre-headless: OpenJDK 17 on Debian 12) and python3-venv.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD="$ROOT/build"
TOOLS="$BUILD/python-venv"
FRESH="$BUILD/python-fresh"
WHEELS="$BUILD/python-wheel"
PYTHON=${PYTHON:-python3}

# ---- What the tests need -------------------------------------------------------------------
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
"$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
bash "$ROOT/scripts/apt-install.sh" "${missing[@]}"

step() { printf '\n--> %s\n' "$*"; }

step "tools environment $TOOLS (requirements-test.txt)"
[ -x "$TOOLS/bin/python" ] || "$PYTHON" -m venv "$TOOLS"
"$TOOLS/bin/python" -m pip install -q --upgrade pip
"$TOOLS/bin/python" -m pip install -q -r "$HERE/requirements-test.txt"

step "the wheel, as pip install ./bindings/python builds it (maturin from PyPI, release build)"
rm -rf "$WHEELS"
# A `maturin develop` leaves the extension beside the sources; the wheel must build its own.
rm -f "$HERE"/python/bhyt/*.so
"$TOOLS/bin/python" -m pip wheel -q --no-deps -w "$WHEELS" "$HERE"
wheel=$(ls "$WHEELS"/bhyt-*.whl)
case "$wheel" in
*-cp39-abi3-*) echo "built $(basename "$wheel")" ;;
*) echo "expected one abi3 wheel for CPython 3.9+, got $wheel" >&2 && exit 1 ;;
esac
"$TOOLS/bin/python" - "$wheel" <<'EOF'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for needed in ("bhyt/__init__.py", "bhyt/__init__.pyi", "bhyt/py.typed"):
    assert needed in names, f"the wheel lacks {needed}: {names}"
assert any(name.startswith("bhyt/_bhyt") and name.endswith(".so") for name in names), names
EOF

step "a fresh virtual environment $FRESH: the wheel and its [arrow] extra, imported by name"
rm -rf "$FRESH"
"$PYTHON" -m venv "$FRESH"
"$FRESH/bin/python" -m pip install -q "$wheel[arrow]"
readme=$(mktemp --suffix=.py)
trap 'rm -f "$readme"' EXIT
"$PYTHON" - "$ROOT/README.md" "$readme" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = re.search(r"^### Python.*?\n(.*?)(?=^##)", text, re.S | re.M).group(1)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(re.findall(r"```python\n(.*?)```", section, re.S)))
EOF
(
    cd /
    "$FRESH/bin/python" -c "import bhyt, sys; assert 'site-packages' in bhyt.__file__, bhyt.__file__; print('bhyt from', bhyt.__file__)"
    "$FRESH/bin/python" "$readme"
)

step "pytest in the tools environment, against the installed wheel"
"$TOOLS/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel"
cd "$HERE/tests"
"$TOOLS/bin/python" -c "import bhyt; assert 'site-packages' in bhyt.__file__, bhyt.__file__"
PYSPARK_PYTHON="$TOOLS/bin/python" "$TOOLS/bin/python" -m pytest -q -p no:cacheprovider \
    -W ignore::FutureWarning "$HERE/tests"
