"""The component view of a release: weights, code and data information, each with its licence.

OSAID 1.0 asks for three components (data information, code, parameters) and MOF counts
components one by one; both need to know, per component, whether the release publishes it and
under which licence. :func:`release_components` combines the ``disclose.*`` findings of every
document of a release:

* status — ``available`` / ``not_available`` for weights and code (data information: the
  training-data level), ``unknown`` when no document says anything. An explicit statement
  ("the training code is not released") beats silence; "available" beats both (one document may
  withhold what another publishes). Silence in a model card still counts as ``not_available``
  with the card as evidence; only a release with no disclosure document at all is ``unknown``.
* licence — in order: an explicit statement about that component ("The code and associated
  weights ... are licensed under the Apache 2.0 license"), the model card's front matter
  ``license`` (weights), a data card's front matter (data), then the identity of the release's
  licence document (its front matter ``identifier``, or a known licence title in its first
  lines, or that title as printed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from openness.disclose import facets, front_matter_license, is_silence, patterns
from openness.disclose.evidence import evidence
from openness.disclose.frontmatter import front_matter, key_line
from openness.disclose.statements import iter_statements, statements
from openness.model import Document, Evidence, Finding
from openness.roles import detect_role

_LEVELS = ("none", "vague", "described", "released")
#: How many leading lines of a licence document may hold its title.
_TITLE_LINES = 5


@dataclass(frozen=True, kw_only=True)
class License:
    """Which licence covers a component, and where the release says so."""

    #: A normalised id (``apache-2.0``) where the licence is known, else its name as printed.
    id: str
    #: ``statement``, ``front_matter`` or ``license_document``.
    source: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "evidence": self.evidence.to_json()}


@dataclass(frozen=True, kw_only=True)
class Component:
    """One component of the release."""

    name: str
    #: available / not_available / unknown; for ``data_information`` the training-data level
    #: (released, described, vague, none) or unknown.
    status: str
    license: License | None = None
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "license": self.license.to_json() if self.license else None,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, kw_only=True)
class Components:
    """The release seen component by component (OSAID's three parts, MOF's first split)."""

    weights: Component
    training_code: Component
    inference_code: Component
    data_information: Component
    #: Licence documents of the release and the identity read from each.
    licenses: tuple[License, ...] = field(default=())

    def __iter__(self):
        return iter((self.weights, self.training_code, self.inference_code, self.data_information))

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "openness.components/1",
            "components": [c.to_json() for c in self],
            "licenses": [lic.to_json() for lic in self.licenses],
        }


def release_components(
    findings_by_document: Mapping[str, Sequence[Finding]],
    documents: Sequence[Document] = (),
    roles: Mapping[str, str] | None = None,
) -> Components:
    """The component view of a release.

    ``findings_by_document`` maps each document's path to its findings (any kinds; only
    ``disclose.*`` are read). ``documents`` are the release's documents, read for what findings
    do not carry: licence statements per component, front matter, licence identities.
    ``roles`` (path -> role) are the roles the caller already settled, ``--role`` overrides
    included; a document missing from it has its role detected here.
    """
    findings = [f for group in findings_by_document.values() for f in group]
    docs = _by_role(documents, roles or {})
    identities = tuple(i for d in docs.licences if (i := license_identity(d)) is not None)
    fallback = identities[0] if identities else None
    stated = _stated_licenses(docs.cards, {d.path for d in docs.data_cards})
    weights_license = stated.get("weights") or _front_matter_license(docs.other_cards) or fallback
    code_license = stated.get("code") or fallback
    data_license = stated.get("data") or _front_matter_license(docs.data_cards)
    return Components(
        weights=_licensed(_availability("weights", _of_kind(findings, "disclose.weights")), weights_license),
        training_code=_licensed(_availability("training_code", _of_kind(findings, "disclose.training_code")),
                                code_license),
        inference_code=_licensed(_inference(docs.cards), code_license),
        data_information=_licensed(_data(_of_kind(findings, "disclose.training_data")), data_license),
        licenses=identities,
    )


class _ByRole(NamedTuple):
    """A release's documents by what they are: licences, and cards (data cards and the rest)."""

    licences: list[Document]
    cards: list[Document]
    data_cards: list[Document]
    other_cards: list[Document]


def _by_role(documents: Sequence[Document], roles: Mapping[str, str]) -> _ByRole:
    role = {d.path: roles.get(d.path) or detect_role(d) for d in documents}
    cards = [d for d in documents if role[d.path] != "license"]
    return _ByRole(licences=[d for d in documents if role[d.path] == "license"], cards=cards,
                   data_cards=[d for d in cards if role[d.path] == "data_card"],
                   other_cards=[d for d in cards if role[d.path] != "data_card"])


def _of_kind(findings: Sequence[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


def _licensed(component: Component, license: License | None) -> Component:
    """The component under ``license``, unless nothing of it is available to license."""
    if component.status in ("unknown", "not_available", "none", "vague"):
        return component
    return Component(name=component.name, status=component.status, license=license,
                     evidence=component.evidence)


def license_identity(doc: Document) -> License | None:
    """The licence a licence document is: front matter ``identifier``/``spdx``, a known licence
    named in its first lines, or the licence title printed there ("Kestrel Community Licence
    Agreement, version 1.1"); ``None`` when none of these is found."""
    values = front_matter(doc)
    for key in ("identifier", "spdx", "spdx_id", "license"):
        if values.get(key):
            line = key_line(doc, key)
            assert line is not None
            quote_doc = evidence(doc, line.start, line.end, line.quote, None)
            return License(id=str(values[key]), source="license_document", evidence=quote_doc)
    head = list(islice(iter_statements(doc), _TITLE_LINES))
    for statement in head:
        known = patterns.first_label("licenses", statement.plain)
        if known:
            return License(id=known, source="license_document",
                           evidence=evidence(doc, statement.start, statement.end, statement.quote, None))
    for statement in head:
        titles = patterns.captures("license_statements", "title", statement.plain)
        if titles:
            return License(id=titles[0], source="license_document",
                           evidence=evidence(doc, statement.start, statement.end, statement.quote, None))
    return None


def _availability(name: str, found: Sequence[Finding]) -> Component:
    if not found:
        return Component(name=name, status="unknown")
    positive = [f for f in found if f.attributes.get("available")]
    explicit = [f for f in found if not f.attributes.get("available") and not is_silence(f)]
    chosen = positive or explicit or list(found)
    status = "available" if positive else "not_available"
    return Component(name=name, status=status, evidence=tuple(f.evidence for f in chosen))


def _data(found: Sequence[Finding]) -> Component:
    if not found:
        return Component(name="data_information", status="unknown")
    level = max((f.attributes.get("level", "none") for f in found), key=_LEVELS.index)
    chosen = [f for f in found if f.attributes.get("level") == level][:3]
    return Component(name="data_information", status=level, evidence=tuple(f.evidence for f in chosen))


def _inference(docs: Iterable[Document]) -> Component:
    found = []
    for doc in docs:
        settled = facets.inference_code(statements(doc))
        if settled is not None:
            found.append((doc, settled))
    if not found:
        return Component(name="inference_code", status="unknown")
    positive = [(d, s) for d, s in found if s.available]
    chosen = positive or found
    return Component(
        name="inference_code",
        status="available" if positive else "not_available",
        evidence=tuple(
            evidence(d, s.statement.start, s.statement.end, s.statement.quote, None) for d, s in chosen
        ),
    )


def _stated_licenses(docs: Iterable[Document], data_cards: set[str]) -> dict[str, License]:
    """Licence statements about code, weights or data ("X is licensed under Y"), first wins;
    a statement that names no component is about the data in a data card, else the weights."""
    stated: dict[str, License] = {}
    for doc in docs:
        for statement in statements(doc):
            cues = patterns.labels_in("license_statements", statement.plain)
            if "statement" not in cues:
                continue
            known = patterns.first_label("licenses", statement.plain)
            if not known:
                continue
            found = License(
                id=known,
                source="statement",
                evidence=evidence(doc, statement.start, statement.end, statement.quote, None),
            )
            default = "data" if doc.path in data_cards else "weights"
            for component in _subjects(statement.plain) or (default,):
                stated.setdefault(component, found)
    return stated


def _subjects(plain: str) -> tuple[str, ...]:
    """What a licence statement licenses: the components named before its verb ("The code and
    the weights are licensed under..."); empty when it names none."""
    starts = [m.start() for p in patterns.load("license_statements")
              if p.label == "statement" and (m := p.regex.search(plain))]
    subject = plain[: min(starts)] if starts else plain
    return tuple(c for c in ("code", "weights", "data")
                 if c in patterns.labels_in("license_statements", subject))


def _front_matter_license(docs: Iterable[Document]) -> License | None:
    """The first front-matter ``license`` among ``docs`` (model cards for the weights, data
    cards for the data)."""
    for doc in docs:
        if name := front_matter_license(doc):
            return _front_matter_evidence(doc, name)
    return None


def _front_matter_evidence(doc: Document, name: str) -> License:
    key = "license_name" if front_matter(doc).get("license_name") == name else "license"
    line = key_line(doc, key)
    assert line is not None
    return License(id=name, source="front_matter",
                   evidence=evidence(doc, line.start, line.end, line.quote, None))
