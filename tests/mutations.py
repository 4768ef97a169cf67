"""Hypothesis strategies that damage the project's own files the way the world does: bytes
flipped, runs cut out or repeated, files cut short. Shared by the ``fuzz`` tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


@st.composite
def mutated_bytes(draw: st.DrawFn, sources: Sequence[bytes], *, most: int = 8) -> bytes:
    """One of ``sources`` with up to ``most`` edits: a byte changed, a run deleted, a run
    repeated, random bytes inserted, or the file cut short."""
    data = bytearray(draw(st.sampled_from(sources)))
    for _ in range(draw(st.integers(1, most))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        length = draw(st.integers(1, 64))
        edit = draw(st.sampled_from(["flip", "delete", "repeat", "insert", "truncate"]))
        if edit == "flip":
            data[at] = draw(st.integers(0, 255))
        elif edit == "delete":
            del data[at : at + length]
        elif edit == "repeat":
            data[at:at] = data[at : at + length] * draw(st.integers(1, 16))
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=length))
        else:
            del data[at:]
    return bytes(data)


@st.composite
def mutated_text(draw: st.DrawFn, sources: Sequence[str], *, most: int = 8) -> str:
    """One of ``sources`` with up to ``most`` edits of whole lines (deleted, repeated, moved)
    and characters (changed, inserted)."""
    lines = draw(st.sampled_from(sources)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, most))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["delete", "repeat", "move", "change", "insert"]))
        if edit == "delete":
            del lines[at]
        elif edit == "repeat":
            lines.insert(at, lines[at])
        elif edit == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(at))
        else:
            line = lines[at]
            pos = draw(st.integers(0, len(line)))
            cut = pos + (1 if edit == "change" else 0)
            lines[at] = line[:pos] + draw(st.text(min_size=1, max_size=4)) + line[cut:]
    return "".join(lines)


#: Explicit YAML tags of the safe schema, and none (the type then read off the value's look).
_TAGS = st.sampled_from(["", "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ",
                         "!!str ", "!!set ", "!!omap ", "!!python/object "])
#: Scalars that look like numbers, dates and times, right or wrong.
_LOOKS = st.text(alphabet="0123456789-:._+TtZ xXoObe", max_size=24)


@st.composite
def yaml_mappings(draw: st.DrawFn, keys: Sequence[str] = ()) -> str:
    """A YAML mapping whose values carry tags and look like the types they may not be:
    ``released: 2001-13-45``, ``count: !!int _``, ``date: !!timestamp 25:61``."""
    names = st.sampled_from(list(keys)) if keys else st.text(alphabet="abcdefgh_", min_size=1, max_size=8)
    lines = [f"{draw(names)}: {draw(_TAGS)}{draw(_LOOKS)}" for _ in range(draw(st.integers(1, 6)))]
    return "\n".join(lines) + "\n"
