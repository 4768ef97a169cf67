"""spaCy, imported without its command line. Import this module before the first ``spacy``.

spaCy's package ``__init__`` imports ``spacy.cli.info`` for the ``spacy.info`` function, and with
it the whole command-line package: typer, requests, httpx and every ``spacy`` subcommand: a third
of ``import spacy`` (measured on spaCy 3.8.13, the oldest we allow, and 3.8.18: 1.59 -> 1.01 s
and 1.41 -> 1.04 s, medians of 11 fresh interpreters on a busy host; see docs/benchmarks.md),
paid by every ``openness analyze``, which never runs spaCy's CLI. spaCy's maintainers made the
import lazy upstream (explosion/spaCy#12962); no 3.x release carries it.

So while ``spacy`` itself is imported, ``spacy.cli`` and ``spacy.cli.info`` are placeholders;
they are removed again at once, so a later ``import spacy.cli`` loads the real package, and
``spacy.info`` loads the real function on its first call. When spaCy is already imported (a
program that uses openness as a library), nothing happens.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> None:
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` can be a module of it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    placeholders = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(placeholders)
    try:
        import spacy
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    # `from .cli.info import info` also bound the placeholder package as an attribute.
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli


_import_spacy()
