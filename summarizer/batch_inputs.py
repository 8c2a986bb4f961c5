"""Batch inputs: files, folders and globs mapped to their outputs before any work, and the
region and year the user gives per file (a path template, a ``--meta`` CSV).

Part of :mod:`summarizer.batch` (re-exported there)."""

from __future__ import annotations

import csv
import glob
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from .errors import UsageError
from .ingest import REPORT_SUFFIXES

if TYPE_CHECKING:
    from .batch import BatchOptions

Echo = Callable[[str], None]
SUFFIX = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "html": ".html"}
FILE_SUFFIXES = tuple(SUFFIX.values())
INDEX_NAME = "_index.csv"


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One report of a batch: its path, its name relative to the folder or glob root it came
    from (or its file name), and that root (``None`` for a file named on its own)."""

    path: str
    rel: str
    root: str | None = None

    @property
    def where(self) -> str:
        """What a path template is matched against: the relative path, without its suffix."""
        base = self.rel if self.root is not None else Path(os.path.normpath(self.path)).as_posix()
        pure = PurePosixPath(base)
        return str(pure.with_suffix("")) if pure.suffix else base


@dataclass
class Inputs:
    items: list[BatchInput]
    problems: list[str]
    warnings: list[str]
    many: bool


# ---------------------------------------------------------------- inputs


def _has_magic(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def glob_root(pattern: str) -> str:
    """The directories of ``pattern`` before its first wildcard (``reports/**/*.txt`` ->
    ``reports``; ``*.txt`` -> ``.``): glob matches keep their path relative to it."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if _has_magic(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else "."


def _walk(folder: str, prefix: str = "") -> Iterator[str]:
    """The reports under ``folder`` (recursive), as paths relative to it with ``/``, in the
    order of sorted paths; one directory listing in memory at a time."""
    with os.scandir(os.path.join(folder, prefix) if prefix else folder) as it:
        entries = sorted((e.name, e.is_dir() and not e.is_symlink()) for e in it)
    for name, is_dir in entries:
        rel = f"{prefix}/{name}" if prefix else name
        if is_dir:
            yield from _walk(folder, rel)
        elif os.path.splitext(name)[1].lower() in REPORT_SUFFIXES and os.path.isfile(
            os.path.join(folder, rel)
        ):
            yield rel


def expand_inputs(items: Sequence[str]) -> Inputs:
    """Files, folders (recursive) and globs -> :class:`BatchInput` s, in a stable order.

    ``many`` is True when the result must be a list (several paths, a folder or a glob). A file
    reached twice (a folder and a file in it) is kept once, with a warning.
    """
    found: list[BatchInput] = []
    problems: list[str] = []
    many = len(items) > 1
    for item in items:
        p = Path(item)
        if p.is_dir():
            many = True
            before = len(found)
            found.extend(BatchInput(str(p / rel), rel, item) for rel in _walk(item))
            if len(found) == before:
                problems.append(f"{item}: folder holds no .txt, .html or .htm report")
        elif not p.exists() and _has_magic(item):
            many = True
            root = glob_root(item)
            matches = sorted(m for m in glob.glob(item, recursive=True) if os.path.isfile(m))
            if not matches:
                problems.append(f"{item}: the pattern matches no file")
            for m in matches:
                rel = Path(os.path.relpath(m, root)).as_posix()
                found.append(BatchInput(m, Path(m).name if rel.startswith("..") else rel, root))
        else:
            found.append(BatchInput(item, p.name))
    warnings: list[str] = []
    if len(items) < 2:
        return Inputs(found, problems, warnings, many)  # one folder or glob lists each file once
    seen: dict[str, str] = {}
    unique: list[BatchInput] = []
    for inp in found:
        key = os.path.normcase(os.path.realpath(inp.path))
        if key in seen:
            warnings.append(f"{inp.path}: given more than once (also as {seen[key]}); done once")
            continue
        seen[key] = inp.path
        unique.append(inp)
    return Inputs(unique, problems, warnings, many)


# ---------------------------------------------------------------- where outputs go


@dataclass(frozen=True)
class Layout:
    """``stdout``, one ``file``, or a ``folder`` of one output per report."""

    kind: Literal["stdout", "file", "folder"]
    path: Path | None = None
    many: bool = False

    @property
    def index(self) -> Path | None:
        """Where ``_index.csv`` goes: every batch with ``-o`` has one."""
        if not self.many or self.path is None:
            return None
        return (self.path if self.kind == "folder" else self.path.parent) / INDEX_NAME


def plan_layout(output: str | None, many: bool) -> Layout:
    """Decide what ``-o`` names.

    A folder when it exists as one or ends in ``/``. For one input, otherwise a file. For a
    batch (several inputs, a folder or a glob) a name that does not exist is a single file when
    it has an output suffix (``.json``, ``.jsonl``, ``.csv``, ``.md``, ``.html``) and a folder
    otherwise (``-o out`` -> ``out/``).
    """
    if output is None:
        return Layout("stdout", many=many)
    p = Path(output)
    if p.is_dir() or output.endswith(("/", os.sep)):
        if p.exists() and not p.is_dir():
            raise UsageError(f"-o {output}: is a file, not a folder; remove it or pick a name")
        return Layout("folder", p, many=many)
    if p.name == INDEX_NAME and many:
        raise UsageError(f"-o {output}: {INDEX_NAME} is the run index's name; pick another")
    if not many:
        return Layout("file", p)
    if p.suffix.lower() in FILE_SUFFIXES:
        return Layout("file", p, many=True)
    if p.exists():
        raise UsageError(
            f"-o {output}: exists as a file without an output suffix; for a batch give a folder "
            f"({output}/) or a file name ending in {', '.join(FILE_SUFFIXES)}"
        )
    return Layout("folder", p, many=True)


def _dest(layout: Layout, item: BatchInput, suffix: str) -> Path:
    assert layout.path is not None
    rel = Path(item.rel)
    return layout.path / (rel.with_suffix(suffix) if rel.suffix else Path(f"{rel}{suffix}"))


def check_collisions(items: Sequence[BatchInput], layout: Layout, fmt: str) -> None:
    """Raise :class:`UsageError` (naming both inputs and the output) when two inputs would be
    written to one output file, or an output would overwrite the run index."""
    if layout.kind != "folder":
        return
    suffix = SUFFIX[fmt]
    taken: dict[str, str] = {}
    index = layout.index
    if index is not None:
        taken[os.path.normcase(str(index))] = f"the run index ({INDEX_NAME})"
    for item in items:
        dest = _dest(layout, item, suffix)
        key = os.path.normcase(str(dest))
        if key in taken:
            raise UsageError(
                f"{taken[key]} and {item.path} would both be written to {dest}; nothing was "
                "written. Summarise them into different folders, or give the folder that holds "
                "both (outputs keep the path relative to it)"
            )
        taken[key] = item.path


# ---------------------------------------------------------------- per-file metadata

_FIELD = re.compile(r"\{([^{}]*)\}")


class PathTemplate:
    """``--region-year-from-path``: ``{region}``, ``{year}`` (digits) and ``*`` (anything
    within one folder name) over the path relative to the folder given, without its suffix.
    The template is matched against the end of the path, at a folder boundary, so
    ``'{region}/{year}'`` reads ``湖南省/2024`` from ``reports/湖南省/2024.txt``."""

    def __init__(self, template: str) -> None:
        self.template = template
        text = template.strip().strip("/")
        for suffix in REPORT_SUFFIXES:
            if text.lower().endswith(suffix):
                text = text[: -len(suffix)]
        parts: list[str] = []
        pos = 0
        names: list[str] = []
        for m in _FIELD.finditer(text):
            parts.append(self._literal(text[pos : m.start()]))
            name = m.group(1).strip()
            if name not in ("region", "year"):
                raise UsageError(
                    f"--region-year-from-path {template!r}: unknown field {{{name}}}; use "
                    "{region}, {year} and * (e.g. '{region}/{year}')"
                )
            if name in names:
                raise UsageError(f"--region-year-from-path {template!r}: {{{name}}} twice")
            names.append(name)
            parts.append(r"(?P<region>[^/]+?)" if name == "region" else r"(?P<year>\d+)")
            pos = m.end()
        parts.append(self._literal(text[pos:]))
        if not names:
            raise UsageError(
                f"--region-year-from-path {template!r}: has neither {{region}} nor {{year}} "
                "(e.g. '{region}/{year}' or '{region}_{year}')"
            )
        self.regex = re.compile(r"(?:^|/)" + "".join(parts) + r"$")

    def _literal(self, text: str) -> str:
        if "{" in text or "}" in text:
            raise UsageError(
                f"--region-year-from-path {self.template!r}: unbalanced brace; fields are "
                "{region} and {year}"
            )
        return "[^/]*?".join(re.escape(x) for x in text.split("*"))

    def match(self, where: str) -> tuple[str | None, int | None] | None:
        m = self.regex.search(where)
        if m is None:
            return None
        groups = m.groupdict()
        region = (groups.get("region") or "").strip() or None
        year = int(groups["year"]) if groups.get("year") else None
        return region, year


def read_meta_file(path: str) -> dict[str, tuple[str | None, int | None]]:
    """``--meta FILE.csv``: columns ``path`` and ``region`` and/or ``year`` -> normalised path ->
    (region, year). Every problem is a :class:`UsageError` naming the file and line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UsageError(f"--meta {path}: no such file; check the path") from exc
    except OSError as exc:
        raise UsageError(f"--meta {path}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"--meta {path}: is not UTF-8 ({exc.reason}); save it as UTF-8") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    if "path" not in header or not ({"region", "year"} & set(header)):
        raise UsageError(
            f"--meta {path}: needs a header with the columns path and region and/or year "
            f"(found {', '.join(header) or 'nothing'})"
        )
    col = {name: header.index(name) for name in ("path", "region", "year") if name in header}
    out: dict[str, tuple[str | None, int | None]] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: (row[k].strip() if k < len(row) else "") for name, k in col.items()}
        if not cells["path"]:
            raise UsageError(f"--meta {path}: line {line}: the path is empty")
        year_text = cells.get("year", "")
        year: int | None = None
        if year_text:
            if not re.fullmatch(r"\d+(?:\.0+)?", year_text):
                raise UsageError(
                    f"--meta {path}: line {line}: year {year_text!r} is not a whole number"
                )
            year = int(year_text.split(".")[0])
        key = _norm(cells["path"])
        if key in out:
            raise UsageError(f"--meta {path}: line {line}: {cells['path']} is listed twice")
        out[key] = (cells.get("region") or None, year)
    return out


def _norm(path: str) -> str:
    return os.path.normcase(os.path.normpath(path)).replace(os.sep, "/")


def resolve_metadata(
    items: Sequence[BatchInput], options: BatchOptions, echo: Echo
) -> list[tuple[str | None, int | None]]:
    """The region and year the user gave for each input: a ``--meta`` row, else the path
    template, else ``--region``/``--year``; ``None`` leaves it to the text."""
    template = (
        PathTemplate(options.region_year_from_path) if options.region_year_from_path else None
    )
    meta = read_meta_file(options.meta_file) if options.meta_file else None
    used: set[str] = set()
    missed: list[BatchInput] = []
    out: list[tuple[str | None, int | None]] = []
    for item in items:
        region, year = options.region, options.year
        if template is not None:
            got = template.match(item.where)
            if got is None:
                missed.append(item)
            else:
                region = got[0] if got[0] is not None else region
                year = got[1] if got[1] is not None else year
        if meta is not None:
            for key in (_norm(item.path), _norm(item.rel) if item.root is not None else None):
                if key is not None and key in meta:
                    used.add(key)
                    row_region, row_year = meta[key]
                    region = row_region if row_region is not None else region
                    year = row_year if row_year is not None else year
                    break
        out.append((region, year))
    if template is not None and missed:
        echo(
            f"warning: {len(missed)} of {len(items)} files do not match --region-year-from-path "
            f"{template.template!r} (e.g. {missed[0].path}, matched as {missed[0].where!r}); "
            "their region and year come from the text"
        )
    if meta is not None and len(used) < len(meta):
        unused = [k for k in meta if k not in used]
        echo(
            f"warning: {len(unused)} rows of --meta {options.meta_file} match no input "
            f"(e.g. {unused[0]}); give the path as on the command line or relative to the "
            "folder given"
        )
    return out
