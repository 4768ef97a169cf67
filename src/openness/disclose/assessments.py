"""Our component judgments next to third-party openness assessments of the same systems.

Two independent sources rate real releases component by component: the European Open Source AI
Index (``_assessments_osai-index/*.yaml``: per-dimension ``class`` open / partial / closed) and
the LF AI Model Openness Tool (``_assessments_mot/*.yml``: the MOF components a release
publishes). This module reads both, finds the corpus documents of the same system through
GROUND_TRUTH.yaml's ``osaid_validation.systems`` (system name or organisation, then
``corpus_ids``), runs the disclosure analysis on them and compares four dimensions:

* training data — ours released -> open, described -> partial, vague/none -> closed;
  MOT: a ``Datasets`` component -> open, else a ``Data card`` -> partial, else closed.
* training code — ours available -> open; OSAI partial counts as open (something is published);
  MOT: a ``Training code`` component.
* weights — ours available -> open; OSAI ``weights_basemodel`` partial counts as open (published
  under restrictive terms); MOT: ``Model parameters (Final)``.
* licence — open when the licence we find for the weights is OSI-approved; OSAI ``licenses``
  (partial counts as closed); MOT: the release's distribution licence, else the parameters'.

Assessments that GROUND_TRUTH's note says describe another model version are flagged, so a
disagreement there is not counted as an error of either side. A dimension no corpus document
covers (no model card obtained) is ``unknown`` on our side and left out of the agreement.

Run: ``python -m openness.disclose.assessments ../shared/corpora/real``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from openness.disclose import disclosure_findings, patterns
from openness.disclose.components import Components, release_components
from openness.ingest import load
from openness.roles import detect_role

DIMENSIONS = ("training_data", "training_code", "weights", "license")
_OSAI_FIELDS = {
    "training_data": "datasources_basemodel",
    "training_code": "trainingcode",
    "weights": "weights_basemodel",
    "license": "licenses",
}
_MOT_COMPONENTS = {
    "training_code": "Training code",
    "weights": "Model parameters (Final)",
}


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """One dimension of one assessed system: our judgment and theirs."""

    source: str
    assessment: str
    system: str
    dimension: str
    ours: str
    theirs: str
    #: The assessment describes another version of the model (GROUND_TRUTH's note).
    other_version: bool

    @property
    def agree(self) -> bool:
        return self.ours == self.theirs


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _match(systems: list[dict[str, Any]], name: str, org: str) -> dict[str, Any] | None:
    key = _norm(name)
    for system in systems:
        own = _norm(system["system"])
        if own and key and (key.startswith(own) or own.startswith(key)):
            return system
    org_key = _norm(org)
    for system in systems:
        own = _norm(system.get("org", ""))
        if own and org_key and (org_key.startswith(own) or own.startswith(org_key)):
            return system
    return None


def _files(ground_truth: dict[str, Any], corpus_ids: list[str]) -> list[str]:
    by_id = {e["id"]: e["file"] for e in ground_truth.get("licenses", []) + ground_truth.get("disclosures", [])
             if "id" in e and "file" in e}
    return [by_id[i] for i in corpus_ids if i in by_id]


def _components(root: Path, files: list[str]) -> Components:
    documents = [load(root / f) for f in files]
    findings = {d.path: disclosure_findings(d) for d in documents if detect_role(d) != "license"}
    return release_components(findings, documents)


def _ours(components: Components) -> dict[str, str]:
    """Our judgment per dimension; ``unknown`` where no document of the corpus covers it."""

    def available(status: str) -> str:
        return {"available": "open", "unknown": "unknown"}.get(status, "closed")

    data = {"released": "open", "described": "partial", "unknown": "unknown"}.get(
        components.data_information.status, "closed"
    )
    weights_license = components.weights.license
    if weights_license is not None:
        license_class = "open" if patterns.osi_approved(weights_license.id) else "closed"
    else:
        license_class = "unknown"
    return {
        "training_data": data,
        "training_code": available(components.training_code.status),
        "weights": available(components.weights.status),
        "license": license_class,
    }


def _theirs_osai(raw: dict[str, Any]) -> dict[str, str]:
    result = {}
    for dimension, key in _OSAI_FIELDS.items():
        value = str((raw.get(key) or {}).get("class", "closed"))
        if dimension in ("training_code", "weights") and value == "partial":
            value = "open"
        if dimension == "license" and value == "partial":
            value = "closed"
        result[dimension] = value
    return result


def _theirs_mot(raw: dict[str, Any]) -> dict[str, str]:
    release = raw["release"]
    present = {c["name"]: c for c in release.get("components", [])}
    data = "open" if "Datasets" in present else "partial" if "Data card" in present else "closed"
    result = {"training_data": data}
    for dimension, name in _MOT_COMPONENTS.items():
        result[dimension] = "open" if name in present else "closed"
    license_name = ((release.get("license") or {}).get("distribution") or {}).get("name")
    if not license_name and "Model parameters (Final)" in present:
        license_name = present["Model parameters (Final)"].get("license")
    result["license"] = "open" if license_name and patterns.osi_approved(str(license_name)) else "closed"
    return result


def _other_versions(ground_truth: dict[str, Any]) -> set[str]:
    note = str(ground_truth.get("osaid_validation", {}).get("third_party_assessments", {}).get("note", ""))
    caveat = note.split("Caveat", 1)[1] if "Caveat" in note else ""
    return set(re.findall(r"([\w.-]+\.ya?ml)", caveat))


def _versions_differ(system: str, model: str) -> bool:
    """Both names carry a version and neither extends the other ("Phi-2" vs "Phi-4")."""
    own, other = _norm(system), _norm(model)
    if not (re.search(r"\d", own) and re.search(r"\d", other)):
        return False
    return not (other.startswith(own) or own.startswith(other))


def compare(root: Path) -> list[Comparison]:
    """Every dimension of every assessment whose system has documents in the corpus at ``root``."""
    ground_truth = yaml.safe_load((root / "GROUND_TRUTH.yaml").read_text("utf-8"))
    systems = ground_truth["osaid_validation"]["systems"]
    flagged = _other_versions(ground_truth)
    sources = (("osai-index", "_assessments_osai-index", "*.yaml"), ("mot", "_assessments_mot", "*.yml"))
    result: list[Comparison] = []
    for source, folder, glob in sources:
        for path in sorted((root / folder).glob(glob)):
            raw = yaml.safe_load(path.read_text("utf-8"))
            if source == "mot":
                name, org = raw["release"]["name"], raw["release"].get("producer", "")
                theirs = _theirs_mot(raw)
            else:
                name, org = raw["system"]["name"], raw.get("org", {}).get("name", "")
                theirs = _theirs_osai(raw)
            model = raw["release"]["name"] if source == "mot" else raw["system"].get("basemodelname") or name
            system = _match(systems, name, org)
            files = _files(ground_truth, system["corpus_ids"]) if system else []
            if not files:
                continue
            ours = _ours(_components(root, files))
            for dimension in DIMENSIONS:
                result.append(
                    Comparison(
                        source=source,
                        assessment=path.name,
                        system=system["system"],
                        dimension=dimension,
                        ours=ours[dimension],
                        theirs=theirs[dimension],
                        other_version=path.name in flagged or _versions_differ(system["system"], str(model)),
                    )
                )
    return result


def table(comparisons: list[Comparison]) -> str:
    """A Markdown table of the comparisons, then agreement per dimension."""
    lines = ["| source | assessment | system | dimension | ours | theirs | agree |", "|---|---|---|---|---|---|---|"]
    for c in comparisons:
        agree = "yes" if c.agree else ("no (other version)" if c.other_version else "no")
        if c.ours == "unknown":
            agree = "not covered"
        lines.append(f"| {c.source} | {c.assessment} | {c.system} | {c.dimension} | {c.ours} | {c.theirs} | {agree} |")
    lines += ["", "| dimension | agree / compared | excluding other versions |", "|---|---|---|"]
    for dimension in DIMENSIONS:
        rows = [c for c in comparisons if c.dimension == dimension and c.ours != "unknown"]
        same = [c for c in rows if not c.other_version]
        lines.append(
            f"| {dimension} | {sum(c.agree for c in rows)}/{len(rows)} | "
            f"{sum(c.agree for c in same)}/{len(same)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not (Path(args[0]) / "GROUND_TRUTH.yaml").is_file():
        print("usage: python -m openness.disclose.assessments CORPUS_DIR (holding GROUND_TRUTH.yaml)",
              file=sys.stderr)
        return 2
    print(table(compare(Path(args[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
