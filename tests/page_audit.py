"""One visit per book page and colour scheme, shared by the checks that only look at a page.

Loading a page in Chromium (a new context, ~4 MB of scripts, charts drawn) takes 1.5–3 s; axe takes about as
long again. Three tests used to load every page on their own: no console errors (test_browser.py), axe in
light and dark mode, and charts' text alternatives in dark mode (test_accessibility.py). None of them
changes the page, so one visit per page and scheme records what each needs, and each test still asserts on
its own part of the record. Tests that press keys or print (sliders, keyboard, print, resize) keep their own
visits: they change the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from served_book import book_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Longest wait for a lab chart's svg to be attached after the page's load event (ms).
CHART_TIMEOUT_MS = 15_000


@dataclass
class PageRecord:
    """What one visit of one page, in one colour scheme, saw."""

    path: str
    mode: str  # "light" or "dark": the colour scheme the browser asked for
    theme: str | None = None  # what the page shows (``<html data-theme>``)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions while loading
    foreign: list[str] = field(default_factory=list)  # requests to another host (blocked)
    undrawn_charts: int = 0  # lab charts with no svg within CHART_TIMEOUT_MS
    axe_violations: list[dict] = field(default_factory=list)  # axe-core (WCAG 2.1 A/AA), every impact
    charts: list[dict] = field(default_factory=list)  # per lab chart: its role and aria-label
    figure_alts: list[str] = field(default_factory=list)  # alt text of each static figure's image


def _axe_script() -> str:
    from importlib.resources import files

    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


class BookAudit:
    """Visits every page of the built book once per colour scheme, on first request, and keeps the records."""

    def __init__(self, browser, base_url: str, html_root, page_visit):
        self._browser, self._base_url, self._html_root, self._page_visit = browser, base_url, html_root, page_visit
        self._records: dict[str, list[PageRecord]] = {}

    def pages(self, mode: str) -> list[PageRecord]:
        if mode not in self._records:
            script = _axe_script()
            self._records[mode] = [self._visit(path, mode, script) for path in book_pages(self._html_root)]
        return self._records[mode]

    def _visit(self, path: str, mode: str, axe_script: str) -> PageRecord:
        visit = self._page_visit(self._browser, self._base_url, color_scheme=mode)
        record = PageRecord(path, mode)
        try:
            page = visit.open(f"{self._base_url}/{path}")
            # Charts draw after load; audit them as a reader meets them.
            for chart in page.locator(".hl-lab-chart").all():
                try:
                    chart.locator("svg").first.wait_for(state="attached", timeout=CHART_TIMEOUT_MS)
                except Exception:  # Playwright's TimeoutError: recorded, and the tests report it
                    record.undrawn_charts += 1
            record.theme = page.evaluate("document.documentElement.dataset.theme")
            # Copied before axe runs, so only the page's own loading is judged.
            record.errors, record.foreign = list(visit.errors), list(visit.foreign)
            record.charts = page.locator(".hl-lab-chart").evaluate_all(
                "els => els.map(e => ({role: e.getAttribute('role'), label: e.getAttribute('aria-label') || ''}))"
            )
            record.figure_alts = page.locator("figure.hl-figure img").evaluate_all("els => els.map(e => e.getAttribute('alt') || '')")
            page.evaluate(axe_script)
            record.axe_violations = page.evaluate(
                "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations",
                WCAG_TAGS,
            )
        finally:
            visit.close()
        return record
