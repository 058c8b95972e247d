"""The rules of `disclose verify`, by what they read: `sentences` (one paragraph), `tables` and
`sides` (one table by 科目编码, one two-sided 总表), `forms` (a self-evaluation form), `package`
(the Hunan package's forms and every form's funds rows and 总分),
`document` (the document's own conventions) and `figures` (a sentence's figure against the
same line of the document's tables).  `base` holds what they share."""
from __future__ import annotations

from . import sentences, tables, sides, forms, package, document, shares, figures  # noqa: F401,I001  (each registers its rules, in this order)
from .base import DOCUMENT_RULES, RULES, TABLE_RULES, Document, Grid, Statement, Text

__all__ = ["DOCUMENT_RULES", "RULES", "TABLE_RULES", "Document", "Grid", "Statement", "Text"]
