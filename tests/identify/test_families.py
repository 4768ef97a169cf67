"""Family figures: what settles how close a copy of an AI licence is when no text is compared."""

from __future__ import annotations

from openness.identify.families import families
from openness.identify.identification import figures_match
from openness.identify.model import Match
from openness.model import Evidence, Finding


def _cap(count: int, metric: str = "monthly_active_users") -> Finding:
    quote = f"more than {count} {metric}"
    return Finding(kind="restrict.user_threshold", attributes={"count": count, "metric": metric},
                   evidence=Evidence(path="LICENSE", quote=quote, section="2", page=None, line=7,
                                     start=0, end=len(quote)))


def _family(key: str):
    return next(f for f in families() if f.key == key)


def test_every_figure_read_and_unchanged_is_exact() -> None:
    assert figures_match(_family("llama-3"), [_cap(700_000_000)]) == (Match.EXACT, ())


def test_a_changed_figure_is_a_variant_with_the_passage_and_the_familys_figure() -> None:
    match, (passage,) = figures_match(_family("llama-3"), [_cap(700_000_000), _cap(50_000_000)])
    assert match is Match.VARIANT
    assert (passage.quote, passage.line, passage.section) == ("more than 50000000 monthly_active_users", 7, "2")
    assert passage.expected == "count 700000000, metric monthly_active_users"


def test_a_figure_not_read_settles_nothing() -> None:
    assert figures_match(_family("llama-3"), []) == (Match.UNKNOWN, ())
    assert figures_match(_family("llama-3"), None) == (Match.UNKNOWN, ())


def test_a_family_without_figures_is_unknown_whatever_was_read() -> None:
    no_figures = next(f for f in families() if not f.figures)
    assert figures_match(no_figures, [_cap(700_000_000)]) == (Match.UNKNOWN, ())


def test_figures_name_taxonomy_kinds_and_attributes() -> None:
    from openness.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    for family in families():
        for figure in family.figures:
            kind = taxonomy.kinds[figure.kind]
            assert {name for name, _ in figure.attributes} <= set(kind.attributes), family.key
