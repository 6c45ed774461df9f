"""The built book in a real browser (Debian's Chromium, driven by Playwright).

Every page loads with no console errors and no request to any host but the
book's own; on every page that shows labs, moving each static lab's slider with
the keyboard changes its chart. Labs are found, not listed: every lab in
``heavylegs.labs.all_labs()`` must appear on some page, and every lab on a page
is exercised.
"""

from __future__ import annotations

import pytest

from conftest import PageVisit
from served_book import lab_pages

from heavylegs.labs import all_labs

pytestmark = pytest.mark.browser


@pytest.fixture
def visit(browser, book_server):
    visits = []

    def _visit(path: str):
        v = PageVisit(browser, book_server)
        visits.append(v)
        v.open(f"{book_server}/{path}")
        return v

    yield _visit
    for v in visits:
        v.close()


def test_every_page_loads_cleanly(book_audit):
    """Light and dark, from the visits test_accessibility.py's axe check makes too (tests/page_audit.py)."""
    problems = []
    for mode in ("light", "dark"):
        for record in book_audit.pages(mode):
            where = f"{record.path} [{mode}]"
            if record.errors:
                problems.append(f"{where}: console errors {record.errors}")
            if record.foreign:
                problems.append(f"{where}: requests to other hosts {record.foreign}")
            if record.undrawn_charts:
                problems.append(f"{where}: {record.undrawn_charts} lab chart(s) not drawn within a few seconds of loading")
    assert not problems, "\n".join(problems)


def _chart_marks(lab) -> str:
    return lab.locator("svg .mark-line path, svg .mark-rule line").evaluate_all(
        "els => els.map(e => e.getAttribute('d') || [e.getAttribute('x1'), e.getAttribute('transform')].join()).join('|')"
    )


def test_every_lab_is_on_a_page(built_book):
    shown = [key for keys in lab_pages(built_book).values() for key in keys]
    declared = [lab.key for lab in all_labs()]
    assert sorted(set(declared) - set(shown)) == [], "labs declared in heavylegs but shown on no page of the book"
    assert sorted(set(shown) - set(declared)) == [], "labs on a page that heavylegs.labs.all_labs() does not know"


def test_static_lab_sliders_change_the_chart(built_book, visit):
    pages = lab_pages(built_book)
    assert pages, "no page of the book shows a lab"
    for path, keys in pages.items():
        _check_every_slider_moves_its_chart(visit(path), path, len(keys))


def _check_every_slider_moves_its_chart(v, path: str, n_labs: int) -> None:
    page = v.page
    labs = page.locator("figure.hl-lab")
    assert labs.count() == n_labs
    for i in range(labs.count()):
        lab = labs.nth(i)
        where = f"{path} lab {i}"
        lab.locator("svg .mark-line path").first.wait_for(state="attached", timeout=15000)
        # Vega puts the chart's description on its container, as a graphics-document.
        aria = lab.locator(".hl-lab-chart[role=graphics-document]").get_attribute("aria-label") or ""
        assert "against" in aria, f"{where}: the chart needs a text alternative saying what it shows, got {aria!r}"
        sliders = lab.locator("input[type=range]")
        assert sliders.count() >= 1, f"{where}: expected its static sliders"
        for j in range(sliders.count()):
            slider = sliders.nth(j)
            label = slider.evaluate("e => e.closest('label') ? e.closest('label').innerText : ''")
            assert "(" in label and ")" in label, f"{where} slider {j}: label {label!r} should give its unit"
            before = _chart_marks(lab)
            alt_before = lab.locator(".hl-lab-chart").get_attribute("aria-label")
            slider.focus()
            # Move away from the default: up if there is room, otherwise down.
            key = "ArrowRight" if float(slider.input_value()) < float(slider.get_attribute("max")) else "ArrowLeft"
            slider.press(key)
            chart = lab.locator(".hl-lab-chart")
            page.wait_for_function(
                """([el, before]) => [...el.querySelectorAll('svg .mark-line path, svg .mark-rule line')]
                     .map(e => e.getAttribute('d') || [e.getAttribute('x1'), e.getAttribute('transform')].join()).join('|') !== before""",
                arg=[chart.element_handle(), before],
                timeout=5000,
            )
            assert _chart_marks(lab) != before, f"{where}: moving slider {label!r} with {key} did not change the chart"
            # The text alternative follows the chart, and is read out.
            alt_after = chart.get_attribute("aria-label")
            assert alt_after != alt_before, f"{where}: the chart's text alternative did not follow slider {label!r}"
            assert lab.locator(".hl-lab-readout").inner_text() == alt_after
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign


def test_charts_draw_when_the_book_is_opened_from_disk(built_book, browser):
    """A student opening _build/html/index.html offline (a file:// page) sees every chart."""
    context = browser.new_context()
    page = context.new_page()
    foreign = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        for path, keys in lab_pages(built_book).items():
            page.goto((built_book / path).as_uri(), wait_until="load")
            labs = page.locator("figure.hl-lab")
            assert labs.count() == len(keys), path
            for lab in labs.all():
                lab.locator("svg .mark-line path").first.wait_for(state="attached", timeout=15000)
        assert not foreign, foreign
    finally:
        context.close()


def test_charts_follow_their_card_when_the_window_is_resized(built_book, browser, book_server):
    """A phone turned or a window maximised: every lab chart ends up as wide as its card, no wider."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        for path in lab_pages(built_book):
            page.set_viewport_size({"width": 390, "height": 900})
            page.goto(f"{book_server}/{path}", wait_until="load")
            for lab in page.locator("figure.hl-lab").all():
                lab.locator("svg .mark-line path").first.wait_for(state="attached", timeout=15000)
            for width in (1280, 800, 390):
                page.set_viewport_size({"width": width, "height": 900})
                page.wait_for_timeout(600)
                sizes = page.evaluate(
                    """() => [...document.querySelectorAll('.hl-lab-chart')].map(c =>
                         [c.clientWidth, Math.round(c.querySelector('svg').getBoundingClientRect().width)])"""
                )
                for card, svg in sizes:
                    assert abs(svg - card) <= 2, f"{path} at {width} px: chart {svg} px wide in a {card} px card"
    finally:
        context.close()
