"""The pipeline every command runs: load → check → derive → render → outputs.

    build      load_checked → errors stop it → render (+ the style's charts) → NEEDED stops it → each format's bytes
    check      load_checked (with --prior) → render, for what the sentences need (NEEDED)
    diff       load_checked → render: a data file read as a document
    variables  load → derive: what the templates receive

Nothing is written here: `build()` returns the outputs in memory, by format, and the CLI
writes them atomically (`output/write.py`); nothing is written when any stage fails.
The formats are `output.FORMATS`: a new one joins by adding a module and a row there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import check
from .derive import derive
from .errors import ERROR, DiscloseError, Location, Problem
from .load import load, load_with_empty
from .model import OPTIONAL_RECORDS, Disclosure
from .output import FORMATS
from .render import Renderer
from .render import figures, markup
from .style import DEFAULT as DEFAULT_STYLE
from .style import DISCLOSURE, Style
from .style import load as load_style
from .view import View


def resolve_style(data: Disclosure, style_name: str | None, templates: str | Path | None,
                  document: str | None = None) -> Style:
    """`--style`, else the file's `style:`, else the default; `--templates` in front; set to write
    `document` (`--document`, else the style's default document)."""
    return load_style(style_name or data.style or DEFAULT_STYLE, templates).for_document(document)


EVALUATION_OPTIONAL = OPTIONAL_RECORDS        # the records a file may leave out (`model`); the package's name


@dataclass
class Checked:
    """A data file loaded, its style resolved and its rules run."""

    path: Path
    data: Disclosure
    style: Style
    problems: list[Problem]             # every finding of the rules (errors, warnings, notes)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def load_checked(path: str | Path, style_name: str | None = None, templates: str | Path | None = None,
                 prior: str | Path | None = None, document: str | None = None) -> Checked:
    # figures not filled in yet: EMPTY errors; the records the file leaves out are None
    data, empty = load_with_empty(path, OPTIONAL_RECORDS)
    style = resolve_style(data, style_name, templates, document)
    last = load(prior, OPTIONAL_RECORDS) if prior else None
    return Checked(Path(path), data, style, empty + check.run(data, style, last))


def view(path: str | Path, style_name: str | None = None,
         templates: str | Path | None = None, document: str | None = None) -> tuple[View, Style]:
    """What the templates receive for a data file (`disclose variables`), and its style."""
    data = load(path, OPTIONAL_RECORDS)
    style = resolve_style(data, style_name, templates, document)
    return _derive(data, style), style


def _derive(data: Disclosure, style: Style, check_errors=()) -> View:
    """The view of the document the style is set to write: the disclosure's, or the package's."""
    if style.kind == DISCLOSURE:
        return derive(data, style, check_errors)
    from .derive.evaluation import evaluation
    return evaluation(data, style, check_errors)


@dataclass
class Rendered:
    """The document as blocks, part by part: what every output format writes."""

    title: str
    parts: list[list[markup.Block]]     # one list of blocks per part of the style
    needed: list[Problem]               # figures and texts the sentences need and the file lacks
    data: Disclosure
    source: Path | None                 # the data file (attachments are relative to it)
    style: Style
    render_template: Callable[[str], list[markup.Block]]   # one more template of the style, as blocks


def render(data: Disclosure, style: Style, check_errors: list[Problem] = (), source: Path | None = None) -> Rendered:
    """Derive every figure and render every part of the style into blocks."""
    view = _derive(data, style, check_errors)
    renderer = Renderer(style, data.amount_unit)

    def blocks(template: str) -> list[markup.Block]:
        text = renderer.render(template, view)
        try:
            return markup.parse(text, template)
        except markup.MarkupError as exc:
            raise DiscloseError([Problem(Location(template), "TEMPLATE", str(exc),
                                         "fix the markup the template writes (see render/markup.py)")])

    parts = [blocks(template) for template in style.settings.parts]
    parts, unplotted = figures.place(parts, style, view, data)      # the style's charts, numbered in order
    renderer.missing.extend(unplotted)
    title = next((b.text for part in parts for b in part if isinstance(b, markup.Heading) and b.level == 0),
                 f"{data.unit}{data.year}")
    if style.file_name:
        title = _file_name(style, data)
    return Rendered(title, parts, renderer.missing_problems(), data, source, style, blocks)


def _file_name(style: Style, data: Disclosure) -> str:
    try:
        return style.file_name.format(unit=data.unit, year=data.year)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise DiscloseError([Problem(style.settings.loc("documents"), "STYLE", f"the file name `{style.file_name}` "
                                     f"of document {style.document} is not a pattern ({exc})",
                                     "write it with {unit} and {year}, e.g. {unit}{year}年度部门整体支出绩效自评")])


def needed(checked: Checked, rendered: Rendered) -> list[Problem]:
    """What the sentences need and the file lacks, unless the file silences NEEDED."""
    return [] if check.NEEDED in check.silenced_rules(checked.data) else rendered.needed


@dataclass
class Built:
    title: str
    outputs: dict[str, bytes]                                # by format name (output.FORMATS)
    problems: list[Problem] = field(default_factory=list)    # what check reported (infos, warnings…)

    @property
    def text(self) -> str:
        return self.outputs["txt"].decode("utf-8")


def build(path: str | Path, style_name: str | None = None, templates: str | Path | None = None,
          force: bool = False, formats: tuple[str, ...] = ("txt", "docx"), document: str | None = None) -> Built:
    checked = load_checked(path, style_name, templates, document=document)
    stop = check.blocking(checked.problems)
    if stop and not force:
        raise DiscloseError(stop)
    rendered = render(checked.data, checked.style, checked.errors, checked.path)
    missing = needed(checked, rendered)
    if missing and not force:
        raise DiscloseError(missing)
    # a document without workbook templates has no .xlsx
    outputs = {name: FORMATS[name].write(rendered) for name in formats
               if name != "xlsx" or checked.style.settings.workbook}
    return Built(rendered.title, outputs, checked.problems + missing)
