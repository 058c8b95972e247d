"""`disclose verify` as a command: many documents in turn (or in workers), findings printed,
the reviewer's workbook written, exit status 1 when an error stands."""
from __future__ import annotations

import sys
from pathlib import Path

from ..cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from ..errors import display_path


def verify_command(args) -> int:
    """`disclose verify DOCUMENT…`: print the findings, write the workbook, exit 1 on an error."""
    import functools
    import json
    import time

    from .. import batch
    from ..read import SUFFIXES
    from .rules import DOCUMENT_RULES, RULES, TABLE_RULES

    if args.rules:
        for r in RULES + TABLE_RULES + DOCUMENT_RULES:
            print(f"{r.id:<16} {r.severity:<8} {r.description}")
        return EXIT_OK
    if not args.documents:
        print("disclose verify: error: give the documents to verify (or --rules)", file=sys.stderr)
        return EXIT_USAGE
    paths = batch.expand(args.documents, SUFFIXES)
    if not paths:
        print("disclose verify: error: no documents (.docx, .txt, .pdf) found", file=sys.stderr)
        return EXIT_USAGE
    console, start = batch.console_for_progress(), time.perf_counter()
    results = batch.run(paths, functools.partial(batch.verify_unit), args.jobs or batch.default_jobs(), "verifying",
                        console) if len(paths) > 1 else [batch.verify_unit(paths[0])]
    verified = [r.detail for r in results if r.detail is not None]
    if args.format == "json":
        json.dump([{"file": v.file, "errors": v.errors, "warnings": v.warnings,
                    "findings": [f.__dict__ for f in v.findings],
                    "recognised": [{"place": p, "rule": s.rule, "text": s.text, "check": s.check}
                                   for p, s in v.recognised] if args.explain else None,
                    "skipped": [{"place": p, "rule": s.rule, "text": s.text, "why": s.check}
                                for p, s in v.skipped] if args.explain else None}
                   for v in verified], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for v in verified:
            for f in v.findings:
                print(f.format())
                print(f"    {f.heading + ' → ' if f.heading else ''}{f.sentence}")
            if args.explain:
                for place, s in v.recognised:
                    print(f"{v.file}:{place}: {s.rule} {'holds' if not s.severity else s.severity}: {s.text} — {s.check}")
                for place, s in v.skipped:
                    print(f"{v.file}:{place}: {s.rule} not read: {s.text} — {s.check}")
    for r in results:
        if r.detail is None:
            for line in r.messages:
                print(line, file=sys.stderr)
    if args.report:
        from ..output.write import write_all
        from .report import workbook

        write_all({Path(args.report): workbook(verified)})
        print(f"wrote {display_path(Path(args.report))}", file=sys.stderr)
    if len(paths) > 1:
        batch.summary(results, console, time.perf_counter() - start, what="clean", details=False, noun="documents")
    else:
        v = verified[0] if verified else None
        if v is not None:
            print(f"{v.errors} error{'s' * (v.errors != 1)}, {v.warnings} warning{'s' * (v.warnings != 1)}; "
                  f"{len(v.recognised)} statements recognised",
                  file=sys.stderr if args.format == "json" else sys.stdout)   # stdout stays one JSON document
    return EXIT_PROBLEMS if any(not r.ok for r in results) else EXIT_OK
