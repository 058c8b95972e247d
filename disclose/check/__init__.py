"""The review rules: each a small named function over the loaded data.

A rule has an id (`FUNC-ROLLUP`), a severity, a one-line description, and yields
`Problem`s that point at the line to fix (and, in `related`, the lines that take part).
`RULES` lists them in the order they run; adding a rule is adding a function with the
`@rule` decorator to the module of its subject:

- `file.py`: the file itself (silences, codes, placeholders, the year and the unit);
- `totals.py`: every stated total against its parts, and the balances;
- `lines.py`: every stated 上年/预算 of a total against its parts' (the ledger's lines);
- `tables.py`: the nine tables (economic codes, the 公开05 split, one figure in every table);
- `texts.py`: the reasons the style explains, and what its sentences need (NEEDED);
- `performance.py`: the self-evaluation forms;
- `evaluation.py`: the 整体支出绩效自评 package (document kind `evaluation`);
- `prior.py`: against last year's file (`--prior`).

`disclose check --rules` prints the catalogue; the README lists it.  A rule sees a
`Context` (`rules.py`): the data, the style, and last year's data when `--prior` is given.
Rules never print; `run()` collects, drops what the file silences (each with a written
reason) and returns the rest.  The sums they hold the file to are `accounts.py`'s.
"""
from . import file, totals, lines, tables, texts, performance, evaluation, prior  # noqa: F401  (registers the rules, in this order)
from .rules import NEEDED, RULES, Context, Rule, blocking, rule, run, silenced_rules

__all__ = ["NEEDED", "RULES", "Context", "Rule", "blocking", "rule", "run", "silenced_rules"]
