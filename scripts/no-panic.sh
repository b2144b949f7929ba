#!/usr/bin/env bash
# The no-panic proof of the core (issue 6): builds tests/no-panic, where every public entry
# point of `bhyt` is wrapped in a `#[no_panic]` function, with optimisations and LTO. The
# `no-panic` crate makes the link fail ("ERROR[no-panic]: detected panic in function ...")
# unless the optimiser proves that no wrapper can panic, so a successful build is the proof.
# Then runs the binary on every strict card vector as a smoke test: the proven functions are
# the ones that give the right verdicts.
#
#   scripts/no-panic.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "build tests/no-panic (release, LTO): the link succeeds only if no wrapper can panic"
cargo build --release --manifest-path tests/no-panic/Cargo.toml
binary=tests/no-panic/target/release/bhyt-no-panic

step "smoke run: the proven functions' verdicts on the strict vectors of tests/vectors/cards.tsv"
python3 - "$binary" <<'PY'
import subprocess, sys
rows, inputs, expected = [], [], []
header = None
for line in open("tests/vectors/cards.tsv", encoding="utf-8").read().split("\n"):
    if not line or line.startswith("#"):
        continue
    fields = line.split("\t")
    if header is None:
        header = fields
        continue
    row = dict(zip(header, fields))
    text = row["input"]
    # One input per line: rows whose input holds an escape (a line break, a TAB) are left out.
    if row["mode"] != "strict" or row["issuer"] != "any" or "\\" in text:
        continue
    inputs.append(text)
    expected.append("valid" if row["valid"] == "true" else "invalid")
out = subprocess.run([sys.argv[1]], input="\n".join(inputs) + "\n", capture_output=True,
                     text=True, encoding="utf-8", check=True).stdout.split("\n")
got = [line.split(" ")[0] for line in out[: len(inputs)]]
wrong = [i for i, (g, e) in enumerate(zip(got, expected)) if g != e]
assert out[len(inputs)].startswith("all "), "the batch and claims proofs ran"
if wrong or len(got) != len(expected):
    sys.exit(f"no-panic smoke run: {len(wrong)} verdicts differ from cards.tsv")
print(f"no-panic: proof linked; {len(inputs)} strict vectors give their verdicts")
PY
