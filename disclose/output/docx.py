"""The Word file, written in one pass: every part by one `word.Writer` (each part opens a new
portrait section), then the user's attachments joined by `assemble`, the page numbers, and
the package's core properties."""
from __future__ import annotations

import io

from ..errors import DiscloseError, Problem, display_path
from .assemble import assemble, page_numbers
from .word import Writer


def write(rendered) -> bytes:
    writer = Writer()
    for i, blocks in enumerate(rendered.parts):
        if i:
            writer.new_part()
        writer.write(blocks)
    data, source = rendered.data, rendered.source
    folder = source.parent if source is not None else None
    attachments = [(folder / a, data.loc("attachments")) for a in data.attachments] if folder else []
    for file, loc in attachments:
        if not file.is_file():
            raise DiscloseError([Problem(loc, "ATTACHMENT", f"attachment {display_path(file)} does not exist",
                                         "give the path of a .docx file relative to the data file")])
    doc = assemble(writer.doc, attachments)
    page_numbers(doc)
    props = doc.core_properties
    # the package's core properties take at most 255 characters each
    props.title, props.author, props.last_modified_by = rendered.title[:255], data.unit[:255], data.unit[:255]
    if source is not None:
        props.comments = f"Written by disclose from {source.name}"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
