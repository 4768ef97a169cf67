"""The HTML pages in a real headless Chromium at a laptop's width (1280 px): the analysis report,
the diff page and the scan table with the reports it links. Each page fits the window without
scrolling sideways, is photographed whole, and every in-page link (citations, contents) leads to
an element of the page, scrolled into view when followed.

Select them with ``pytest -m browser``; they skip, saying why, only where no Chromium exists.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from openness.report import render
from tests.cli.helpers import CORPORA, run
from tests.report.browser import WIDTH, Browser, Opened, launched
from tests.scan.conftest import card_fleet

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launched()


def assert_fits(opened: Opened, screenshot: Path) -> None:
    """No sideways scrolling at the laptop width, and a whole-page screenshot that wide."""
    assert opened.viewport_width() == WIDTH
    assert opened.scroll_width() <= WIDTH, opened.wider_than_the_window()
    width, height = opened.screenshot(screenshot)
    assert width == WIDTH and height > 0


def assert_links_resolve(opened: Opened) -> None:
    assert opened.in_page_links() > 0
    assert opened.unresolved_links() == []


def written(tmp_path: Path, name: str, page: str) -> Path:
    path = tmp_path / name
    path.write_text(page, "utf-8")
    return path


def test_the_analysis_report_fits_and_its_citations_lead_to_the_evidence(browser, analysis, tmp_path):
    opened = browser.open(written(tmp_path, "report.html", render(analysis, "html", color=False)))
    assert_fits(opened, tmp_path / "report.png")
    assert_links_resolve(opened)
    assert opened.follow(".answer .refs a") == "e1"
    assert re.fullmatch(r"q0-\d+", opened.follow('#e1 a[href^="#q"]'))
    dom = opened.page.content()
    assert '<span class="outcome fail">fail</span> <code>osd</code> Open Source Definition' in dom
    assert re.search(r'<mark id="q0-\d+" title="[^"]*">more than 700 million monthly active users</mark>', dom)
    assert '<mark id="q1-0" title="osd.no-field-of-use, restrict.non_compete">You may not use the Model to ' \
           "improve any other large language model.</mark>" in dom


def test_a_hostile_report_fits_and_runs_nothing(browser, hostile, tmp_path):
    opened = browser.open(written(tmp_path, "hostile.html", render(hostile, "html", color=False)))
    assert_fits(opened, tmp_path / "hostile.png")
    assert opened.unresolved_links() == []
    assert opened.page.evaluate("document.scripts.length") == 0


def test_the_report_of_a_release_fits_and_its_citations_resolve(browser, tmp_path):
    report = tmp_path / "kestrel-3.html"
    code, _, err = run("analyze", str(CORPORA / "releases" / "kestrel-3"), "--format", "html", "-o", str(report))
    assert code in (0, 1), err
    opened = browser.open(report)
    assert_fits(opened, tmp_path / "kestrel-3.png")
    assert_links_resolve(opened)
    assert re.fullmatch(r"e\d+", opened.follow(".refs a"))


def licence_versions(tmp_path: Path) -> tuple[Path, Path]:
    """Two versions of a corpus licence; the new one adds a long URL and a long compound word,
    which must wrap rather than widen the page."""
    text = (CORPORA / "licences" / "kestrel-community-1.0.txt").read_text("utf-8")
    old, new = tmp_path / "old" / "LICENSE.txt", tmp_path / "new" / "LICENSE.txt"
    old.parent.mkdir()
    new.parent.mkdir()
    old.write_text(text, "utf-8")
    paragraphs = text.split("\n\n")
    paragraphs[len(paragraphs) // 2] += (
        " See https://example.org/" + "licences/kestrel/community/" * 8 + "terms.html and the "
        + "Rechtsschutzversicherungsgesellschaftenbedingungen" * 3 + ".")
    new.write_text("\n\n".join(paragraphs[:3] + paragraphs[4:]), "utf-8")
    return old, new


def test_the_diff_page_fits_and_its_contents_lead_to_each_part(browser, tmp_path):
    old, new = licence_versions(tmp_path)
    page = tmp_path / "diff.html"
    code, _, err = run("diff", str(old), str(new), "--format", "html", "-o", str(page))
    assert code == 0, err
    opened = browser.open(page)
    assert_fits(opened, tmp_path / "diff.png")
    assert_links_resolve(opened)
    assert opened.follow('nav.contents a[href="#wording"]') == "wording"
    assert opened.follow('nav.contents a[href^="#c"]') == "c0"


@pytest.mark.real
def test_the_diff_of_two_real_releases_fits(browser, real_corpus, tmp_path):
    page = tmp_path / "llama.html"
    code, _, err = run("diff", str(real_corpus / "llama-3"), str(real_corpus / "llama-3.1"), "--format", "html",
                       "-o", str(page))
    assert code == 0, err
    opened = browser.open(page)
    assert_fits(opened, tmp_path / "llama.png")
    assert_links_resolve(opened)


def test_the_scan_table_and_the_reports_it_links_fit(browser, tmp_path):
    card_fleet(tmp_path / "fleet", 3)
    table = tmp_path / "out" / "scan.html"
    table.parent.mkdir()
    code, _, err = run("scan", str(tmp_path / "fleet"), "--db", str(tmp_path / "s.sqlite"), "--format", "html",
                       "-o", str(table))
    assert code in (0, 1), err
    opened = browser.open(table)
    assert_fits(opened, tmp_path / "scan.png")
    reports = opened.page.eval_on_selector_all("td a", "links => links.map(a => a.getAttribute('href'))")
    assert len(reports) == 3
    for index, link in enumerate(reports):
        report = browser.open(table.parent / link)
        assert_fits(report, tmp_path / f"release-{index}.png")
        assert report.unresolved_links() == []
