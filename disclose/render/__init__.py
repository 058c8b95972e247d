"""Render the templates of a style into document markup.

Templates receive the derived view (`derive/`, `view.py`) and a few helpers; they write
the markup of `markup.py` (headings, paragraphs, tables).  Helpers only format: amounts
with the style's separators, decimals and unit; percentages; change phrases with the
style's words for no change and for a zero base; Chinese numerals.

Undefined variables are errors (StrictUndefined), reported with the template's file
and line.  A text the data file lacks (`view.Missing`) is reported with the data
file's line; all of them at once, after the whole document has been rendered.
"""
from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import traceback
from decimal import Decimal
from pathlib import Path

import jinja2
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..view import MET, Line, Missing, View
from ..errors import DiscloseError, Location, Problem, display_path
from ..numbers import HUNDRED, Change, chinese, quantize
from ..schema import Clauses
from ..style import Style

LINE_BREAK = "\u2028"   # a line break inside a table cell (see markup.py)


class _BytecodeCache(jinja2.BytecodeCache):
    """Compiled templates, kept for every render of this process (a batch, `diff`, the tests) and
    on disk for the next process (compiling the shipped templates is most of a cold `check`).

    Jinja keys each entry by the template's name and file and checks its source's checksum and
    the Python version, so an edited template is compiled again and two folders' files never
    mix.  The folder is the user's own (`cache_folder()`), created private (0700); an entry is
    written whole (a temporary file renamed), so parallel builds never read half of one."""

    def __init__(self):
        self.store: dict[str, bytes] = {}
        self.folder: Path | None = None
        self.looked = False

    def _folder(self) -> Path | None:
        if not self.looked:
            self.looked, self.folder = True, cache_folder()
        return self.folder

    def load_bytecode(self, bucket):
        if bucket.key not in self.store and self._folder() is not None:
            try:
                self.store[bucket.key] = (self.folder / f"{bucket.key}.jinja").read_bytes()
            except OSError:
                pass
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        data = bucket.bytecode_to_string()
        self.store[bucket.key] = data
        if self._folder() is not None:
            try:
                fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, self.folder / f"{bucket.key}.jinja")
            except OSError:
                pass            # a cache that cannot be written is only slower


def _fingerprint() -> str:
    """What compiled templates depend on besides their source: Jinja's version and this module (its
    filters' signatures are compiled into the calls); another version of either gets its own folder."""
    digest = hashlib.sha256(jinja2.__version__.encode() + Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def cache_folder() -> Path | None:
    """Where compiled templates are kept: $DISCLOSE_CACHE, else $XDG_CACHE_HOME/disclose or
    ~/.cache/disclose; `DISCLOSE_CACHE=off` keeps them in memory only.  None when the folder
    cannot be made private to this user.  Each version of the renderer has its own subfolder."""
    chosen = os.environ.get("DISCLOSE_CACHE")
    if chosen is not None and chosen.strip().lower() in ("", "off", "0", "no"):
        return None
    base = Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "disclose"
    folder = base / "templates" / _fingerprint()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            return None         # not ours alone: compiled code from there is not to be trusted
    except OSError:
        return None
    return folder


_COMPILED = _BytecodeCache()


def _prepared(value):
    """What a filter prints of a value: Jinja's own error for an undefined one, an amount line's 本年."""
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    return value.current if isinstance(value, Line) else value


def strict(filter_function):
    """A filter given an undefined value raises Jinja's own error ('… has no attribute …')
    instead of failing inside the conversion with a message about types; an amount line
    prints as its 本年 figure; a missing value is passed on (reported once rendered)."""

    @functools.wraps(filter_function)
    def wrapper(value, *args, **kwargs):
        value = _prepared(value)
        if isinstance(value, Missing):
            return value        # reported with its data line once the document is rendered
        return filter_function(value, *args, **kwargs)

    return wrapper


_TRIMS = {True: "all", False: "none"}


def _trim(text: str, mode: str) -> str:
    """Trailing zeros: none dropped, all (1,239.7), or only a whole .00 (1,239 but 1,239.70)."""
    if "." not in text or mode == "none":
        return text
    if mode == "all":
        return text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    return whole if not fraction.strip("0") else text


class Formatter:
    """The style's way of printing figures — with a section's own knobs (`style.Knobs`) where it
    has them; one per render and section."""

    def __init__(self, style: Style, data_unit: str, knobs=None):
        self.s = style.settings
        self.data_unit = data_unit
        a, p = self.s.amounts, self.s.percent
        ka = knobs.amounts if knobs is not None else None
        kp = knobs.percent if knobs is not None else None

        def pick(override, name: str, default):
            value = getattr(override, name) if override is not None else None
            return default if value is None else value

        self.amount_places = pick(ka, "decimals", a.decimals)
        self.thousands = pick(ka, "thousands", a.thousands)
        self.amount_trim = pick(ka, "trim", a.trim or _TRIMS[a.trim_zeros])
        self.amount_zero = pick(ka, "zero", a.zero)
        self.percent_places = pick(kp, "decimals", p.decimals)
        self.percent_trim = pick(kp, "trim", p.trim)
        self.percent_zero = pick(kp, "zero", p.zero)
        words = knobs.change if knobs is not None else None
        self.words = {k: pick(words, k, getattr(self.s.change, k)) for k in ("increase", "decrease", "equal",
                                                                             "from_zero")}

    def _scaled(self, value: Decimal, unit: str) -> Decimal:
        if unit == self.data_unit:
            return value
        return value / Decimal(10000) if unit == "万元" else value * Decimal(10000)

    def number(self, value, places: int | None = None, thousands: bool | None = None,
               trim: bool | str | None = None) -> str:
        if value is None:
            raise ValueError("a figure the template prints is missing (None)")
        if isinstance(value, int):
            return str(value)
        places = self.amount_places if places is None else places
        thousands = self.thousands if thousands is None else thousands
        mode = self.amount_trim if trim is None else _TRIMS.get(trim, trim)
        q = quantize(Decimal(value), places)
        if q == 0:
            q = abs(q)          # a tiny negative rounds to 0.00, never -0.00
        text = f"{q:,.{places}f}" if thousands else f"{q:.{places}f}"
        return _trim(text, mode)

    def amount(self, value, unit: bool | str = True) -> str:
        """An amount in the style's unit: 1,239.70万元 (unit=False: 1,239.70); unit="万元" prints
        in that unit whatever the style's (style B states 247.39万元 in a document in 元)."""
        target = unit if isinstance(unit, str) else self.s.amounts.unit
        scaled = self._scaled(Decimal(value), target)
        zero = self.amount_zero is not None and quantize(scaled, self.amount_places) == 0
        text = self.amount_zero if zero else self.number(scaled)
        return text + target if unit else text

    def figure(self, value) -> str:
        """A table cell's amount: no unit, empty where the file does not give the figure."""
        return "" if value is None else self.amount(value, unit=False)

    def percent(self, value, places: int | None = None, trim: bool | None = None) -> str:
        """A ratio as a percentage, rounded once: 0.98730 → 98.73%."""
        places = self.percent_places if places is None else places
        mode = self.percent_trim if trim is None else _TRIMS.get(trim, trim)
        scaled = Decimal(value) * HUNDRED
        if self.percent_zero is not None and quantize(scaled, places) == 0:
            return self.percent_zero + "%"
        return self.number(scaled, places, thousands=False, trim=mode) + "%"

    def change(self, c: Change) -> str:
        """增加12.52万元，增长2.91% — in the words the style (or the section) uses for each case."""
        if c.direction == "equal":
            phrase = self.words["equal"]
        elif c.from_zero:
            phrase = self.words["from_zero"]
        else:
            phrase = self.words["increase" if c.direction == "up" else "decrease"]
        return phrase.format(amount=self.amount(c.amount), rate=self.percent(abs(c.rate)))

    def count_change(self, c: Change, unit: str) -> str:
        """增加1人 / 减少1人 (a change in a headcount), in the style's words."""
        words = self.s.counts
        phrase = {"up": words.increase, "down": words.decrease, "equal": words.equal}[c.direction]
        return phrase.format(count=int(c.amount), unit=unit)


def clauses(value) -> list[str]:
    """The clauses of a reason or other clause: those of a list the file gives (`schema.Clauses`),
    else the one text; templates number them in the style's words (一是…；二是…)."""
    return list(value.items) if isinstance(value, Clauses) else [value]


def cell(value) -> str:
    """A value for a table cell: tabs and line breaks would break the row."""
    text = str(value)
    if text in ("<", "^") or text.startswith("\\"):
        text = "\\" + text
    return text.replace("\t", " ").replace("\r\n", LINE_BREAK).replace("\n", LINE_BREAK)


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, remembering its answers: whether an attribute may be read depends only on the
    object's type and the attribute's name (Jinja's checks are `isinstance` tests and name
    rules), and a document reads a few dozen such pairs thousands of times."""

    def __init__(self, **options):
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj, attr, value) -> bool:
        key = (type(obj), attr)
        answer = self._safe.get(key)
        if answer is None:
            answer = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return answer

    def getitem(self, obj, argument):
        # `{"up": "增加", "down": "减少"}[x.change.direction]` of a missing comparison: the missing value
        # itself (reported with its data line), not a key error inside the template
        if isinstance(argument, Missing):
            return argument
        return super().getitem(obj, argument)


class _Current:
    """The render a shared environment is working for (its filters and `finalize` ask it)."""

    renderer: "Renderer | None" = None


_ENVIRONMENTS: dict[tuple, tuple] = {}
_FILTERS = ("amount", "figure", "number", "percent", "change", "count_change")


def _environment(style: Style) -> tuple[ImmutableSandboxedEnvironment, _Current]:
    """One environment per style and template folders, for the whole process: its compiled
    templates stay loaded (Jinja reloads a template whose file changed) and a batch compiles
    nothing twice."""
    key = (tuple(str(f) for f in style.folders), id(style.settings))
    if key in _ENVIRONMENTS:
        return _ENVIRONMENTS[key][:2]
    if len(_ENVIRONMENTS) > 32:
        _ENVIRONMENTS.clear()
    current = _Current()
    # Templates come from other people (a style folder passed between units, --templates):
    # the sandbox lets them read what the context gives and call the filters, nothing else —
    # no Python internals, no changing the data; includes resolve only in the style's folders.
    env = _Sandbox(
        loader=FileSystemLoader([str(f) for f in style.folders]),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, bytecode_cache=_COMPILED,
        keep_trailing_newline=True, autoescape=False, finalize=lambda value: current.renderer._finalize(value))

    def delegate(name: str):
        @jinja2.pass_context
        def apply(context, value, *args, **kwargs):
            value = _prepared(value)
            if isinstance(value, Missing):
                return value
            return getattr(current.renderer.formatter(context), name)(value, *args, **kwargs)
        apply.__name__ = name
        return apply

    env.filters.update({name: delegate(name) for name in _FILTERS})
    env.filters.update(cn=strict(chinese), cell=strict(cell), clauses=strict(clauses))
    # Only what a template needs: the settings, `range` and `namespace` (Jinja's other defaults
    # — cycler, joiner, lipsum, dict — are the usual footholds of template attacks).
    env.globals.clear()
    env.globals.update(settings=style.settings, range=range, namespace=jinja2.utils.Namespace)
    _ENVIRONMENTS[key] = (env, current, style.settings)     # the settings kept alive: `id` stays theirs
    return env, current


class Renderer:
    def __init__(self, style: Style, data_unit: str, data_path: str = ""):
        self.style = style
        self.missing: list[Missing] = []
        self.fmt = Formatter(style, data_unit)
        self._formatters: dict[int, Formatter] = {}
        self.data_unit = data_unit
        self.env, self._current = _environment(style)
        self._current.renderer = self        # and again at each render: another may have come since

    def formatter(self, context) -> Formatter:
        """The formatter of the section being written (`narrative.j2`'s `section` and `part`): the
        style's, with the section's own knobs where it has them."""
        where = context.get("part") or context.get("section")
        knobs = getattr(where, "format", None) if where is not None else None
        if knobs is None:
            return self.fmt
        if id(knobs) not in self._formatters:
            self._formatters[id(knobs)] = Formatter(self.style, self.data_unit, knobs)
        return self._formatters[id(knobs)]

    def _finalize(self, value):
        if isinstance(value, Missing):
            self.missing.append(value)
            return str(value)
        if value is None:
            raise ValueError("the template prints a value that is missing (None)")
        return value

    def render(self, template: str, view: View) -> str:
        self._current.renderer = self        # the shared environment's filters print with this render's
        met = MET.set(self.missing)
        try:
            return self.env.get_template(template).render(view.__dict__)
        except jinja2.TemplateSyntaxError as exc:
            raise DiscloseError([Problem(Location(_template_path(self.env, exc.name or template), exc.lineno),
                                         "TEMPLATE", f"template syntax error: {exc.message}",
                                         "fix the template (Jinja2 syntax)")])
        except jinja2.TemplateNotFound as exc:   # a part of the style, or an include in a template
            name, line = _template_frame(self.env, exc)
            raise DiscloseError([Problem(Location(name, line) if line else Location(template), "TEMPLATE", f"template `{exc.name}` not found in "
                                         f"{', '.join(display_path(f) for f in self.style.folders)}",
                                         "check the style's `parts:` and the template's includes (they "
                                         "name files inside the template folders, without `..`)")])
        except Exception as exc:  # an error while rendering: name the template and line
            name, line = _template_frame(self.env, exc)
            message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
            if isinstance(exc, SecurityError):
                hint = ("templates may only read the variables `disclose variables` lists and use the "
                        "filters the README names: remove this expression")
            elif isinstance(exc, jinja2.UndefinedError):
                hint = ("the template uses a variable the data does not provide: check its spelling against the "
                        "README's list of template variables")
            else:
                hint = "fix the template or the data it reads"
            raise DiscloseError([Problem(Location(name, line), "TEMPLATE", message, hint)]) from exc
        finally:
            MET.reset(met)

    def missing_problems(self) -> list[Problem]:
        seen, out = set(), []
        for m in self.missing:
            if (m.loc, m.field, m.what) in seen:
                continue
            seen.add((m.loc, m.field, m.what))
            hint = m.hint or (f"write it after `{m.field}:`" if m.given else f"add `{m.field}: …` to this entry")
            out.append(Problem(m.loc, "NEEDED", f"the document needs {m.what} and the file gives none",
                               hint))
        return out


def _template_path(env: ImmutableSandboxedEnvironment, name: str) -> str:
    try:
        source = env.loader.get_source(env, name)
        return display_path(source[1])
    except Exception:
        return name


def _template_frame(env: ImmutableSandboxedEnvironment, exc: BaseException) -> tuple[str, int]:
    """The innermost template file and line in the traceback (Jinja maps frames to them)."""
    found = ("<template>", 0)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".j2", ".jinja", ".txt", ".md")) and Path(frame.filename).exists():
            found = (display_path(frame.filename), frame.lineno or 0)
    return found
