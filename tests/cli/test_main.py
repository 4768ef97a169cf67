"""The top-level group: version, help that does not import heavy libraries, and the options every
command shares."""

import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from openness import __version__
from openness.cli.main import cli
from tests.cli.helpers import CORPORA, run


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


# -o and -q: given before the subcommand or after it, the one after it winning.

LICENCE = CORPORA / "licences" / "northwind-permissive-1.0.txt"
RULES = 'policy mine "Mine" {\n  rule r "R" {\n    fail if restrict.commercial\n  }\n}\n'


def leaf_commands(group: click.Group, ctx: click.Context, path: tuple[str, ...] = ()):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from leaf_commands(command, ctx, (*path, name))
        else:
            yield (*path, name)


def test_every_subcommand_offers_output_and_quiet():
    with click.Context(cli) as ctx:
        commands = list(leaf_commands(cli, ctx))
    assert len(commands) >= 12
    for command in commands:
        code, out, _ = run(*command, "--help")
        assert code == 0
        assert "-o, --output FILE" in out and "-q, --quiet" in out, command


#: A command line of each kind of command, and a word its report holds.
REPORTS = {
    "kinds": (("kinds",), "restrict.commercial"),
    "rules list": (("rules", "list"), "osd"),
    "sections": (("sections", str(LICENCE)), "1"),
    "identify": (("identify", str(LICENCE)), "northwind-permissive-1.0.txt"),
    "explain": (("explain", "osd.no-discrimination"), "osd.no-discrimination"),
    "analyze": (("analyze", str(LICENCE), "--policy", "osd"), "Open Source Definition"),
    "diff": (("diff", str(LICENCE), str(LICENCE)), "northwind"),
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_output_after_the_subcommand_writes_the_report(tmp_path: Path, name: str):
    args, word = REPORTS[name]
    report = tmp_path / "report.txt"
    code, out, _ = run(*args, "-o", str(report))
    assert code in (0, 1) and out == ""
    assert word in report.read_text("utf-8")


def test_scan_writes_its_table_after_the_subcommand(tmp_path: Path):
    release = tmp_path / "releases" / "kestrel-3"
    shutil.copytree(CORPORA / "releases" / "kestrel-3", release)
    table = tmp_path / "table.csv"
    code, out, _ = run("scan", str(release.parent), "--db", str(tmp_path / "s.sqlite"), "--format", "csv",
                       "--output", str(table))
    assert code in (0, 1) and out == ""
    assert "kestrel-3" in table.read_text("utf-8")


def test_the_subcommands_output_wins_over_the_groups(tmp_path: Path):
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    code, out, _ = run("-o", str(before), "sections", str(LICENCE), "-o", str(after))
    assert code == 0 and out == ""
    assert after.exists() and not before.exists()


def test_the_groups_output_still_applies_when_the_subcommand_gives_none(tmp_path: Path):
    report = tmp_path / "report.txt"
    code, out, _ = run("-o", str(report), "sections", str(LICENCE))
    assert code == 0 and out == "" and report.exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_before_or_after_the_subcommand_silences_notes(tmp_path: Path, where: str):
    rules = tmp_path / "mine.rules"
    rules.write_text(RULES, "utf-8")
    _, _, noted = run("rules", "check", str(rules))
    assert "ok (policy mine" in noted
    args = ("-q", "rules", "check", str(rules)) if where == "before" else ("rules", "check", str(rules), "-q")
    code, _, err = run(*args)
    assert code == 0 and err == ""


def test_quiet_after_the_subcommand_keeps_the_groups_output(tmp_path: Path):
    report = tmp_path / "report.txt"
    code, out, _ = run("-o", str(report), "sections", str(LICENCE), "-q")
    assert code == 0 and out == "" and report.exists()


def test_output_after_the_subcommand_is_guarded_like_before_it(tmp_path: Path):
    licence = tmp_path / "LICENSE.txt"
    shutil.copy(LICENCE, licence)
    before = licence.read_bytes()
    code, _, err = run("identify", str(licence), "-o", str(licence))
    assert code == 2 and "input" in err
    assert licence.read_bytes() == before
