"""Every Python block of bindings/python/README.md and of the root README's "Python" section
runs as written (the PySpark one in test_spark.py)."""

from __future__ import annotations

import pytest

from readme import package_blocks, root_blocks

BLOCKS = [block for block in package_blocks() + root_blocks() if "SparkSession" not in block]


def test_there_are_blocks() -> None:
    assert len(BLOCKS) >= 6 and root_blocks()


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_block_runs(block: str) -> None:
    exec(compile(block, "README", "exec"), {"__name__": "readme"})
