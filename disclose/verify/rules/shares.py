"""SHARES: the shares of one whole's parts add up to 100%.

A group of shares is the 占R% listed after 其中： or 主要用于以下方面： in one sentence (with or
without their amounts), or a run of numbered paragraphs under one heading each giving one
part and its share (1.社会保障和就业支出(类)84.68万元，占6.93%。 2.…).  Shares are rounded, so
n shares printed to p decimals may miss by n × half a unit of the p-th decimal (`numbers.
tolerance`); amounts printed in 万元 are rounded too, which moves the exact shares by their
own tolerance over the parts' sum.

A group is only known to be all the parts when its amounts add up to the whole the sentence
names before 其中 (within `check`'s tolerance): then its shares must add up to that share of
the whole.  Otherwise a list may leave parts out, so only a sum above 100% is reported.  A
group SHARE checks share by share (a whole before 其中 and an amount for each) is left to it."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from ...numbers import HUNDRED, divide, quantize, tolerance
from ..statements import Figure, amounts, percents, sentences
from .base import A, P, Document, Statement, Text, document_rule, fmt

_LEAD = re.compile(r"其中：|主要用于以下方面：|主要用于：")
_SHARE = re.compile(rf"(?:{A}，\s*)?占{P}")
_ITEM = re.compile(r"^(\d+)[.．、]")

Member = tuple[Figure, Figure | None]       # (the share, its amount when printed just before it)


def _members(text: str) -> list[Member]:
    out = []
    for m in _SHARE.finditer(text):
        share = percents(m.group(0))[-1]
        found = amounts(m.group(0))
        out.append((share, found[0] if found else None))
    return out


def _groups(texts: list[Text]) -> Iterator[tuple[Text, str, Figure | None, list[Member]]]:
    """(where, what leads it, the whole, the members) of each group of shares."""
    run: list[tuple[Text, Member]] = []
    for t in texts + [None]:
        item = _ITEM.match(t.text) if t else None
        members = _members(t.text) if t else []
        if run and not (item and len(members) == 1 and not _LEAD.search(t.text) and t.heading == run[0][0].heading
                        and int(item.group(1)) == len(run) + 1):
            if len(run) > 1:
                yield run[0][0], "1.…", None, [m for _, m in run]
            run = []
        if t is None:
            break
        if item and item.group(1) == "1" and len(members) == 1 and not _LEAD.search(t.text) and not run:
            run = [(t, members[0])]
        elif run and item and len(members) == 1:
            run.append((t, members[0]))
        for s_start, s_end in sentences(t.text):
            sentence = t.text[s_start:s_end]
            for lead in _LEAD.finditer(sentence):
                after = sentence[lead.end():]
                nxt = _LEAD.search(after)
                listed = _members(after[:nxt.start()] if nxt else after)
                before = amounts(sentence[:lead.start()])
                yield t, lead.group(0).rstrip("："), before[0] if before else None, listed


@document_rule("SHARES", ERROR, "the shares of one whole's parts (占R% listed after 其中/主要用于, or one per numbered "
               "paragraph in a run 1. 2. 3.) add up to 100%: to the parts' share of the whole when their amounts "
               "add up to it, and never to more than 100% otherwise",
               "n shares printed to p decimals may miss by n × half a unit of the p-th decimal, and amounts in 万元 "
               "move the exact shares by the parts' own rounding; a list the amounts do not show complete is only "
               "held to at most 100%; a list SHARE checks share by share is left to it")
def shares(document: Document) -> Iterator[tuple[str, str, Statement]]:
    for t, lead, whole, members in _groups(document.texts):
        if len(members) < 2:
            continue
        money = [a for _, a in members]
        priced = None not in money and len({a.unit for a in money}) == 1
        if lead == "其中" and whole is not None and priced:
            continue                                    # SHARE holds each share to the whole
        places = max(s.places for s, _ in members)
        printed = sum((s.value for s, _ in members), Decimal(0))
        slack = tolerance(len(members), unit_places=places)
        parts = sum((a.value for a in money), Decimal(0)) if priced else None
        rounded = priced and money[0].unit == "万元"
        what = "＋".join(f"{s.text}%" for s, _ in members)
        if priced and whole is not None and whole.unit == money[0].unit and whole.value > 0 and \
                abs(parts - whole.value) <= tolerance(len(money), rounded=rounded):
            expected = divide(HUNDRED * parts, whole.value)     # the parts are all of the whole
            ok = abs(printed - expected) <= slack
            check = f"{fmt(parts)} of {fmt(whole.value)} is {quantize(expected, places)}% (± {slack}%)"
        else:
            allowance = divide(HUNDRED * tolerance(len(money)), parts) if rounded and parts else Decimal(0)
            ok = printed <= HUNDRED + slack + allowance
            check = f"at most 100% (± {quantize(slack + allowance, places + 2)}%)"
        yield t.place, t.raw, Statement(
            "SHARES", what, f"{fmt(printed)}% against {check}", None if ok else ERROR,
            "" if ok else f"the shares of the {len(members)} parts add up to {fmt(printed)}%; {check}")
