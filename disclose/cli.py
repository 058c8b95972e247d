"""The `disclose` command."""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from .errors import ERROR, DiscloseError, display_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    # One command is a short run that allocates much and frees little at a time: collecting cycles
    # as it goes costs a cold `check` about a tenth of its time (README *Speed*). A batch turns the
    # collector back on for its units (`batch.run`), and the caller gets it back as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def _build_arguments(b: argparse.ArgumentParser) -> None:
    b.add_argument("data", nargs="+", help="the year's data file, e.g. 2024.yaml; or several, or folders of them "
                   "(a batch: each unit into OUTPUT/<its file's name>/)")
    b.add_argument("-o", "--output", default=".", help="folder to write into (default: the current folder)")
    b.add_argument("--style", help="house style (default: the file's `style:`, else xinjiang)")
    b.add_argument("--templates", metavar="DIR", help="your own template folder, searched before the style's")
    b.add_argument("--document", metavar="NAME", help="which of the style's documents to write (default: the "
                   "style's default; `disclose styles` lists them), e.g. self-evaluation")
    b.add_argument("--force", action="store_true",
                   help="write the document even when checks fail; the errors are printed on its first page")
    b.add_argument("--formats", metavar="LIST", default="txt,docx,xlsx",
                   help="the outputs to write, comma-separated: txt, docx, xlsx (default: all three)")
    b.add_argument("--text-only", action="store_true", help="write only the .txt (the same as --formats txt)")
    b.add_argument("--pdf", action="store_true", help="also write a PDF of each Word file (LibreOffice, one "
                   "process for the whole batch)")
    b.add_argument("--jobs", type=int, metavar="N", help="units built at once in a batch (default: the number "
                   "of cores)")
    b.add_argument("--flat", action="store_true", help="in a batch, write every unit's files straight into "
                   "OUTPUT instead of a folder per unit")

def _check_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("data", nargs="*", help="the year's data file; or several, or folders of them (one line "
                   "per unit)")
    c.add_argument("--prior", metavar="FILE", help="last year's data file: check every 上年 figure against it")
    c.add_argument("--style", help="house style (default: the file's `style:`, else xinjiang)")
    c.add_argument("--document", metavar="NAME", help="check what this document of the style needs (default: the "
                   "style's default document)")
    c.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors (exit status 1)")
    c.add_argument("--rules", action="store_true", help="list the rules and exit")
    c.add_argument("--jobs", type=int, metavar="N", help="units checked at once (default: the number of cores)")

def _diff_arguments(d: argparse.ArgumentParser) -> None:
    d.add_argument("old", help="the earlier version: a data file (.yaml) or a built .txt or .docx")
    d.add_argument("new", help="the later version, of the same kind")
    d.add_argument("--stat", action="store_true", help="only the number of changes per section")
    d.add_argument("--figures", action="store_true", help="a table of every figure that moved (tab-separated)")
    d.add_argument("--html", metavar="FILE", help="also write a side-by-side HTML page")
    d.add_argument("--redline", metavar="FILE", help="also write the new text as .docx with tracked changes")
    d.add_argument("--author", default="disclose", help="the author of the tracked changes (default: disclose)")
    d.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the report (default: when writing to a terminal)")
    d.add_argument("--style", help="house style for data files (default: each file's `style:`) and the words "
                   "that open a reason in built files (default: every shipped style's)")
    d.add_argument("--templates", metavar="DIR", help="your own template folder, as for build: its templates for "
                   "data files, its style.yaml's `reason_leads` for built files")

def _import_arguments(m: argparse.ArgumentParser) -> None:
    m.add_argument("tables", help="the 决算 software's export of the nine tables, e.g. 2024公开表.xlsx")
    m.add_argument("-o", "--output", metavar="DATA.yaml", required=True,
                   help="the data file to write (its figures; the texts are added by hand)")
    m.add_argument("--force", action="store_true", help="overwrite DATA.yaml if it exists")

def _init_arguments(n: argparse.ArgumentParser) -> None:
    n.add_argument("new", help="the data file to write, e.g. 2025.yaml (it must not exist)")
    n.add_argument("--from", dest="last", metavar="LAST.yaml", required=True,
                   help="last year's data file: its 本年 become the 上年, its texts and reasons are carried")
    n.add_argument("--tables", metavar="TABLES.xlsx",
                   help="this year's nine 公开 tables (as for `disclose import`): their figures fill the 本年 lines")
    n.add_argument("--force", action="store_true", help="overwrite NEW if it exists")

def _verify_arguments(y: argparse.ArgumentParser) -> None:
    y.add_argument("documents", nargs="*", help="the documents, or folders of them")
    y.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    y.add_argument("--report", metavar="FILE.xlsx", help="also write a workbook: a summary and one sheet per file")
    y.add_argument("--explain", action="store_true", help="also list every statement recognised and what was "
                   "recomputed")
    y.add_argument("--rules", action="store_true", help="list the rules and exit")
    y.add_argument("--jobs", type=int, metavar="N", help="documents read at once (default: the number of cores)")

def _indicators_arguments(i: argparse.ArgumentParser) -> None:
    i.add_argument("data", help="the year's data file")
    i.add_argument("--prior", metavar="LAST.yaml", help="last year's data file: last year's values of the indicators "
                   "that compare with them (else the file's own 上年 figures)")
    i.add_argument("--style", help="house style whose indicators.yaml applies (default: the file's `style:`)")
    i.add_argument("--templates", metavar="DIR", help="your template folder: its indicators.yaml overrides, entry by entry")
    i.add_argument("--indicators", metavar="FILE", help="an indicators.yaml applied last, entry by entry")
    i.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    i.add_argument("--xlsx", metavar="FILE", help="also write the table as a workbook")

def _variables_arguments(v: argparse.ArgumentParser) -> None:
    v.add_argument("data", help="a data file")
    v.add_argument("--style", help="house style (default: the file's `style:`, else xinjiang)")
    v.add_argument("--document", metavar="NAME", help="what the templates of this document receive")

# Each command: its one-line help and the function that adds its arguments (none: it takes none).
_COMMANDS = {
    "build": ("write the disclosure (.docx, .txt, .xlsx) from a data file, or many", _build_arguments),
    "check": ("report every inconsistency of a data file, each with its line", _check_arguments),
    "diff": ("what changed between two years or two drafts (data files or built outputs)", _diff_arguments),
    "import": ("read the nine 公开 tables of a workbook (.xlsx, .xls, .ods) into a data file", _import_arguments),
    "init": ("next year's data file, rolled forward from last year's", _init_arguments),
    "verify": ("audit the arithmetic of disclosures, however they were written (.docx, .txt, .pdf)",
               _verify_arguments),
    "indicators": ("the common evaluation indicators (预算执行率, 调整率, 资产负债率…): formula, inputs, value, "
                   "score", _indicators_arguments),
    "variables": ("print what the templates receive for a data file", _variables_arguments),
    "styles": ("list the house styles", None),
    "fields": ("print the data file's field reference (Markdown)", None),
}


def _parser(argv: list[str] | None) -> argparse.ArgumentParser:
    """The command line's parser: every command is listed, but only the one asked for gets its
    arguments (building them all costs a cold start a few milliseconds)."""
    parser = argparse.ArgumentParser(
        prog="disclose",
        description="Write a 部门决算公开说明 (Word and plain text) from one YAML data file.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    words = sys.argv[1:] if argv is None else argv
    asked = words[0] if words and words[0] in _COMMANDS else None
    for name, (help_, arguments) in _COMMANDS.items():
        command = sub.add_parser(name, help=help_)
        if arguments is not None and asked in (None, name):
            arguments(command)
    return parser


def _main(argv: list[str] | None) -> int:
    parser = _parser(argv)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "check":
            return _check(args, parser)
        if args.command == "styles":
            return _styles()
        if args.command == "diff":
            return _diff(args)
        if args.command == "import":
            return _import(args)
        if args.command == "init":
            return _init(args)
        if args.command == "verify":
            from .verify.command import verify_command
            return verify_command(args)
        if args.command == "indicators":
            from .indicators.command import indicators_command
            return indicators_command(args)
        if args.command == "variables":
            from .pipeline import view
            from .render.variables import variables
            tree, style = view(args.data, args.style, document=args.document)
            sys.stdout.write(variables(tree, style.settings))
            return EXIT_OK
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
    from .output import FORMATS

    formats = ("txt",) if args.text_only else tuple(dict.fromkeys(f.strip() for f in args.formats.split(",")))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        print(f"disclose build: error: unknown format {', '.join(unknown) or '(none)'}; use "
              f"{', '.join(FORMATS)}", file=sys.stderr)
        return EXIT_USAGE
    if args.pdf:
        from .output.pdf import require
        require()                                           # before building anything
        if "docx" not in formats:
            formats += ("docx",)
    if len(args.data) > 1 or Path(args.data[0]).is_dir():
        from .batch import build_command
        return build_command(args, formats)
    from .output.write import inside, safe_stem, write_all
    from .pipeline import build

    built = build(args.data[0], args.style, args.templates, force=args.force, formats=formats,
                  document=args.document)
    for problem in built.problems:
        print(problem.format(), file=sys.stderr)
    out = Path(args.output)
    # the title is made from data: the stem is made safe and every path must stay inside `out`
    stem = safe_stem(built.title, out, suffix=max((FORMATS[f].suffix for f in formats), key=len))
    outputs = {inside(out, stem + FORMATS[f].suffix): content for f, content in built.outputs.items()}
    write_all(outputs)
    for path in outputs:
        print(f"wrote {display_path(path)}")
    if args.pdf:
        return _pdfs([p for p in outputs if p.suffix == ".docx"])
    return EXIT_OK


def _pdfs(files: list[Path]) -> int:
    from .output.pdf import convert

    failed = 0
    for docx, error in convert(files).items():
        if error is None:
            print(f"wrote {display_path(docx.with_suffix('.pdf'))}")
        else:
            failed += 1
            print(f"{display_path(docx)}: no PDF: {error}", file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _exists(command: str, target: Path, force: bool) -> bool:
    """A data file a person may have edited is never replaced without --force."""
    if target.exists() and not force:
        print(f"disclose {command}: {display_path(target)} exists; choose another name, or --force to replace it",
              file=sys.stderr)
        return True
    return False


def _import(args) -> int:
    from .load.workbook import read, to_yaml
    from .output.write import write_all

    target = Path(args.output)
    if _exists("import", target, args.force):
        return EXIT_USAGE
    data = read(args.tables)
    write_all({target: to_yaml(data, display_path(args.tables)).encode("utf-8")})
    print(f"wrote {display_path(target)}: {len(data.locations)} figures from {display_path(args.tables)}; add the "
          f"texts the tables do not hold (its header lists them), then `disclose check {display_path(target)}`")
    return EXIT_OK


def _init(args) -> int:
    from .output.write import write_all
    from .rollforward import roll_forward

    new = Path(args.new)
    if _exists("init", new, args.force):
        return EXIT_USAGE
    rolled = roll_forward(args.last, args.tables)
    write_all({new: rolled.text.encode("utf-8")})
    print(f"wrote {display_path(new)}: {rolled.empty} figures to fill in, {rolled.reasons} reasons and "
          f"explanations to review; `disclose check {display_path(new)}` lists them")
    for what, codes in (("new this year (上年 0.00)", rolled.appeared),
                        ("in last year's file only (本年 0.00, so that its fall is explained)", rolled.vanished)):
        if codes:
            print(f"项 {what}: {'; '.join(codes)}")
    if rolled.projects:
        print(f"last year's {len(rolled.projects)} self-evaluation forms were not carried (listed in the file's "
              "header comment)")
    return EXIT_OK


def _check(args, parser) -> int:
    import json

    from . import check
    from .errors import INFO, WARNING, sort_key
    from .pipeline import load_checked, needed, render

    if args.rules:
        for r in check.RULES:
            extra = " (with --prior)" if r.needs_prior else ""
            print(f"{r.id:<20} {r.severity:<8} {r.description}{extra}")
        return EXIT_OK
    if not args.data:
        parser.error("check needs a data file (or --rules)")
    if len(args.data) > 1 or Path(args.data[0]).is_dir():
        if args.prior:
            parser.error("--prior compares one file with last year's: give one data file")
        from .batch import check_command
        return check_command(args)
    args.data = args.data[0]
    checked = load_checked(args.data, args.style, prior=args.prior, document=args.document)
    problems = list(checked.problems)
    silenced = check.silenced_rules(checked.data)
    # what the style's sentences need and the file lacks (rule NEEDED): found by rendering the text
    reported = {(p.location, p.severity) for p in problems}
    problems += [p for p in needed(checked, render(checked.data, checked.style))
                 if (p.location, p.severity) not in reported]
    problems = sorted(problems, key=sort_key)
    if args.strict:
        problems = [p if p.severity != WARNING else
                    type(p)(p.location, p.rule, p.message, p.hint, ERROR, p.related) for p in problems]
    counts = {s: sum(1 for p in problems if p.severity == s) for s in (ERROR, WARNING, INFO)}
    if args.format == "json":
        json.dump({"file": display_path(args.data), "prior": display_path(args.prior) if args.prior else None,
                   "problems": [p.as_dict() for p in problems],
                   "silenced": [{"rule": r, "reason": why} for r, why in silenced.items()],
                   "summary": {"errors": counts[ERROR], "warnings": counts[WARNING], "notes": counts[INFO]}},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for p in problems:
            print(p.format())
        summary = (f"{counts[ERROR]} error{'s' * (counts[ERROR] != 1)}, "
                   f"{counts[WARNING]} warning{'s' * (counts[WARNING] != 1)}, "
                   f"{counts[INFO]} note{'s' * (counts[INFO] != 1)}")
        if silenced:
            summary += f"; silenced for this file: {', '.join(silenced)}"
        print(summary)
    return EXIT_PROBLEMS if counts[ERROR] else EXIT_OK


def _diff(args) -> int:
    from pathlib import Path

    from .diff import compare
    from .diff.outline import read
    from .diff.report import figures_table, html_page, stat, text_report
    from .output.write import write_all

    old, new = read(args.old, args.style, args.templates), read(args.new, args.style, args.templates)
    for doc in (old, new):
        for problem in doc.problems:
            if problem.severity == ERROR:
                print(f"note: {problem.format()}", file=sys.stderr)
    comparison = compare(old, new)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    if args.stat:
        sys.stdout.write(stat(comparison))
    elif args.figures:
        sys.stdout.write(figures_table(comparison))
    else:
        sys.stdout.write(text_report(comparison, color))
    outputs = {}
    if args.html:
        outputs[Path(args.html)] = html_page(comparison).encode("utf-8")
    if args.redline:
        from .diff.redline import redline
        outputs[Path(args.redline)] = redline(comparison, args.author)
    if outputs:
        write_all(outputs)
        for path in outputs:
            print(f"wrote {display_path(path)}", file=sys.stderr)
    return EXIT_OK


def _styles() -> int:
    from .style import available, load

    for name in available():
        style = load(name)
        print(f"{name}\t{style.settings.description}")
        default = style.settings.default_document
        for document, title in style.documents().items():
            print(f"  --document {document}\t{title}" + (" (default)" if document == default else ""))
        if "disclosure" not in style.documents():
            print("  (no disclosure: this style writes only the documents above)")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
