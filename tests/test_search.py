"""The book's search page in Chromium: one search box, each page listed once, snippets that read as text.

Sphinx's search runs in the browser (searchtools.js over searchindex.js) and fetches each result's page
to cut a snippet, so only a browser can check what a reader sees.
"""

from __future__ import annotations

from urllib.parse import urldefrag

import pytest

from conftest import PageVisit

pytestmark = pytest.mark.browser

#: A word that appears on several pages and in the glossary (as a term with its own anchor).
TERM = "glycogen"

#: What a reader takes for a search box: a text field, or a button drawn as one (or as a magnifier).
_VISIBLE_SEARCH_BOXES = """() => [...document.querySelectorAll(
    'input[type=search], input[name=q], .search-button-field, .search-button__button')]
  .filter((el) => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('dialog:not([open])');
  })
  .map((el) => el.outerHTML.slice(0, 120))"""

_RESULTS = """() => [...document.querySelectorAll('#search-results ul.search > li')].map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    snippet: (li.querySelector('p.context') || {innerText: ''}).innerText.trim(),
  }))"""


def _search(browser, book_server, term: str, width: int = 1280) -> PageVisit:
    visit = PageVisit(browser, book_server)
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.open(f"{book_server}/search.html?q={term}")
    visit.page.wait_for_function(
        "() => /Search finished|did not match/.test(document.querySelector('#search-results')?.innerText || '')",
        timeout=20000,
    )
    # Snippets arrive one by one (each page is fetched); wait until every result has its own.
    visit.page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results ul.search > li')].every((li) => li.querySelector('p.context'))",
        timeout=20000,
    )
    return visit


@pytest.mark.parametrize("width", [1280, 390], ids=["wide", "phone"])
def test_search_page_shows_one_search_box(browser, book_server, width):
    visit = _search(browser, book_server, TERM, width)
    try:
        boxes = visit.page.evaluate(_VISIBLE_SEARCH_BOXES)
        assert len(boxes) == 1, f"search.html at {width} px shows {len(boxes)} search boxes: {boxes}"
        assert boxes[0].startswith("<input"), f"the one search box should be the page's own field, got {boxes[0]}"
        assert visit.page.locator(".bd-search-container input[name=q]").input_value() == TERM
        assert visit.errors == [], visit.errors
    finally:
        visit.close()


def test_search_lists_each_page_once_with_a_readable_snippet(browser, book_server):
    visit = _search(browser, book_server, TERM)
    try:
        results = visit.page.evaluate(_RESULTS)
        assert results, f"searching for {TERM!r} found nothing"
        pages = [urldefrag(r["href"]).url for r in results]
        assert len(pages) == len(set(pages)), f"a page is listed more than once: {pages}"
        assert "book/glossary.html" in pages and "notebooks/01_metabolism.html" in pages, pages
        for result in results:
            snippet = result["snippet"]
            assert snippet, f"{result['href']}: empty snippet"
            assert TERM in snippet.lower(), f"{result['href']}: the snippet does not show the searched word: {snippet!r}"
            assert len(snippet) >= 40, f"{result['href']}: the snippet is too short to tell anything: {snippet!r}"
            for markup in ("<", "\\(", "{", "Contents", "Ctrl+K"):
                assert markup not in snippet, f"{result['href']}: raw markup or page chrome {markup!r} in the snippet: {snippet!r}"
        summary = visit.page.locator("#search-results .search-summary").inner_text()
        assert str(len(results)) in summary, f"the count says {summary!r} but {len(results)} results are listed"
        assert visit.errors == [], visit.errors
    finally:
        visit.close()
