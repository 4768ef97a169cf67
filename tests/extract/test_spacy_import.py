"""spaCy is imported without its command line, and nothing of spaCy is lost by it."""

import subprocess
import sys

CHECK = """
import sys
from openness.extract.pipeline import load_pipeline
import spacy
assert not [m for m in sys.modules if m.startswith(("spacy.cli", "typer", "requests", "httpx"))], \\
    sorted(m for m in sys.modules if m.startswith(("spacy.cli", "typer", "requests", "httpx")))
assert [t.text for t in load_pipeline()("You may use it.")] == ["You", "may", "use", "it", "."]
import spacy.cli
assert spacy.cli.info.__module__ == "spacy.cli.info"  # the real package loads when asked for
info = spacy.info(markdown=False, silent=True)
assert info["spacy_version"] == spacy.__version__, info
"""


def test_spacy_without_its_cli_until_asked_for() -> None:
    # A child process: this test session may have imported spaCy already.
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
