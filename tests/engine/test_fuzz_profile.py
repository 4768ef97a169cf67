"""Damaged and random profiles: a Profile or one InputError naming the file, never another
exception. Profiles are YAML that a user (or a pull request) writes, so every YAML shape is
fair: the example profile mutated, field values of every type, random YAML marks."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openness.dsl.literals import PROFILE_FIELDS
from openness.dsl.resources import builtin_rules_root
from openness.engine import Profile
from openness.errors import InputError
from tests.mutations import mutated_bytes, mutated_text, yaml_mappings

pytestmark = pytest.mark.fuzz

EXAMPLE = (builtin_rules_root() / "example-profile.yaml").read_text("utf-8")
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
                    st.sampled_from(["40M", "12B USD", "1e309", "-5K", "0x1F", "2001-13-45", "EUR 5"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=8)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def read(folder: Path, data: bytes) -> None:
    path = folder / "profile.yaml"
    path.write_bytes(data)
    try:
        profile = Profile.from_file(path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ")
        return
    assert set(profile.values) <= set(PROFILE_FIELDS)


@given(mutated_text([EXAMPLE]))
def test_mutated_example_profile(folder: Path, text: str) -> None:
    read(folder, text.encode("utf-8"))


@given(mutated_bytes([EXAMPLE.encode("utf-8")]))
def test_mutated_profile_bytes(folder: Path, data: bytes) -> None:
    read(folder, data)


@given(yaml_mappings([*PROFILE_FIELDS, "since"]))
def test_values_that_are_not_their_type(folder: Path, text: str) -> None:
    read(folder, text.encode("utf-8"))


@given(st.dictionaries(st.one_of(st.sampled_from(list(PROFILE_FIELDS)), st.text(max_size=8)), VALUES, max_size=6))
def test_fields_with_values_of_any_type(raw: dict) -> None:
    try:
        profile = Profile.from_mapping(raw, "profile.yaml")
    except InputError as exc:
        assert exc.path == "profile.yaml"  # the CLI escapes what the problem echoes
        return
    assert set(profile.values) == {str(name) for name in raw}
