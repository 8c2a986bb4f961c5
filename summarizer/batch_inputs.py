"""Batch inputs: files, folders and globs mapped to their outputs before any work, and the
region and year the user gives per file (a path template, a ``--meta`` CSV).

A spreadsheet of reports (``.xlsx``/``.xlsm``/``.csv``, one report per row) is one input per
row: :func:`expand_rows` reads it once before any work, keeping only what the collision check,
the index and resume need (each row's id, number, region, year, the SHA-256 of its text, or its
error), never the texts. :class:`SheetStreams` reads each spreadsheet a second time, as a stream
in row order, while the batch works through its rows, so a row's text is in memory only while
that row is summarised. (Re-reading the file for each row would cost a pass per row; a second
pass costs one.)

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

from .errors import InputError, UsageError
from .formats import not_read
from .ingest import REPORT_SUFFIXES, SPREADSHEET_SUFFIXES

if TYPE_CHECKING:
    from .batch import BatchOptions
    from .formats import RowReport

Echo = Callable[[str], None]
SUFFIX = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "html": ".html"}
FILE_SUFFIXES = tuple(SUFFIX.values())
INDEX_NAME = "_index.csv"


WALK_SUFFIXES = (*REPORT_SUFFIXES, *SPREADSHEET_SUFFIXES)


@dataclass(frozen=True, slots=True)
class SheetRow:
    """What a batch keeps of one row of a spreadsheet before any work (never its text)."""

    file: str  # the spreadsheet's path, as given or found
    rel: str  # its name relative to the folder or glob root (or its file name)
    row: int  # the 1-based data row number
    id: str
    sha256: str  # of the row's text encoded as UTF-8
    region: str | None = None  # from the region column
    year: int | None = None  # from the year column


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One report of a batch: its path, its name relative to the folder or glob root it came
    from (or its file name), and that root (``None`` for a file named on its own).

    A spreadsheet row has ``path`` ``FILE#ID``, ``rel`` ``<relative path without suffix>/<ID>``
    and ``row`` set. ``error`` is a failure known before any work (an empty row, a spreadsheet
    without a text column): the input is reported failed and never loaded."""

    path: str
    rel: str
    root: str | None = None
    row: SheetRow | None = None
    error: str | None = None

    @property
    def where(self) -> str:
        """What a path template is matched against: the relative path, without its suffix (for
        a spreadsheet row: the spreadsheet's)."""
        if self.row is not None:
            return BatchInput(self.row.file, self.row.rel, self.root).where
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


def _ignored(name: str) -> bool:
    """Never a report: hidden files and folders, Office lock files (``~$报告.docx``), and a
    run index (``_index.csv``) of an earlier run."""
    return name.startswith((".", "~$")) or name == INDEX_NAME


def _walk(folder: str, prefix: str = "", unread: list[str] | None = None) -> Iterator[str]:
    """The reports and spreadsheets of reports under ``folder`` (recursive; see
    :data:`WALK_SUFFIXES`), as paths relative to it with ``/``, in the order of sorted paths;
    one directory listing in memory at a time. ``unread`` collects the documents and archives
    that may hold a report in a format not read (``.doc``, ``.wps``: :func:`.formats.not_read`)."""
    with os.scandir(os.path.join(folder, prefix) if prefix else folder) as it:
        entries = sorted((e.name, e.is_dir() and not e.is_symlink()) for e in it)
    for name, is_dir in entries:
        if _ignored(name):
            continue
        rel = f"{prefix}/{name}" if prefix else name
        suffix = os.path.splitext(name)[1].lower()
        if is_dir:
            yield from _walk(folder, rel, unread)
        elif suffix in WALK_SUFFIXES and os.path.isfile(os.path.join(folder, rel)):
            yield rel
        elif unread is not None and not_read(suffix):
            unread.append(rel)


def _unread_warning(folder: str, unread: list[str]) -> str:
    """One warning for the files of a folder that may be reports in a format not read."""
    shown = ", ".join(f"{rel} ({not_read(os.path.splitext(rel)[1])})" for rel in unread[:5])
    more = f", and {len(unread) - 5} more" if len(unread) > 5 else ""
    return f"{folder}: {len(unread)} file{'s' if len(unread) > 1 else ''} not read: {shown}{more}"


def is_spreadsheet(path: str) -> bool:
    """A spreadsheet of reports, one per row (by its suffix)."""
    return os.path.splitext(path)[1].lower() in SPREADSHEET_SUFFIXES


def file_key(path: str) -> str:
    """What makes two paths one file (a folder's file and the same file named on its own)."""
    return os.path.normcase(os.path.realpath(path))


def expand_inputs(items: Sequence[str]) -> Inputs:
    """Files, folders (recursive) and globs -> :class:`BatchInput` s, in a stable order.

    ``many`` is True when the result must be a list (several paths, a folder, a glob or a
    spreadsheet of reports). A file reached twice (a folder and a file in it) is kept once, with
    a warning. Folders are searched for :data:`WALK_SUFFIXES`, skipping hidden files, Office
    lock files (``~$*``) and ``_index.csv``; the documents and archives found beside them that
    may be reports in a format not read (``.doc``, ``.wps``, ``.zip`` …) are named in one
    warning with what to do. A glob's matches skip lock files. A spreadsheet
    stays one input here: :func:`expand_rows` makes its rows the inputs.
    """
    found: list[BatchInput] = []
    problems: list[str] = []
    warnings: list[str] = []
    many = len(items) > 1
    for item in items:
        p = Path(item)
        if p.is_dir():
            many = True
            before = len(found)
            unread: list[str] = []
            found.extend(BatchInput(str(p / rel), rel, item) for rel in _walk(item, "", unread))
            if unread:
                warnings.append(_unread_warning(item, unread))
            if len(found) == before:
                problems.append(
                    f"{item}: folder holds no {', '.join(WALK_SUFFIXES[:-1])} or "
                    f"{WALK_SUFFIXES[-1]} file"
                )
        elif not p.exists() and _has_magic(item):
            many = True
            root = glob_root(item)
            matches = sorted(
                m
                for m in glob.glob(item, recursive=True)
                if os.path.isfile(m) and not os.path.basename(m).startswith("~$")
            )
            if not matches:
                problems.append(f"{item}: the pattern matches no file")
            for m in matches:
                rel = Path(os.path.relpath(m, root)).as_posix()
                found.append(BatchInput(m, Path(m).name if rel.startswith("..") else rel, root))
        else:
            many = many or is_spreadsheet(item)
            found.append(BatchInput(item, p.name))
    many = many or any(is_spreadsheet(i.path) for i in found)
    if len(items) < 2:
        return Inputs(found, problems, warnings, many)  # one folder or glob lists each file once
    seen: dict[str, str] = {}
    unique: list[BatchInput] = []
    for inp in found:
        key = file_key(inp.path)
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
    if item.row is not None or not rel.suffix:  # a row's id may hold a dot: keep it whole
        return layout.path / f"{item.rel}{suffix}"
    return layout.path / rel.with_suffix(suffix)


def check_collisions(items: Sequence[BatchInput], layout: Layout, fmt: str) -> None:
    """Raise :class:`UsageError` (naming both inputs and the output) when two inputs would be
    written to one output file, or an output would overwrite the run index. Inputs that failed
    before any work (``error``) write nothing and are left out."""
    if layout.kind != "folder":
        return
    suffix = SUFFIX[fmt]
    taken: dict[str, str] = {}
    index = layout.index
    if index is not None:
        taken[os.path.normcase(str(index))] = f"the run index ({INDEX_NAME})"
    for item in items:
        if item.error is not None:
            continue
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
    """The region and year the user gave for each input: a ``--meta`` row, else (for a
    spreadsheet row) its region and year columns, else the path template, else
    ``--region``/``--year``; ``None`` leaves it to the text. A ``--meta`` row names a
    spreadsheet row as ``FILE#ID``; an empty cell falls through to the next source."""
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
        row = item.row
        if row is not None:
            region = row.region if row.region is not None else region
            year = row.year if row.year is not None else year
        if meta is not None:
            rel = item.rel if row is None else f"{row.rel}#{row.id}"
            for key in (_norm(item.path), _norm(rel) if item.root is not None else None):
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


# ---------------------------------------------------------------- spreadsheets of reports


@dataclass(frozen=True)
class Columns:
    """``--text-column``, ``--region-column``, ``--year-column``, ``--id-column`` (``None``:
    found by the usual names, see :mod:`summarizer.formats`)."""

    text_column: str | None = None
    region_column: str | None = None
    year_column: str | None = None
    id_column: str | None = None

    def kwargs(self) -> dict[str, str | None]:
        return {
            "text_column": self.text_column,
            "region_column": self.region_column,
            "year_column": self.year_column,
            "id_column": self.id_column,
        }


def _reason(exc: InputError, label: str) -> str:
    """An error's message without the input's name in front (the index names the input)."""
    reason = str(exc)
    for prefix in (f"{label}: ", f"{label} "):
        if reason.startswith(prefix):
            return reason[len(prefix) :]
    return reason


# The first columns of the CSV files a batch writes: a summary panel and a run index.
_OUR_HEADERS = (
    ("file", "region", "year", "key", "indicator"),
    ("path", "region", "year", "status"),
)


def _summarizer_csv(path: str) -> bool:
    """A CSV panel or run index that a batch wrote (found in a folder walk: never a report)."""
    if not path.lower().endswith(".csv"):
        return False
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            head = tuple(c.strip() for c in fh.readline(4096).split(","))
    except OSError:
        return False
    return any(head[: len(h)] == h for h in _OUR_HEADERS)


def expand_rows(
    items: Sequence[BatchInput], columns: Columns, *, skip: Callable[[str], bool] | None = None
) -> list[BatchInput]:
    """Every spreadsheet of reports among ``items`` replaced by one input per data row, in row
    order (one streamed read of each; the texts are hashed and dropped). A row that is not a
    report (empty or non-text cell, duplicate or unusable id) is an input with ``error`` naming
    its row; a spreadsheet that cannot be read or has no text column is one input with
    ``error`` (its rows read so far are kept). A file found by a folder walk or glob is left out
    when ``skip(path)`` says so (this run's own outputs) or it is a CSV panel or run index an
    earlier batch wrote."""
    from .formats import iter_rows

    out: list[BatchInput] = []
    for item in items:
        if skip is not None and item.root is not None and skip(item.path):
            continue
        if not is_spreadsheet(item.path) or item.error is not None:
            out.append(item)
            continue
        if item.root is not None and _summarizer_csv(item.path):
            continue
        stem = PurePosixPath(item.rel)
        base = str(stem.with_suffix("")) if stem.suffix else item.rel
        before = len(out)
        try:
            for r in iter_rows(item.path, **columns.kwargs()):
                row = SheetRow(item.path, item.rel, r.row, r.id, r.sha256, r.region, r.year)
                error = _reason(r.error, item.path) if r.error is not None else None
                out.append(BatchInput(r.path, f"{base}/{r.id}", item.root, row, error))
        except InputError as exc:
            out.append(BatchInput(item.path, item.rel, item.root, error=_reason(exc, item.path)))
            continue
        if len(out) == before:
            out.append(BatchInput(item.path, item.rel, item.root, error="no rows under the header"))
    return out


class SheetStreams:
    """The second, streamed read of each spreadsheet: :meth:`take` returns a row's report when
    its turn comes. Rows must be taken in row order (skipped rows are passed over); only the
    row taken is in memory. :meth:`close` ends every read."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.reads: dict[str, Iterator[RowReport]] = {}

    def take(self, item: BatchInput) -> RowReport:
        """The row of ``item`` (a spreadsheet row), read now; :class:`InputError` when the file
        changed since the batch started (the row is gone, moved or has another text)."""
        from .formats import iter_rows

        want = item.row
        assert want is not None
        rows = self.reads.get(want.file)
        if rows is None:
            rows = self.reads[want.file] = iter_rows(want.file, **self.columns.kwargs())
        for r in rows:
            if r.row < want.row:
                continue
            if r.row == want.row and r.id == want.id and r.sha256 == want.sha256:
                return r
            break
        raise InputError(
            f"{item.path}: {want.file} changed while the batch ran (row {want.row} is not the "
            "row it was); rerun to resume"
        )

    def close(self) -> None:
        for rows in self.reads.values():
            close = getattr(rows, "close", None)
            if close is not None:
                close()
        self.reads.clear()
