"""Shared fixtures: where the project's own corpus and the (optional) real corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

#: Hypothesis profiles. "ci", the default, keeps the whole ``fuzz`` set to a few tens of seconds;
#: "long" is for an occasional search (``python -m pytest -m fuzz --hypothesis-profile long``,
#: figures in docs/reliability.md). Neither has a deadline: speed is measured in ``bench/``,
#: never asserted in a test, and a slow example on a loaded machine is not a failure.
settings.register_profile("ci", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
OWN_CORPUS = ROOT / "corpora"
REAL_CORPUS = ROOT.parent / "shared" / "corpora" / "real"


@pytest.fixture(scope="session")
def registry():
    """Every JSON Schema the package ships, by ``$id``: schemas refer to each other's ``$defs``."""
    from referencing import Registry, Resource

    from openness.report import schema

    resources = [Resource.from_contents(schema(p.name.removesuffix(".schema.json")))
                 for p in (ROOT / "src" / "openness" / "report" / "schemas").glob("*.schema.json")]
    return Registry().with_resources((r.contents["$id"], r) for r in resources)


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory):
    """The tests keep checked policies and the licence reference index (built there once) in a
    folder of their own, not in the user's cache (child processes inherit it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPENNESS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def own_corpus() -> Path:
    return OWN_CORPUS


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    """The real licences; tests that need them skip cleanly in a user's fresh clone."""
    if not (REAL_CORPUS / "GROUND_TRUTH.yaml").is_file():
        pytest.skip("../shared/corpora/real is absent")
    return REAL_CORPUS


@pytest.fixture(scope="session")
def ground_truth(real_corpus: Path) -> dict:
    return yaml.safe_load((real_corpus / "GROUND_TRUTH.yaml").read_text("utf-8"))
