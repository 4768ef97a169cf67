"""AI-model licences named by their title and structure (``families.yaml``).

No package ships the texts of the Llama, Gemma, Qwen, RAIL... licences, and this repository
must not copy them, so there is no reference text to align a copy with. What each of them does
have is a title ("LLAMA 3.1 COMMUNITY LICENSE AGREEMENT") and defined terms and headings of its
own ("Llama Materials" means...). A document is taken for a family's version when it contains
the title and enough of those cues, and the version's own marks (a "Last modified" date, a
version line); of several such titles, the one printed first names the document, so a licence
that appends its use policy is the licence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from openness.errors import OpennessError
from openness.ingest.normalize import normalize_quote
from openness.yamldata import safe_load

#: Cues a copy must show unless its entry says otherwise.
MIN_CUES = 2
_EMPHASIS = re.compile(r"[*_`#>|\\]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A figure a family's text sets (Llama's cap of 700 million monthly active users), as the
    attributes of the finding that reads it."""

    kind: str
    #: (attribute, value) pairs; every one must be read, and equal, for the figure to agree.
    attributes: tuple[tuple[str, Any], ...]

    def describe(self) -> str:
        return ", ".join(f"{name} {value}" for name, value in self.attributes)


@dataclass(frozen=True, kw_only=True)
class Family:
    """One version of an AI-licence family, as ``families.yaml`` describes it."""

    key: str
    name: str
    family: str
    #: ``None`` where the text carries no version of its own.
    version: str | None
    #: ``license`` or ``use_policy``.
    kind: str
    title: re.Pattern[str]
    cues: tuple[re.Pattern[str], ...]
    min_cues: int
    requires: tuple[re.Pattern[str], ...] = ()
    excludes: tuple[re.Pattern[str], ...] = ()
    spdx: str | None = None
    #: Hugging Face ``license:`` tags that name this licence.
    hub: tuple[str, ...] = ()
    #: ScanCode's key for the licence, when ScanCode has one.
    scancode: str | None = None
    #: The figures its text sets, to tell a faithful copy from one with changed figures.
    figures: tuple[Figure, ...] = ()

    @property
    def id(self) -> str:
        """The SPDX id where the SPDX list has the licence, else a ``LicenseRef`` of ours."""
        return self.spdx or f"LicenseRef-openness-{self.key}"


@dataclass(frozen=True, kw_only=True)
class FamilyMatch:
    family: Family
    #: Share of the family's cues found in the text.
    score: float


def comparable(text: str) -> str:
    """``text`` as the patterns read it: quotes straight, emphasis gone, spaces collapsed,
    case folded."""
    return _SPACE.sub(" ", _EMPHASIS.sub("", normalize_quote(text))).casefold()


def identify_family(text: str) -> FamilyMatch | None:
    """The family version ``text`` is a copy of, or ``None``."""
    plain = comparable(text)
    found: list[tuple[int, int, Family, float]] = []
    for family in families():
        title = family.title.search(plain)
        if title is None:
            continue
        cues = sum(1 for cue in family.cues if cue.search(plain))
        if cues < family.min_cues:
            continue
        if not all(p.search(plain) for p in family.requires):
            continue
        if any(p.search(plain) for p in family.excludes):
            continue
        found.append((title.start(), -(title.end() - title.start()), family,
                      cues / len(family.cues) if family.cues else 1.0))
    if not found:
        return None
    _, _, family, score = min(found, key=lambda item: (item[0], item[1]))
    return FamilyMatch(family=family, score=score)


@cache
def families() -> tuple[Family, ...]:
    """Every family version of ``families.yaml``, in file order."""
    where = "identify/families.yaml"
    data: Any = safe_load(resources.files("openness.identify").joinpath("families.yaml")
                          .read_text("utf-8"))
    entries = data.get("families") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise OpennessError(f"{where}: no list of families")
    loaded = []
    for entry in entries:
        try:
            loaded.append(Family(
                key=str(entry["id"]), name=str(entry["name"]), family=str(entry["family"]),
                version=str(entry["version"]) if entry.get("version") else None,
                kind=str(entry["kind"]),
                title=re.compile(entry["title"]),
                cues=tuple(re.compile(c) for c in entry.get("cues", ())),
                min_cues=int(entry.get("min_cues", MIN_CUES)),
                requires=tuple(re.compile(p) for p in entry.get("requires", ())),
                excludes=tuple(re.compile(p) for p in entry.get("excludes", ())),
                spdx=entry.get("spdx"), hub=tuple(str(h) for h in entry.get("hub", ())),
                scancode=entry.get("scancode"),
                figures=tuple(Figure(kind=str(f["kind"]), attributes=tuple(
                    (str(k), v) for k, v in f.items() if k != "kind"))
                    for f in entry.get("figures", ()))))
        except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
            raise OpennessError(f"{where}: invalid entry {entry.get('id', '?')!r} ({exc})") from None
    return tuple(loaded)


def by_hub_tag(tag: str) -> Family | None:
    """The family version a Hugging Face ``license:`` tag names (``llama3.1``), if any."""
    lowered = tag.strip().casefold()
    return next((f for f in families() if lowered in f.hub), None)
