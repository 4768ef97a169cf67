"""The disclosure analysis's data: cue patterns read from ``patterns/*.jsonl``.

Every line of a pattern file is one JSON object with a regular expression under ``pattern`` and
the fields that say what a match means (``cue``, ``topic``, ``name``, ``host``, ``id``,
``facet``). Patterns are matched case-insensitively unless the line sets ``"case": true``.
Keeping them as data lets a reviewer extend the vocabulary (a new dataset, a new data host, a
new vague phrase) without touching the code that weighs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from openness.errors import OpennessError
from openness.jsonlines import package_file, read_objects


@dataclass(frozen=True, kw_only=True)
class Pattern:
    """One line of a pattern file: what it stands for and the compiled expression."""

    #: The line's meaning: its ``cue``, ``topic``, ``name``, ``host`` or ``id`` field.
    label: str
    #: The ``facet`` a line of ``release_facets.jsonl`` belongs to, else ``None``.
    facet: str | None
    regex: re.Pattern[str]
    #: ``licenses.jsonl``: the licence is OSI-approved (Open Source Definition).
    osi: bool = False


_LABEL_FIELDS = ("cue", "topic", "name", "host", "id")


@cache
def load(name: str) -> tuple[Pattern, ...]:
    """The patterns of ``patterns/<name>.jsonl``, in file order (earlier lines win ties)."""
    resource = package_file("openness.disclose", f"patterns/{name}.jsonl")
    entries: list[Pattern] = []
    for where, raw in read_objects(resource, f"disclose/patterns/{name}.jsonl"):
        try:
            label = next(raw[key] for key in _LABEL_FIELDS if key in raw)
            flags = 0 if raw.get("case") else re.IGNORECASE
            regex = re.compile(raw["pattern"], flags)
        except (ValueError, KeyError, StopIteration, re.error) as exc:
            raise OpennessError(f"{where}: invalid pattern line ({exc})") from None
        entries.append(
            Pattern(label=label, facet=raw.get("facet"), regex=regex, osi=bool(raw.get("osi")))
        )
    return tuple(entries)


def labels_in(name: str, text: str, *, facet: str | None = None) -> frozenset[str]:
    """Labels of the patterns of file ``name`` (restricted to ``facet``) that match ``text``."""
    return frozenset(
        p.label for p in load(name) if (facet is None or p.facet == facet) and p.regex.search(text)
    )


def first_label(name: str, text: str) -> str | None:
    """Label of the first pattern of file ``name`` that matches ``text``."""
    return next((p.label for p in load(name) if p.regex.search(text)), None)


def all_labels(name: str, text: str) -> tuple[str, ...]:
    """Labels of every pattern of file ``name`` matching ``text``, once each, in file order."""
    seen: dict[str, None] = {}
    for p in load(name):
        if p.label not in seen and p.regex.search(text):
            seen[p.label] = None
    return tuple(seen)


def captures(name: str, label: str, text: str) -> tuple[str, ...]:
    """First groups of every match in ``text`` of the patterns of file ``name`` with ``label``."""
    found: dict[str, None] = {}
    for p in load(name):
        if p.label == label:
            for match in p.regex.finditer(text):
                if match.groups() and match.group(1):
                    found[match.group(1).rstrip(".,;:")] = None
    return tuple(found)


def osi_approved(license_id: str) -> bool:
    """True when ``license_id`` (an id or a name) is a licence ``licenses.jsonl`` marks OSI-approved."""
    return any(p.osi and (p.label == license_id.lower() or p.regex.search(license_id))
               for p in load("licenses"))
