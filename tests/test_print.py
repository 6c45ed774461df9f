"""Printing a chapter: exercise solutions and quiz feedback are on paper; no chart or code line is clipped.

Chromium is switched to print media and sent "beforeprint", as a real print does. A real print also lays
the page out at the sheet's width without letting scripts redraw anything, so the test first lets the
charts draw on a wide screen, then freezes redraws (ResizeObserver callbacks and resize events) and
narrows the page to an A4 sheet: whatever fits then fits by CSS alone, as on paper.
"""

from __future__ import annotations

import pytest

from conftest import PageVisit, book_pages

pytestmark = pytest.mark.browser

#: A4 (210 mm) less 10 mm margins each side, in CSS pixels (96 per inch).
A4_PRINTABLE_PX = round((210 - 2 * 10) / 25.4 * 96)
WIDE_SCREEN = {"width": 1920, "height": 1000}

# Runs before the page's own scripts: redraws can be frozen from the test.
_FREEZABLE_REDRAWS = """
(() => {
  const Native = window.ResizeObserver;
  if (Native) {
    window.ResizeObserver = class extends Native {
      constructor(callback) { super((entries, observer) => { if (!window.__hlFrozen) callback(entries, observer); }); }
    };
  }
  window.addEventListener("resize", (event) => { if (window.__hlFrozen) event.stopImmediatePropagation(); }, true);
})();
"""

_SHOWN = """(el) => {
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  return box.height > 0 && style.visibility === 'visible' && parseFloat(style.opacity) > 0.99 && el.innerText.trim().length > 0;
}"""

_CHARTS = """() => [...document.querySelectorAll('.hl-lab .hl-lab-chart svg')].map((svg) => {
  const card = svg.closest('.hl-lab'), style = getComputedStyle(card);
  const inner = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {lab: card.id, svg: svg.getBoundingClientRect().width, inner: inner, scroll: card.scrollWidth, client: card.clientWidth};
})"""


def _pages_to_print(built_book) -> list[str]:
    """Every page with something that prints differently: solutions, quizzes or labs."""
    markers = ('class="solution', 'class="hl-quiz"', 'class="hl-lab"')
    return [p for p in book_pages(built_book) if any(m in (built_book / p).read_text(encoding="utf-8") for m in markers)]


def test_chapter_1_is_among_the_pages_checked(built_book):
    assert "notebooks/01_metabolism.html" in _pages_to_print(built_book)


def test_printed_pages_show_solutions_and_quiz_feedback_and_whole_charts(built_book, browser, book_server):
    problems = []
    for path in _pages_to_print(built_book):
        visit = PageVisit(browser, book_server)
        try:
            page = visit.page
            page.set_viewport_size(WIDE_SCREEN)
            page.add_init_script(_FREEZABLE_REDRAWS)
            visit.open(f"{book_server}/{path}")
            charts = page.locator(".hl-lab .hl-lab-chart svg")
            if page.locator(".hl-lab").count():
                charts.first.wait_for(state="attached", timeout=15000)
            solutions = page.locator(".solution > section")
            quiz_feedback = page.locator(".hl-quiz details > :not(summary)")
            assert not any(s.evaluate(_SHOWN) for s in solutions.all()), f"{path}: a solution is open before printing"

            page.evaluate("window.__hlFrozen = true")
            page.emulate_media(media="print")
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            page.set_viewport_size({"width": A4_PRINTABLE_PX, "height": 1100})
            page.wait_for_timeout(300)

            for i, solution in enumerate(solutions.all()):
                if not solution.evaluate(_SHOWN):
                    problems.append(f"{path}: solution {i + 1} is not shown in print")
            for i, feedback in enumerate(quiz_feedback.all()):
                if not feedback.evaluate(_SHOWN):
                    problems.append(f"{path}: quiz feedback {i + 1} is not shown in print")
            for chart in page.evaluate(_CHARTS):
                if chart["svg"] > chart["inner"] + 0.5 or chart["scroll"] > chart["client"]:
                    problems.append(
                        f"{path}: chart of {chart['lab']} is {chart['svg']:.0f} px wide in a {chart['inner']:.0f} px card "
                        f"(card scrolls {chart['scroll']} px over {chart['client']} px): clipped in print"
                    )

            clipped_code = page.evaluate("() => [...document.querySelectorAll('.bd-article pre')].filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length")
            if clipped_code:
                problems.append(f"{path}: {clipped_code} code blocks run off the printed page")

            # After printing, the page is as the reader left it.
            page.evaluate("window.dispatchEvent(new Event('afterprint'))")
            page.emulate_media(media="screen")
            if page.locator(".hl-quiz details[open]").count():
                problems.append(f"{path}: quiz choices stay open after printing")
            if visit.errors:
                problems.append(f"{path}: console errors {visit.errors}")
            if quiz_feedback.count() == 0 and 'class="hl-quiz"' in (built_book / path).read_text(encoding="utf-8"):
                problems.append(f"{path}: a quiz without feedback")
        finally:
            visit.close()
    assert not problems, "\n".join(problems)
