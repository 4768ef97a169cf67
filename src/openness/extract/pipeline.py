"""Builds the spaCy pipeline from the committed ``pipeline.cfg``, once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources

import spacy
from spacy.language import Language

# Registering the factories is a side effect of importing their modules.
from openness.extract import classifier, cues, glossary, rules, tokenizer, units  # noqa: F401

#: Texts longer than spaCy's default limit (1,000,000 characters) are fine for this pipeline:
#: it holds no parser or tagger whose memory grows with the text.
MAX_LENGTH = 50_000_000


@cache
def load_pipeline() -> Language:
    """The extractor's pipeline (a blank English tokenizer plus openness's components)."""
    with resources.as_file(resources.files("openness.extract").joinpath("pipeline.cfg")) as path:
        config = spacy.util.load_config(path)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.max_length = MAX_LENGTH
    return nlp
