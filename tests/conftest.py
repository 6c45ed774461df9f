"""Shared fixtures: the built book (built once per test session) and a local web server for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from served_book import CHROMIUM, CHROMIUM_ARGS, book_pages, serve  # noqa: E402,F401  (re-exported to the tests)

BIN = Path(sys.executable).parent
VENDOR_BUNDLE = ROOT / "_static" / "vendor" / "vega-bundle.js"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """Build the book exactly as `make book` does (warnings are errors), into a temporary folder."""
    if not VENDOR_BUNDLE.exists():
        subprocess.run([sys.executable, str(ROOT / "tools" / "vendor_assets.py"), str(VENDOR_BUNDLE)], check=True)
    out = tmp_path_factory.mktemp("book")
    result = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(ROOT), "-W", "-n", "--keep-going", "--path-output", str(out)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"the book build failed (warnings are errors):\n{result.stdout[-6000:]}\n{result.stderr[-4000:]}")
    html = out / "_build" / "html"
    assert (html / "index.html").exists()
    return html


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve the built book on 127.0.0.1 (a free port) for the browser tests; yields its base URL."""
    with serve(built_book) as base_url:
        yield base_url


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


# --- the browser: one Chromium for the whole session (Playwright allows one sync instance) ---

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed (apt-get install chromium)"
        if in_ci():
            pytest.fail(message + ": under CI=true the browser tests must run")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageVisit:
    """Opens one page, recording console errors and every request to another host (then blocked)."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light"):
        self.context = browser.new_context(color_scheme=color_scheme)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlparse(base_url).netloc
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

        def route(r):
            url = urlparse(r.request.url)
            if url.scheme in ("data", "blob") or url.netloc == host:
                r.continue_()
            else:
                self.foreign.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)

    def open(self, url: str):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def book_audit(built_book, book_server, browser):
    """Every page visited once per colour scheme (on first use), recording what the checks that only look
    need: console errors, foreign requests, axe violations, charts' text alternatives (tests/page_audit.py)."""
    from page_audit import BookAudit

    return BookAudit(browser, book_server, built_book, PageVisit)


# --- JupyterLab: one server for the session, over a temporary copy of the notebooks (tools/jupyter_lab.py) ---

@pytest.fixture(scope="session")
def jupyterlab_server():
    """JupyterLab (with jupyterlab-myst) on 127.0.0.1 with isolated settings; yields a ``LabServer``."""
    from jupyter_lab import jupyterlab

    with jupyterlab() as server:
        yield server


# --- the fresh-venv run of tests/test_requirements_only.py, started early in the background ---

@pytest.fixture(scope="session")
def fresh_env_run(tmp_path_factory):
    """Notebooks run from requirements.txt alone in a fresh venv (tests/fresh_env.py), in a background
    process; yields its ``FreshEnvRun`` (``wait()`` for the result). Deleted at the end of the session."""
    from fresh_env import FreshEnvRun

    run = FreshEnvRun(tmp_path_factory.mktemp("fresh-env"))
    try:
        yield run
    finally:
        run.stop()


@pytest.fixture(scope="session", autouse=True)
def _slow_background_work_started_first(request):
    """Starts ``fresh_env_run`` as the session starts when a selected test uses it: its ~40 s install (network
    and disk) and one-core notebook runs then overlap the other tests instead of adding to them."""
    if any("fresh_env_run" in getattr(item, "fixturenames", ()) for item in request.session.items):
        request.getfixturevalue("fresh_env_run")
