"""The ``openness`` click group.

Subcommands are imported only when invoked, so ``openness --help`` does not pay for spaCy,
pdfplumber or lark.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import replace

import click

from openness import __version__
from openness.cli.common import Settings, shared_options
from openness.report import Format

#: command name -> "module:attribute" of its click command.
COMMANDS: dict[str, str] = {
    "rules": "openness.cli.rules:rules",
    "explain": "openness.cli.explain:explain",
    "analyze": "openness.cli.analyze:analyze",
    "sections": "openness.cli.sections:sections",
    "clauses": "openness.cli.clauses:clauses",
    "eval": "openness.cli.eval:eval_command",
    "diff": "openness.cli.diff:diff",
    "identify": "openness.cli.identify:identify",
    "scan": "openness.cli.scan:scan",
    "kinds": "openness.cli.kinds:kinds",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="openness")
@click.option("--format", "fmt", type=click.Choice([f.value for f in Format]), default=None,
              help="Output format for every command (a command's own --format wins).")
@shared_options
@click.pass_context
def cli(ctx: click.Context, fmt: str | None) -> None:
    """Read AI-model licences and disclosures and say, with evidence, how open a model is."""
    ctx.obj = replace(ctx.find_object(Settings) or Settings(), format=fmt)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="openness")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
