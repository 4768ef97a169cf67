"""The HTML page: self-contained, escaped, evidence marked in the documents and linked."""

from __future__ import annotations

import re

from openness.report import render
from openness.report.html import marked, merge


def test_verdicts_and_outcomes(analysis):
    page = render(analysis, "html", color=False)
    assert '<h3><span class="outcome fail">fail</span> <code>osd</code> Open Source Definition ' \
           "<small>release</small></h3>" in page
    assert '<span class="outcome unknown">unknown</span> <code>osaid-1.0.data-information</code>' in page
    assert "<summary>2 rules passed</summary>" in page
    assert "<p>Nothing is known of the training data: no model card was given</p>" in page
    assert '<strong>To change the verdict:</strong> a licence without a user threshold (§2.1)' in page


def test_evidence_is_marked_in_the_text_and_linked(analysis, user_cap):
    page = render(analysis, "html", color=False)
    mark = re.search(r'<mark id="(q0-\d+)" title="([^"]*)">more than 700 million monthly active users</mark>',
                     page)
    assert mark, "the quote is highlighted in the licence text"
    assert mark.group(2) == "acme.users, osd.no-discrimination, restrict.user_threshold"
    assert (f'<li id="e1" value="1"><a href="#{mark.group(1)}">release/LICENSE.md:5 §2.1</a> '
            f'<q>{user_cap.quote}</q></li>') in page
    assert '<a href="#q1-0">release/terms.pdf:2:4 §3</a>' in page


def test_the_answer_comes_first_and_rules_refer_to_numbered_evidence(analysis, user_cap):
    page = render(analysis, "html", color=False)
    assert page.index('<section class="answer">') < page.index('<section id="verdicts">')
    assert ('<li><span class="outcome warn">warn</span> <strong>acme</strong>: We may grow past the cap '
            'of 700000000 <span class="refs">[<a href="#e1">1</a>]</span></li>') in page
    assert page.count(f"<q>{user_cap.quote}</q>") == 1
    targets = set(re.findall(r'href="#(e\d+)"', page))
    assert targets and all(f'id="{t}"' in page for t in targets)


def test_document_errors_and_notes(analysis):
    page = render(analysis, "html", color=False)
    assert '<p class="error">Could not be read: is an encrypted PDF: remove the password first</p>' in page
    assert '<p class="note">2 running headers removed</p>' in page
    assert "which was not given; its terms were not checked</li>" in page


def test_nothing_is_loaded_from_the_network(analysis, hostile):
    for page in (render(analysis, "html", color=False), render(hostile, "html", color=False)):
        assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
        assert not re.search(r"@import|url\(|<script|<link|<img|<iframe", page, re.I)
        assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', page))


def test_untrusted_text_is_escaped_everywhere(hostile):
    page = render(hostile, "html", color=False)
    assert "<script>" not in page and "odd <name>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page  # the licence's "&amp;" shown as written
    assert "https://evil.example/p.png" in page  # shown as text, not loaded


def test_overlapping_spans_merge_into_one_mark():
    text = "0123456789abcdef"
    spans = [(2, 6, "a"), (4, 8, "b"), (8, 10, "c"), (12, 40, "d"), (5, 5, "empty")]
    highlights = merge(0, spans, len(text))
    assert [(h.start, h.end, h.labels) for h in highlights] == [
        (2, 8, ("a", "b")), (8, 10, ("c",)), (12, 16, ("d",))]
    assert marked(text, highlights) == ('01<mark id="q0-0" title="a, b">234567</mark>'
                                        '<mark id="q0-1" title="c">89</mark>ab'
                                        '<mark id="q0-2" title="d">cdef</mark>')


def test_a_licence_document_shows_its_identity_and_edits(analysis):
    page = render(analysis, "html", color=False)
    article = page[page.index('<article class="document" id="d0">'):page.index('id="d1"')]
    assert ('<p class="licence">Licence: MIT (MIT License): variant, similarity 90.0%; '
            "1 passage(s) added, 1 removed</p>") in article
    assert "+ added (line 5, section 2.1) -&gt; restrict.user_threshold: <q>If your products" in article
    assert 'class="licence"' not in page[page.index('id="d1"'):]


def test_a_hostile_identity_is_escaped(hostile):
    page = render(hostile, "html", color=False)
    assert "<script>" not in page
