"""Write outputs atomically (all or nothing, never half a file), under names that stay put.

Every output is first written in full to a temporary file in the same folder, then
renamed into place (`os.replace` is atomic on one file system).  When anything fails
before the renames, no output is touched; when a rename fails after others succeeded, the
outputs already replaced are put back from hard links kept for the purpose (where the file
system has them).  The temporary files are removed either way; only a killed process can
leave one (`.disclose-*.tmp`), never a half-written output.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ..errors import DiscloseError, Location, Problem

NAME_BYTES = 255      # the longest file name most file systems take (ext4, NTFS, APFS), in UTF-8 bytes
MAX_PATH = 259        # Windows' MAX_PATH (260) less the terminating NUL, in characters
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]|\.\.+')     # Windows' forbidden characters, separators, `..`
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_stem(stem: str, folder: Path | None = None, suffix: str = ".docx") -> str:
    """A file name made from data (a unit's name, a title) that stays inside its folder on any
    system: separators, `..`, control characters and the characters Windows forbids become `_`;
    leading and trailing dots and spaces go; Windows' device names get a `_`; the name is cut
    (on a character boundary) to 255 UTF-8 bytes and, where `folder` is given, so that the whole
    path fits Windows' MAX_PATH when the folder leaves room for it — room kept for `suffix`, the
    longest ending the stem will take, so the .txt and .docx of a document share one stem."""
    text = "".join("_" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in stem)
    text = _FORBIDDEN.sub("_", text).strip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    text = text or "disclose"
    limit = NAME_BYTES - len(suffix.encode("utf-8"))
    if folder is not None:
        room = MAX_PATH - len(str(Path(folder).resolve())) - 1 - len(suffix)
        if room >= 16:          # a folder that leaves less room cannot be helped by a shorter name
            text = text[:room]
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text.rstrip(" .") or "disclose"


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would leave the folder."""
    target = Path(folder) / name
    if target.resolve().parent != Path(folder).resolve():
        raise DiscloseError([Problem(Location(str(name)), "OUTPUT", f"the output name `{name}` leaves the folder "
                                     f"{folder}", "report this: output names are made safe before writing")])
    return target


def write_all(outputs: dict[Path, bytes]) -> None:
    temps: list[tuple[str, Path]] = []
    try:
        for target, content in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            # a short temporary name: the target's own may already be as long as a name can be
            fd, tmp = tempfile.mkstemp(prefix=".disclose-", suffix=".tmp", dir=target.parent)
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o777)
            else:
                os.chmod(tmp, 0o666 & ~_umask())
        _rename_all(temps)
        temps.clear()
    finally:
        for tmp, _ in temps:
            _remove(tmp)


def _rename_all(temps: list[tuple[str, Path]]) -> None:
    """Rename every temporary file over its target; if a rename fails part way, put the
    targets already replaced back as they were (from hard links kept for the purpose), so
    that the outputs stay one build's: all new or all old."""
    backups: list[tuple[str | None, Path]] = []
    try:
        for tmp, target in temps:
            backup = None
            if target.exists():
                backup = f"{tmp}.old"
                try:
                    os.link(target, backup)
                except OSError:           # a file system without hard links: no way back
                    backup = None
            backups.append((backup, target))
            os.replace(tmp, target)
    except BaseException:
        for backup, target in backups[:-1]:        # the last one's rename is the one that failed
            if backup is not None:
                os.replace(backup, target)
        raise
    finally:
        for backup, _ in backups:
            if backup is not None:
                _remove(backup)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
