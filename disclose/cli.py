"""The `disclose` command."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ERROR, DiscloseError, display_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="disclose",
        description="Write a 部门决算公开说明 (Word and plain text) from one YAML data file.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="write the disclosure (.docx and .txt) from a data file")
    b.add_argument("data", help="the year's data file, e.g. 2024.yaml")
    b.add_argument("-o", "--output", default=".", help="folder to write into (default: the current folder)")
    b.add_argument("--style", help="house style (default: the file's `style:`, else xinjiang)")
    b.add_argument("--templates", metavar="DIR", help="your own template folder, searched before the style's")
    b.add_argument("--force", action="store_true",
                   help="write the document even when checks fail; the errors are printed on its first page")
    b.add_argument("--text-only", action="store_true", help="write only the .txt (faster; no Word file)")

    sub.add_parser("styles", help="list the house styles")
    sub.add_parser("fields", help="print the data file's field reference (Markdown)")

    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "styles":
            return _styles()
        if args.command == "fields":
            from .reference import field_reference
            sys.stdout.write(field_reference())
            return EXIT_OK
    except DiscloseError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        errors = sum(1 for p in exc.problems if p.severity == ERROR)
        print(f"{errors} error{'s' if errors != 1 else ''}; nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


def _build(args) -> int:
    from .build import build
    from .write import write_all

    built = build(args.data, args.style, args.templates, force=args.force, docx=not args.text_only)
    for problem in built.problems:
        print(problem.format(), file=sys.stderr)
    out = Path(args.output)
    outputs = {out / f"{built.title}.txt": built.text.encode("utf-8")}
    if not args.text_only:
        outputs[out / f"{built.title}.docx"] = built.docx
    write_all(outputs)
    for path in outputs:
        print(f"wrote {display_path(path)}")
    return EXIT_OK


def _styles() -> int:
    from .style import available, load

    for name in available():
        style = load(name)
        print(f"{name}\t{style.settings.description}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
