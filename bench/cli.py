"""Cold commands against `python -c pass`, side by side: what a user waits for at the prompt.

    python bench/cli.py [--rounds N]

Each round runs, as new processes and in turn: `python -c pass`, `disclose check` and
`disclose build` of the Changji example (all three outputs).  Before the rounds the package's
modules are compiled (`compileall`, as `pip install` does) and the compiled templates are
cached (`DISCLOSE_CACHE`, as after a first run), so "cold" means a new process, not a new
machine.  The table gives the median and fastest wall time and each command's median
ratio to `python -c pass` in the same rounds.
"""
from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "changji-2024.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    compileall.compile_dir(ROOT / "disclose", quiet=1)
    out = Path(tempfile.mkdtemp())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["DISCLOSE_CACHE"] = str(out / "cache")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "disclose check": [sys.executable, "-m", "disclose", "check", str(DATA)],
        "disclose build": [sys.executable, "-m", "disclose", "build", str(DATA), "-o", str(out / "o")],
    }
    for cmd in commands.values():                                   # warm: the template cache, the OS cache
        subprocess.run(cmd, env=env, capture_output=True, check=False)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=False)
            times[name].append(time.perf_counter() - start)
    base = times["python -c pass"]
    print(f"{rounds} rounds, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'command':<16} {'median s':>9} {'fastest s':>10} {'× python -c pass':>17}")
    for name, runs in times.items():
        ratio = statistics.median(r / b for r, b in zip(runs, base))
        print(f"{name:<16} {statistics.median(runs):>9.3f} {min(runs):>10.3f} {ratio:>17.1f}")


if __name__ == "__main__":
    main()
