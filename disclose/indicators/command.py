"""`disclose indicators DATA.yaml [--prior LAST.yaml]`: the common evaluation indicators of a file."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import display_path
from ..load import load
from ..model import OPTIONAL_RECORDS
from ..pipeline import resolve_style
from . import evaluate, report, spec


def indicators_command(args) -> int:
    # a file may hold only some records of the accounts: an indicator over an absent one says which to add
    data = load(args.data, OPTIONAL_RECORDS)
    last = load(args.prior, OPTIONAL_RECORDS) if args.prior else None
    style = resolve_style(data, args.style, args.templates)
    results = evaluate.evaluate(data, spec.load(style.folders, args.indicators), style.settings.zero, last)
    files = spec.files_of(style.folders, args.indicators)
    if args.xlsx:
        from ..output.write import write_all

        title = f"{data.unit}{data.year}年度部门整体支出绩效评价共性指标"
        write_all({Path(args.xlsx): report.workbook(results, title)})
        print(f"wrote {display_path(args.xlsx)}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(report.to_json(results, display_path(args.data),
                                        display_path(args.prior) if args.prior else None))
    else:
        header = (f"{display_path(args.data)}: {data.unit} {data.year}, amounts in {data.amount_unit}; indicators "
                  f"from {', '.join(display_path(f) for f in files) or '(none)'}")
        sys.stdout.write(report.text(results, header))
    if results and all(r.value is None for r in results):
        print(f"{display_path(args.data)}: no indicator could be evaluated: the file lacks the records they read "
              "(each one's note says which)", file=sys.stderr)
        return 1
    return 0
