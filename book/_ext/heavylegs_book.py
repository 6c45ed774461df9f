"""Sphinx tweaks that keep every page of the book working offline.

Loaded by Jupyter Book through ``sphinx.local_extensions`` in ``_config.yml``.

* MathJax is served from the book: its files come from the PyPI package
  ``django-static-mathjax`` (MathJax 3, Apache-2.0) and are copied into
  ``_static/mathjax`` of the build at the end (not into the source ``_static``
  folder: Jupyter Book would add every script there to every page). Sphinx
  loads it only on pages with mathematics (``mathjax_path`` in ``_config.yml``).
* sphinxcontrib-bibtex marks the reference list ``role="list"`` but its
  entries ``role="doc-biblioentry"``, not list items: screen readers are told
  of a list with no items (axe: aria-required-children). The roles are dropped;
  the entries stay plain paragraphs with their numbers.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

# MathJax folders the tex-mml-chtml component loads from (fonts, on-demand TeX
# extensions, the context menu); the speech engine (sre) is left out.
_MATHJAX_PARTS = ("tex-mml-chtml.js", "input", "output", "ui", "a11y", "adaptors")


def _mathjax_source() -> Path:
    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("MathJax files not found: pip install django-static-mathjax (see requirements-dev.txt)")
    return Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax" / "es5"


def _copy_mathjax(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = _mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in _MATHJAX_PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def _fix_bibliography_roles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and "citation-list" in body:
        body = body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')
        context["body"] = body.replace(' role="doc-biblioentry"', "")


def setup(app):
    _mathjax_source()  # fail early, with a clear message, if the files are missing
    app.connect("build-finished", _copy_mathjax)
    app.connect("html-page-context", _fix_bibliography_roles)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
