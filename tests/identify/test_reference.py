"""The reference index: built from the packages' data, checked when opened, rebuilt when stale."""

from __future__ import annotations

from pathlib import Path

from openness.identify.families import families
from openness.identify.reference import ReferenceIndex, shingles
from openness.identify.words import words


def test_the_index_holds_the_spdx_list_with_its_flags(index: ReferenceIndex) -> None:
    mit = index.by_id("mit")
    assert mit is not None and mit.id == "MIT"
    assert mit.properties.osi_approved and mit.properties.fsf_libre
    assert mit.properties.copyleft is False
    gpl = index.by_id("GPL-3.0-or-later")
    assert gpl is not None and gpl.id == "GPL-3.0-only" and "GPL-3.0-or-later" in gpl.also
    assert gpl.properties.copyleft is True
    assert index.list_version != "unknown"


def test_stored_words_are_the_words_this_code_reads(index: ReferenceIndex) -> None:
    for reference in list(index)[:25]:
        assert reference.keys == words(reference.text).keys


def test_a_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    first = ReferenceIndex.open(tmp_path)
    first.path.write_bytes(b"not a database")
    again = ReferenceIndex.open(tmp_path)
    assert again.by_id("Apache-2.0") is not None


def test_an_unwritable_cache_folder_still_gives_an_index(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", "utf-8")
    index = ReferenceIndex.open(blocked / "cache")
    assert index.by_id("MIT") is not None
    assert blocked.read_text("utf-8").startswith("a file")


def test_candidates_rank_the_licence_itself_first(index: ReferenceIndex, reference_text) -> None:
    text = reference_text("BSD-2-Clause")
    score, best = index.candidates(words(text).keys)[0]
    assert best.id == "BSD-2-Clause" and score == 1.0


def test_shingles_are_sampled_the_same_way_in_every_text() -> None:
    keys = tuple(f"w{i}" for i in range(200))
    assert shingles(keys[50:150]) <= shingles(keys)
    assert 0 < len(shingles(keys)) < len(keys)


def test_every_scancode_key_of_the_families_is_in_scancodes_index(index: ReferenceIndex) -> None:
    keys = [f.scancode for f in families() if f.scancode]
    assert keys
    assert all(index.category(key) is not None for key in keys), keys


def test_a_hub_tag_names_one_family_version() -> None:
    tags = [tag for f in families() for tag in f.hub]
    assert len(tags) == len(set(tags))


def test_the_bundle_is_read_with_its_list_version_and_texts() -> None:
    from openness.identify.reference import spdx_licences

    entries = spdx_licences()
    assert len(entries) > 500
    assert all(e["text"].strip() and e["licenseListVersion"][0].isdigit() for e in entries)
