"""``openness diff``: what changed between two versions of a licence or a model release.

:func:`diff` analyses both versions and compares them: clauses are aligned across renumbering,
product renames are detected and set aside, and the result names the findings that changed, the
clauses whose wording changed (cosmetic edits folded into a count), and the verdicts that moved.
"""

from __future__ import annotations

from openness.diff.compare import compare, compare_documents, diff
from openness.diff.model import (SCHEMA, Diff, DocumentDiff, Edit, FindingChange, Move, Rename,
                                 Side, TextChange, VerdictChange)

__all__ = ["SCHEMA", "Diff", "DocumentDiff", "Edit", "FindingChange", "Move", "Rename", "Side",
           "TextChange", "VerdictChange", "compare", "compare_documents", "diff"]
