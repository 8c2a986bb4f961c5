"""The job store: SQLite (standard library), so a restart of the server loses no accepted work.

A job is a list of reports, each a row with its raw bytes and a state:
``pending`` -> ``running`` -> ``done`` (with the summary JSON) or ``failed`` (with the error).
Every change is committed at once. On startup :meth:`JobStore.recover` puts the rows that were
``running`` when the server stopped back to ``pending``; finished rows are never redone.

The store is used from the event loop's thread only; each call is one short transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError

ReportState = Literal["pending", "running", "done", "failed"]
JobState = Literal["pending", "running", "done"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id       TEXT PRIMARY KEY,
    created  REAL NOT NULL,
    engine   TEXT NOT NULL,
    model    TEXT
);
CREATE TABLE IF NOT EXISTS reports (
    job_id   TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    data     BLOB NOT NULL,
    region   TEXT,
    year     INTEGER,
    state    TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    result   TEXT,
    error    TEXT,
    updated  REAL NOT NULL,
    PRIMARY KEY (job_id, idx)
);
CREATE INDEX IF NOT EXISTS reports_state ON reports(state, job_id, idx);
"""


@dataclass(frozen=True)
class NewReport:
    """A report as submitted: its name, raw bytes and optional region/year."""

    name: str
    data: bytes
    region: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Work:
    """A claimed report: what the worker needs to summarise it."""

    job_id: str
    idx: int
    name: str
    data: bytes
    region: str | None
    year: int | None
    engine: str
    model: str | None
    attempts: int  # claims so far, this one included (a graceful stop gives its claim back)


@dataclass(frozen=True)
class ReportRow:
    idx: int
    name: str
    state: ReportState
    result: str | None  # the ReportSummary JSON when done
    error: dict[str, Any] | None  # the problem details when failed


@dataclass(frozen=True)
class JobRow:
    id: str
    created: float
    updated: float
    engine: str
    model: str | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def state(self) -> JobState:
        if self.counts["pending"] + self.counts["running"] == 0:
            return "done"
        if self.counts["pending"] == self.total:
            return "pending"
        return "running"


class JobStore:
    """Jobs and their reports in one SQLite file (``":memory:"`` for a throwaway store)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 5000")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"{self.path}: cannot open the job store ({exc}); set SUMMARIZER_SERVICE_DB to "
                "a writable SQLite file"
            ) from exc

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ---------------------------------------------------------------- jobs

    def create(self, engine: str, model: str | None, reports: Iterable[NewReport]) -> str:
        """Store a job and its reports (all ``pending``); return the job's id."""
        job_id = uuid.uuid4().hex
        now = time.time()
        with self._tx() as db:
            db.execute(
                "INSERT INTO jobs (id, created, engine, model) VALUES (?, ?, ?, ?)",
                (job_id, now, engine, model),
            )
            db.executemany(
                "INSERT INTO reports (job_id, idx, name, data, region, year, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(job_id, i, r.name, r.data, r.region, r.year, now) for i, r in enumerate(reports)],
            )
        return job_id

    def job(self, job_id: str) -> JobRow | None:
        row = self.db.execute(
            "SELECT id, created, engine, model FROM jobs WHERE id = ?", (job_id,)
        ).fetchone()
        if row is None:
            return None
        counts = {"pending": 0, "running": 0, "done": 0, "failed": 0}
        updated = row[1]
        for state, n, last in self.db.execute(
            "SELECT state, COUNT(*), MAX(updated) FROM reports WHERE job_id = ? GROUP BY state",
            (job_id,),
        ):
            counts[state] = n
            updated = max(updated, last)
        return JobRow(row[0], row[1], updated, row[2], row[3], counts)

    def reports(self, job_id: str, *, states: tuple[str, ...] | None = None) -> list[ReportRow]:
        sql = "SELECT idx, name, state, result, error FROM reports WHERE job_id = ?"
        args: list[Any] = [job_id]
        if states:
            sql += f" AND state IN ({', '.join('?' * len(states))})"
            args.extend(states)
        out = []
        for idx, name, state, result, error in self.db.execute(sql + " ORDER BY idx", args):
            out.append(ReportRow(idx, name, state, result, json.loads(error) if error else None))
        return out

    # ---------------------------------------------------------------- the worker's side

    def recover(self) -> int:
        """Put reports left ``running`` by a stopped server back to ``pending``."""
        with self._tx() as db:
            cur = db.execute(
                "UPDATE reports SET state = 'pending', updated = ? WHERE state = 'running'",
                (time.time(),),
            )
        return cur.rowcount

    def claim(self) -> Work | None:
        """Take the oldest pending report (jobs in submission order) and mark it ``running``."""
        with self._tx() as db:
            row = db.execute(
                "SELECT r.job_id, r.idx, r.name, r.data, r.region, r.year, j.engine, j.model, "
                "r.attempts + 1 "
                "FROM reports r JOIN jobs j ON j.id = r.job_id WHERE r.state = 'pending' "
                "ORDER BY j.created, r.job_id, r.idx LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE reports SET state = 'running', attempts = attempts + 1, updated = ? "
                "WHERE job_id = ? AND idx = ?",
                (time.time(), row[0], row[1]),
            )
        return Work(*row)

    def finish(self, work: Work, result_json: str) -> None:
        self._set(work, "done", result=result_json)

    def fail(self, work: Work, problem: dict[str, Any]) -> None:
        self._set(work, "failed", error=json.dumps(problem, ensure_ascii=False))

    def release(self, work: Work) -> None:
        """Give a claimed report back (the server is stopping before it finished); the claim
        does not count as an attempt."""
        with self._tx() as db:
            db.execute(
                "UPDATE reports SET state = 'pending', attempts = MAX(0, attempts - 1), "
                "updated = ? WHERE job_id = ? AND idx = ? AND state = 'running'",
                (time.time(), work.job_id, work.idx),
            )

    def _set(
        self,
        work: Work,
        state: str,
        *,
        result: str | None = None,
        error: str | None = None,
    ) -> None:
        sql = "UPDATE reports SET state = ?, result = ?, error = ?, updated = ? "
        sql += "WHERE job_id = ? AND idx = ?"
        with self._tx() as db:
            db.execute(sql, (state, result, error, time.time(), work.job_id, work.idx))

    def pending(self) -> int:
        return int(
            self.db.execute("SELECT COUNT(*) FROM reports WHERE state = 'pending'").fetchone()[0]
        )


__all__ = ["JobRow", "JobState", "JobStore", "NewReport", "ReportRow", "ReportState", "Work"]
