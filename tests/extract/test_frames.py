"""How a clause is read: the force, party and object of each act, whatever the wording."""

from __future__ import annotations

import hashlib

import pytest

from openness.extract.findings import read_clauses
from openness.extract.frames import Actor, Force, Reading
from openness.extract.pipeline import load_pipeline
from openness.model import Document


def readings(text: str, act: str) -> list[tuple[Reading, str | None]]:
    """The reading of every ``act`` in ``text``, with the label of its object."""
    doc = Document(path="<test>", text=text, format="txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    _, sdoc = read_clauses(doc)
    applier = load_pipeline().get_pipe("openness_rules")
    found = []
    for view in applier.views(sdoc):
        for frame in view.frames():
            for mark in frame.marks:
                if mark.label == act:
                    target = frame.object_of(mark)
                    found.append((frame.read(mark), target.label if target is not None else None))
    return found


def force(text: str, act: str) -> Force:
    found = readings(text, act)
    assert found, f"no {act} in {text!r}"
    return found[0][0].force


@pytest.mark.parametrize("text", [
    "You may not use the Model.",
    "You shall not use the Model.",
    "The Model must not be used in aircraft.",
    "You agree not to use the Model.",
    "Organisations with more than 500 staff are not eligible to use the Model.",
    "This licence does not authorise you to use the Model.",
    "No rights are given to use the Model in medical devices.",
    "Use of the Model in vehicles is prohibited.",
    "Use of the Model in production falls outside this licence.",
    "Production use requires a separate written agreement with us.",
    "The Model is not licensed for use in production systems.",
    "You must refrain from using the Model in hospitals.",
])
def test_prohibitions_in_many_wordings(text: str) -> None:
    assert force(text, "USE") is Force.PROHIBITION


@pytest.mark.parametrize("text", [
    "You may use the Model.",
    "You are free to use the Model.",
    "Licensor hereby grants you a licence to use the Model.",
    "You are granted the right to use the Model.",
    "This licence permits you to use the Model.",
    "The Model may be used for any purpose.",
    "Nothing in this licence prohibits you from using the Model.",
])
def test_permissions_in_many_wordings(text: str) -> None:
    assert force(text, "USE") in (Force.PERMISSION, Force.NONE)
    assert force(text, "USE") is not Force.PROHIBITION


def test_a_negated_grant_far_from_its_verb_grants_nothing() -> None:
    text = "No other rights or licences, express or implied, are granted to use the Model."
    assert force(text, "USE") is Force.PROHIBITION


def test_must_not_prohibits_but_not_required_is_no_duty() -> None:
    assert force("You must not distribute the Model.", "DISTRIBUTE") is Force.PROHIBITION
    assert force("You are not required to distribute the Model.", "DISTRIBUTE") is Force.NONE
    assert force("You must distribute the Model with this licence.", "DISTRIBUTE") is Force.OBLIGATION


def test_an_act_inside_a_condition_is_not_commanded() -> None:
    (reading, _), = readings("If you distribute the Model, you must include this licence.", "DISTRIBUTE")
    assert reading.conditional


def test_a_relative_clause_keeps_its_negation() -> None:
    text = "Acme gives you a licence, which you may not transfer, to run, copy and share the Model."
    assert force(text, "USE") is Force.PERMISSION


def test_a_grant_is_the_licensees_unless_the_licensee_grants() -> None:
    (mine, _), = readings("Licensor grants you a licence to use the Model.", "USE")
    (theirs, _), = readings("You hereby grant us a licence to use your Feedback.", "USE")
    assert mine.actor is Actor.LICENSEE
    assert theirs.actor is Actor.LICENSOR


def test_the_licensor_changing_the_terms_is_the_licensors_act() -> None:
    (reading, target), = readings("We may amend these terms at any time by posting them.", "AMEND")
    assert (reading.force, reading.actor, target) == (Force.PERMISSION, Actor.LICENSOR, "TERMS")


def test_what_a_thing_can_do_is_no_permission() -> None:
    assert force("The new models can generate better answers after fine-tuning.", "MODIFY") is Force.NONE


def test_a_passive_clause_names_its_object_before_the_verb() -> None:
    (reading, target), = [r for r in readings("The Weights must not be made available to any other party.",
                                             "DISTRIBUTE")][:1]
    assert (reading.force, target) == (Force.PROHIBITION, "WORK")


def test_the_recipient_is_not_what_is_shared() -> None:
    (_, target), = readings("You must not give the Model to any third party.", "DISTRIBUTE")[:1]
    assert target == "WORK"


def test_a_pronoun_stands_for_the_object_named_before_it() -> None:
    text = "Everyone may copy this licence document, but changing it is not allowed."
    (_, target), = readings(text, "MODIFY")[:1]
    assert target == "TERMS"


def test_a_list_item_reads_its_lead_in() -> None:
    text = "You agree not to use the Model:\n(a) to harass anyone;\n(b) to run a casino.\n"
    forces = [r.force for r, _ in readings(text, "USE")]
    assert forces == [Force.PROHIBITION, Force.PROHIBITION]  # "use", and the item's "run"
    text = "You agree:\n(a) not to distribute the Model;\n(b) to include this notice.\n"
    assert force(text, "DISTRIBUTE") is Force.PROHIBITION


def test_a_passive_subject_is_the_head_of_its_phrase() -> None:
    (reading, target), = readings("Outputs of the Model must not be shared with patients.", "DISTRIBUTE")[:1]
    assert target == "OUTPUT"
    (_, target), = readings("Fine-tuned weights stay in the lab and may not be released.", "DISTRIBUTE")[:1]
    assert target == "DERIVED"  # the longer name, not the "weights" inside it
