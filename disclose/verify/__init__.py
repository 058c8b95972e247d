"""`disclose verify`: audit the arithmetic of any disclosure, even one written by hand.

A document (.txt, .docx, .pdf: `read`) is read paragraph by paragraph and table by table; each
statement a rule of `rules/` recognises is recomputed from the other figures of the same
sentence or table, and the whole document is held to its own conventions and to its own
tables (`DOCUMENT_RULES`).  A finding names the file, the place (`¶57`, `line 40`,
`p. 3 line 12`, `… row 5`), the rule, what is printed and what it should be, with the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ERROR, WARNING
from ..read import Read, read
from ..read.text import HEADING
from ..render.markup import Heading, Paragraph, Table
from .rules import DOCUMENT_RULES, RULES, TABLE_RULES, Document, Grid, Statement, Text
from .statements import amounts, normal, percents

TITLE_YEAR = re.compile(r"(\d{4})\s*年度")
_NUMBERED = re.compile(r"公开\s*(\d{2})\s*表")


@dataclass
class Finding:
    file: str
    place: str
    rule: str
    severity: str
    message: str
    sentence: str
    check: str = ""
    heading: str = ""           # the heading the statement sits under

    def format(self) -> str:
        return f"{self.file}:{self.place}: {self.severity} {self.rule}: {self.message}"


@dataclass
class Verified:
    file: str
    findings: list[Finding] = field(default_factory=list)
    recognised: list[tuple[str, Statement]] = field(default_factory=list)    # (place, statement)
    skipped: list[tuple[str, Statement]] = field(default_factory=list)       # recognised, not read: why

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def add(self, place: str, heading: str, sentence: str, statement: Statement) -> None:
        if statement.skipped:
            self.skipped.append((place, statement))
            return
        self.recognised.append((place, statement))
        if statement.severity:
            self.findings.append(Finding(self.file, place, statement.rule, statement.severity, statement.message,
                                         sentence, statement.check, heading))


def document_of(read_back: Read) -> Document:
    """The paragraphs (with the heading each sits under and its figures) and the tables (with the
    公开NN, title and 金额单位 printed above each) of a document read back."""
    texts, grids = [], []
    heading, unit, number, title = "", "", "", ""
    for block, place in zip(read_back.blocks, read_back.places):
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Paragraph) and block.text.strip():
            raw = block.text
            if HEADING.match(raw.strip()) and "。" not in raw and len(raw.strip()) <= 40:
                heading = raw.strip()           # a heading typed without a heading style
            text = normal(raw)
            texts.append(Text(place, heading, raw, text, percents(text), amounts(text)))
            if "金额单位" in raw:
                unit = "万元" if "万元" in raw else "元"
            elif (m := _NUMBERED.search(raw)) and len(raw.strip()) <= 12:
                number = m.group(1)
            elif block.align == "center" and len(raw.strip()) <= 40 and raw.strip().endswith("表"):
                title, number = re.sub(r"\s+", "", raw), ""
        elif isinstance(block, Table):
            rows = [[c.text.replace("\u2028", " ").strip() for c in row] for row in block.rows]
            grids.append(Grid(place, number, title, rows, unit))
            number = title = ""
    first = next((b.text for b in read_back.blocks if isinstance(b, Heading)), "")
    year = TITLE_YEAR.search(first)
    return Document(texts, grids, int(year.group(1)) if year else None)


def verify(path: str | Path, display: str | None = None) -> Verified:
    read_back = read(path, join_tables=True)
    result = Verified(display or str(path))
    document = document_of(read_back)
    headings = {}
    for t in document.texts:
        headings[t.place] = t.heading
        for r in RULES:
            for statement in r.run(t.text):
                result.add(t.place, t.heading, t.raw, statement)
    document.statements = list(result.recognised)
    for grid in document.grids:
        for r in TABLE_RULES:
            for i, statement in r.run(grid.rows, grid.rounded):
                result.add(f"{grid.place} row {i + 1}", "", "\t".join(grid.rows[i]), statement)
    for r in DOCUMENT_RULES:
        for place, sentence, statement in r.run(document):
            result.add(place, headings.get(place, ""), sentence, statement)
    result.findings.sort(key=lambda f: _order(read_back, f.place))
    return result


def _order(read_back: Read, place: str) -> tuple[int, int]:
    """Reading order: the block, then the row of a table."""
    base, _, row = place.partition(" row ")
    return (read_back.places.index(base) if base in read_back.places else len(read_back.places),
            int(row) if row.isdigit() else 0)
