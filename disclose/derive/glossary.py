"""专业名词解释: the style's default glossary, extended (or replaced) by the data file's."""
from __future__ import annotations

from ..load import load_terms
from ..model import Disclosure, Term
from ..style import Style


def glossary(data: Disclosure, style: Style) -> list[Term]:
    """The style's default glossary, extended (or replaced) by the data file's entries."""
    entries = []
    if not (data.glossary and data.glossary.replace):
        for folder in style.folders:
            candidate = folder / style.settings.glossary
            if candidate.is_file():
                entries = load_terms(candidate)
                break
    if data.glossary:
        by_term = {e.term: i for i, e in enumerate(entries)}
        for e in data.glossary.entries:
            if e.term in by_term:
                entries[by_term[e.term]] = e
            else:
                entries.append(e)
    return entries
