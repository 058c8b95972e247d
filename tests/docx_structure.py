"""A .docx file's structure as plain data, to compare two Word writers: the body in order
(each paragraph's style, alignment, text, runs' fonts and sizes, breaks; each table's grid,
cell texts, merges and repeated header rows), and each section's page setup and footer.

`python tests/docx_structure.py FILE.docx > OUT.json` writes it; `tests/test_word.py`
compares the document `disclose build` writes now with the one the previous writer
(parts joined with docxcompose) wrote for the same data, kept in tests/fixtures/docx/.
"""
from __future__ import annotations

import json
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _attr(el, path: str, name: str = "val"):
    found = el.find(path, NS)
    return None if found is None else found.get(f"{{{W}}}{name}")


def _styles(z: zipfile.ZipFile) -> dict[str, str]:
    root = etree.fromstring(z.read("word/styles.xml"))
    return {s.get(f"{{{W}}}styleId"): _attr(s, "w:name") for s in root.findall("w:style", NS)}


def _runs(p) -> list:
    out = []
    for r in p.findall("w:r", NS):
        text = "".join(t.text or "" for t in r.findall("w:t", NS))
        breaks = [b.get(f"{{{W}}}type") or "line" for b in r.findall("w:br", NS)]
        fields = "".join(t.text or "" for t in r.findall("w:instrText", NS)).strip()
        out.append([text, _attr(r, "w:rPr/w:rFonts", "eastAsia"), _attr(r, "w:rPr/w:sz"), breaks, fields])
    return out


def _paragraph(p, styles) -> dict:
    return {"p": styles.get(_attr(p, "w:pPr/w:pStyle"), "Normal"), "align": _attr(p, "w:pPr/w:jc"),
            "break_before": p.find("w:pPr/w:pageBreakBefore", NS) is not None,
            "spacing": _attr(p, "w:pPr/w:spacing", "line"), "runs": _runs(p),
            "section": p.find("w:pPr/w:sectPr", NS) is not None}


def _table(t) -> dict:
    rows = []
    for tr in t.findall("w:tr", NS):
        cells = []
        for tc in tr.findall("w:tc", NS):
            text = "\n".join("".join(x.text or "" for x in p.iter(f"{{{W}}}t")) for p in tc.findall("w:p", NS))
            cells.append([text, _attr(tc, "w:tcPr/w:gridSpan"), _attr(tc, "w:tcPr/w:vMerge") or
                          (None if tc.find("w:tcPr/w:vMerge", NS) is None else "continue"),
                          _attr(tc, "w:p/w:pPr/w:jc")])
        rows.append({"header": tr.find("w:trPr/w:tblHeader", NS) is not None, "cells": cells})
    grid = [g.get(f"{{{W}}}w") for g in t.findall("w:tblGrid/w:gridCol", NS)]
    return {"table": rows, "grid": grid}


def _section(s, footers: dict) -> dict:
    size, margins = s.find("w:pgSz", NS), s.find("w:pgMar", NS)
    refs = [(r.get(f"{{{W}}}type"), footers.get(r.get("{http://schemas.openxmlformats.org/officeDocument/2006/"
                                                        "relationships}id"), ""))
            for r in s.findall("w:footerReference", NS)]
    return {"type": _attr(s, "w:type"), "w": size.get(f"{{{W}}}w"), "h": size.get(f"{{{W}}}h"),
            "orient": size.get(f"{{{W}}}orient"),
            "margins": {k: margins.get(f"{{{W}}}{k}") for k in ("top", "bottom", "left", "right")},
            "page_start": _attr(s, "w:pgNumType", "start"), "footers": sorted(refs)}


def structure(path) -> dict:
    with zipfile.ZipFile(path) as z:
        styles = _styles(z)
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        footers = {}
        for rel in rels:
            if rel.get("Type", "").endswith("/footer"):
                root = etree.fromstring(z.read("word/" + rel.get("Target")))
                fields = [f.get(f"{{{W}}}instr", "").strip() for f in root.iter(f"{{{W}}}fldSimple")]
                text = "".join(t.text or "" for t in root.iter(f"{{{W}}}t"))
                footers[rel.get("Id")] = f"{text} [{' '.join(fields)}]"
        body = etree.fromstring(z.read("word/document.xml")).find("w:body", NS)
    items, sections = [], []
    for el in body:
        if el.tag == f"{{{W}}}p":
            items.append(_paragraph(el, styles))
            inner = el.find("w:pPr/w:sectPr", NS)
            if inner is not None:
                sections.append(_section(inner, footers))
        elif el.tag == f"{{{W}}}tbl":
            items.append(_table(el))
        elif el.tag == f"{{{W}}}sectPr":
            sections.append(_section(el, footers))
    return {"body": items, "sections": sections}


if __name__ == "__main__":
    json.dump(structure(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1)
