"""The pipeline: load → check → derive → render → assemble.

`build()` returns the finished outputs in memory; the CLI writes them atomically.
Nothing is written when any stage fails.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from . import check, markup, plaintext
from .assemble import assemble
from .derive import View, derive
from .errors import ERROR, DiscloseError, Location, Problem, display_path
from .load import load, load_terms
from .model import Disclosure
from .render import Renderer
from .style import Style
from .style import load as load_style
from .word import Writer

DEFAULT_STYLE = "xinjiang"


@dataclass
class Built:
    title: str
    text: str
    docx: bytes
    problems: list[Problem] = field(default_factory=list)   # what check reported (infos, warnings…)


def resolve_style(data: Disclosure, style_name: str | None, templates: str | Path | None) -> Style:
    return load_style(style_name or data.style or DEFAULT_STYLE, templates)


def build(path: str | Path, style_name: str | None = None, templates: str | Path | None = None,
          force: bool = False, docx: bool = True) -> Built:
    data = load(path)
    style = resolve_style(data, style_name, templates)
    problems = check.run(data, style)
    errors = [p for p in problems if p.severity == ERROR]
    if errors and not force:
        raise DiscloseError(errors)
    view = derive(data, style)
    view.glossary = glossary(data, style)
    view.check_errors = [p.format() for p in errors]
    renderer = Renderer(style, data.amount_unit)
    parts = []
    for template in style.settings.parts:
        text = renderer.render(template, view)
        try:
            parts.append(markup.parse(text, template))
        except markup.MarkupError as exc:
            raise DiscloseError([Problem(Location(template), "TEMPLATE", str(exc),
                                         "fix the markup the template writes (see markup.py)")])
    missing = renderer.missing_problems()
    if missing and not force:
        raise DiscloseError(missing)
    title = next((b.text for blocks in parts for b in blocks if isinstance(b, markup.Heading) and b.level == 0),
                 f"{data.unit}{data.year}年度部门决算公开说明")
    text = plaintext.render(parts)
    content = b""
    if docx:
        documents = []
        for blocks in parts:
            writer = Writer()
            writer.write(blocks)
            writer.end_portrait()
            documents.append(writer.doc)
        base = Path(path).parent
        attachments = [(base / a, data.loc("attachments")) for a in data.attachments]
        for file, loc in attachments:
            if not file.is_file():
                raise DiscloseError([Problem(loc, "ATTACHMENT", f"attachment {display_path(file)} does not exist",
                                             "give the path of a .docx file relative to the data file")])
        doc = assemble(documents[0], documents[1:], attachments)
        props = doc.core_properties
        props.title, props.author, props.last_modified_by = title, data.unit, data.unit
        props.comments = f"Written by disclose from {Path(path).name}"
        buffer = io.BytesIO()
        doc.save(buffer)
        content = buffer.getvalue()
    return Built(title, text, content, problems + missing)


def glossary(data: Disclosure, style: Style) -> list:
    """The style's default glossary, extended (or replaced) by the data file's entries."""
    entries = []
    if not (data.glossary and data.glossary.replace):
        for folder in style.folders:
            candidate = folder / style.settings.glossary
            if candidate.is_file():
                entries = load_terms(candidate)
                break
    if data.glossary:
        by_term = {e.term: i for i, e in enumerate(entries)}
        for e in data.glossary.entries:
            if e.term in by_term:
                entries[by_term[e.term]] = e
            else:
                entries.append(e)
    return entries
