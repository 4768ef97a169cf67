"""The finding kinds and their attribute types, read from ``taxonomy.yaml``.

Kept as data so that the extractor, the rules checker and the reports cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from openness.yamldata import safe_load

#: The kind of a clause that forbids or obliges and that no other kind explains: rules whose
#: kind it might be (its ``candidates``) read it as unknown, never as a pass.
UNCLASSIFIED = "review.unclassified"


@dataclass(frozen=True, kw_only=True)
class AttributeType:
    name: str
    #: int, money, enum, string, bool, regions or strings.
    type: str
    #: Allowed values of an ``enum``; empty otherwise.
    values: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Kind:
    name: str
    title: str
    attributes: dict[str, AttributeType]

    @property
    def group(self) -> str:
        return self.name.split(".", 1)[0]


@dataclass(frozen=True, kw_only=True)
class Group:
    name: str
    title: str
    #: Document roles that can settle whether a kind of this group is present.
    sources: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Taxonomy:
    version: int
    groups: dict[str, Group]
    kinds: dict[str, Kind]

    def __contains__(self, name: object) -> bool:
        return name in self.kinds

    def __getitem__(self, name: str) -> Kind:
        return self.kinds[name]


@cache
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with the package (parsed once per process)."""
    raw = safe_load(resources.files("openness").joinpath("taxonomy.yaml").read_text("utf-8"))
    kinds = {}
    for name, spec in raw["kinds"].items():
        attributes = {
            attr: AttributeType(name=attr, type=a["type"], values=tuple(a.get("values", ())))
            for attr, a in (spec.get("attributes") or {}).items()
        }
        kinds[name] = Kind(name=name, title=spec["title"], attributes=attributes)
    groups = {
        name: Group(name=name, title=g["title"], sources=tuple(g["sources"]))
        for name, g in raw["groups"].items()
    }
    return Taxonomy(version=raw["version"], groups=groups, kinds=kinds)
