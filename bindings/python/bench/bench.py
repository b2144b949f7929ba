"""The Python package's speed, in one run (ratios within the run are what BENCHMARKS.md reports).

    bash bindings/python/bench/run.sh        # after bindings/python/test.sh (its tools venv)

Inputs: issue 13's mixed corpus (benches/, from a committed seed: a third valid 10-digit
numbers, a third valid 15-character numbers, a third invalid), 10,000 strings repeated to
1,000,000, and the rule as one regular expression (`bhyt_benches::pattern`), both written by
`cargo run -p bhyt-benches --example corpus [mixed|pattern]` and passed as files. Before
anything is timed, every baseline is checked to give bhyt's verdict on every input.

Timed, best of 5 (Spark: best of 3 after a warm-up run):
  - bhyt.validate_array on a PyArrow string array (verdict, code, position, key);
  - a Python loop over bhyt.validate (result objects), and over bhyt.is_valid;
  - a Python loop over re.fullmatch with the rule's regular expression;
  - pandas Series.str.fullmatch (pyarrow-backed strings);
  - the PySpark recipe (mapInArrow over a partitioned Parquet dataset of 2,000,000 claims-like
    rows, local[2], counts by code), against the same job with a pass-through function.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from typing import Any, Callable

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

import bhyt

ROWS = 1_000_000


def best(function: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(corpus_path: str, pattern_path: str, spark_rows: int) -> None:
    with open(corpus_path, encoding="utf-8", newline="") as file:
        corpus = [line.split("\t", 1)[1] for line in file.read().split("\n") if line]
    values = (corpus * (ROWS // len(corpus) + 1))[:ROWS]
    with open(pattern_path, encoding="utf-8") as file:
        pattern_text = file.read().strip()
    pattern = re.compile(pattern_text)
    array = pa.array(values, pa.string())
    series = pd.Series(values, dtype=pd.ArrowDtype(pa.string()))

    # The baselines agree with bhyt on every input.
    expected = bhyt.validate_array(array).column("valid").to_pylist()
    assert expected == [bhyt.validate(v).valid for v in corpus] * (ROWS // len(corpus))
    assert expected == [pattern.fullmatch(v) is not None for v in values]
    assert expected == series.str.fullmatch(pattern_text).tolist()

    results: list[tuple[str, float]] = [
        ("`bhyt.validate_array(pyarrow array)`", best(lambda: bhyt.validate_array(array))),
        ("`bhyt.validate_array(list of str)`", best(lambda: bhyt.validate_array(values), 3)),
        ("Python loop over `bhyt.validate(s).valid`", best(lambda: [bhyt.validate(v).valid for v in values], 3)),
        ("Python loop over `bhyt.is_valid(s)`", best(lambda: [bhyt.is_valid(v) for v in values], 3)),
        ("Python loop over `re.fullmatch` (the rule's pattern, compiled)", best(lambda: [pattern.fullmatch(v) is not None for v in values], 3)),
        ("pandas `Series.str.fullmatch` (pyarrow strings)", best(lambda: series.str.fullmatch(pattern_text), 3)),
    ]
    base = results[0][1]
    print(f"Python {sys.version.split()[0]}, {ROWS:,} values, {os.cpu_count()} CPUs")
    print("| how | time for 1M | per value | values/s | against `validate_array` |")
    print("|---|---|---|---|---|")
    for name, seconds in results:
        print(
            f"| {name} | {seconds * 1e3:,.1f} ms | {seconds / ROWS * 1e9:,.0f} ns "
            f"| {ROWS / seconds / 1e6:,.2f} M | {seconds / base:,.1f}x slower |"
            if seconds != base
            else f"| {name} | {seconds * 1e3:,.1f} ms | {seconds / ROWS * 1e9:,.0f} ns "
            f"| {ROWS / seconds / 1e6:,.2f} M | 1x |"
        )
    if spark_rows:
        spark(values, spark_rows)


def spark(values: list[str], rows: int) -> None:
    from pyspark.sql import SparkSession

    root = os.path.join(tempfile.mkdtemp(), "claims")
    numbers = (values * (rows // len(values) + 1))[:rows]
    table = pa.table(
        {
            "ma_lk": [f"LK{i:09d}" for i in range(rows)],
            "tinh": [f"{i % 8:02d}" for i in range(rows)],
            "ma_the_bhyt": numbers,
        }
    )
    ds.write_dataset(table, root, format="parquet", partitioning=["tinh"], partitioning_flavor="hive")

    def check_batches(batches: Any) -> Any:
        for batch in batches:
            verdicts = bhyt.validate_array(batch.column("ma_the_bhyt"))
            yield pa.RecordBatch.from_arrays(
                [batch.column("ma_lk"), verdicts.column("valid"), verdicts.column("code")],
                names=["ma_lk", "valid", "code"],
            )

    def pass_through(batches: Any) -> Any:
        for batch in batches:
            yield pa.RecordBatch.from_arrays(
                [batch.column("ma_lk"), pa.nulls(batch.num_rows, pa.bool_()), batch.column("ma_the_bhyt")],
                names=["ma_lk", "valid", "code"],
            )

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[2]").appName("bhyt-bench").getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    try:
        frame = session.read.parquet(root)
        schema = "ma_lk string, valid boolean, code string"

        def job(function: Any) -> Any:
            return frame.mapInArrow(function, schema).groupBy("valid").count().collect()

        counts = {row["valid"]: row["count"] for row in job(check_batches)}
        single = bhyt.validate_array(pa.array(numbers)).column("valid").to_pylist()
        assert counts == {v: single.count(v) for v in (True, False)}, counts
        checked = best(lambda: job(check_batches), 3)
        floor = best(lambda: job(pass_through), 3)
    finally:
        session.stop()
    print()
    print(f"PySpark {session.version}, local[2], {rows:,} rows in 8 Parquet partitions")
    print("| job | time | rows/s | rows/s per core |")
    print("|---|---|---|---|")
    for name, seconds in (("the recipe (`mapInArrow` + `validate_array`, count by verdict)", checked), ("the same job, pass-through function (no check)", floor)):
        print(f"| {name} | {seconds:,.2f} s | {rows / seconds / 1e6:,.2f} M | {rows / seconds / 2 / 1e6:,.2f} M |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2_000_000)
