"""A 财政局's batch: N generated units built with `disclose build FOLDER --jobs J`.

    python bench/batch.py [--units 1000] [--jobs 2] [--formats txt,docx,xlsx]

The units are the three examples (changji, xiji, demo) under new unit names, written into a
temporary folder (each a valid, different data file).  The batch runs as one `disclose build`
process, as a user runs it; the report gives its wall time, units per second, and the
largest resident memory of any process of the batch — measured for a tenth of the units
first and then for all, so that memory growing with the batch would show.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ["changji-2024", "xiji-2024", "demo-2024"]


def make_units(folder: Path, n: int) -> None:
    texts = [(ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8") for name in EXAMPLES]
    for i in range(n):
        text = texts[i % len(texts)]
        lines = text.splitlines(keepends=True)
        j = next(k for k, line in enumerate(lines) if line.startswith("unit: "))
        lines[j] = f"unit: 第{i + 1:04d}号示例单位\n"
        (folder / f"unit-{i + 1:04d}.yaml").write_text("".join(lines), encoding="utf-8")


def run(folder: Path, out: Path, jobs: int, formats: str) -> tuple[float, int, int]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "disclose", "build", str(folder), "-o", str(out), "--jobs", str(jobs),
                        "--formats", formats], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    built = sum(1 for _ in out.rglob("*.txt")) if "txt" in formats else sum(1 for _ in out.rglob("*.docx"))
    if r.returncode != 0:
        print(r.stderr[-2000:])
    return seconds, built, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--formats", default="txt,docx,xlsx")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="disclose-batch-"))
    try:
        print(f"{args.units} units, --jobs {args.jobs}, --formats {args.formats}, {os.cpu_count()} cores")
        for n in (max(args.units // 10, 1), args.units):
            folder, out = work / f"units{n}", work / f"out{n}"
            folder.mkdir()
            make_units(folder, n)
            seconds, built, rss = run(folder, out, args.jobs, args.formats)
            print(f"{n:>6} units: {seconds:7.1f} s, {built} built, {n / seconds:6.1f} units/s, "
                  f"largest process so far {rss / 1024:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
