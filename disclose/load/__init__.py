"""Reading a unit's data into the model (`model.py`), every problem with its place.

- `yaml.py`: a data file (YAML, read by `source.py` with its lines, typed by `schema.py`).

A workbook reader (the 决算 software's nine tables) joins here as a module of its own.
"""
from .yaml import load, load_terms, load_with_empty

__all__ = ["load", "load_terms", "load_with_empty"]
