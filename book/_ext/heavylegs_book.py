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
* The search page (``search.html``) keeps one search box, its own form: the
  sidebar's search field is left out there (``html_sidebars`` in
  ``_config.yml``) and the header's search icon hidden. Its results list each
  page once (the best-scoring hit of a page: a glossary term and the page's
  full text used to appear as two results), and each snippet is text from the
  article around the searched word: Sphinx took it from the whole main column
  (page header, contents list and buttons included), ran blocks together
  ("loadingEating") and, for a glossary term, showed the bare term.
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


# The article header's search icon opens a second search box (a dialog) on top of the page's own form.
_SEARCH_PAGE_STYLE = "<style>.bd-header-article .search-button { display: none !important; }</style>"

# Runs before Sphinx's searchtools.js is parsed, so it patches ``Search`` once the document is loaded
# (DOMContentLoaded listeners run in order: this one first, then Sphinx's Search.init runs the query).
_SEARCH_PAGE_SCRIPT = r"""
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined") return;
  const pageInput = document.querySelector(".bd-search-container form.bd-search input");
  if (pageInput) { pageInput.focus(); pageInput.select(); }

  // One result per page: the best-scoring one (results come sorted by rising score).
  const performSearch = Search._performSearch;
  Search._performSearch = (...args) => {
    const results = performSearch(...args);
    const best = new Map();
    results.forEach((result, i) => best.set(result[0], i));
    return results.filter((result, i) => best.get(result[0]) === i);
  };

  // Snippet text: the article only, blocks separated, TeX delimiters dropped.
  const LEFT_OUT = ".headerlink, script, style, noscript, nav, button, .copybtn, .bd-header-article, .toggle-hidden, .hl-lab-chart";
  const BLOCKS = "p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, caption, figcaption, pre, blockquote, summary, div, section, tr";
  const textOf = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(LEFT_OUT).forEach((el) => el.remove());
    copy.querySelectorAll(BLOCKS).forEach((el) => el.append(" "));
    return copy.textContent.replace(/\[()\[\]]/g, "").replace(/\s+/g, " ").trim();
  };
  const MEANINGFUL = 40;  // characters: shorter anchored text (a bare term, an empty target) says too little
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    const article = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    if (!article) return "";
    const target = anchor ? doc.getElementById(decodeURIComponent(anchor.replace(/^#/, ""))) : null;
    if (target && article.contains(target)) {
      let text = textOf(target);
      if (target.tagName === "DT") {  // a glossary term: the term and its definition
        for (let dd = target.nextElementSibling; dd && dd.tagName === "DD"; dd = dd.nextElementSibling) text += " " + textOf(dd);
      }
      for (const wider of [target.closest("dd, li, p"), target.nextElementSibling, target.closest("section")]) {
        if (text.length >= MEANINGFUL) break;
        if (wider) text = textOf(wider);
      }
      if (text.length >= MEANINGFUL) return text;
    }
    return textOf(article);
  };

  // About 240 characters around the first searched word (stemmed or as typed), cut at word boundaries.
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (!text) return null;
    const typed = (new URLSearchParams(window.location.search).get("q") || "").toLowerCase().split(/\s+/);
    const lower = text.toLowerCase();
    const found = [...keywords, ...typed].filter((w) => w).map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i > -1);
    const at = found.length ? Math.min(...found) : 0;
    let start = Math.max(at - 100, 0);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(start + 240, text.length);
    if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
    return summary;
  };
});
"""


def _tune_search_page(app, pagename, templatename, context, doctree) -> None:
    if pagename != "search" or app.builder.format != "html":
        return
    context["metatags"] = context.get("metatags", "") + _SEARCH_PAGE_STYLE
    # Added from html-page-context, the script goes on this page only.
    app.add_js_file(None, body=_SEARCH_PAGE_SCRIPT)


def setup(app):
    _mathjax_source()  # fail early, with a clear message, if the files are missing
    app.connect("build-finished", _copy_mathjax)
    app.connect("html-page-context", _fix_bibliography_roles)
    app.connect("html-page-context", _tune_search_page)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
