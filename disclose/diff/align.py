"""What changed between two versions of a disclosure.

Sections are matched by heading (without its ordinal, so that a new section does not
renumber the rest into changes); within a section, paragraphs and table rows are
matched by their keys (outline.py), so an inserted item shows as one insertion and the
sentences after it stay unchanged.  A matched pair whose text differs is compared token
by token (tokens.py): every figure that moved is reported with its old and new value.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .outline import Document, Section, Unit, is_code, is_item_label, strip_ordinal
from .tokens import FIGURE, FigureChange, Op, diff as token_diff, figure_changes, mask


@dataclass
class Pair:
    status: str                 # "same", "renumbered" (only its ordinal differs), "changed", "added", "removed"
    old: Unit | None
    new: Unit | None
    ops: list[Op] = field(default_factory=list)

    @property
    def unit(self) -> Unit:
        return self.new or self.old


@dataclass
class SectionDiff:
    heading: str
    status: str                 # "same", "changed", "added" or "removed"
    pairs: list[Pair]
    old_heading: str = ""
    level: int = 2

    def count(self, status: str) -> int:
        return sum(1 for p in self.pairs if p.status == status)


@dataclass
class Figure:
    section: str
    item: str                   # what the sentence or row is about
    context: str                # the words before the figure
    old: str
    new: str
    difference: str


@dataclass
class StaleReason:
    section: str
    item: str
    reason: str
    lead: str                  # the words that opened it in the document (主要原因是, 原因为…)


@dataclass
class Comparison:
    old: Document
    new: Document
    sections: list[SectionDiff]
    figures: list[Figure]
    stale: list[StaleReason]

    @property
    def year_to_year(self) -> bool:
        return self.old.year is not None and self.new.year == self.old.year + 1

    @property
    def changed(self) -> bool:
        return any(s.status != "same" for s in self.sections)


def _match(old: list, new: list, key, similar) -> list[tuple]:
    """Align two sequences: equal keys first (in order), then similar items inside the gaps."""
    pairs: list[tuple] = []
    sm = difflib.SequenceMatcher(a=[key(x) for x in old], b=[key(x) for x in new], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs += list(zip(old[i1:i2], new[j1:j2]))
            continue
        olds, news = old[i1:i2], new[j1:j2]
        used: set[int] = set()
        pending: list[tuple] = []
        floor = 0          # matches never cross: both sides keep their order
        for o in olds:
            best, best_score = None, 0.0
            for k in range(floor, len(news)):
                n = news[k]
                score = similar(o, n)
                if score > best_score:
                    best, best_score = k, score
            if best is not None and best_score >= 0.6:
                used.add(best)
                floor = best + 1
                pending.append((o, news[best], best))
            else:
                pending.append((o, None, None))
        # keep the new side's order: unmatched new items go where they stand
        placed = {k for _, _, k in pending if k is not None}
        out: list[tuple] = []
        k_next = 0
        for o, n, k in pending:
            if k is not None:
                out += [(None, news[j]) for j in range(k_next, k) if j not in placed]
                k_next = max(k_next, k + 1)
                out.append((o, n))
            else:
                out.append((o, None))
        out += [(None, news[j]) for j in range(k_next, len(news)) if j not in placed]
        pairs += out
    return pairs


def _identity(u: Unit) -> str | None:
    """What a unit is by name, where it has one: a row's 科目编码, a 项 sentence's 类/款/项 label."""
    if u.kind == "row":
        return u.key if is_code(u.key) else None
    return u.key if is_item_label(u.key) else None


def _similar_units(a: Unit, b: Unit) -> float:
    if a.kind != b.kind:
        return 0.0
    if _identity(a) and _identity(b):
        return 0.0          # two different codes (or 项): one line vanished, another appeared
    return difflib.SequenceMatcher(a=mask(a.text), b=mask(b.text), autojunk=False).ratio()


def _section_key(s: Section) -> str:
    return s.key


def compare(old: Document, new: Document) -> Comparison:
    section_pairs = _match(old.sections, new.sections, _section_key,
                           lambda a, b: difflib.SequenceMatcher(a=a.key, b=b.key).ratio())
    out: list[SectionDiff] = []
    figures: list[Figure] = []
    stale: list[StaleReason] = []
    year_to_year = old.year is not None and new.year == old.year + 1
    for os_, ns in section_pairs:
        heading = (ns or os_).heading
        if os_ is None or ns is None:
            units = (ns or os_).units
            status = "added" if os_ is None else "removed"
            out.append(SectionDiff(heading, status, [
                Pair(status, None if os_ is None else u, u if os_ is None else None) for u in units],
                heading, (ns or os_).level))
            continue
        pairs = []
        for ou, nu in _match(os_.units, ns.units, lambda u: (u.kind, u.key), _similar_units):
            if ou is None:
                pairs.append(Pair("added", None, nu))
            elif nu is None:
                pairs.append(Pair("removed", ou, None))
            elif ou.text == nu.text:
                pairs.append(Pair("same", ou, nu))
            elif ou.kind == "para" and strip_ordinal(ou.text) == strip_ordinal(nu.text):
                pairs.append(Pair("renumbered", ou, nu, token_diff(ou.text, nu.text)))
            else:
                pairs.append(Pair("changed", ou, nu, token_diff(ou.text, nu.text)))
                figures += _figures(heading, ou, nu, new.unit)
                if year_to_year:
                    stale += _stale(heading, ou, nu, new.reason_leads or old.reason_leads)
        status = "same" if all(p.status in ("same", "renumbered") for p in pairs) and \
            strip_ordinal(os_.heading) == strip_ordinal(ns.heading) else "changed"
        out.append(SectionDiff(heading, status, pairs, os_.heading, ns.level))
    return Comparison(old, new, out, figures, stale)


def _item(unit: Unit) -> str:
    if unit.kind == "row":
        return unit.key
    return unit.key if is_item_label(unit.key) else ""


def _figures(heading: str, old: Unit, new: Unit, unit: str = "") -> list[Figure]:
    out = []
    if old.kind == "row" and new.kind == "row" and len(old.cells) == len(new.cells):
        for i, (a, b) in enumerate(zip(old.cells, new.cells)):
            if a != b:
                for f in figure_changes(a, b) or ([FigureChange("", a, b)] if a and b else []):
                    column = new.columns[i] if i < len(new.columns) else ""
                    out.append(Figure(heading, _item(new), column, f.old, f.new, f.difference))
        return out
    for a, b in _match(_sentences(old.text), _sentences(new.text), mask,
                       lambda x, y: difflib.SequenceMatcher(a=mask(x), b=mask(y)).ratio()):
        if not a or not b or a == b:
            continue
        lead = _AMOUNT.split(b)[0]
        lead = re.sub(r"[（(][^）)]*[）)]", "", lead.replace(unit, "") if unit else lead)
        lead = re.sub(r"^(\d{4}年度|其中：|[\d.、]+)+", "", lead).rstrip("为是，")[-16:]
        for f in figure_changes(a, b):
            name = lead if lead.endswith(f.context) else (f"{lead}…{f.context}" if lead else f.context)
            out.append(Figure(heading, _item(new), name, f.old, f.new, f.difference))
    return out


_AMOUNT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+%?|\d+%")   # not a year, not a count
def _stale(heading: str, old: Unit, new: Unit, leads: tuple[str, ...]) -> list[StaleReason]:
    """Sentences whose 主要原因 is word for word last year's while their figures changed; a
    reason is what follows one of the style's `reason_leads` (主要原因是, 原因为…)."""
    if old.kind != "para" or not leads:
        return []
    lead = "|".join(re.escape(x) for x in sorted(leads, key=len, reverse=True))
    reason = re.compile(rf"({lead})[：:]?(.+?)(?:。|$)")
    out = []
    for a, b in _match(_sentences(old.text), _sentences(new.text), mask,
                       lambda x, y: difflib.SequenceMatcher(a=mask(x), b=mask(y)).ratio()):
        if not a or not b or FIGURE.findall(a) == FIGURE.findall(b):
            continue
        for (_, o), (opening, n) in zip(reason.findall(a), reason.findall(b)):
            if o == n:
                label = _item(new) or strip_for_display(re.split(lead, b)[0].rstrip("，,"), 30)
                out.append(StaleReason(heading, label, n, opening))
    return out


def _sentences(text: str) -> list[str]:
    return [s + "。" for s in text.split("。") if s]


def strip_for_display(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def sentences_of(pair: Pair) -> list[tuple[str, str, list[Op]]]:
    """A changed paragraph's sentences that changed: (old, new, ops) each; added or removed
    sentences have an empty side."""
    if pair.status != "changed" or pair.unit.kind != "para":
        return []
    old, new = _sentences(pair.old.text), _sentences(pair.new.text)
    out = []
    for a, b in _match(old, new, mask, lambda x, y: difflib.SequenceMatcher(a=mask(x), b=mask(y)).ratio()):
        if a == b:
            continue
        out.append((a or "", b or "", token_diff(a or "", b or "")))
    return out
