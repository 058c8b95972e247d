"""Load a data file: YAML → typed model, every problem with its line."""
from __future__ import annotations

from pathlib import Path

from ..errors import DiscloseError, Problem, display_path
from ..model import Disclosure, Term
from ..schema import Builder
from ..source import Seq, read


def load(path: str | Path) -> Disclosure:
    node = read(path, display_path(path))
    builder = Builder()
    data = builder.build(Disclosure, node, "")
    if builder.problems or data is None:
        raise DiscloseError(builder.problems)
    return data


def load_terms(path: Path) -> list[Term]:
    """A glossary file of a style: a YAML list of `term:`/`definition:` entries."""
    node = read(path, display_path(path))
    builder = Builder()
    if not isinstance(node, Seq):
        raise DiscloseError([Problem(node.loc, "GLOSSARY", "a glossary file is a list of entries",
                                     "write one `- term: …` / `definition: …` entry per term")])
    terms = builder.convert(list[Term], node, "glossary")
    if builder.problems:
        raise DiscloseError(builder.problems)
    return terms
