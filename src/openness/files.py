"""Writing files so that nothing a user has is lost: all of the new content or none of it.

A report or a cache entry is written to a temporary file beside its target and renamed over
it (``os.replace``, atomic on one file system), so a full disk, a kill or a second run writing
at the same moment leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file renamed into place.

    The folder must exist (a mistyped path is an error, not a new tree of folders). A symbolic link is written through (its target is replaced, the
    link kept). A path that exists and is not a regular file (``/dev/null``, a pipe) is written
    to directly: renaming over a device would replace the device. Raises :class:`OSError`.
    """
    target = Path(os.path.realpath(path))
    data = text.encode("utf-8")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as handle:
            handle.write(data)
        return
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    # 0o666 less the umask, as for any new file; an existing file keeps its permissions.
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:  # said of the folder: the temporary name means nothing to a user
        raise OSError(exc.errno, exc.strerror, str(target.parent)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` are one file (through links, hard links and ``..``)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)
