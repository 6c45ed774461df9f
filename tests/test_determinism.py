"""Executing a notebook again gives exactly the outputs it stores, in every format (after the nbval sanitize
rules and tidying).

nbval compares a fresh run with the stored outputs too, but only as text; this compares every output
(HTML of labs and quizzes, SVG of figures) as `make execute` writes it. Comparing one fresh run with the
stored notebook (itself a run) shows the same non-determinism two fresh runs would, at half the cost.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _sanitizers() -> list[tuple[re.Pattern, str]]:
    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "nbval-sanitize.cfg")
    return [(re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections()]


def _execute(source: Path, folder: Path) -> Path:
    """A tidied, freshly executed copy of ``source`` in ``folder``, as `make execute` would store it."""
    copy = folder / source.name
    shutil.copy(source, copy)
    subprocess.run(
        [str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--inplace", str(copy)],
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, str(ROOT / "tools" / "tidy_notebooks.py"), str(copy)], check=True, capture_output=True)
    return copy


def _outputs(path: Path) -> list:
    notebook = nbformat.read(path, as_version=4)
    rules = _sanitizers()
    outputs = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            text = nbformat.writes(nbformat.from_dict({"o": output}))
            for pattern, replacement in rules:
                text = pattern.sub(replacement, text)
            outputs.append(text)
    return outputs


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_a_fresh_run_stores_exactly_the_stored_outputs(notebook, tmp_path):
    stored = _outputs(notebook)
    fresh = _outputs(_execute(notebook, tmp_path))
    assert len(stored) == len(fresh), f"{notebook.name}: {len(fresh)} outputs from a fresh run, {len(stored)} stored"
    for i, (a, b) in enumerate(zip(stored, fresh)):
        assert a == b, f"{notebook.name}: output {i} differs from the stored one (re-run `make execute`, or find what is not deterministic)"
