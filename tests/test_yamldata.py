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
