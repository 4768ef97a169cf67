"""What part a document plays in a model release: licence, use policy, model card, ...

The cues are data (``roles.yaml``); this module only applies them, name first, then content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import PurePath

from openness.model import Document
from openness.yamldata import safe_load


#: The roles of json-output.md, plus ``notice`` for NOTICE files.
ROLES = ("license", "use_policy", "model_card", "data_card", "readme", "notice", "other")


@dataclass(frozen=True, kw_only=True)
class _Cues:
    by_name: tuple[tuple[str, re.Pattern[str]], ...]
    by_title: tuple[tuple[str, re.Pattern[str]], ...]
    by_content: tuple[tuple[str, re.Pattern[str]], ...]
    card_keys: frozenset[str]
    card_heading: re.Pattern[str]
    appended_policy: re.Pattern[str]


@cache
def _cues() -> _Cues:
    raw = safe_load(resources.files("openness").joinpath("roles.yaml").read_text("utf-8"))

    def compiled(entries: list[dict[str, str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((e["role"], re.compile(e["pattern"], re.I)) for e in entries)

    return _Cues(
        by_name=compiled(raw["by_name"]),
        by_title=compiled(raw["by_title"]),
        by_content=compiled(raw["by_content"]),
        card_keys=frozenset(raw["model_card_front_matter"]),
        card_heading=re.compile(raw["model_card_heading"], re.I | re.M),
        appended_policy=re.compile(raw["appended_use_policy"], re.I | re.M),
    )


def role_from_name(path: str) -> str | None:
    """The role a file name announces, if any (``USE_POLICY.md`` -> ``use_policy``)."""
    name = PurePath(path).name
    for role, pattern in _cues().by_name:
        if pattern.search(name):
            return role
    return None


def detect_role(doc: Document) -> str:
    """The role of ``doc`` from its name, then its front matter and first lines."""
    cues = _cues()
    role = role_from_name(doc.path)
    if role in (None, "readme"):
        front = doc.metadata.get("front_matter")
        if isinstance(front, dict) and cues.card_keys & set(front):
            return "model_card"
        if cues.card_heading.search(doc.text):
            return "model_card"
    if role is not None:
        return role
    lines = doc.text.splitlines()[:40]
    title = next((line for line in lines if line.strip()), "")
    head = "\n".join(lines)
    for window, entries in ((title, cues.by_title), (head, cues.by_content)):
        for content_role, pattern in entries:
            if pattern.search(window):
                return content_role
    return "other"


def carries_use_policy(doc: Document) -> bool:
    """Whether ``doc`` ends with its use policy as an exhibit, annex or attachment ("Attachment
    A / Use Restrictions"): then the licence file is the release's use policy too."""
    return _cues().appended_policy.search(doc.text) is not None


def parse_role_override(value: str) -> tuple[str, str]:
    """``PATH=ROLE`` from ``--role``; raises ValueError with a sentence a person can act on."""
    path, sep, role = value.rpartition("=")
    if not sep or not path:
        raise ValueError(f"--role takes PATH=ROLE, got {value!r}")
    if role not in ROLES:
        raise ValueError(f"--role {value!r}: unknown role {role!r}; choose one of {', '.join(ROLES)}")
    return path, role
