"""Comparing two versions of a disclosure (`disclose diff`).

- `outline.py`: a document (data file, .txt or .docx) read into sections and units;
- `tokens.py`: text cut into words and figures, and the token diff;
- `align.py`: sections, paragraphs and rows matched by meaning; changed figures; stale reasons;
- `report.py`: the terminal report, `--stat`, `--figures` and the HTML page;
- `redline.py`: the Word document with tracked changes.
"""
from .align import Comparison, Pair, compare

__all__ = ["Comparison", "Pair", "compare"]
