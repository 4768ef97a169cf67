"""The fast YAML reader reads what yaml.safe_load reads, and refuses what it refuses."""

import pytest
import yaml

from openness.yamldata import safe_load


def test_reads_like_safe_load() -> None:
    text = "license: apache-2.0\ndatasets:\n  - c4\n  - pile\nsize: 7B\nopen: yes\n"
    assert safe_load(text) == yaml.safe_load(text)


def test_refuses_python_objects() -> None:
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")


def test_untrusted_yaml_is_bounded_behind_its_aliases():
    import pytest

    from openness.yamldata import MAX_ALIASED_NODES, UnsafeYAML, load_untrusted

    assert load_untrusted("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}
    fan = "a: &a [" + ", ".join(["x"] * 40) + "]\nb: [" + ", ".join(["*a"] * 40) + "]\n"
    with pytest.raises(UnsafeYAML, match=f"more than {MAX_ALIASED_NODES} values"):
        load_untrusted(fan)
    with pytest.raises(UnsafeYAML, match="line 1: a key must be a plain value"):
        load_untrusted("[a, b]: 1\n")


def test_deeply_nested_untrusted_yaml_is_an_error_not_a_crash():
    import pytest
    import yaml

    from openness.yamldata import load_untrusted

    with pytest.raises(yaml.YAMLError):
        load_untrusted("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("value", ["2001-13-45", "0000-01-01", "2001-02-03T25:00:00Z", "!!int _",
                                   "!!int 0x", "!!float abc", "!!bool x", "!!timestamp x",
                                   "!!int " + "9" * 5000])
def test_untrusted_values_that_are_not_their_type_are_refused(value: str) -> None:
    """Issue 17: PyYAML's safe constructors raise ValueError, IndexError, KeyError or
    AttributeError for these, which reached the user as a traceback from a profile or a
    model card's front matter."""
    from openness.yamldata import UnsafeYAML, load_untrusted

    with pytest.raises(UnsafeYAML, match="a value cannot be read as its type"):
        load_untrusted(f"released: {value}\n")
