"""`disclose verify`: audit the arithmetic of any disclosure, even one written by hand.

A document (.txt, .docx, .pdf: `read`) is read paragraph by paragraph; each statement a rule
of `rules.py` recognises is recomputed from the other figures of the same sentence, and the
whole document is held to its own conventions (`document_rules`): a 0-of-0 rate printed one
way everywhere, percentages with the same decimals, amounts grouped alike, no year after the
document's.  A finding names the file, the place (`¶57`, `line 40`, `p. 3 line 12`), the
rule, what is printed and what it should be, with the sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ERROR, WARNING
from ..read import Read, read
from ..render.markup import Heading, Paragraph, Table
from .rules import RULES, TABLE_RULES, Statement, years
from .statements import amounts, normal, percents

TITLE_YEAR = re.compile(r"(\d{4})\s*年度")


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

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)


DOCUMENT_RULES = {
    "ZERO-BASE": (ERROR, "a rate of 0 against 0 is printed the same way throughout the document",
                  "the value most of its 0-of-0 rates print is the document's; the others are reported"),
    "SAME-FIGURE": (ERROR, "a total the document names (收入总计, 本年支出合计, 财政拨款收入…) has one value wherever "
                           "a sentence prints it", "exact, in the same unit; the first value printed is taken as "
                           "the document's"),
    "PERCENT-PLACES": (WARNING, "no percentage has more decimals than the document's others",
                       "fewer decimals (100% for 100.00%) are not reported"),
    "AMOUNT-FORMAT": (WARNING, "amounts of four digits or more are grouped with separators when the document "
                               "groups the others", "amounts in a sentence only"),
    "YEAR": (WARNING, "no 截至…年 after the document's own year (the title's)",
             "sentences only; a 年度 may name another year on purpose and is not reported"),
}


def paragraphs(document: Read) -> list[tuple[str, str, str]]:
    """(place, heading, text) of every paragraph, with the heading it sits under."""
    out, heading = [], ""
    for block, place in zip(document.blocks, document.places):
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Paragraph) and block.text.strip():
            out.append((place, heading, block.text))
    return out


def verify(path: str | Path, display: str | None = None) -> Verified:
    document = read(path, join_tables=True)
    name = display or str(path)
    result = Verified(name)
    title = next((b.text for b in document.blocks if isinstance(b, Heading)), "")
    year = TITLE_YEAR.search(title)
    zero: list[tuple[str, str, Statement]] = []
    places: Counter = Counter()
    grouped = ungrouped = 0
    texts = []
    for place, heading, raw in paragraphs(document):
        text = normal(raw)
        figures = (percents(text), amounts(text))
        texts.append((place, raw, text, figures))
        for r in RULES:
            for statement in r.run(text):
                result.recognised.append((place, statement))
                if statement.zero_base is not None:
                    zero.append((place, raw, statement))
                if statement.severity:
                    result.findings.append(Finding(name, place, statement.rule, statement.severity,
                                                   statement.message, raw, statement.check, heading))
        for p in figures[0]:
            places[p.places] += 1
        for a in figures[1]:
            if a.value >= 1000:
                grouped, ungrouped = grouped + a.grouped, ungrouped + (not a.grouped)
    _same_figures(result, texts)
    _tables(result, document)
    _zero_base(result, zero)
    _conventions(result, texts, places, grouped, ungrouped, int(year.group(1)) if year else None)
    result.findings.sort(key=lambda f: _order(document, f.place))
    return result


_NAMED = re.compile(r"(收入总计|支出总计|本年收入合计|本年支出合计|本年收入|本年支出|财政拨款收入总计|财政拨款支出总计|"
                    r"一般公共预算财政拨款支出|一般公共预算财政拨款基本支出|政府采购支出总额)"
                    r"(?:为|决算数为|决算为)?(\d[\d,]*(?:\.\d+)?)(万元|元)")


def _same_figures(result: Verified, texts) -> None:
    """SAME-FIGURE: each named total keeps the value it was first printed with."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for place, raw, text, _ in texts:
        for m in _NAMED.finditer(text):
            if text[max(0, m.start() - 2):m.start()].endswith(("上年", "年初")) or "较" in text[m.end():m.end() + 1]:
                continue                     # 上年收入总计…: another year's figure of the same name
            sentence = text[text.rfind("。", 0, m.start()) + 1:m.start()]
            label = m.group(1)
            if "财政拨款" in sentence and not label.startswith(("财政拨款", "一般公共预算")):
                label = "财政拨款" + label       # 财政拨款收入总计X，支出总计Y: the second is 财政拨款's too
            key, value = (label, m.group(3)), m.group(2)
            if key not in first:
                first[key] = (value, place)
            elif value.replace(",", "") != first[key][0].replace(",", ""):
                result.findings.append(Finding(result.file, place, "SAME-FIGURE", ERROR,
                                               f"{label} is printed as {value}{m.group(3)} here and as "
                                               f"{first[key][0]}{m.group(3)} at {first[key][1]}", raw))


def _tables(result: Verified, document: Read) -> None:
    """The table rules over every table, in the unit its 金额单位 line names (万元 totals may miss by
    the rounding of their parts)."""
    unit = ""
    for block, place in zip(document.blocks, document.places):
        if isinstance(block, Paragraph) and "金额单位" in block.text:
            unit = "万元" if "万元" in block.text else "元"
        if not isinstance(block, Table):
            continue
        rows = [[c.text.replace("\u2028", " ").strip() for c in row] for row in block.rows]
        for r in TABLE_RULES:
            for i, statement in r.run(rows, unit == "万元"):
                row_place = f"{place} row {i + 1}"
                result.recognised.append((row_place, statement))
                if statement.severity:
                    result.findings.append(Finding(result.file, row_place, statement.rule, statement.severity,
                                                   statement.message, "\t".join(rows[i]), statement.check))


def _order(document: Read, place: str) -> int:
    base = place.split(" row ")[0]
    return document.places.index(base) if base in document.places else len(document.places)


def _zero_base(result: Verified, zero: list[tuple[str, str, Statement]]) -> None:
    values = Counter(s.zero_base.normalize() for _, _, s in zero)
    if len(values) < 2:
        return
    usual = values.most_common(1)[0][0]
    shown = next(percents(s.text)[-1].text for _, _, s in zero if s.zero_base.normalize() == usual)
    for place, raw, s in zero:
        if s.zero_base.normalize() != usual:
            result.findings.append(Finding(result.file, place, "ZERO-BASE", ERROR,
                                           f"{s.text} — a rate of 0 against 0, which this document prints as "
                                           f"{shown}% {values[usual]} times", raw, s.check))


def _conventions(result: Verified, texts, places: Counter, grouped: int, ungrouped: int, year: int | None) -> None:
    usual = places.most_common(1)[0][0] if places else None
    for place, raw, text, (percentages, money) in texts:
        for p in percentages:
            if usual is not None and p.places > usual:
                result.findings.append(Finding(result.file, place, "PERCENT-PLACES", WARNING,
                                               f"{p.text}% has {p.places} decimals; the document's percentages "
                                               f"have {usual}", raw))
        for a in money:
            if a.value >= 1000 and not a.grouped and grouped > ungrouped:
                result.findings.append(Finding(result.file, place, "AMOUNT-FORMAT", WARNING,
                                               f"{a.text}{a.unit} is printed without thousands separators, "
                                               f"unlike the document's other amounts", raw))
        for y in years(text):
            if year is not None and y > year:
                result.findings.append(Finding(result.file, place, "YEAR", WARNING,
                                               f"{y} in a document of {year}: a year left from another draft?", raw))
