"""Role detection: what part each document plays in a release."""

from pathlib import Path

import pytest
import yaml

from openness.ingest import load
from openness.model import Document
from openness.roles import detect_role, parse_role_override, role_from_name

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
KEY = yaml.safe_load((CORPORA / "expected.yaml").read_text("utf-8"))


@pytest.mark.parametrize("entry", KEY["documents"], ids=lambda e: e["file"])
def test_own_corpus_roles(entry):
    assert detect_role(load(CORPORA / entry["file"])) == entry["role"]


@pytest.mark.parametrize("name, role", [
    ("LICENSE", "license"), ("MODEL_LICENSE_AGREEMENT_v1.0.txt", "license"),
    ("Gemma-Terms-of-Use-20240221.txt", "license"), ("AUP.md", "use_policy"),
    ("Acme-Prohibited-Use-Policy.txt", "use_policy"), ("NOTICE.txt", "notice"),
    ("data_card.md", "data_card"), ("MODEL_CARD.md", "model_card"), ("README.md", "readme"),
    ("OpenELM_README.md", "readme"), ("notes.txt", None),
])
def test_role_from_name(name, role):
    assert role_from_name(name) == role


def doc(text: str, path: str = "terms.txt") -> Document:
    return Document(path=path, text=text, format="txt", sha256="0")


def test_a_licence_that_names_its_use_policy_is_a_licence():
    # Regression: the use-policy cue over the first 40 lines used to win over the title.
    text = "ACME MODEL LICENCE AGREEMENT\n\nYou must follow the Acme Acceptable Use Policy.\n"
    assert detect_role(doc(text)) == "license"


def test_a_use_policy_by_its_title():
    text = "Acme Acceptable Use Policy\n\nYou agree not to use the model to break the law.\n"
    assert detect_role(doc(text)) == "use_policy"


def test_a_readme_with_model_card_headings_is_a_model_card():
    assert detect_role(doc("# Acme 7B\n\n## Training Data\n\nWeb text.\n", "README.md")) == "model_card"
    assert detect_role(doc("# acme-tools\n\nInstall with pip.\n", "README.md")) == "readme"


def test_role_override_is_validated():
    assert parse_role_override("a/b.txt=license") == ("a/b.txt", "license")
    with pytest.raises(ValueError, match="unknown role 'poster'"):
        parse_role_override("a.txt=poster")
    with pytest.raises(ValueError, match="PATH=ROLE"):
        parse_role_override("license")
