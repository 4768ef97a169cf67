"""``python -m openness.evaluate [PATH]``: the same as ``openness eval``."""

from openness.cli.eval import eval_command

eval_command(prog_name="python -m openness.evaluate")
