"""The Word file: each part written by `word.Writer`, joined with the user's attachments by
`assemble`, with the package's core properties."""
from __future__ import annotations

import io

from ..errors import DiscloseError, Problem, display_path
from .assemble import assemble
from .word import Writer


def write(rendered) -> bytes:
    documents = []
    for blocks in rendered.parts:
        writer = Writer()
        writer.write(blocks)
        documents.append(writer.doc)
    data, source = rendered.data, rendered.source
    folder = source.parent if source is not None else None
    attachments = [(folder / a, data.loc("attachments")) for a in data.attachments] if folder else []
    for file, loc in attachments:
        if not file.is_file():
            raise DiscloseError([Problem(loc, "ATTACHMENT", f"attachment {display_path(file)} does not exist",
                                         "give the path of a .docx file relative to the data file")])
    doc = assemble(documents[0], documents[1:], attachments)
    props = doc.core_properties
    # the package's core properties take at most 255 characters each
    props.title, props.author, props.last_modified_by = rendered.title[:255], data.unit[:255], data.unit[:255]
    if source is not None:
        props.comments = f"Written by disclose from {source.name}"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
