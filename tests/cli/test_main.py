"""The top-level group: version, help, and that help does not import heavy libraries."""

import subprocess
import sys

from click.testing import CliRunner

from openness import __version__
from openness.cli.main import cli


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_commands_without_importing_heavy_libraries():
    code = (
        "import sys; from openness.cli.main import cli\n"
        "try:\n    cli(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'lark', 'rich') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "sections" in out
    assert "HEAVY []" in out
