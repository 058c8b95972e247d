"""How `disclose diff` shows a comparison: on the terminal, as counts, as a table of
figures, or as a side-by-side HTML page."""
from __future__ import annotations

import html

from .align import Comparison, Pair, sentences_of
from .tokens import Op

RED, GREEN, BOLD, DIM, RESET = "\033[31m", "\033[32m", "\033[1m", "\033[2m", "\033[0m"


def inline(ops: list[Op], color: bool) -> str:
    """Old and new in one line: [-removed-]{+added+}, or red and green on a terminal."""
    out = []
    for op in ops:
        if op.kind == "equal":
            out.append(op.text)
        elif op.kind == "delete":
            out.append(f"{RED}{op.text}{RESET}" if color else f"[-{op.text}-]")
        else:
            out.append(f"{GREEN}{op.text}{RESET}" if color else f"{{+{op.text}+}}")
    return "".join(out)


def _mark(sign: str, text: str, color: bool) -> str:
    if not color:
        return f"{sign} {text}"
    return f"{GREEN if sign == '+' else RED}{sign} {text}{RESET}"


def text_report(c: Comparison, color: bool = False) -> str:
    lines = [f"{c.old.source} → {c.new.source}"]
    if c.old.title != c.new.title:
        lines.append(f"title: {c.old.title} → {c.new.title}")
    for s in c.sections:
        if s.status == "same":
            continue
        head = s.heading or "(before the first heading)"
        status = {"added": " (new section)", "removed": " (section removed)"}.get(s.status, "")
        lines.append("")
        lines.append(f"{BOLD}{head}{status}{RESET}" if color else f"{head}{status}")
        for p in s.pairs:
            lines += _pair_lines(p, color)
    if c.stale:
        lines.append("")
        lines.append("Reasons repeated word for word from last year while their figures changed:")
        for r in c.stale:
            lines.append(f"  {r.section} · {r.item}: {r.lead}{r.reason}")
    lines.append("")
    lines.append(summary(c))
    return "\n".join(lines) + "\n"


def _pair_lines(p: Pair, color: bool) -> list[str]:
    if p.status in ("same", "renumbered"):
        return []
    if p.status == "added":
        return ["  " + _mark("+", p.new.text.replace("\t", " | "), color)]
    if p.status == "removed":
        return ["  " + _mark("-", p.old.text.replace("\t", " | "), color)]
    if p.unit.kind == "row":
        return ["  ~ " + inline(p.ops, color).replace("\t", " | ")]
    out = []
    for old, new, ops in sentences_of(p):
        if not old:
            out.append("  " + _mark("+", new, color))
        elif not new:
            out.append("  " + _mark("-", old, color))
        else:
            out.append("  ~ " + inline(ops, color))
    return out


def summary(c: Comparison) -> str:
    changed = sum(s.count("changed") for s in c.sections)
    added = sum(s.count("added") for s in c.sections)
    removed = sum(s.count("removed") for s in c.sections)
    renumbered = sum(s.count("renumbered") for s in c.sections)
    text = (f"{changed} changed, {added} added, {removed} removed (paragraphs and table rows); "
            f"{len(c.figures)} figure{'s' * (len(c.figures) != 1)} moved")
    if renumbered:
        text += f"; {renumbered} renumbered only"
    if c.year_to_year:
        text += f"; {len(c.stale)} reason{'s' * (len(c.stale) != 1)} repeated from last year"
    return text


def stat(c: Comparison) -> str:
    rows = [("section", "changed", "added", "removed")]
    for s in c.sections:
        if s.status != "same":
            rows.append((s.heading or "(before the first heading)", str(s.count("changed")),
                         str(s.count("added")), str(s.count("removed"))))
    width = max(display_width(r[0]) for r in rows)
    out = [f"{r[0]}{' ' * (width - display_width(r[0]))}  {r[1]:>7}  {r[2]:>5}  {r[3]:>7}" for r in rows]
    out.append(summary(c))
    return "\n".join(out) + "\n"


def display_width(text: str) -> int:
    """Columns a terminal gives the text: two for each wide (Chinese) character."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def figures_table(c: Comparison) -> str:
    out = ["section\titem\tname\told\tnew\tdifference"]
    for f in c.figures:
        out.append("\t".join((f.section, f.item, f.context, f.old, f.new, f.difference)))
    return "\n".join(out) + "\n"


def html_page(c: Comparison) -> str:
    """A side-by-side page: old on the left, new on the right, changes highlighted."""
    e = html.escape
    rows = []
    for s in c.sections:
        if s.status == "same":
            continue
        rows.append(f'<tr class="h"><th colspan="2">{e(s.heading or "—")}</th></tr>')
        for p in s.pairs:
            if p.status in ("same", "renumbered"):
                continue
            left = right = ""
            if p.status == "added":
                right = f"<ins>{e(p.new.text)}</ins>"
            elif p.status == "removed":
                left = f"<del>{e(p.old.text)}</del>"
            else:
                for op in p.ops:
                    if op.kind == "equal":
                        left += e(op.text)
                        right += e(op.text)
                    elif op.kind == "delete":
                        left += f"<del>{e(op.text)}</del>"
                    else:
                        right += f"<ins>{e(op.text)}</ins>"
            rows.append(f"<tr><td>{left}</td><td>{right}</td></tr>".replace("\t", " │ "))
    figures = "".join(f"<tr><td>{e(f.section)}</td><td>{e(f.item)}</td><td>{e(f.context)}</td>"
                      f"<td>{e(f.old)}</td><td>{e(f.new)}</td><td>{e(f.difference)}</td></tr>" for f in c.figures)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(c.old.source)} → {e(c.new.source)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border: 1px solid #ccc; padding: .4em; vertical-align: top; }}
td {{ width: 50%; }} tr.h th {{ background: #eee; text-align: left; }}
del {{ background: #fdd; }} ins {{ background: #dfd; text-decoration: none; }}
</style></head><body>
<h1>{e(c.old.title)}</h1>
<p>{e(c.old.source)} → {e(c.new.source)}: {e(summary(c))}</p>
<table><tr><th>{e(c.old.source)}</th><th>{e(c.new.source)}</th></tr>
{chr(10).join(rows)}
</table>
<h2>Figures that moved</h2>
<table><tr><th>section</th><th>item</th><th>name</th><th>old</th><th>new</th><th>difference</th></tr>{figures}</table>
</body></html>
"""
