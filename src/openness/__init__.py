"""openness: how open is an AI model, really? Licences and disclosures read with evidence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("openness")
except PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
