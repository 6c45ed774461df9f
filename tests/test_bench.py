"""`make bench` works: its quick mode measures every part, the kernel side for every lab and the rest for the
first chapter (budgets are not judged here).

The benchmark runs in this process with the session's browser, built book and JupyterLab (Playwright
allows one sync instance per thread), so it adds only its own measurements to the test run.
"""

from __future__ import annotations

import time

import pytest

import bench
from conftest import ROOT
from heavylegs.labs import all_labs

@pytest.fixture(scope="module")
def lab_server(request):
    """The session's JupyterLab (``jupyterlab_server`` in conftest), or one of our own if there is none."""
    try:
        server = request.getfixturevalue("jupyterlab_server")
    except pytest.FixtureLookupError:
        server = None
    if server is not None:
        yield server
        return
    from jupyter_lab import jupyterlab

    with jupyterlab() as own:
        yield own


@pytest.mark.live
def test_quick_benchmark_measures_every_lab_in_every_place(browser, built_book, book_server, lab_server):
    started = time.perf_counter()
    rows = bench.measure(browser, built_book, book_server, lab_server, quick=True)
    text, exit_code = bench.table(rows, quick=True, seconds=time.perf_counter() - started)
    print(text)  # shown with -s, and in the failure report
    assert exit_code == 0, text
    by_what = {r.what: r for r in rows}

    # Quick mode measures the kernel side of every lab; the static book, JupyterLab, the naive baselines, the
    # notebook run and page weights on the first chapter only (tests/test_browser.py and test_live_lab.py press
    # every lab in the book and in JupyterLab; nbval runs every notebook), so its cost does not grow with the
    # course. Every lab still has a row for every place.
    lab_pages = bench.lab_pages(built_book)
    first_page, first_page_keys = next(iter(lab_pages.items()))
    for lab in all_labs():
        for place in (
            "kernel, change → state sent",
            "naive baseline, kernel",
            "static book, key → chart shown",
            "live JupyterLab, key → chart shown",
            "naive baseline, JupyterLab, key → image shown",
        ):
            prefix = f"lab {lab.key}: {place}"
            found = [r for w, r in by_what.items() if w.startswith(prefix)]
            assert found, f"no row for {prefix!r} in the benchmark table:\n{text}"
            if not place.startswith("kernel") and lab.key not in first_page_keys:
                assert found[0].measured == "not measured in quick mode", f"{prefix}: {found[0].measured}\n{text}"
                continue
            # A press that redraws nothing is a broken lab, not a slow one: fail even in quick mode.
            assert found[0].measured.startswith("p50 "), f"{prefix}: {found[0].measured}\n{text}"
            assert "drew nothing" not in found[0].measured, f"{prefix}: {found[0].measured}\n{text}"
        if lab.key in first_page_keys:
            baseline = next(r for w, r in by_what.items() if w.startswith(f"lab {lab.key}: naive baseline, JupyterLab"))
            assert "ours is ×" in baseline.measured, baseline.measured

    for i, notebook in enumerate(sorted((ROOT / "notebooks").glob("*.ipynb"))):
        run_all = by_what[f"notebook {notebook.name}: fresh kernel, run all"]
        assert f"notebook {notebook.name}: peak kernel memory" in by_what, text
        assert run_all.measured.endswith(" s") if i == 0 else run_all.measured == "not measured in quick mode", text
    for page in lab_pages:
        assert f"page {page}" in by_what, text
    for page in ("index.html", first_page):
        assert by_what[f"page {page}"].measured.startswith("first "), text
    assert "assets shared by every page" in by_what, text
    assert "quick mode: budgets not judged" in text


def test_a_missed_budget_fails_a_full_run_only():
    rows = [bench.Row("fast thing", "1 ms", "≤ 2 ms", True), bench.Row("slow thing", "9 ms", "≤ 2 ms", False)]
    full, full_code = bench.table(rows, quick=False, seconds=1)
    quick, quick_code = bench.table(rows, quick=True, seconds=1)
    assert (full_code, quick_code) == (1, 0)
    assert "MISSED" in full and "1 budget(s) missed" in full
    assert "MISSED" not in quick and "quick mode: budgets not judged" in quick
    assert full.splitlines()[2].startswith("what") and "| measured" in full and "| budget" in full and "| result" in full


def test_every_lab_appears_in_the_baseline_notebook():
    import nbformat

    notebook = nbformat.reads(bench.baseline_notebook(all_labs()), as_version=4)
    nbformat.validate(notebook)
    source = "\n".join(cell.source for cell in notebook.cells)
    for lab in all_labs():
        assert f"naive({lab.key!r})" in source
    assert "%matplotlib inline" in source and "widgets.interactive" in source
