"""Reading a unit's data into the model (`model.py`), every problem with its place.

- `yaml.py`: a data file (YAML, read by `source.py` with its lines, typed by `schema.py`);
- `workbook.py`: the nine 公开 tables of a workbook (`disclose import`), with `sheets.py`
  (cells and bounds), `places.py` (tables found by title, headers by their words),
  `tables.py` (the 类/款/项 tables) and `forms.py` (公开01/04/06/07).
"""
from .yaml import load, load_terms, load_with_empty

__all__ = ["load", "load_terms", "load_with_empty"]
