"""The answer key of the project's own corpus (corpora/expected.yaml) is self-consistent.

Every other stage's tests lean on this key, so a wrong quote, an unknown kind or a PDF whose
page count drifted would make them assert the wrong thing. These checks catch that here.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdfium2
import pytest
import yaml

from openness.taxonomy import load_taxonomy

ROLES = {"license", "use_policy", "model_card", "data_card", "notice", "readme"}
DATA_LEVELS = {"released", "described", "vague", "none"}
CHANGES = {"added", "removed", "changed"}


@pytest.fixture(scope="module")
def key(own_corpus: Path) -> dict[str, Any]:
    return yaml.safe_load((own_corpus / "expected.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def documents(key: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {doc["file"]: doc for doc in key["documents"]}


@pytest.fixture(scope="module")
def clause_kinds() -> set[str]:
    """The 25 kinds a licence text is audited for: everything but disclose.* and the analyzer's
    own review.unclassified (a clause it could not classify, which no answer key lists)."""
    return {name for name, kind in load_taxonomy().kinds.items() if kind.group not in ("disclose", "review")}


def _text(own_corpus: Path, file: str) -> str:
    return (own_corpus / file).read_text("utf-8")


def _check_attributes(kind_name: str, attributes: dict[str, Any]) -> None:
    kind = load_taxonomy()[kind_name]
    money = [a.name for a in kind.attributes.values() if a.type == "money"]
    for name, value in attributes.items():
        if name == "currency" and money:
            assert re.fullmatch(r"[A-Z]{3}", value), f"{kind_name}: currency {value!r}"
            continue
        assert name in kind.attributes, f"{kind_name}: unknown attribute {name!r}"
        spec = kind.attributes[name]
        if spec.type in ("int", "money"):
            assert isinstance(value, int) and not isinstance(value, bool), f"{kind_name}.{name}"
        elif spec.type == "bool":
            assert isinstance(value, bool), f"{kind_name}.{name}"
        elif spec.type == "enum":
            assert value in spec.values, f"{kind_name}.{name}: {value!r} not in {spec.values}"
        elif spec.type == "string":
            assert isinstance(value, str) and value, f"{kind_name}.{name}"
        elif spec.type in ("regions", "strings"):
            assert isinstance(value, list) and all(isinstance(v, str) for v in value), f"{kind_name}.{name}"
        else:
            pytest.fail(f"{kind_name}.{name}: attribute type {spec.type!r} is not handled here")
    for name in money:
        if name in attributes:
            assert "currency" in attributes, f"{kind_name}: money without currency"


def test_every_document_exists_and_has_a_known_role(own_corpus: Path, key: dict[str, Any]) -> None:
    files = [doc["file"] for doc in key["documents"]]
    assert len(files) == len(set(files)), "a document is listed twice"
    for doc in key["documents"]:
        assert (own_corpus / doc["file"]).is_file(), doc["file"]
        assert doc["role"] in ROLES, doc["file"]


def test_section_ids_are_unique_and_non_empty(key: dict[str, Any]) -> None:
    for doc in key["documents"]:
        sections = doc["sections"]
        assert sections, doc["file"]
        assert all(isinstance(s, str) and s == s.strip() and s for s in sections), doc["file"]
        assert len(sections) == len(set(sections)), f"{doc['file']}: repeated id without ~2"


def test_present_and_absent_kinds_partition_the_clause_kinds(
    key: dict[str, Any], clause_kinds: set[str]
) -> None:
    for doc in key["documents"]:
        present, absent = doc["kinds_present"], doc["kinds_absent"]
        assert len(present) == len(set(present)) and len(absent) == len(set(absent)), doc["file"]
        assert not set(present) & set(absent), doc["file"]
        assert set(present) | set(absent) == clause_kinds, (
            f"{doc['file']}: missing {sorted(clause_kinds - set(present) - set(absent))}, "
            f"unknown {sorted((set(present) | set(absent)) - clause_kinds)}"
        )


def test_facts_quote_the_file_in_a_listed_section(own_corpus: Path, key: dict[str, Any]) -> None:
    taxonomy = load_taxonomy()
    for doc in key["documents"]:
        text = _text(own_corpus, doc["file"])
        for fact in doc["facts"]:
            where = f"{doc['file']}: {fact['kind']}"
            assert fact["kind"] in taxonomy, where
            _check_attributes(fact["kind"], fact["attributes"])
            if "quote" in fact:
                assert fact["quote"] in text, f"{where}: quote not in file: {fact['quote']!r}"
                assert fact["section"] in doc["sections"], f"{where}: section {fact['section']!r}"
            else:
                # Only "nothing is said" disclosure facts come without evidence.
                assert fact["kind"].startswith("disclose."), where
                assert "section" not in fact, where


def test_every_present_kind_has_a_fact_and_every_fact_is_present(key: dict[str, Any]) -> None:
    for doc in key["documents"]:
        fact_kinds = {f["kind"] for f in doc["facts"] if not f["kind"].startswith("disclose.")}
        assert fact_kinds == set(doc["kinds_present"]), (
            f"{doc['file']}: present without fact {sorted(set(doc['kinds_present']) - fact_kinds)}, "
            f"fact not present {sorted(fact_kinds - set(doc['kinds_present']))}"
        )


def test_traps_quote_the_file(own_corpus: Path, key: dict[str, Any]) -> None:
    taxonomy = load_taxonomy()
    for doc in key["documents"]:
        text = _text(own_corpus, doc["file"])
        for trap in doc.get("traps", []):
            assert trap["kind"] in taxonomy, doc["file"]
            assert trap["quote"] in text, f"{doc['file']}: trap quote not in file: {trap['quote']!r}"
            assert trap["section"] in doc["sections"], doc["file"]
            evidence = [f for f in doc["facts"] if f["kind"] == trap["kind"] and f.get("quote")]
            assert all(trap["quote"] not in f["quote"] for f in evidence), (
                f"{doc['file']}: a trap quote is also the evidence of a {trap['kind']} fact"
            )


def test_model_cards_state_their_disclosure_and_agree_with_their_facts(key: dict[str, Any]) -> None:
    levels = set()
    for doc in key["documents"]:
        if doc["role"] != "model_card":
            assert "disclosure" not in doc, doc["file"]
            continue
        disclosure = doc["disclosure"]
        assert disclosure["training_data"] in DATA_LEVELS, doc["file"]
        levels.add(disclosure["training_data"])
        by_kind = {f["kind"]: f["attributes"] for f in doc["facts"] if f["kind"].startswith("disclose.")}
        assert by_kind["disclose.training_data"]["level"] == disclosure["training_data"], doc["file"]
        assert by_kind["disclose.training_code"]["available"] is disclosure["training_code"], doc["file"]
        assert by_kind["disclose.weights"]["available"] is disclosure["weights"], doc["file"]
        assert by_kind["disclose.evaluation"]["available"] is disclosure["evaluation"], doc["file"]
    assert levels == DATA_LEVELS, "the model cards should cover every disclosure level"


def test_licences_say_whether_they_meet_the_osd(key: dict[str, Any]) -> None:
    licences = [doc for doc in key["documents"] if doc["role"] == "license"]
    assert all(isinstance(doc["osd_compatible"], bool) for doc in licences)
    assert sum(doc["osd_compatible"] for doc in licences) >= 2
    for doc in licences:
        if doc["osd_compatible"]:
            # The OSD allows attribution, licence-copy and share-alike duties, not use limits.
            assert not any(k.startswith("restrict.") for k in doc["kinds_present"]), doc["file"]


def _fact_at(doc: dict[str, Any], kind: str, attributes: dict[str, Any], section: str) -> bool:
    return any(
        f["kind"] == kind and f["attributes"] == attributes and f.get("section") == section
        for f in doc["facts"]
    )


def test_version_pairs_match_the_facts_of_both_versions(
    own_corpus: Path, key: dict[str, Any], documents: dict[str, dict[str, Any]]
) -> None:
    for pair in key["version_pairs"]:
        old, new = documents[pair["old"]], documents[pair["new"]]
        for change in pair["changes"]:
            kind = change["kind"]
            assert change["change"] in CHANGES, kind
            if change["change"] in ("removed", "changed"):
                assert _fact_at(old, kind, change["old"], change["old_section"]), f"old {kind}"
            if change["change"] in ("added", "changed"):
                assert _fact_at(new, kind, change["new"], change["new_section"]), f"new {kind}"
            if change["change"] == "removed":
                assert change["new"] is None and change["new_section"] is None
                assert not _fact_at(new, kind, change["old"], change["old_section"]), kind
            if change["change"] == "added":
                assert change["old"] is None and change["old_section"] is None
                assert kind in old["kinds_absent"], f"added {kind} was already in the old version"
        for move in pair["moved_sections"]:
            assert move["old"] in old["sections"] and move["new"] in new["sections"], move
        for section in pair["wording_only_sections"]:
            assert section in old["sections"] and section in new["sections"], section
        old_text, new_text = _text(own_corpus, pair["old"]), _text(own_corpus, pair["new"])
        renamed = pair["renamed"]
        assert renamed["old"] in old_text and renamed["old"] not in new_text
        assert renamed["new"] in new_text and renamed["new"] not in old_text


def test_releases_list_every_file_with_its_role(
    own_corpus: Path, key: dict[str, Any], documents: dict[str, dict[str, Any]]
) -> None:
    for release in key["releases"]:
        folder = own_corpus / release["folder"]
        assert sorted(p.name for p in folder.iterdir()) == sorted(release["roles"]), release["folder"]
        for name, role in release["roles"].items():
            doc = documents[f"{release['folder']}/{name}"]
            assert doc["role"] == role, name


def _load_renderer(own_corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_pdfs", own_corpus / "render_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve string annotations through sys.modules, so register before running.
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def _pages(path: Path) -> list[str]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_committed_pdfs_have_header_and_footer_on_every_page(own_corpus: Path, key: dict[str, Any]) -> None:
    assert max(entry["pages"] for entry in key["pdfs"]) >= 10
    assert any(entry["columns"] == 2 for entry in key["pdfs"])
    for entry in key["pdfs"]:
        assert (own_corpus / entry["source"]).is_file(), entry["source"]
        pages = _pages(own_corpus / entry["file"])
        assert len(pages) == entry["pages"], entry["file"]
        for number, text in enumerate(pages, start=1):
            assert entry["title"] in text, f"{entry['file']} page {number}: no running header"
            assert f"Page {number} of {len(pages)}" in text, f"{entry['file']} page {number}: no footer"


def test_rerendering_the_pdfs_gives_the_same_page_counts(
    own_corpus: Path, key: dict[str, Any], tmp_path: Path
) -> None:
    renderer = _load_renderer(own_corpus)
    jobs = {job.output: job for job in renderer.JOBS}
    assert sorted(f"pdf/{name}" for name in jobs) == sorted(entry["file"] for entry in key["pdfs"])
    for entry in key["pdfs"]:
        job = jobs[Path(entry["file"]).name]
        assert job.source == entry["source"] and job.title == entry["title"] and job.columns == entry["columns"]
        fresh = renderer.render(job, tmp_path)
        assert len(_pages(fresh)) == len(_pages(own_corpus / entry["file"])) == entry["pages"]
