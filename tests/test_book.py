"""The book builds with warnings as errors, and no page refers to another host at load time."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

from conftest import ROOT, book_pages

pytestmark = pytest.mark.book

#: Attributes that make a browser fetch something when the page loads.
_LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src")}


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for t, a in _LOADING:
            if tag == t and attrs.get(a):
                if tag == "link" and attrs.get("rel") not in ("stylesheet", "preload", "icon", "modulepreload", "manifest"):
                    continue  # e.g. rel="canonical" or "next": not fetched
                self.urls.append(attrs[a])


def _external(url: str) -> bool:
    return bool(urlparse(url).netloc) or url.startswith("//")


def _chapter_pages() -> list[str]:
    """Every notebook in the table of contents, as its page in the built book."""
    return sorted(f"notebooks/{p.stem}.html" for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_book_has_every_page(built_book):
    pages = book_pages(built_book)
    for expected in ["index.html", "book/glossary.html", "book/references.html", *_chapter_pages()]:
        assert expected in pages


def test_no_page_loads_from_another_host(built_book):
    problems = {}
    for page in book_pages(built_book):
        parser = _Loads()
        parser.feed((built_book / page).read_text(encoding="utf-8"))
        external = [u for u in parser.urls if _external(u)]
        if external:
            problems[page] = external
    assert problems == {}, f"pages that load from other hosts: {problems}"


@pytest.mark.parametrize("page", _chapter_pages())
def test_chapter_page_carries_static_labs_not_widgets(built_book, page):
    text = (built_book / page).read_text(encoding="utf-8")
    labs = re.findall(r'<figure class="hl-lab" id="hl-lab-([a-z0-9-]+)"', text)
    assert len(labs) >= 2, f"{page} should show at least two labs"
    assert "vnd.jupyter.widget-view+json" not in text
    assert "embed-amd" not in text and "require.min.js" not in text
    # Every page gets the offline chart libraries from the book itself.
    assert "_static/vendor/vega-bundle.js" in text


def test_vendored_bundle_defines_vega_embed(built_book):
    bundle = (built_book / "_static" / "vendor" / "vega-bundle.js").read_text(encoding="utf-8")
    assert "window.vegaEmbed" in bundle
    assert "https://" not in bundle.split("\n", 1)[0]  # header names no CDN


def test_no_page_carries_thebe_and_launch_buttons_stay(built_book):
    """The "Live code" (thebe) button hung offline loading thebe from a CDN: no page may carry any of it."""
    for page in book_pages(built_book):
        text = (built_book / page).read_text(encoding="utf-8")
        assert not re.search(r"thebe", text, flags=re.IGNORECASE), f"{page} still carries thebe: {re.search(r'.{0,80}thebe.{0,80}', text, flags=re.IGNORECASE | re.DOTALL).group(0)!r}"
    assert not list((built_book / "_static").glob("*thebe*")), "thebe's files are still copied into _static"
    for page in _chapter_pages():
        chapter = (built_book / page).read_text(encoding="utf-8")
        assert 'href="https://mybinder.org/v2/gh/' in chapter, f"{page}: the Binder launch button is gone"
        assert 'href="https://colab.research.google.com/github/' in chapter, f"{page}: the Colab launch button is gone"
