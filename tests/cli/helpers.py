"""What the CLI tests share: running a command in-process and the bundled corpus."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from openness.cli.main import cli

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``openness ARGS``; anything but an exit is a bug."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr
