"""Many units in one command: `disclose build units/ -o out/ --jobs 2 [--pdf]` and
`disclose check units/`.

Each unit is built (or checked) on its own — in a worker process when `--jobs` is more than
one — and a unit that fails is reported with its first errors without stopping the others.
Outputs go to `OUT/<data file's name>/` (or straight into OUT with `--flat`), each unit's
written whole or not at all (`output.write`).  `--pdf` converts every Word file of the batch
with one LibreOffice process (`output.pdf`).  A progress bar (rich) runs on a terminal; the
summary table and the exit status (1 when any unit failed) come at the end.
"""
from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .errors import ERROR, INFO, WARNING, DiscloseError, display_path

FIRST_ERRORS = 3          # how many of a failed unit's errors the report shows
DATA_SUFFIXES = (".yaml", ".yml")


def expand(paths: list[str], suffixes: tuple[str, ...] = DATA_SUFFIXES) -> list[Path]:
    """The files named, with each folder replaced by the files inside it with those suffixes (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.suffix.lower() in suffixes and f.is_file())
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class Result:
    path: Path
    ok: bool
    written: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)     # the unit's problems, formatted
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    seconds: float = 0.0
    detail: object = None                                  # what the command reports per file (verify)


@dataclass(frozen=True)
class BuildJob:
    out: Path
    flat: bool
    style: str | None
    templates: str | None
    force: bool
    formats: tuple[str, ...]
    document: str | None = None


def _count(result: Result, problems) -> Result:
    result.errors = sum(p.severity == ERROR for p in problems)
    result.warnings = sum(p.severity == WARNING for p in problems)
    result.notes = sum(p.severity == INFO for p in problems)
    result.messages = [p.format() for p in problems]
    return result


def _crash(path: Path, start: float) -> Result:
    """An unexpected exception inside one unit: reported as that unit's failure."""
    last = traceback.format_exc().strip().splitlines()[-1]
    return Result(path, False, messages=[f"{display_path(path)}: internal error: {last}"], errors=1,
                  seconds=time.perf_counter() - start)


def _guarded(path: Path, work) -> Result:
    """`work()` for one unit, timed; its errors become the unit's failure, never the batch's."""
    start = time.perf_counter()
    try:
        result = work()
    except DiscloseError as exc:
        result = _count(Result(path, False), exc.problems)
        result.errors = max(result.errors, 1)
    except Exception:  # noqa: BLE001 - one unit's bug must not stop the batch
        return _crash(path, start)
    result.seconds = time.perf_counter() - start
    return result


def build_unit(path: Path, job: BuildJob) -> Result:
    """Build one data file and write its outputs; never raises."""
    from .output import FORMATS
    from .output.write import inside, safe_stem, write_all
    from .pipeline import build

    def work() -> Result:
        built = build(path, job.style, job.templates, force=job.force, formats=job.formats, document=job.document)
        folder = job.out if job.flat else inside(job.out, safe_stem(path.stem, job.out, suffix=""))
        stem = safe_stem(built.title, folder, suffix=max((FORMATS[f].suffix for f in job.formats), key=len))
        outputs = {inside(folder, stem + FORMATS[f].suffix): content for f, content in built.outputs.items()}
        write_all(outputs)
        return _count(Result(path, True, list(outputs)), built.problems)

    return _guarded(path, work)


def check_unit(path: Path, style: str | None, prior: str | None = None, document: str | None = None) -> Result:
    """Check one data file (its rules and what its sentences need); never raises."""
    from .errors import sort_key
    from .pipeline import load_checked, needed, render

    def work() -> Result:
        checked = load_checked(path, style, prior=prior, document=document)
        problems = list(checked.problems)
        reported = {(p.location, p.severity) for p in problems}
        problems += [p for p in needed(checked, render(checked.data, checked.style))
                     if (p.location, p.severity) not in reported]
        result = _count(Result(path, True), sorted(problems, key=sort_key))
        result.ok = result.errors == 0
        return result

    return _guarded(path, work)


def verify_unit(path: Path) -> Result:
    """Verify one document; never raises."""
    from .verify import verify

    def work() -> Result:
        v = verify(path, display_path(path))
        return Result(path, v.errors == 0, messages=[f.format() for f in v.findings], errors=v.errors,
                      warnings=v.warnings, detail=v)

    return _guarded(path, work)


def run(paths: list[Path], work, jobs: int, progress_label: str, console) -> list[Result]:
    """`work(path)` for every path, `jobs` at a time, with a progress bar on a terminal; the
    results in the order of `paths`."""
    results: dict[Path, Result] = {}
    collecting = gc.isenabled()
    gc.enable()              # many units: memory stays flat (`cli.main` turns it off for one command)
    try:
        _run(paths, work, jobs, progress_label, console, results)
    finally:
        if not collecting:
            gc.disable()
    return [results[p] for p in paths]


def _run(paths: list[Path], work, jobs: int, progress_label: str, console, results: dict) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(f"{progress_label} [progress.description]{{task.description}}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=False,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task("", total=len(paths))

        def done(result: Result) -> None:
            results[result.path] = result
            bar.update(task, advance=1, description=result.path.name)
            if not console.is_terminal:
                console.print(("ok    " if result.ok else "FAILED ") + display_path(result.path), highlight=False)

        if jobs <= 1 or len(paths) == 1:
            for p in paths:
                done(work(p))
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(work, p): p for p in paths}
                for future in as_completed(futures):
                    try:
                        done(future.result())
                    except Exception:  # noqa: BLE001 - a worker that died (killed, out of memory)
                        done(_crash(futures[future], time.perf_counter()))


def summary(results: list[Result], console, seconds: float, what: str = "built", details: bool = True,
            noun: str = "units") -> None:
    """At the end: each failed unit with its first errors (`details`), and a table of the totals."""
    from rich.markup import escape
    from rich.table import Table

    failed = [r for r in results if not r.ok]
    for r in failed if details else []:
        console.print(f"[bold red]{escape(display_path(r.path))}[/] failed:", highlight=False)
        for line in r.messages[:FIRST_ERRORS] or ["(no message)"]:
            console.print(f"  {line}", highlight=False, markup=False)
        if len(r.messages) > FIRST_ERRORS:
            console.print(f"  … and {len(r.messages) - FIRST_ERRORS} more: disclose check {display_path(r.path)}",
                          highlight=False, markup=False)
    table = Table(title=None, show_edge=False)
    for name in (noun, what, "failed", "errors", "warnings", "seconds"):
        table.add_column(name, justify="right")
    table.add_row(str(len(results)), str(len(results) - len(failed)), str(len(failed)),
                  str(sum(r.errors for r in results)), str(sum(r.warnings for r in results)), f"{seconds:.1f}")
    console.print(table)


# --- the commands over many files (`disclose build`/`check` of folders) -----------------------------

def console_for_progress():
    """The console a batch reports on: stderr, long lines kept whole."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def build_command(args, formats: tuple[str, ...]) -> int:
    """`disclose build` of several files or folders."""
    import functools
    import time

    paths = expand(args.data)
    if not paths:
        print("disclose build: error: no data files (.yaml) found", file=sys.stderr)
        return EXIT_USAGE
    job = BuildJob(Path(args.output), args.flat, args.style, args.templates, args.force, formats, args.document)
    console, start = console_for_progress(), time.perf_counter()
    results = run(paths, functools.partial(build_unit, job=job), args.jobs or default_jobs(),
                        "building", console)
    status = EXIT_OK
    if args.pdf:
        converted = _pdf_batch([p for r in results if r.ok for p in r.written if p.suffix == ".docx"], console)
        status = EXIT_OK if converted else EXIT_PROBLEMS
    summary(results, console, time.perf_counter() - start)
    console.print(f"outputs in {display_path(Path(args.output))}" + ("" if args.flat else "/<data file's name>/"),
                  markup=False)
    return EXIT_PROBLEMS if any(not r.ok for r in results) else status


def _pdf_batch(files: list[Path], console) -> bool:
    from .output.pdf import convert

    with console.status(f"converting {len(files)} Word files to PDF"):
        errors = {f: e for f, e in convert(files).items() if e is not None}
    for f, e in errors.items():
        console.print(f"{display_path(f)}: no PDF: {e}", markup=False)
    return not errors


def check_command(args) -> int:
    """`disclose check` of several files or folders: one line per unit."""
    import functools
    import json
    import time

    paths = expand(args.data)
    if not paths:
        print("disclose check: error: no data files (.yaml) found", file=sys.stderr)
        return EXIT_USAGE
    console, start = console_for_progress(), time.perf_counter()
    work = functools.partial(check_unit, style=args.style, document=args.document)
    results = run(paths, work, args.jobs or default_jobs(), "checking", console)
    if args.strict:
        for r in results:
            r.ok = r.ok and r.warnings == 0
    if args.format == "json":
        json.dump([{"file": display_path(r.path), "ok": r.ok, "errors": r.errors, "warnings": r.warnings,
                    "notes": r.notes, "problems": r.messages} for r in results], sys.stdout, ensure_ascii=False,
                  indent=2)
        print()
    else:
        for r in results:
            first = next((m for m in r.messages if f" {ERROR} " in m), "")
            print(f"{display_path(r.path)}: {r.errors} errors, {r.warnings} warnings, {r.notes} notes"
                  + (f" — first: {first}" if first else ""))
        summary(results, console, time.perf_counter() - start, what="clean", details=False)
    return EXIT_PROBLEMS if any(not r.ok for r in results) else EXIT_OK
