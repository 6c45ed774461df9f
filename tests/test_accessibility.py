"""Accessibility of the published book: axe-core (WCAG 2.1 A and AA) on every page, light and dark.

Fails on any serious or critical violation, naming the page, the mode, the rule
and the element. Also checks what axe cannot: every lab control is labelled with
its unit and is operable from the keyboard alone, and every chart has a text
alternative that says what it shows.
"""

from __future__ import annotations

import pytest

from conftest import PageVisit, book_pages
from served_book import lab_pages

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def _axe_script() -> str:
    from importlib.resources import files

    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def _open(browser, base_url: str, path: str, mode: str):
    visit = PageVisit(browser, base_url, color_scheme=mode)
    page = visit.open(f"{base_url}/{path}")
    # Charts draw after load; audit them as a reader meets them.
    for chart in page.locator(".hl-lab-chart").all():
        chart.locator("svg").first.wait_for(state="attached", timeout=15_000)
    theme = page.evaluate("document.documentElement.dataset.theme")
    assert theme == mode, f"{path}: expected the {mode} theme, page shows {theme!r}"
    return visit, page


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_wcag_violations(built_book, book_server, browser, mode):
    script = _axe_script()
    problems = []
    for path in book_pages(built_book):
        visit, page = _open(browser, book_server, path, mode)
        try:
            page.evaluate(script)
            result = page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                WCAG_TAGS,
            )
            for violation in result["violations"]:
                if violation["impact"] in BLOCKING:
                    for node in violation["nodes"][:5]:
                        problems.append(
                            f"{path} [{mode}] {violation['id']} ({violation['impact']}): {node['target']} — {violation['help']}"
                        )
        finally:
            visit.close()
    assert not problems, "WCAG 2.1 AA violations:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def pages_with_labs(built_book) -> list[str]:
    pages = sorted(lab_pages(built_book))
    assert pages, "no page of the book shows a lab"
    return pages


def test_lab_controls_are_labelled_and_keyboard_operable(book_server, browser, pages_with_labs):
    for path in pages_with_labs:
        _check_controls(browser, book_server, path)


def _check_controls(browser, book_server, path: str) -> None:
    visit, page = _open(browser, book_server, path, "light")
    try:
        sliders = page.locator("figure.hl-lab input[type=range]")
        assert sliders.count() >= 1, path
        # Tab from the top of the page reaches every slider: none is skipped by tabindex.
        assert all(s.get_attribute("tabindex") in (None, "0") for s in sliders.all())
        # Tab moves from each slider of a lab to the next one, in reading order.
        for lab in page.locator("figure.hl-lab").all():
            lab_sliders = lab.locator("input[type=range]").all()
            lab_sliders[0].focus()
            for following in lab_sliders[1:]:
                page.keyboard.press("Tab")
                assert following.evaluate("e => e === document.activeElement"), f"{path}: Tab does not reach the next slider"
        for slider in sliders.all():
            name = slider.evaluate("e => (e.labels && e.labels[0] ? e.labels[0].innerText : '')")
            assert "(" in name and ")" in name, f"{path}: slider label {name!r} should give its unit"
            start = slider.input_value()
            slider.focus()
            slider.press("ArrowRight" if float(start) < float(slider.get_attribute("max")) else "ArrowLeft")
            assert slider.input_value() != start, f"{path} {name}: arrow keys do not move the slider"
    finally:
        visit.close()


def test_every_chart_has_a_text_alternative(book_server, browser, pages_with_labs):
    for path in pages_with_labs:
        visit, page = _open(browser, book_server, path, "dark")
        try:
            charts = page.locator(".hl-lab-chart")
            assert charts.count() >= 1, path
            for chart in charts.all():
                label = chart.get_attribute("aria-label") or ""
                assert chart.get_attribute("role") == "graphics-document", path
                assert " chart of " in label and " against " in label, f"{path}: {label!r}"
            # Static figures are images: each needs alt text that says what it shows.
            for image in page.locator("figure.hl-figure img").all():
                alt = image.get_attribute("alt") or ""
                assert len(alt) > 40, f"{path}: a figure's alt text is missing or too short: {alt!r}"
        finally:
            visit.close()
