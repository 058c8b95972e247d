"""Load a data file: YAML → typed model, every problem with its line."""
from __future__ import annotations

from pathlib import Path

from ..errors import DiscloseError, Problem, display_path
from ..model import Disclosure, Term
from ..schema import Builder
from ..source import Seq, read


def load(path: str | Path, optional: frozenset = frozenset()) -> Disclosure:
    data, empty = load_with_empty(path, optional)
    if empty:
        raise DiscloseError(empty)
    return data


def load_with_empty(path: str | Path, optional=frozenset()) -> tuple[Disclosure, list[Problem]]:
    """The data, and an EMPTY error for each figure left empty (read as 0): a file rolled
    forward by `disclose init` can be checked before its figures are in. Any other problem
    raises, as `load` does. `optional`: the top-level records a document other than the
    disclosure does without (they are None when the file leaves them out), or a function of the
    file's node that says which (the document may depend on the file's `style:`)."""
    node = read(path, display_path(path))
    builder = Builder(empty_figures=True, optional=optional(node) if callable(optional) else optional)
    data = builder.build(Disclosure, node, "")
    empty = [p for p in builder.problems if p.rule == "EMPTY"]
    if len(empty) != len(builder.problems) or data is None:
        raise DiscloseError(builder.problems)
    return data, empty


_TERMS: dict[str, tuple[tuple, list[Term]]] = {}


def load_terms(path: Path) -> list[Term]:
    """A glossary file of a style: a YAML list of `term:`/`definition:` entries (read once
    per process while the file is unchanged; the caller gets its own list)."""
    info = path.stat()
    stamp = (info.st_mtime_ns, info.st_size)
    cached = _TERMS.get(str(path))
    if cached is None or cached[0] != stamp:
        cached = _TERMS[str(path)] = (stamp, _read_terms(path))
    return list(cached[1])


def _read_terms(path: Path) -> list[Term]:
    node = read(path, display_path(path))
    builder = Builder()
    if not isinstance(node, Seq):
        raise DiscloseError([Problem(node.loc, "GLOSSARY", "a glossary file is a list of entries",
                                     "write one `- term: …` / `definition: …` entry per term")])
    terms = builder.convert(list[Term], node, "glossary")
    if builder.problems:
        raise DiscloseError(builder.problems)
    return terms
