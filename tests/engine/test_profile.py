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
