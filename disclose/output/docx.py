"""The Word file, written in one pass (`wordml.Body`: every part, each opening a new portrait
section), packaged with the house styles (`wordml.package`), then — only when the data file
names some — the user's attachments joined by `assemble` (docxcompose)."""
from __future__ import annotations

from ..errors import DiscloseError, Problem, display_path
from .assemble import assemble
from .wordml import Body, package


def write(rendered) -> bytes:
    body = Body(rendered.style.settings.charts)
    for i, blocks in enumerate(rendered.parts):
        if i:
            body.new_part()
        body.write(blocks)
    data, source = rendered.data, rendered.source
    folder = source.parent if source is not None else None
    attachments = [(folder / a, data.loc("attachments")) for a in data.attachments] if folder else []
    for file, loc in attachments:
        if not file.is_file():
            raise DiscloseError([Problem(loc, "ATTACHMENT", f"attachment {display_path(file)} does not exist",
                                         "give the path of a .docx file relative to the data file")])
    # the package's core properties take at most 255 characters each
    document = package(body, rendered.title[:255], data.unit[:255],
                       f"Written by disclose from {source.name}" if source is not None else None)
    return assemble(document, attachments) if attachments else document
