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
#: A table cell holding only a number: a score, not a header that names "Kestrel 3".
_SCORE_CELL = re.compile(r"\|\s*\d+(?:[.,]\d+)?\s*%?\s*(?=\||$)")


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


def _settle(facet: str, statement: Statement, host: re.Pattern[str]) -> FacetStatement | None:
    cues = _cues(facet, statement)
    url = next((u for u in statement.urls if host.search(u)), None)
    # "subject_link" cues ("Download") speak of the facet only next to a link to its host.
    if not cues & {"subject", "subject_model"} and not ("subject_link" in cues and url):
        return None
    if "unavailable" in cues:
        return FacetStatement(statement=statement, available=False, url=None)
    if "available" in cues or url is not None:
        return FacetStatement(
            statement=statement,
            available=True,
            url=url,
            licenses=patterns.all_labels("licenses", statement.plain),
            direct="subject" in cues,
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
    found: list[FacetStatement] = []
    for statement in items:
        if "future" in _cues("weights", statement):
            continue  # "future versions will be released" settles nothing about these weights
        settled = _settle("weights", statement, _MODEL_HOST)
        if settled is not None:
            found.append(settled)
    return _decide(found)


def evaluation(items: list[Statement]) -> FacetStatement | None:
    """Published evaluation: results under an evaluation heading, or a statement reporting them."""
    found: list[FacetStatement] = []
    for statement in items:
        cues = _cues("evaluation", statement)
        _, inner = context_topics(statement)
        reports = "subject" in cues or (
            "evaluation" in inner and statement.form == "row" and _SCORE_CELL.search(statement.quote)
        )
        if not reports:
            continue
        found.append(FacetStatement(statement=statement, available="unavailable" not in cues))
    return _decide(found)
