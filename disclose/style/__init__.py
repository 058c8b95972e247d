"""House styles: a folder of templates plus a small settings file.

A style lives in `templates/<name>/` with a `style.yaml` (the knobs in which real
disclosures of different provinces differ) and the Jinja2 templates of its sections.
A style may name a `base` whose files and settings it inherits; `templates/common/`
is searched last.  A user's `--templates DIR` goes in front of all of them, file by
file, and a `style.yaml` in it overrides the settings it names and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import DiscloseError, Location, Problem, display_path
from ..schema import Builder
from ..source import Map, Node, read
from .settings import DISCLOSURE, StyleSettings

SETTINGS = "style.yaml"
DEFAULT = "xinjiang"          # the style of a data file that names none
COMMON = "common"


def templates_root() -> Path:
    """The installed `templates/` folder (the repository's own in an editable install)."""
    from .. import templates                     # the package `disclose.templates` (setup's package-dir)
    return Path(templates.__file__).parent


@dataclass
class Style:
    settings: StyleSettings
    folders: list[Path]          # template search path, first match wins
    document: str = DISCLOSURE   # the document it writes (`for_document`)
    kind: str = DISCLOSURE       # what the engine derives and checks for that document
    file_name: str | None = None

    @property
    def name(self) -> str:
        return self.settings.name

    def documents(self) -> dict[str, str]:
        """The documents this style writes, name → what it is (the disclosure when it has `parts`)."""
        out = {DISCLOSURE: "部门决算公开说明"} if self.settings.parts else {}
        out.update({name: d.title for name, d in self.settings.documents.items()})
        return out

    def for_document(self, name: str | None) -> "Style":
        """The style set to write document `name` (default: the style's `default_document`): its
        parts, sections and workbook replace the disclosure's."""
        name = name or self.settings.default_document
        known = self.documents()
        if name not in known:
            raise DiscloseError([Problem(self.settings.loc("documents"), "DOCUMENT",
                                         f"style {self.name} has no document `{name}`",
                                         f"use one of: {', '.join(known) or '(none)'} (`disclose styles` lists "
                                         f"them)")])
        if name == DISCLOSURE:
            return self
        d = self.settings.documents[name]
        settings = replace(self.settings, parts=d.parts, sections=d.sections, workbook=d.workbook)
        settings.meta = self.settings.meta
        return Style(settings, self.folders, name, d.kind, d.file_name)


# --- finding and loading styles ------------------------------------------------------------

def available() -> list[str]:
    """The styles a document can be written in (`common`, the shared base, is not one)."""
    root = templates_root()
    return sorted(p.parent.name for p in root.glob(f"*/{SETTINGS}") if p.parent.name != COMMON)


_LOADED: dict[tuple, tuple[tuple, Style]] = {}


def _stamp(style: Style) -> tuple:
    """What a loaded style depends on: its settings files, as they are on disk now."""
    out = []
    for folder in style.folders:
        try:
            info = (folder / SETTINGS).stat()
            out.append((str(folder), info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((str(folder), None, None))
    return tuple(out)


def load(name: str, user_dir: str | Path | None = None) -> Style:
    """The style `name` (with `user_dir`'s overrides), read once per process while its
    settings files are unchanged: a batch reads each style once."""
    key = (name, str(user_dir) if user_dir is not None else None)
    if key in _LOADED:
        stamp, style = _LOADED[key]
        if _stamp(style) == stamp:
            return style
    style = _load(name, user_dir)
    _LOADED[key] = (_stamp(style), style)
    return style


def _load(name: str, user_dir: str | Path | None = None) -> Style:
    root = templates_root()
    if name == COMMON:
        raise DiscloseError([Problem(Location(name), "STYLE", f"`{COMMON}` is the base the styles share, not a "
                                     "style of its own", f"use one of: {', '.join(available())}")])
    chain: list[Path] = []
    nodes: list[Node] = []
    current: str | None = name
    while current:
        folder = root / current
        if not (folder / SETTINGS).is_file():
            known = ", ".join(available())
            raise DiscloseError([Problem(Location(current), "STYLE", f"there is no style `{current}`",
                                         f"use one of: {known} (`disclose styles` lists them)")])
        if folder in chain:
            raise DiscloseError([Problem(Location(display_path(folder / SETTINGS)), "STYLE",
                                         "the styles' `base:` settings form a loop", "break the loop")])
        node = read(folder / SETTINGS, display_path(folder / SETTINGS))
        chain.append(folder)
        nodes.append(node)
        base = node.get("base") if isinstance(node, Map) else None
        current = base.text if base is not None and hasattr(base, "text") and not base.is_null else None
    merged = _merge_chain(list(reversed(nodes)))
    folders = list(chain)
    if user_dir is not None:
        user = Path(user_dir)
        if not user.is_dir():
            raise DiscloseError([Problem(Location(str(user_dir)), "TEMPLATES",
                                         "the --templates folder does not exist",
                                         "create it and copy into it the template files you want to change")])
        if (user / SETTINGS).is_file():
            merged = _merge(merged, read(user / SETTINGS, display_path(user / SETTINGS)))
        folders.insert(0, user)
    if root / COMMON not in folders:
        folders.append(root / COMMON)       # the shared parts, searched last by every style
    builder = Builder()
    settings = builder.build(StyleSettings, merged, "style")
    if builder.problems or settings is None:
        raise DiscloseError(builder.problems)
    return Style(settings, folders)


def _merge_chain(nodes: list[Node]) -> Node:
    out = nodes[0]
    for node in nodes[1:]:
        out = _merge(out, node)
    return out


def _merge(base: Node, over: Node) -> Node:
    """Deep-merge two mappings: `over` wins key by key; lists and scalars are replaced."""
    if not (isinstance(base, Map) and isinstance(over, Map)):
        return over
    entries = []
    for key, loc, value in base.entries:
        other = over.get(key)
        entries.append((key, over.key_loc(key) if other is not None else loc,
                        _merge(value, other) if other is not None else value))
    for key, loc, value in over.entries:
        if base.get(key) is None:
            entries.append((key, loc, value))
    return Map(entries, over.loc)
