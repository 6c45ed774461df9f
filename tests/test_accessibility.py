"""Accessibility of the published book: axe-core (WCAG 2.1 A and AA) on every page, light and dark.

Fails on any serious or critical violation, naming the page, the mode, the rule
and the element. Also checks what axe cannot: every lab control is labelled with
its unit and is operable from the keyboard alone, and every chart has a text
alternative that says what it shows.
"""

from __future__ import annotations

import pytest

from conftest import PageVisit
from served_book import lab_pages

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def _open(browser, base_url: str, path: str, mode: str):
    visit = PageVisit(browser, base_url, color_scheme=mode)
    page = visit.open(f"{base_url}/{path}")
    # Charts draw after load; audit them as a reader meets them.
    for chart in page.locator(".hl-lab-chart").all():
        chart.locator("svg").first.wait_for(state="attached", timeout=15_000)
    theme = page.evaluate("document.documentElement.dataset.theme")
    assert theme == mode, f"{path}: expected the {mode} theme, page shows {theme!r}"
    return visit, page


# Light and dark mode both run every WCAG rule. Dark mode could run only the colour rules (nothing else
# depends on the theme), but that saves almost nothing: measured on this book, axe's colour-contrast rule alone
# takes ~95 % of a full run (19.3 s against 20.4 s over 11 pages), since it computes every text's colours.
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_wcag_violations(book_audit, mode):
    problems = []
    # Each page is visited once per mode for this test, test_browser.py's clean-load check and the text
    # alternatives below (tests/page_audit.py).
    for record in book_audit.pages(mode):
        path = record.path
        if record.theme != mode:
            problems.append(f"{path}: expected the {mode} theme, page shows {record.theme!r}")
        if record.undrawn_charts:
            problems.append(f"{path} [{mode}]: {record.undrawn_charts} lab chart(s) not drawn, so not audited as a reader meets them")
        for violation in record.axe_violations:
            if violation["impact"] in BLOCKING:
                for node in violation["nodes"][:5]:
                    problems.append(f"{path} [{mode}] {violation['id']} ({violation['impact']}): {node['target']} — {violation['help']}")
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


def test_every_chart_has_a_text_alternative(book_audit, pages_with_labs):
    # In dark mode, from the visits the axe test makes (tests/page_audit.py).
    records = {r.path: r for r in book_audit.pages("dark")}
    for path in pages_with_labs:
        record = records[path]
        assert record.theme == "dark", f"{path}: expected the dark theme, page shows {record.theme!r}"
        assert len(record.charts) >= 1, path
        for chart in record.charts:
            label = chart["label"]
            assert chart["role"] == "graphics-document", path
            assert " chart of " in label and " against " in label, f"{path}: {label!r}"
        # Static figures are images: each needs alt text that says what it shows.
        for alt in record.figure_alts:
            assert len(alt) > 40, f"{path}: a figure's alt text is missing or too short: {alt!r}"
