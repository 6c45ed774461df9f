"""Serving the built book locally and opening it in Chromium: shared by the tests and the benchmark."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

#: Debian's Chromium; Playwright drives it (no browser download needed).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the networking flags Chromium phones home (updates, sync) from every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a connection early is not an error of the book.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
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


def lab_pages(html_root: Path) -> dict[str, list[str]]:
    """Pages of the built book that show labs: page path -> the keys of its labs, in page order.

    Labs are found in the HTML (``<figure class="hl-lab" id="hl-lab-<key>-<digest>">``), so
    a new chapter's labs are covered without naming the chapter anywhere.
    """
    import re

    found: dict[str, list[str]] = {}
    for page in book_pages(html_root):
        text = (html_root / page).read_text(encoding="utf-8")
        keys = re.findall(r'<figure class="hl-lab" id="hl-lab-([a-z0-9-]+)-[0-9a-f]{10}"', text)
        if keys:
            found[page] = keys
    return found
