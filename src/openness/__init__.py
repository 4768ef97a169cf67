"""openness: how open is an AI model, really? Licences and disclosures read with evidence."""

#: The one place the version is written (pyproject reads it through hatch); reading it from
#: the installed metadata instead cost a tenth of a second on every command.
__version__ = "0.1.0"

__all__ = ["Analysis", "Release", "__version__", "analyze", "extract_findings"]


#: Public API names, imported on first use so that `import openness` stays light (no spaCy).
_LAZY = {
    "analyze": "openness.analysis",
    "Analysis": "openness.model",
    "Release": "openness.analysis",
    "extract_findings": "openness.extract",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'openness' has no attribute {name!r}")
