"""Two versions of a licence as a careless or hostile editor makes them: the own licences with
lines deleted, repeated, moved and retyped. The aligner and the text comparison give an answer
for every pair, with each clause paired at most once, never an exception."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openness.diff.align import align
from openness.diff.compare import compare_text
from openness.diff.tokens import units
from openness.errors import InputError
from openness.ingest.text import read_text
from openness.model import Document, DocumentResult
from openness.segment import segment
from tests.conftest import OWN_CORPUS
from tests.mutations import mutated_text

pytestmark = pytest.mark.fuzz

LICENCES = [p.read_text("utf-8") for p in sorted((OWN_CORPUS / "licences").glob("*.txt"))]


def document(name: str, text: str) -> Document | None:
    data = text.encode("utf-8")
    try:
        return read_text(name, data, hashlib.sha256(data).hexdigest(), markdown=False)
    except InputError:
        return None  # nothing but white space left


@given(st.data())
def test_a_licence_against_its_mutation(data: st.DataObject) -> None:
    old_text = data.draw(st.sampled_from(LICENCES))
    new_text = data.draw(mutated_text([old_text], most=12))
    old, new = document("old.txt", old_text), document("new.txt", new_text)
    if old is None or new is None:
        return
    old_units, new_units = units(old, segment(old)), units(new, segment(new))
    alignment = align(old_units, new_units)
    paired_old = [id(a) for a, _ in alignment.pairs]
    paired_new = [id(b) for _, b in alignment.pairs]
    assert len(set(paired_old)) == len(paired_old) and len(set(paired_new)) == len(paired_new)
    assert not set(paired_old) & {id(u) for u in alignment.removed}
    assert not set(paired_new) & {id(u) for u in alignment.added}
    diff = compare_text(DocumentResult(path="old.txt", role="license", subject="old.txt", document=old),
                        DocumentResult(path="new.txt", role="license", subject="new.txt", document=new))
    assert diff.document.identical == (old_text.split() == new_text.split())


@given(mutated_text(LICENCES, most=12), mutated_text(LICENCES, most=12))
def test_any_two_mutated_licences(old_text: str, new_text: str) -> None:
    old, new = document("old.txt", old_text), document("new.txt", new_text)
    compare_text(DocumentResult(path="old.txt", role="license", subject="old.txt", document=old),
                 DocumentResult(path="new.txt", role="license", subject="new.txt", document=new))
