"""The results store: one SQLite file (WAL mode) holding every release a scan has analysed.

Tables (documented in ``docs/scan.md``): ``releases`` (one row per release, keyed by its
location, with the digest of its documents and settings), ``documents``, ``findings`` and
``verdicts`` (rows of a release, removed with it), ``reports`` (each release's full HTML report,
compressed) and ``meta`` (the schema version). A release is written in one transaction, so a
scan killed at any moment leaves every release it wrote complete and none half-written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterator, Sequence

from openness.errors import InputError
from openness.scan.task import Row, Rows

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS releases (
    location TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    revision TEXT,
    layout TEXT NOT NULL,
    digest TEXT NOT NULL,
    files INTEGER NOT NULL,
    license_id TEXT,
    license_name TEXT,
    license_match TEXT,
    license_similarity REAL,
    license_source TEXT,
    outcomes TEXT,
    mof_class TEXT,
    reasons TEXT,
    user_cap INTEGER,
    user_metric TEXT,
    revenue_cap INTEGER,
    revenue_currency TEXT,
    non_compete TEXT,
    outputs_restricted INTEGER,
    non_commercial INTEGER,
    regions TEXT,
    training_data TEXT,
    error TEXT,
    failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents (
    release TEXT NOT NULL REFERENCES releases(location) ON DELETE CASCADE,
    path TEXT NOT NULL,
    role TEXT NOT NULL,
    sha256 TEXT,
    error TEXT,
    license_id TEXT,
    license_match TEXT,
    license_similarity REAL,
    PRIMARY KEY (release, path)
);
CREATE TABLE IF NOT EXISTS findings (
    release TEXT NOT NULL REFERENCES releases(location) ON DELETE CASCADE,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    attributes TEXT NOT NULL,
    section TEXT,
    page INTEGER,
    line INTEGER NOT NULL,
    quote TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_release ON findings(release);
CREATE INDEX IF NOT EXISTS findings_kind ON findings(kind);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS verdicts (
    release TEXT NOT NULL REFERENCES releases(location) ON DELETE CASCADE,
    policy TEXT NOT NULL,
    title TEXT NOT NULL,
    outcome TEXT NOT NULL,
    rules TEXT NOT NULL,
    PRIMARY KEY (release, policy)
);
CREATE TABLE IF NOT EXISTS reports (
    release TEXT PRIMARY KEY REFERENCES releases(location) ON DELETE CASCADE,
    html BLOB NOT NULL
);
"""

#: The tables of a release's rows, in the order they are written.
ROW_TABLES = ("documents", "findings", "verdicts")


class Store:
    """An open results store. Use as a context manager; writes commit release by release."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            # WAL with synchronous=NORMAL loses no committed release on a killed process
            # (only on a power cut), at a fraction of the cost of a sync per commit.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._check()
        except sqlite3.DatabaseError as exc:
            raise InputError(self.path, f"is not an openness results store ({exc})") from None

    def _check(self) -> None:
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise sqlite3.DatabaseError("it holds other tables; name a new file with --db")
        with self.db:
            self.db.executescript(SCHEMA)
            found = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if found is None:
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif found[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"its schema is version {found[0]}, this openness "
                                            f"reads version {SCHEMA_VERSION}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def digests(self) -> dict[str, str]:
        """Location -> digest of every release whose analysis is complete (not ``failed``)."""
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT location, digest FROM releases WHERE failed = 0")}

    def write(self, rows: Rows) -> None:
        """Replace one release's rows, in one transaction."""
        location = rows.release["location"]
        with self.db:
            self.db.execute("DELETE FROM releases WHERE location = ?", (location,))
            _insert(self.db, "releases", [rows.release])
            for table in ROW_TABLES:
                _insert(self.db, table, getattr(rows, table))
            if rows.report:
                self.db.execute("INSERT INTO reports VALUES (?, ?)", (location, rows.report))

    def prune(self, roots: Sequence[str], kept: set[str]) -> int:
        """Remove the releases under ``roots`` that are no longer there (not in ``kept``)."""
        gone = [location for location in self.locations()
                if location not in kept and any(_under(location, root) for root in roots)]
        with self.db:
            self.db.executemany("DELETE FROM releases WHERE location = ?", [(g,) for g in gone])
        return len(gone)

    def locations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT location FROM releases ORDER BY location")]

    def releases(self, locations: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Release rows in name order, all of them or those at ``locations``."""
        query = "SELECT * FROM releases ORDER BY name, location"
        wanted = set(locations) if locations is not None else None
        for row in self.db.execute(query):
            if wanted is None or row["location"] in wanted:
                yield dict(row)

    def rows(self, table: str, location: str) -> list[dict[str, Any]]:
        """The rows of ``table`` (documents, findings, verdicts) for one release."""
        if table not in ROW_TABLES:
            raise ValueError(f"no such table: {table}")
        return [dict(r) for r in self.db.execute(
            f"SELECT * FROM {table} WHERE release = ? ORDER BY rowid", (location,))]

    def report(self, location: str) -> str | None:
        """The full HTML report of one release, as written by its scan."""
        import zlib

        found = self.db.execute("SELECT html FROM reports WHERE release = ?", (location,)).fetchone()
        return zlib.decompress(found[0]).decode("utf-8") if found else None


def _insert(db: sqlite3.Connection, table: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    db.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [[row[c] for c in columns] for row in rows])


def _under(location: str, root: str) -> bool:
    root = str(Path(root).resolve())
    return location == root or location.startswith(root.rstrip("/") + "/")
