"""The licence a model card's front matter declares: SPDX ids and expressions, Hugging Face tags,
and what ``other`` leaves unsettled."""

from __future__ import annotations

from pathlib import Path

from openness.identify.declared import declared_licence, licence_from_front_matter
from openness.ingest import load


def test_an_expression_is_canonicalised_and_each_licence_identified() -> None:
    found = licence_from_front_matter({"license": "apache-2.0 OR mit"})
    assert found is not None and found.settled
    assert found.expression == "Apache-2.0 OR MIT"
    assert [(d.id, d.properties.osi_approved) for d in found.licenses if d.properties] == \
        [("Apache-2.0", True), ("MIT", True)]


def test_an_or_later_id_keeps_its_own_id_and_its_texts_properties() -> None:
    found = licence_from_front_matter({"license": "gpl-3.0+"})
    assert found is not None
    [licence] = found.licenses
    assert licence.id == "GPL-3.0-or-later"
    assert licence.properties is not None and licence.properties.copyleft is True


def test_a_hub_tag_of_an_ai_licence_names_its_family() -> None:
    found = licence_from_front_matter({"license": "llama3.1"})
    assert found is not None and found.settled
    [licence] = found.licenses
    assert licence.id == "LicenseRef-openness-llama-3.1"
    assert licence.properties is not None and not licence.properties.osi_approved


def test_other_says_what_it_could_not_settle() -> None:
    found = licence_from_front_matter({"license": "other", "license_name": "kestrel-community",
                                       "license_link": "LICENSE"})
    assert found is not None and not found.settled
    assert (found.name, found.link) == ("kestrel-community", "LICENSE")
    [problem] = found.problems
    assert "kestrel-community" in problem and "LICENSE" in problem


def test_a_list_is_read_as_all_applying_and_says_so() -> None:
    found = licence_from_front_matter({"license": ["mit", "cc-by-4.0"]})
    assert found is not None
    assert found.expression == "MIT AND CC-BY-4.0"
    assert any("AND" in p for p in found.problems)


def test_an_unknown_key_and_a_broken_expression_are_problems_not_guesses() -> None:
    unknown = licence_from_front_matter({"license": "kestrel-private"})
    assert unknown is not None and not unknown.settled
    assert unknown.licenses[0].id is None
    broken = licence_from_front_matter({"license": "mit AND ("})
    assert broken is not None and broken.licenses == () and broken.problems


def test_no_license_key_is_no_declaration() -> None:
    assert licence_from_front_matter({"datasets": ["c4"]}) is None


def test_the_declaration_of_a_document_names_its_line(tmp_path: Path) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\ntags: [text]\nlicense: mit\n---\n# Card\n", "utf-8")
    found = declared_licence(load(card))
    assert found is not None and found.line == 3 and found.licenses[0].id == "MIT"
