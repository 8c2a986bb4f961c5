"""Small file helpers shared by the CLI, batch runs and evals."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import InputError, SummarizerError


def atomic_write(path: Path, data: str) -> None:
    """Write via a temporary file in the same folder, then rename: no partial output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
