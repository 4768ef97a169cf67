"""The licence a model card declares in its front matter (``license``, ``license_name``,
``license_link``), identified.

``license:`` holds an SPDX id, a list of them, an SPDX expression (``apache-2.0 OR mit``) or a
Hugging Face tag (``llama3.1``, ``other``); license-expression parses and canonicalises the
expression, the SPDX references give each id its known properties, and the family signatures
map the Hugging Face tags of AI licences. What cannot be settled (``other``, an unknown key) is
said in ``problems``, never guessed. The front matter is read by
:mod:`openness.disclose.frontmatter`, which also locates the key's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Mapping

from openness.disclose.frontmatter import front_matter, key_line
from openness.identify.families import by_hub_tag
from openness.identify.model import Properties

if TYPE_CHECKING:
    from license_expression import Licensing

    from openness.identify.reference import ReferenceIndex
    from openness.model import Document

#: Hugging Face's tag for "a licence not on our list": its name and link are given apart.
OTHER = "other"


@dataclass(frozen=True, kw_only=True)
class DeclaredLicence:
    """One licence of a declaration, identified where possible."""

    #: As the expression names it (canonical SPDX case where license-expression knows it).
    key: str
    id: str | None = None
    name: str | None = None
    properties: Properties | None = None

    @property
    def known(self) -> bool:
        return self.id is not None

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "id": self.id, "name": self.name, "known": self.known,
                "properties": self.properties.to_json() if self.properties else None}


@dataclass(frozen=True, kw_only=True)
class Declaration:
    """What the front matter says the licence is."""

    #: The licence expression as declared (a list is read as ``AND``).
    expression: str
    licenses: tuple[DeclaredLicence, ...] = ()
    #: 1-based line of the ``license:`` key in the document, when located.
    line: int | None = None
    #: ``license_name`` and ``license_link``, which name an ``other`` licence.
    name: str | None = None
    link: str | None = None
    #: What the declaration leaves unsettled, one sentence each.
    problems: tuple[str, ...] = field(default=())

    @property
    def settled(self) -> bool:
        """Every licence of the declaration is identified."""
        return bool(self.licenses) and all(d.known for d in self.licenses) and not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"expression": self.expression, "line": self.line, "name": self.name,
                "link": self.link, "licenses": [d.to_json() for d in self.licenses],
                "problems": list(self.problems)}


def licence_from_front_matter(values: Mapping[str, Any], *,
                              index: "ReferenceIndex | None" = None) -> Declaration | None:
    """The declaration of a parsed front matter, ``None`` when it has no ``license`` key."""
    raw = values.get("license")
    if raw in (None, "", []):
        return None
    items = [str(v) for v in raw] if isinstance(raw, list) else [str(raw)]
    expression = items[0] if len(items) == 1 else " AND ".join(
        f"({item})" if " " in item.strip() else item for item in items)
    name = _text(values.get("license_name"))
    link = _text(values.get("license_link"))
    problems: list[str] = []
    if len(items) > 1:
        problems.append(f"license lists {len(items)} licences; read as all applying together "
                        "(AND), which the card does not say")
    keys = _keys(expression, problems)
    licences = tuple(_identify(key, name, link, problems, index) for key in keys)
    canonical = expression if problems and not keys else _canonical(expression) or expression
    return Declaration(expression=canonical, licenses=licences, name=name, link=link,
                       problems=tuple(problems))


def declared_licence(doc: "Document", *, index: "ReferenceIndex | None" = None) -> Declaration | None:
    """The declaration of ``doc``'s front matter, with the line of its ``license:`` key."""
    found = licence_from_front_matter(front_matter(doc), index=index)
    if found is None:
        return None
    line = key_line(doc, "license")
    where = doc.line_of(line.start) if line is not None and line.end > line.start else None
    return Declaration(expression=found.expression, licenses=found.licenses, line=where,
                       name=found.name, link=found.link, problems=found.problems)


def _identify(key: str, name: str | None, link: str | None, problems: list[str],
              index: "ReferenceIndex | None") -> DeclaredLicence:
    if key.casefold() == OTHER:
        named = f" {name!r}" if name else ""
        where = f" ({link})" if link else ""
        problems.append(f"license: other names a licence of its own{named}{where} that is not "
                        "identified from the front matter; give its text to settle its terms")
        return DeclaredLicence(key=key, name=name)
    from openness.identify.identification import family_properties, reference_index

    reference = (index or reference_index()).by_id(key)
    if reference is not None:
        # The declared id itself when it shares its reference's text (GPL-3.0-or-later).
        same = next((i for i in (reference.id, *reference.also) if i.casefold() == key.casefold()),
                    reference.id)
        return DeclaredLicence(key=key, id=same, name=reference.name,
                               properties=reference.properties)
    family = by_hub_tag(key)
    if family is not None:
        return DeclaredLicence(key=key, id=family.id, name=family.name,
                               properties=family_properties(family, index))
    problems.append(f"license key {key!r} is neither an SPDX id nor a licence tag openness "
                    "knows")
    return DeclaredLicence(key=key, name=name)


def _keys(expression: str, problems: list[str]) -> list[str]:
    from license_expression import ExpressionError

    try:
        parsed = _licensing().parse(expression, validate=False, strict=False)
    except ExpressionError as exc:
        problems.append(f"license {expression!r} is not a licence expression ({exc})")
        return []
    if parsed is None:
        return []
    return [symbol.key for symbol in _licensing().license_symbols(parsed, unique=True)]


def _canonical(expression: str) -> str | None:
    from license_expression import ExpressionError

    try:
        parsed = _licensing().parse(expression, validate=False, strict=False)
    except ExpressionError:
        return None
    return str(parsed) if parsed is not None else None


@cache
def _licensing() -> "Licensing":
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None
