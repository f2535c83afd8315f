"""Owner-only files: the data directory holds personal data (database, Matrix keys, backups, staff log).

The process runs with umask 077 (set first thing by ``python -m bot``; systemd's ``UMask=0077`` too), so
what it creates is readable by its own account only. Directories are made with mode 0700 and whatever
was created earlier (before this rule, or by hand) is tightened at start: files 0600, directories 0700.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def owner_only_umask() -> int:
    """Set the process umask to 077; returns the previous one."""
    return os.umask(UMASK)


def private_dir(path: Path) -> Path:
    """``path`` created (with its parents) as an owner-only directory, or tightened when it exists."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """An existing file made owner-only (nothing when missing)."""
    with contextlib.suppress(FileNotFoundError):
        _tighten(path, FILE_MODE)


def restrict_tree(root: Path) -> int:
    """Every directory under ``root`` (itself included) 0700, every file 0600; returns how many changed."""
    if not root.is_dir():
        return 0
    changed = int(_tighten(root, DIR_MODE))
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            changed += _tighten(Path(folder, name), DIR_MODE)
        for name in files:
            changed += _tighten(Path(folder, name), FILE_MODE)
    return changed


def _tighten(path: Path, mode: int) -> bool:
    """chmod to ``mode`` when the path is ours and has more bits; symlinks are left alone."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return False  # not ours to change (a shared mount point, say)
    if stat.S_IMODE(info.st_mode) & ~mode == 0:
        return False
    path.chmod(stat.S_IMODE(info.st_mode) & mode)
    return True
