from __future__ import annotations

from openness.ingest.headers import strip_running


def test_page_numbers_and_titles_repeated_at_edges_are_removed() -> None:
    bodies = [f"Clause {n} of the terms.\nIt reads {w}." for n, w in zip((1, 4, 5, 9, 12), "abcde")]
    pages = [f"ACME LICENCE\n\n{body}\n\n- {i} -" for i, body in enumerate(bodies, 1)]
    result = strip_running(pages)
    assert result.pages == tuple(bodies)
    assert result.removed == ("ACME LICENCE", "- 1 -", "- 2 -", "- 3 -", "- 4 -", "- 5 -")


def test_alternating_headers_count() -> None:
    bodies = [f"Body text {w}." for w in "uvwxyz"]
    pages = [("Even header" if i % 2 else "Odd header") + "\n" + body for i, body in enumerate(bodies)]
    assert strip_running(pages).pages == tuple(bodies)


def test_repeated_line_in_the_middle_stays() -> None:
    pages = [f"{w}1\n{w}2\n{w}3\nSame middle line\n{w}4\n{w}5\n{w}6" for w in "abcd"]
    assert strip_running(pages).pages == tuple(pages)


def test_single_page_untouched() -> None:
    assert strip_running(["Page 1 of 1\nText"]).pages == ("Page 1 of 1\nText",)


def test_only_the_edge_run_is_removed() -> None:
    # "Page # of #" repeats, but the body line after it does not: stop at the body.
    pages = [f"Page {i} of 3\nClause {w} differs\nPage {i} of 3" for i, w in zip((1, 2, 3), "abc")]
    assert strip_running(pages).pages == ("Clause a differs", "Clause b differs", "Clause c differs")


def test_numbered_headings_at_page_tops_are_not_page_numbers() -> None:
    pages = [f"Section {n}\nText {w} here.\n{w} more." for n, w in zip((1, 3, 4, 7), "wxyz")]
    assert strip_running(pages).pages == tuple(pages)


def test_page_numbers_offset_by_unnumbered_front_pages() -> None:
    pages = ["Cover"] + [f"Body {w}.\n{i}" for i, w in enumerate("abcd", 1)]
    assert strip_running(pages).pages == ("Cover", "Body a.", "Body b.", "Body c.", "Body d.")


def test_pages_of_nothing_but_a_repeated_line_keep_it() -> None:
    """Found by fuzzing a damaged PDF (issue 17): its body streams lost, each page held only
    the title, and stripping left a document of no text at all."""
    pages = ["Harbor Research Licence 2.0", "Harbor Research Licence 2.0\n"]
    stripped = strip_running(pages)
    assert stripped.pages == tuple(pages) and stripped.removed == ()
