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
from .derive import derive
from .errors import ERROR, DiscloseError, Location, Problem, display_path
from .load import load
from .model import Disclosure
from .render import Renderer
from .style import Style
from .style import DEFAULT as DEFAULT_STYLE
from .style import load as load_style
from .word import Writer



@dataclass
class Built:
    title: str
    text: str
    docx: bytes
    problems: list[Problem] = field(default_factory=list)   # what check reported (infos, warnings…)


def resolve_style(data: Disclosure, style_name: str | None, templates: str | Path | None) -> Style:
    return load_style(style_name or data.style or DEFAULT_STYLE, templates)


@dataclass
class Rendered:
    title: str
    parts: list[list[markup.Block]]     # one list of blocks per part of the style
    needed: list[Problem]               # figures and texts the sentences need and the file lacks


def render(data: Disclosure, style: Style, check_errors: list[Problem] = ()) -> Rendered:
    """Derive every figure and render every part of the style into blocks."""
    view = derive(data, style, check_errors)
    renderer = Renderer(style, data.amount_unit)
    parts = []
    for template in style.settings.parts:
        text = renderer.render(template, view)
        try:
            parts.append(markup.parse(text, template))
        except markup.MarkupError as exc:
            raise DiscloseError([Problem(Location(template), "TEMPLATE", str(exc),
                                         "fix the markup the template writes (see markup.py)")])
    title = next((b.text for blocks in parts for b in blocks if isinstance(b, markup.Heading) and b.level == 0),
                 f"{data.unit}{data.year}年度部门决算公开说明")
    return Rendered(title, parts, renderer.missing_problems())


def build(path: str | Path, style_name: str | None = None, templates: str | Path | None = None,
          force: bool = False, docx: bool = True) -> Built:
    data = load(path)
    style = resolve_style(data, style_name, templates)
    problems = check.run(data, style)
    errors = [p for p in problems if p.severity == ERROR]
    if errors and not force:
        raise DiscloseError(errors)
    rendered = render(data, style, errors)
    needed = [] if check.NEEDED in check.silenced_rules(data) else rendered.needed
    if needed and not force:
        raise DiscloseError(needed)
    text = plaintext.render(rendered.parts)
    content = b""
    if docx:
        content = _word(rendered, data, Path(path))
    return Built(rendered.title, text, content, problems + needed)


def _word(rendered: Rendered, data: Disclosure, path: Path) -> bytes:
    documents = []
    for blocks in rendered.parts:
        writer = Writer()
        writer.write(blocks)
        documents.append(writer.doc)
    attachments = [(path.parent / a, data.loc("attachments")) for a in data.attachments]
    for file, loc in attachments:
        if not file.is_file():
            raise DiscloseError([Problem(loc, "ATTACHMENT", f"attachment {display_path(file)} does not exist",
                                         "give the path of a .docx file relative to the data file")])
    doc = assemble(documents[0], documents[1:], attachments)
    props = doc.core_properties
    # the package's core properties take at most 255 characters each
    props.title, props.author, props.last_modified_by = rendered.title[:255], data.unit[:255], data.unit[:255]
    props.comments = f"Written by disclose from {path.name}"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
