"""Write outputs atomically: all or nothing, never half a file.

Every output is first written in full to a temporary file in the same folder, then
renamed into place (`os.replace` is atomic on one file system).  When anything fails
before the renames, no output exists or is touched; the temporary files are removed.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_all(outputs: dict[Path, bytes]) -> None:
    temps: list[tuple[str, Path]] = []
    try:
        for target, content in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o777)
            else:
                os.chmod(tmp, 0o666 & ~_umask())
        for tmp, target in temps:
            os.replace(tmp, target)
        temps.clear()
    finally:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
