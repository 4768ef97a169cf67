"""Errors a user can act on. Anything else reaching the CLI is a bug in openness."""

from __future__ import annotations


class OpennessError(Exception):
    """Root of every error openness reports to the user as one clear line (exit 2)."""


class InputError(OpennessError):
    """A file could not be read as a document; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RuleError(OpennessError):
    """A rule file is invalid; carries its location for ``file:line:column`` messages."""

    def __init__(self, message: str, *, path: str, line: int, column: int) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.problem = message
