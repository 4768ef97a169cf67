"""The component view of a release built from its documents' findings."""

from __future__ import annotations

from pathlib import Path

from openness.disclose import disclosure_findings
from openness.disclose.components import license_identity, release_components
from openness.ingest import load
from openness.roles import detect_role


def _release(tmp_path: Path, files: dict[str, str]):
    documents = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
        documents.append(load(tmp_path / name))
    findings = {d.path: disclosure_findings(d) for d in documents if detect_role(d) != "license"}
    return release_components(findings, documents)


README = (
    "# Owl 1\n\nThe code and the Owl 1 weights in this release are licensed under the Apache 2.0 license.\n\n"
    "Owl 1 was trained on 2 trillion tokens of carefully curated data.\n"
)


def test_statements_license_the_components_they_name(tmp_path: Path) -> None:
    components = _release(tmp_path, {"README.md": README})
    assert components.weights.status == "available"
    assert components.weights.license.id == "apache-2.0"
    assert components.weights.license.source == "statement"
    assert components.data_information.status == "vague"
    assert components.training_code.status == "not_available"
    assert components.inference_code.status == "unknown"


def test_a_licence_document_covers_what_no_statement_does(tmp_path: Path) -> None:
    licence = "Owl Community Licence Agreement, version 2.0\n\n1. You may use Owl.\n"
    card = "# Owl 1\n\nThe weights are available at https://owl.example/weights.\n"
    components = _release(tmp_path, {"LICENSE": licence, "README.md": card})
    assert components.weights.license.id == "Owl Community Licence Agreement, version 2.0"
    assert components.weights.license.source == "license_document"
    assert [lic.id for lic in components.licenses] == ["Owl Community Licence Agreement, version 2.0"]


def test_no_disclosure_document_means_unknown(tmp_path: Path) -> None:
    components = _release(tmp_path, {"LICENSE": "MIT License\n\nPermission is hereby granted.\n"})
    assert {c.name: c.status for c in components} == {
        "weights": "unknown", "training_code": "unknown", "inference_code": "unknown", "data_information": "unknown",
    }
    assert components.to_json()["licenses"][0]["id"] == "mit"


def test_license_identity_from_front_matter(tmp_path: Path) -> None:
    (tmp_path / "LICENSE.md").write_text("---\nidentifier: LicenseRef-Owl-1.0\n---\n# Owl Licence\n", "utf-8")
    identity = license_identity(load(tmp_path / "LICENSE.md"))
    assert identity.id == "LicenseRef-Owl-1.0" and identity.evidence.line == 2


def test_to_json_shape(tmp_path: Path) -> None:
    data = _release(tmp_path, {"README.md": README}).to_json()
    assert data["schema"] == "openness.components/1"
    assert [c["name"] for c in data["components"]] == ["weights", "training_code", "inference_code", "data_information"]
    assert data["components"][0]["license"]["evidence"]["quote"].startswith("The code and the Owl 1 weights")


def test_weights_not_publicly_released_are_unavailable(tmp_path: Path) -> None:
    # Regression: an adverb between "not" and "released" read as a release.
    card = tmp_path / "README.md"
    card.write_text("# Owl 1\n\n## Model weights\n\nThe model weights are not publicly released; "
                    "the model is available only through our API.\n", "utf-8")
    (weights,) = [f for f in disclosure_findings(load(card)) if f.kind == "disclose.weights"]
    assert weights.attributes["available"] is False
    assert "not publicly released" in weights.evidence.quote


def test_roles_settled_by_the_caller_are_used(tmp_path: Path) -> None:
    # A card the caller calls a data card (e.g. `--role CARD.md=data_card`): its front-matter
    # licence is the data's, no longer the weights'.
    card = tmp_path / "CARD.md"
    card.write_text("---\nlicense: cc-by-4.0\n---\n# Owl corpus\n\nThe Owl corpus is released at "
                    "https://huggingface.co/datasets/owl/corpus.\n", "utf-8")
    doc = load(card)
    findings = {doc.path: disclosure_findings(doc)}
    as_detected = release_components(findings, [doc])
    as_data_card = release_components(findings, [doc], {doc.path: "data_card"})
    assert as_detected.data_information.license is None
    assert as_data_card.data_information.license is not None
    assert as_data_card.data_information.license.id == "cc-by-4.0"
