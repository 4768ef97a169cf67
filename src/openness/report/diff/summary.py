"""What every diff report says, in words: counts, attribute deltas and shortened redlines.

Renderers differ in markup only; the sentences live here so text, Markdown and HTML agree.
Text and Markdown fold a part added or cut out whole into one entry (:func:`finding_entries`,
:func:`clause_entries`); the HTML page is the full redline and, like JSON, lists every item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Sequence

from openness.diff.model import Diff, Edit, FindingChange, TextChange, VerdictChange

#: Words of unchanged text kept on each side of an edit when a redline is shortened.
CONTEXT = 8

#: Consecutive findings or clauses of a wholly added or removed part shown as one entry: a
#: use policy that moved out of the licence file is one change, not forty.
GROUP_MIN = 4


@dataclass(frozen=True, kw_only=True)
class Group:
    """A run of findings (or clauses) that came or went with whole clauses, shown as one entry.

    The JSON report always lists every item; ``--all-text`` lists them in the others too.
    """

    change: str  # "added" or "removed"
    items: tuple[Any, ...]
    #: Section of the first and of the last item.
    first: str | None
    last: str | None

    def span(self) -> str:
        if self.first == self.last:
            return section(self.first)
        return f"{section(self.first)} … {section(self.last)}"

    def kinds(self) -> str:
        """"restrict.field_of_use ×29, require.attribution ×2" (findings only)."""
        counts = Counter(item.kind for item in self.items)
        return ", ".join(f"{kind} ×{n}" for kind, n in counts.most_common())


def group_heading(group: Group) -> str:
    """"31 findings with removed clauses §A … §B: restrict.field_of_use ×29, ..." or
    "§A … §B removed: 25 clauses"."""
    if isinstance(group.items[0], FindingChange):
        return (f"{plural(len(group.items), 'finding')} with {group.change} clauses {group.span()}: "
                f"{group.kinds()}")
    return f"{group.span()}: {plural(len(group.items), 'clause')}"


def group_sample(group: Group) -> str:
    """The first item's text, shortened, for a glimpse of what the group holds."""
    first = group.items[0]
    if isinstance(first, FindingChange):
        side = first.old or first.new
        text = side.quote if side else ""
    else:
        text = first.old or first.new
    return brief(text)


def group_rest(group: Group) -> str:
    return (f"… and {len(group.items) - 1} more (--all-text lists each; the JSON report always "
            "does)")


def brief(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def finding_entries(diff: Diff) -> list[FindingChange | Group]:
    """The finding changes to show; a run of them that came or went with one stretch of whole
    clauses (a use policy cut out of the licence file) is grouped. A clause removed on its own
    elsewhere is its own stretch, so its findings are never folded into another's."""
    stretch: dict[tuple[str, str | None, str | None], int] = {}
    number, previous = 0, None
    for text in diff.text_changes:
        if text.change not in ("added", "removed"):
            previous = None
            continue
        if text.change != previous:
            number += 1
            previous = text.change
        path, section_id = ((text.path_old, text.old_section) if text.change == "removed"
                            else (text.path_new, text.new_section))
        stretch[(text.change, path, section_id)] = number

    def key(change: FindingChange) -> tuple[str, int] | None:
        side = change.old if change.change == "removed" else change.new
        if change.change == "changed" or side is None:
            return None
        found = stretch.get((change.change, side.path, side.section))
        return None if found is None else (change.change, found)

    def where_of(change: FindingChange) -> str | None:
        side = change.old or change.new
        return side.section if side else None

    return _grouped(diff.changes, key, where_of, diff.all_text)


def clause_entries(diff: Diff) -> list[TextChange | Group]:
    """The wording changes to show, runs of whole added or removed clauses grouped."""
    return _grouped(diff.text_changes,
                    lambda t: t.change if t.change in ("added", "removed") else None,
                    lambda t: t.old_section if t.change == "removed" else t.new_section,
                    diff.all_text)


def _grouped(items: Sequence[Any], key: Any, where_of: Any, all_text: bool) -> list[Any]:
    if all_text:
        return list(items)
    out: list[Any] = []
    run: list[Any] = []

    def close() -> None:
        if len(run) >= GROUP_MIN:
            change = run[0].change
            out.append(Group(change=change, items=tuple(run), first=where_of(run[0]),
                             last=where_of(run[-1])))
        else:
            out.extend(run)
        run.clear()

    for item in items:
        if run and key(item) != key(run[0]):
            close()
        if key(item) is None:
            out.append(item)
        else:
            run.append(item)
    close()
    return out


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def summary_lines(diff: Diff) -> list[str]:
    """The summary that opens every report, one sentence per line."""
    lines = [_findings_line(diff), _wording_line(diff)]
    edits, clauses = diff.folded
    if edits:
        lines.append(f"Cosmetic: {plural(edits, 'edit')} (whitespace, punctuation, typos) folded, "
                     f"{plural(clauses, 'clause')} with nothing else; --all-text shows them.")
    lines.append(_verdicts_line(diff))
    for rename in diff.renames:
        lines.append(f'Renamed throughout: "{rename.old}" -> "{rename.new}" '
                     f"({plural(rename.count, 'place')}); not counted as a change.")
    if diff.moves:
        lines.append("Moved or renumbered: " + ", ".join(
            f"{section(m.old_section)} -> {section(m.new_section)}" for m in diff.moves) + ".")
    for document in diff.documents:
        if document.old_path is None:
            lines.append(f"Added document: {document.new_path} ({document.role}).")
        elif document.new_path is None:
            lines.append(f"Removed document: {document.old_path} ({document.role}).")
    return lines


def _findings_line(diff: Diff) -> str:
    if not diff.changes:
        return "Findings: no finding changed."
    counts = {name: sum(1 for c in diff.changes if c.change == name) for name in ("added", "removed", "changed")}
    return "Findings: " + ", ".join(f"{n} {name}" for name, n in counts.items() if n) + "."


def _wording_line(diff: Diff) -> str:
    shown = diff.text_changes
    if not shown:
        return "Wording: no clause reworded."
    parts = []
    changed = [t for t in shown if t.change == "changed"]
    if changed:
        with_finding = sum(1 for t in changed if t.finding_changed)
        parts.append(plural(len(changed), "clause") + " reworded"
                     + (f" ({with_finding} with a finding change)" if with_finding else ""))
    for name in ("added", "removed"):
        n = sum(1 for t in shown if t.change == name)
        if n:
            parts.append(f"{plural(n, 'clause')} {name}")
    return "Wording: " + ", ".join(parts) + "."


def _verdicts_line(diff: Diff) -> str:
    if not diff.verdict_changes:
        return "Verdicts: no verdict changed."
    rules = sum(1 for v in diff.verdict_changes if v.rule)
    policies = sum(1 for v in diff.verdict_changes if not v.rule)
    bits = [b for b in (plural(policies, "policy", "policies") if policies else "",
                        plural(rules, "rule") if rules else "") if b]
    return "Verdicts: " + " and ".join(bits) + " changed outcome."


def section(section_id: str | None) -> str:
    return f"§{section_id}" if section_id else "(no section)"


def where(change: FindingChange) -> str:
    if change.old and change.new:
        if change.old.section == change.new.section:
            return section(change.new.section)
        return f"{section(change.old.section)} -> {section(change.new.section)}"
    side = change.new or change.old
    assert side is not None
    return section(side.section)


def value(item: Any) -> str:
    if item is None:
        return "(none)"
    if isinstance(item, int) and not isinstance(item, bool):
        return f"{item:,}"
    return str(item)


def deltas(change: FindingChange) -> list[str]:
    """"amount: 50,000,000 -> 100,000,000" for each attribute that differs (changed only)."""
    if change.change != "changed":
        return []
    return [f"{name}: {value(old)} -> {value(new)}" for name, (old, new) in change.deltas.items()]


def attributes(change: FindingChange) -> str:
    side = change.new or change.old
    assert side is not None
    return ", ".join(f"{k}: {value(v)}" for k, v in sorted(side.attributes.items()))


def heading(change: TextChange) -> str:
    if change.change == "changed":
        if change.old_section == change.new_section:
            return section(change.new_section)
        return f"{section(change.old_section)} -> {section(change.new_section)}"
    return f"{section(change.old_section or change.new_section)} {change.change}"


def verdict_line(change: VerdictChange) -> str:
    name = change.rule or f"{change.policy} (overall)"
    return f"{name}: {(change.old or 'not judged').upper()} -> {(change.new or 'not judged').upper()}"


def shortened(edits: Sequence[Edit]) -> list[Edit]:
    """``edits`` with long unchanged stretches cut to :data:`CONTEXT` words around each edit."""
    out = []
    for index, edit in enumerate(edits):
        if edit.op != "equal":
            out.append(edit)
            continue
        words = edit.text.split(" ")
        keep_head = index > 0
        keep_tail = index < len(edits) - 1
        limit = CONTEXT * (keep_head + keep_tail)
        if len(words) <= limit + 2:
            out.append(edit)
            continue
        head = " ".join(words[:CONTEXT]) if keep_head else ""
        tail = " ".join(words[-CONTEXT:]) if keep_tail else ""
        out.append(Edit(op="equal", text=f"{head} … {tail}" if head and tail
                        else (f"{head} …" if head else f"… {tail}"), space=edit.space))
    return out


def visible(edits: Sequence[Edit], all_text: bool) -> list[Edit]:
    """The edits a report shows: cosmetic ones read as the new text unless ``all_text``."""
    out: list[Edit] = []
    for edit in edits:
        if edit.minor and not all_text:
            if edit.op == "delete":
                continue
            edit = Edit(op="equal", text=edit.text)
        if out and out[-1].op == "equal" and edit.op == "equal":
            glue = " " if edit.space else ""
            out[-1] = Edit(op="equal", text=out[-1].text + glue + edit.text, space=out[-1].space)
        else:
            out.append(edit)
    return out


def spaced(pieces: Sequence[tuple[Edit, str]]) -> str:
    """Rendered pieces joined as the source spaced them."""
    out = []
    for index, (edit, text) in enumerate(pieces):
        if index and edit.space:
            out.append(" ")
        out.append(text)
    return "".join(out)
