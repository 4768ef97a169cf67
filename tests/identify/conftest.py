"""Every test here identifies against the session's reference index, built once in the test
session's cache folder (see ``own_cache_folder``)."""

from __future__ import annotations

import pytest

from openness.identify.identification import reference_index
from openness.identify.reference import ReferenceIndex


@pytest.fixture(scope="session", autouse=True)
def index() -> ReferenceIndex:
    return reference_index()


@pytest.fixture(scope="session")
def reference_text(index: ReferenceIndex):
    """The SPDX text of a licence, as the installed package ships it."""

    def text(licence_id: str) -> str:
        found = index.by_id(licence_id)
        assert found is not None, licence_id
        return found.text

    return text
