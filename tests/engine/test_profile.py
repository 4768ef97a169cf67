"""Profiles from YAML: the same notation as rule files, one clear error for a bad field."""

from decimal import Decimal

import pytest

from openness.dsl.resources import builtin_rules_root
from openness.engine import Profile
from openness.engine.values import Money
from openness.errors import InputError


def test_example_profile_file():
    profile = Profile.from_file(builtin_rules_root() / "example-profile.yaml")
    assert profile.get("monthly_active_users") == 40_000_000
    assert profile.get("annual_revenue") == Money(amount=Decimal(12_000_000_000), currency="USD")
    assert profile.get("regions") == ("EU", "US", "UK")


def test_mapping_forms():
    profile = Profile.from_mapping({"daily_active_users": 5000, "annual_revenue": {"amount": "2M", "currency": "EUR"},
                                    "intended_uses": "chat"})
    assert profile.get("daily_active_users") == 5000
    assert profile.get("annual_revenue").currency == "EUR"
    assert profile.get("intended_uses") == ("chat",)


@pytest.mark.parametrize("raw, message", [
    ({"monthly_users": 5}, "unknown profile field `monthly_users`; did you mean `monthly_active_users`?"),
    ({"annual_revenue": "12B"}, "profile field `annual_revenue`: an amount needs its currency, e.g. `12B USD`, got '12B'"),
    ({"monthly_active_users": "40X"}, "profile field `monthly_active_users`: bad number suffix `X` in `40X`"),
])
def test_bad_fields(raw, message):
    with pytest.raises(InputError) as caught:
        Profile.from_mapping(raw, "me.yaml")
    assert str(caught.value) == f"me.yaml: {message}"


def test_not_yaml(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("- just\n- a list\n", "utf-8")
    with pytest.raises(InputError, match="a profile is a YAML mapping"):
        Profile.from_file(path)


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))


@pytest.mark.parametrize("text, problem", [
    (LAUGHS, "billion laughs"),
    ("? [monthly_active_users]\n: 5\n", "a key must be a plain value"),
    ("? {a: 1}\n: 5\n", "a key must be a plain value"),
])
def test_a_hostile_profile_is_one_clear_error(tmp_path, text: str, problem: str):
    path = tmp_path / "profile.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        Profile.from_file(path)
    assert str(caught.value).startswith(f"{path}: the profile is refused: ")
    assert problem in str(caught.value)


def test_a_few_aliases_are_still_read(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("regions: &r [EU, US]\nexport_regions: *r\n", "utf-8")
    with pytest.raises(InputError, match="unknown profile field `export_regions`"):
        Profile.from_file(path)  # read past the aliases to the fields


def test_a_profile_over_the_size_limit_is_refused(tmp_path):
    from openness.engine.profile import MAX_PROFILE_BYTES

    path = tmp_path / "profile.yaml"
    path.write_text("# " + "x" * MAX_PROFILE_BYTES + "\n", "utf-8")
    with pytest.raises(InputError, match="over the size limit of 64 KB"):
        Profile.from_file(path)
