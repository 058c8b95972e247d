"""Rules over the whole document: it is held to its own conventions (a 0-of-0 rate printed one
way, percentages with the same decimals, amounts grouped alike, no year after its own) and a
total it names keeps one value.  Each rule reads the `Document` once and yields
(place, sentence, Statement)."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ...errors import ERROR, WARNING
from ..statements import percents
from .base import Document, Statement, document_rule

Found = Iterator[tuple[str, str, Statement]]


@document_rule("ZERO-BASE", ERROR, "a rate of 0 against 0 is printed the same way throughout the document",
               "the value most of its 0-of-0 rates print is the document's; the others are reported")
def zero_base(document: Document) -> Found:
    raw = {t.place: t.raw for t in document.texts}
    zero = [(place, s) for place, s in document.statements if s.zero_base is not None]
    values = Counter(s.zero_base.normalize() for _, s in zero)
    if len(values) < 2:
        return
    usual = values.most_common(1)[0][0]
    shown = next(percents(s.text)[-1].text for _, s in zero if s.zero_base.normalize() == usual)
    for place, s in zero:
        if s.zero_base.normalize() != usual:
            yield place, raw.get(place, ""), Statement(
                "ZERO-BASE", s.text, s.check, ERROR,
                f"{s.text} — a rate of 0 against 0, which this document prints as {shown}% {values[usual]} times")


_NAMED = re.compile(r"(收入总计|支出总计|本年收入合计|本年支出合计|本年收入|本年支出|财政拨款收入总计|财政拨款支出总计|"
                    r"一般公共预算财政拨款支出|一般公共预算财政拨款基本支出|政府采购支出总额)"
                    r"(?:为|决算数为|决算为)?(\d[\d,]*(?:\.\d+)?)(万元|元)")


_FUNDS = re.compile(r"(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款")


@document_rule("SAME-FIGURE", ERROR, "a total the document names (收入总计, 本年支出合计, 财政拨款收入…) has one value "
               "wherever a sentence prints it", "exact, in the same unit; the first value printed is taken as the "
               "document's")
def same_figure(document: Document) -> Found:
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for t in document.texts:
        text = t.text
        for m in _NAMED.finditer(text):
            if text[max(0, m.start() - 2):m.start()].endswith(("上年", "年初")) or "较" in text[m.end():m.end() + 1]:
                continue                     # 上年收入总计…: another year's figure of the same name
            sentence = text[text.rfind("。", 0, m.start()) + 1:m.start()]
            label = m.group(1)
            if (funds := _FUNDS.findall(sentence)) and not label.startswith(("财政拨款", "一般公共预算")):
                # 财政拨款收入总计X，支出总计Y: the second is 财政拨款's too; 国有资本经营预算财政拨款…本年支出Y
                # is that fund's own, not the 政府性基金's of the paragraph before
                label = funds[-1] + label
            key, value = (label, m.group(3)), m.group(2)
            if key not in first:
                first[key] = (value, t.place)
            elif value.replace(",", "") != first[key][0].replace(",", ""):
                yield t.place, t.raw, Statement(
                    "SAME-FIGURE", m.group(0), f"first printed at {first[key][1]}", ERROR,
                    f"{label} is printed as {value}{m.group(3)} here and as {first[key][0]}{m.group(3)} at "
                    f"{first[key][1]}")


@document_rule("PERCENT-PLACES", WARNING, "no percentage has more decimals than the document's others",
               "fewer decimals (100% for 100.00%) are not reported; whole percentages (100%, 10%) do not set the "
               "usual decimals, as many documents print them bare beside 15.50%")
def percent_places(document: Document) -> Found:
    # a whole percentage agrees with any number of decimals (trailing zeros dropped: provinces.md §4),
    # so the document's usual decimals are those of its other percentages
    places = Counter(p.places for t in document.texts for p in t.percents if p.places > 0)
    if not places:
        return
    usual = places.most_common(1)[0][0]
    for t in document.texts:
        for p in t.percents:
            if p.places > usual:
                yield t.place, t.raw, Statement("PERCENT-PLACES", f"{p.text}%", f"{usual} decimals", WARNING,
                                                f"{p.text}% has {p.places} decimals; the document's percentages "
                                                f"have {usual}")


@document_rule("AMOUNT-FORMAT", WARNING, "amounts of four digits or more are grouped with separators when the "
               "document groups the others", "amounts in a sentence only")
def amount_format(document: Document) -> Found:
    large = [a for t in document.texts for a in t.amounts if a.value >= 1000]
    if sum(a.grouped for a in large) <= sum(not a.grouped for a in large):
        return
    for t in document.texts:
        for a in t.amounts:
            if a.value >= 1000 and not a.grouped:
                yield t.place, t.raw, Statement("AMOUNT-FORMAT", f"{a.text}{a.unit}", "grouped", WARNING,
                                                f"{a.text}{a.unit} is printed without thousands separators, "
                                                f"unlike the document's other amounts")


_AS_OF = re.compile(r"(?:截至|截止|截止到)(\d{4})年")


@document_rule("YEAR", WARNING, "no 截至…年 after the document's own year (the title's)",
               "sentences only; a 年度 may name another year on purpose and is not reported")
def year(document: Document) -> Found:
    """The years a sentence dates a state of affairs at (截至2025年3月): a 年度 may be another
    year's on purpose (与2023年度相比, next year's 绩效目标表), a 截至 may not be after the accounts."""
    if document.year is None:
        return
    for t in document.texts:
        for m in _AS_OF.finditer(t.text):
            if int(m.group(1)) > document.year:
                yield t.place, t.raw, Statement("YEAR", m.group(0), f"the title's year {document.year}", WARNING,
                                                f"{m.group(1)} in a document of {document.year}: a year left "
                                                f"from another draft?")
