"""Small file helpers shared by the CLI, batch runs and evals.

Every file the package writes honours the process umask (``0o666 & ~umask``, so ``0644`` under
the usual ``022``), like a file made with ``open()``; temporary names are renamed into place so
no partial output is ever left behind.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import InputError, SummarizerError

_UMASK: int | None = None
_UMASK_LOCK = threading.Lock()


def _read_umask() -> int:
    """The process umask, read without changing it when the system allows (Linux 4.7+ lists it
    in ``/proc/self/status``); otherwise set and restored once, under a lock."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def umask() -> int:
    """The process umask, read once (the first call) and remembered."""
    global _UMASK
    if _UMASK is None:
        with _UMASK_LOCK:
            if _UMASK is None:
                _UMASK = _read_umask()
    return _UMASK


def file_mode() -> int:
    """The mode a new file gets: ``0o666 & ~umask``."""
    return 0o666 & ~umask()


def _chmod_fd(fd: int) -> None:
    if hasattr(os, "fchmod"):  # not on Windows, where mkstemp's mode is not an issue
        os.fchmod(fd, file_mode())


@contextmanager
def atomic_open(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file object on a temporary name beside ``path``, renamed to ``path`` when the block
    ends without an exception (and removed when it raises): readers never see a partial file.
    ``mode`` is ``"w"`` (UTF-8 text, no newline translation) or ``"wb"``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _chmod_fd(fd)
        if "b" in mode:
            with os.fdopen(fd, mode) as fh:
                yield fh
        else:
            with os.fdopen(fd, mode, encoding="utf-8", newline="") as fh:
                yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: str) -> None:
    """Write via a temporary file in the same folder, then rename: no partial output. The file
    gets the mode ``open()`` would give it (``0o666 & ~umask``)."""
    with atomic_open(path) as fh:
        fh.write(data)


def read_json(path: str | Path, *, error: type[SummarizerError] = InputError) -> Any:
    """Parse a UTF-8 JSON file; every failure is ``error`` naming the file (and line/column)."""
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise error(f"{p}: no such file; check the path") from exc
    except OSError as exc:
        raise error(f"{p}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{p}: is not UTF-8 JSON ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise error(
            f"{p}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
