import pytest

from openness.model import Evidence, Finding


@pytest.fixture
def finding():
    def make(kind, line=1, quote="a clause", section="2", path="LICENSE", **attributes):
        evidence = Evidence(path=path, quote=quote, section=section, page=None, line=line,
                            start=line * 100, end=line * 100 + len(quote))
        return Finding(kind=kind, attributes=attributes, evidence=evidence)

    return make
