"""Time what a user waits for: load, check, build (.txt, .docx, .xlsx), import, init and diff
of the examples.

    python bench/bench.py [--repeat N]

Each step runs N times (default 5) in this process after one warm-up run; the table
gives the median and the fastest, in milliseconds. Numbers depend on the machine: rerun
this where you quote them.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from disclose import check  # noqa: E402
from disclose.pipeline import build, resolve_style  # noqa: E402
from disclose.diff import compare  # noqa: E402
from disclose.load import load  # noqa: E402
from disclose.diff.outline import read  # noqa: E402
from disclose.diff.redline import redline  # noqa: E402
from disclose.load.workbook import read as read_tables  # noqa: E402
from disclose.rollforward import roll_forward  # noqa: E402

CHANGJI = ROOT / "data" / "changji-2024.yaml"
XIJI = ROOT / "data" / "xiji-2024.yaml"


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), min(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    n = parser.parse_args().repeat
    scratch = Path(tempfile.mkdtemp())
    tables = scratch / "xiji-tables.xlsx"
    tables.write_bytes(build(XIJI, formats=("xlsx",)).outputs["xlsx"])
    changji = load(CHANGJI)
    style = resolve_style(changji, None, None)
    steps = [
        ("load changji-2024.yaml (1,400 lines)", lambda: load(CHANGJI)),
        ("check changji (all rules)", lambda: check.run(changji, style)),
        ("build changji, .txt only", lambda: build(CHANGJI, formats=("txt",))),
        ("build changji, .txt and .docx", lambda: build(CHANGJI, formats=("txt", "docx"))),
        ("build changji, .txt .docx .xlsx", lambda: build(CHANGJI)),
        ("build xiji, .txt .docx .xlsx", lambda: build(XIJI)),
        ("import xiji's nine tables (.xlsx)", lambda: read_tables(tables)),
        ("init 2025 from xiji with its tables", lambda: roll_forward(XIJI, tables)),
        ("diff changji against itself (data)", lambda: compare(read(CHANGJI), read(CHANGJI))),
        ("diff + redline changji", lambda: redline(compare(read(CHANGJI), read(CHANGJI)))),
    ]
    print(f"{'step':<40} {'median ms':>10} {'fastest ms':>11}   (n={n}, Python {sys.version.split()[0]})")
    for name, fn in steps:
        median, fastest = timed(fn, n)
        print(f"{name:<40} {median:>10.0f} {fastest:>11.0f}")


if __name__ == "__main__":
    main()
