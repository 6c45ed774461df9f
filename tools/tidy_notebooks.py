"""Tidy executed notebooks before they are committed.

Removes what only a running kernel can use and what changes on every run:

* ``application/vnd.jupyter.widget-view+json`` outputs: they point at widget
  models by random id. Each lab also stores its kernel-free chart as
  ``text/html``, which the book shows, and which JupyterLab shows (with a
  "run this cell" note) until the learner runs the cell and gets the live lab.
* ``metadata.widgets``: the saved widget state. Without it the book does not
  embed megabytes of widget manager and state in every chapter page.
* each cell's ``metadata.execution`` timestamps: they would make every re-run
  rewrite every cell of the committed notebook.

    python tools/tidy_notebooks.py notebooks/*.ipynb
"""

from __future__ import annotations

import sys

import nbformat

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def tidy(path: str) -> bool:
    notebook = nbformat.read(path, as_version=4)
    changed = notebook.metadata.pop("widgets", None) is not None
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if cell.metadata.pop("execution", None) is not None:
            changed = True
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_VIEW in data and len(data) > 1:
                del data[WIDGET_VIEW]
                changed = True
    if changed:
        nbformat.write(notebook, path)
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {'tidied' if tidy(name) else 'already tidy'}")
