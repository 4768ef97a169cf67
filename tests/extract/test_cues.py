"""The cue finder: the head prefilter of the token patterns loses no match."""

from __future__ import annotations

from pathlib import Path

from openness.extract.findings import _locator
from openness.extract.layout import line_breaks, text_lines
from openness.extract.pipeline import load_pipeline
from openness.extract.units import BREAKS_KEY, TEXT_KEY, UNITS_KEY
from openness.ingest import load
from openness.ingest.normalize import analysis_view

ROOT = Path(__file__).resolve().parents[2] / "corpora"


def test_the_head_prefilter_never_hides_a_token_cue() -> None:
    # run the token Matcher on every unit's head and check that each unit where it finds
    # something is one the prefilter lets through
    nlp = load_pipeline()
    cues = nlp.get_pipe("openness_cues")
    total = 0
    for path in sorted(ROOT.glob("licences/*.txt")):
        doc = load(path)
        view = analysis_view(doc)
        sdoc = nlp.make_doc(view.text)
        sdoc.user_data[BREAKS_KEY] = line_breaks(text_lines(doc.text), _locator(view, len(view.text)))
        sdoc.user_data[TEXT_KEY] = view.text
        sdoc = nlp.get_pipe("openness_units")(sdoc)
        units = sdoc.user_data[UNITS_KEY]
        matched = {i for i, u in enumerate(units)
                   if cues.tokens(sdoc[u.start : min(u.end, u.start + cues.head_tokens)])}
        assert matched <= set(cues._worth_matching(sdoc, units)), path.name
        total += len(matched)
    assert total > 0, "the corpus licences define terms: the Matcher must find some"
