"""The PySpark recipe: the README's block as written, then the same mapInArrow check on a
generated, partitioned Parquet dataset of claims-like rows on local[2], whose counts must
equal a single-process run's."""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import bhyt
from readme import package_blocks

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

GROUPS = ["HS", "DN", "HT", "TE", "CA", "QN", "XX", "GD", "hs"]


def claims(rows: int, seed: int = 17) -> pa.Table:
    """Claims-like rows: mostly valid numbers, some damaged, some nulls and short forms."""
    rng = random.Random(seed)
    numbers: list[Any] = []
    for _ in range(rows):
        kind = rng.random()
        sin = f"{rng.randrange(10**10):010d}"
        if kind < 0.02:
            numbers.append(None)
        elif kind < 0.10:
            numbers.append(sin)
        else:
            group = rng.choice(GROUPS)
            province = rng.choice(["01", "79", "97", "98", "00", "4x"])
            numbers.append(f"{group}{rng.randrange(0, 7)}{province}{sin}")
    return pa.table(
        {
            "ma_lk": [f"LK{i:08d}" for i in range(rows)],
            "tinh": [rng.choice(["01", "31", "48", "79", "92"]) for _ in range(rows)],
            "ma_the_bhyt": pa.array(numbers, pa.string()),
        }
    )


def test_readme_block() -> None:
    (block,) = [block for block in package_blocks() if "SparkSession" in block]
    exec(compile(block, "README", "exec"), {"__name__": "readme"})


def test_counts_equal_a_single_process_run(tmp_path: Path) -> None:
    # Defined here, so that Spark sends it to its Python workers by value (as a notebook's).
    def check_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            verdicts = bhyt.validate_array(batch.column("ma_the_bhyt"))
            yield pa.RecordBatch.from_arrays(
                [batch.column("ma_lk"), verdicts.column("valid"), verdicts.column("code")],
                names=["ma_lk", "valid", "code"],
            )

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = SparkSession.builder.master("local[2]").appName("bhyt-test").getOrCreate()
    try:
        root = tmp_path / "claims"
        table = claims(200_000)
        ds.write_dataset(
            table,
            root,
            format="parquet",
            partitioning=["tinh"],
            partitioning_flavor="hive",
            max_rows_per_group=20_000,
        )
        assert len(list(root.glob("tinh=*"))) == 5
        single = bhyt.validate_array(ds.dataset(root, format="parquet").to_table().column("ma_the_bhyt"))
        expected = Counter(zip(single.column("valid").to_pylist(), single.column("code").to_pylist()))
        assert expected[(True, None)] > 10_000 and len(expected) >= 4
        checked = session.read.parquet(str(root)).mapInArrow(
            check_batches, "ma_lk string, valid boolean, code string"
        )
        assert checked.rdd.getNumPartitions() >= 2
        got = Counter(
            {(row["valid"], row["code"]): row["count"] for row in checked.groupBy("valid", "code").count().collect()}
        )
        assert got == expected
        assert checked.count() == table.num_rows
    finally:
        session.stop()
