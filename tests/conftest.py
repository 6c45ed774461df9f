"""Shared fixtures: the built book (built once per test session) and a local web server for it."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve the built book on 127.0.0.1 (a free port) for the browser tests; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def book_pages(html_root: Path) -> list[str]:
    """Every HTML page of the book, as paths relative to its root."""
    return sorted(
        str(p.relative_to(html_root))
        for p in html_root.rglob("*.html")
        if not {"_static", "_sources", "_images"} & set(p.relative_to(html_root).parts)
    )


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"
