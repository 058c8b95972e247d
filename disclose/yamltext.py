"""Texts and keys as they are written into a YAML data file (`disclose import` writes one from the
tables, `disclose init` rolls last year's forward): plain where YAML reads the text back as the
same string, else in double quotes (JSON's escapes are YAML's).

Whether a plain scalar is safe is PyYAML's own judgement (the emitter's analysis of the text and
the resolver's: `0x1F`, `1:20`, `off`, `.inf`, `12.5`, `null`, `- a`, `a #b` all need quotes),
so a file written here always loads back as written.
"""
from __future__ import annotations

import functools
import json

import yaml


# YAML's line breaks besides \n and \r: raw inside quotes they would be folded into a space
_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def quoted(text: str) -> str:
    out = json.dumps(text, ensure_ascii=False)
    for raw, escaped in _BREAKS.items():
        out = out.replace(raw, escaped)
    return out


@functools.lru_cache(maxsize=8192)
def scalar(text: str) -> str:
    """`text` as a YAML scalar (a value, or a mapping's key) in block style."""
    if not text or text != text.strip() or any(ch in text for ch in "\n\r\x85\u2028\u2029"):
        return quoted(text)
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30)
    return quoted(text) if dumped[0] in "'\"" or dumped.count("\n") > 2 else text
