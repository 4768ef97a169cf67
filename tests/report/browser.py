"""A real headless Chromium, driven by Playwright, that opens a page as a reader's laptop would.

Playwright is a test dependency, but its own browser download is not used: the tests drive the
Chromium of the system (``apt-get install chromium``; `.ci/run` installs it), or Playwright's
if one was installed. Without either, the tests that need it skip and say so.
"""

from __future__ import annotations

import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser as Chromium, Page, Playwright, sync_playwright

#: A laptop window: the pages must fit it without scrolling sideways.
WIDTH = 1280
HEIGHT = 800

#: Chromium's own network traffic is refused on a closed network, and root has no sandbox.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

#: The in-page links (``href="#…"``) whose target id is not on the page.
UNRESOLVED = """() => [...document.querySelectorAll('a[href^="#"]')]
    .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
    .filter(id => !document.getElementById(id))"""
#: How many in-page links there are.
LINKS = """() => document.querySelectorAll('a[href^="#"]').length"""


def chromium_path(playwright: Playwright) -> str | None:
    """The system's Chromium, else Playwright's own when one was installed, else None."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    own = Path(playwright.chromium.executable_path)
    return str(own) if own.is_file() else None


@dataclass(frozen=True)
class Opened:
    """A page loaded in the browser at :data:`WIDTH`, and what a reader would see of it."""

    page: Page

    def scroll_width(self) -> int:
        return int(self.page.evaluate("document.documentElement.scrollWidth"))

    def viewport_width(self) -> int:
        return int(self.page.evaluate("window.innerWidth"))

    def wider_than_the_window(self) -> list[str]:
        """The elements that reach past the window's right edge (empty when the page fits)."""
        return list(self.page.evaluate(
            """() => [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .filter(e => { for (let box = e.parentElement; box; box = box.parentElement)
                                 if (getComputedStyle(box).overflowX !== 'visible') return false;
                               return true; })
                .slice(0, 5).map(e => e.tagName + ': ' + e.textContent.slice(0, 60))"""))

    def unresolved_links(self) -> list[str]:
        return list(self.page.evaluate(UNRESOLVED))

    def in_page_links(self) -> int:
        return int(self.page.evaluate(LINKS))

    def follow(self, selector: str) -> str:
        """Click the first link matching ``selector``; the id of the element then targeted, which
        must be in view."""
        self.page.click(selector)
        return str(self.page.evaluate(
            """() => { const t = document.querySelector(':target');
                       if (!t) return '';
                       const r = t.getBoundingClientRect();
                       return r.bottom > 0 && r.top < window.innerHeight ? t.id : 'out of view: ' + t.id; }"""))

    def screenshot(self, path: Path) -> tuple[int, int]:
        """A full-page screenshot into ``path``; its width and height in pixels."""
        self.page.screenshot(path=str(path), full_page=True)
        return png_size(path)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header chunk."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


class Browser:
    """One Chromium for a test module; each :meth:`open` is a fresh page at the laptop width."""

    def __init__(self, browser: Chromium) -> None:
        self._browser = browser

    def open(self, file: Path) -> Opened:
        page = self._browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.goto(file.resolve().as_uri())
        return Opened(page)


def launched() -> Iterator[Browser]:
    """A headless Chromium for the duration of the generator; skips when there is none."""
    with sync_playwright() as playwright:
        executable = chromium_path(playwright)
        if executable is None:
            pytest.skip("no Chromium to render the pages (apt-get install chromium)")
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        try:
            yield Browser(browser)
        finally:
            browser.close()
