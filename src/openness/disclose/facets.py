"""Whether a release publishes its training code, its weights (and under which licence) and its
evaluation, as its documents state it.

Each facet has ``subject`` cues (the statement is about training code, weights...), and
``available`` / ``unavailable`` cues (``release_facets.jsonl``). A statement about the subject
that says it is published, or links to where it is, makes ``available: true``; one that says it
is not makes ``available: false``; a positive statement wins over a negative one elsewhere
(a card may withhold one thing and publish another). Statements in the future tense ("will be
released") settle nothing. A facet the document does not mention is ``None`` here; the
caller records that silence as ``available: false`` with the document as evidence, and the
component view tells it apart from an explicit "not released".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openness.disclose import patterns
from openness.disclose.levels import context_topics
from openness.disclose.statements import Statement

_CODE_HOST = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)/", re.I)
_MODEL_HOST = re.compile(
    r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?!datasets/|spaces/|docs/|blog/)[\w.-]+/[\w.-]+",
    re.I,
)
#: The components a statement may be about, as ``release_facets.jsonl`` names them.
FACETS = ("training_code", "inference_code", "weights", "evaluation")
#: Links that document a component rather than publish it: papers, DOIs, licence texts.
_REFERENCE = re.compile(r"arxiv\.org|doi\.org|/papers?/|\.pdf$|licen[cs]e", re.I)
#: A table cell holding only a number: a score, not a header that names "Kestrel 3".
_SCORE_CELL = re.compile(r"\|\s*\d+(?:[.,]\d+)?\s*%?\s*(?=\||$)")
#: A score in running text or a list: "reaches 34.1% pass@1", "Saltmarsh-Test-Clean: 6.8 %".
_SCORE = re.compile(r"\b\d+\.\d+\b|\b\d+(?:\.\d+)?\s?%")


@dataclass(frozen=True, kw_only=True)
class FacetStatement:
    """A statement that settles a facet."""

    statement: Statement
    available: bool
    url: str | None = None
    #: The statement names the thing itself (weights, training code), not just "the models".
    direct: bool = True
    #: Licence ids named in the statement (``licenses.jsonl``), for weights.
    licenses: tuple[str, ...] = ()


def _cues(facet: str, statement: Statement) -> frozenset[str]:
    return patterns.labels_in("release_facets", statement.plain, facet=facet)


def _labelled(facet: str, statement: Statement) -> bool:
    """Whether the statement's label or innermost heading names the facet: "Checkpoint: URL",
    a table row "Training and evaluation code | URL", a sentence under "Where the weights are".
    A label is about the component it names first ("Eval logs for every checkpoint": evaluation);
    a statement under a heading that names another component itself ("Inference code is
    available at ..." under "Training Code") is about that one."""
    if statement.label and (named := _named_first(statement.label)) is not None:
        return named == facet
    heading = statement.context[:-1] if statement.label and statement.context else statement.context
    return bool(heading) and _named_first(heading[-1]) == facet and not any(
        patterns.labels_in("release_facets", statement.plain, facet=other) & {"subject", "label"}
        for other in FACETS if other != facet)


def _named_first(text: str) -> str | None:
    """The component ``text`` names first, by the ``subject`` and ``label`` cues."""
    first: tuple[int, str] | None = None
    for pattern in patterns.load("release_facets"):
        if pattern.label in ("subject", "label") and pattern.facet in FACETS:
            match = pattern.regex.search(text)
            if match and (first is None or match.start() < first[0]):
                first = (match.start(), pattern.facet)
    return first[1] if first else None


def _settle(facet: str, statement: Statement, host: re.Pattern[str]) -> FacetStatement | None:
    cues = _cues(facet, statement)
    if "comparison" in cues:
        return None  # "outperforms many of the available open source models": other models
    if statement.label and _named_first(statement.label) not in (None, facet):
        return None  # the row or key names another component
    labelled = _labelled(facet, statement)
    url = next((u for u in statement.urls if host.search(u)), None)
    if url is None and ("subject" in cues or labelled):
        # A statement about the component itself gives its address on any host
        # ("Training and evaluation code: https://git.example/trainer (Apache-2.0)").
        url = next((u for u in statement.urls if not _REFERENCE.search(u)), None)
    # "subject_link" cues ("Download") speak of the facet only next to a link to its host.
    if not cues & {"subject", "subject_model"} and not labelled and not ("subject_link" in cues and url):
        return None
    if "unavailable" in cues:
        return FacetStatement(statement=statement, available=False, url=None)
    if "available" in cues or url is not None:
        return FacetStatement(
            statement=statement,
            available=True,
            url=url,
            licenses=patterns.all_labels("licenses", statement.plain),
            direct="subject" in cues or labelled,
        )
    return None


def _decide(found: list[FacetStatement]) -> FacetStatement | None:
    positive = [f for f in found if f.available]
    if positive:
        # The statement that also gives a link or a licence is the most informative.
        return max(positive, key=lambda f: (f.direct, (f.url is not None) + bool(f.licenses)))
    return found[0] if found else None


def training_code(items: list[Statement]) -> FacetStatement | None:
    found = [f for s in items if (f := _settle("training_code", s, _CODE_HOST)) is not None]
    return _decide(found)


def inference_code(items: list[Statement]) -> FacetStatement | None:
    found = [f for s in items if (f := _settle("inference_code", s, _CODE_HOST)) is not None]
    return _decide(found)


def weights(items: list[Statement]) -> FacetStatement | None:
    """The statement that settles the weights; failing any, the card's ``License:`` statement
    naming the model's licence, which says under what terms the weights are given out."""
    found: list[FacetStatement] = []
    for statement in items:
        if "future" in _cues("weights", statement):
            continue  # "future versions will be released" settles nothing about these weights
        settled = _settle("weights", statement, _MODEL_HOST)
        if settled is not None:
            found.append(settled)
    return _decide(found) or next(filter(None, map(_licence_statement, items)), None)


def _licence_statement(statement: Statement) -> FacetStatement | None:
    if not statement.label or "license_label" not in patterns.labels_in(
            "release_facets", statement.label, facet="weights"):
        return None
    licenses = patterns.all_labels("licenses", statement.plain)
    if not licenses or "unavailable" in _cues("weights", statement):
        return None
    return FacetStatement(statement=statement, available=True, licenses=licenses, direct=False)


def evaluation(items: list[Statement]) -> FacetStatement | None:
    """Published evaluation: results under an evaluation heading, or a statement reporting them."""
    found: list[FacetStatement] = []
    for statement in items:
        cues = _cues("evaluation", statement)
        _, inner = context_topics(statement)
        scored = statement.form == "row" and _SCORE_CELL.search(statement.quote) or (
            statement.form != "row" and _SCORE.search(statement.plain))
        reports = "subject" in cues or bool(
            ("evaluation" in inner or _labelled("evaluation", statement)) and scored)
        if not reports:
            continue
        found.append(FacetStatement(statement=statement, available="unavailable" not in cues))
    return _decide(found)
