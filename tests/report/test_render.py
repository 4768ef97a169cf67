"""The format enum and the one entry point the CLI calls."""

from __future__ import annotations

import subprocess
import sys

import pytest

from openness.cli.analyze import FORMATS
from openness.report import Format, render


def test_every_analysis_format_has_a_renderer(analysis):
    assert set(FORMATS) < set(Format)
    for fmt in FORMATS:
        assert render(analysis, fmt, color=False).strip()


def test_format_names_are_accepted_as_strings(analysis):
    assert render(analysis, "json", color=False) == render(analysis, Format.JSON, color=True)


def test_an_unknown_format_is_refused(analysis):
    with pytest.raises(ValueError, match="'pdf' is not a valid Format"):
        render(analysis, "pdf", color=False)


def test_machine_formats_do_not_import_rich():
    code = (
        "import sys\n"
        "from openness.model import Analysis\n"
        "from openness.report import render\n"
        "for fmt in ('json', 'sarif', 'markdown', 'html'):\n"
        "    render(Analysis(documents=(), findings=()), fmt, color=False)\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_analysis_with_nothing_read_still_renders(fmt):
    from openness.model import Analysis, DocumentResult

    nothing = Analysis(documents=(DocumentResult(path="gone.pdf", role="other", error="does not exist"),),
                       findings=())
    report = render(nothing, fmt, color=False)
    assert "gone.pdf" in report
