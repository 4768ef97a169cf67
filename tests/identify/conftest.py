"""Every test here identifies against the session's reference index (see ``identify_cache``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.identify.identification import reference_index
from openness.identify.reference import ReferenceIndex


@pytest.fixture(scope="session", autouse=True)
def index(identify_cache: Path) -> ReferenceIndex:
    return reference_index()


@pytest.fixture(scope="session")
def reference_text(index: ReferenceIndex):
    """The SPDX text of a licence, as the installed package ships it."""

    def text(licence_id: str) -> str:
        found = index.by_id(licence_id)
        assert found is not None, licence_id
        return found.text

    return text
