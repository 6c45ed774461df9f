"""Executing a notebook twice gives identical outputs (after the nbval sanitize rules and tidying)."""

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


def _execute(source: Path, folder: Path) -> list:
    copy = folder / source.name
    shutil.copy(source, copy)
    subprocess.run(
        [str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--inplace", str(copy)],
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, str(ROOT / "tools" / "tidy_notebooks.py"), str(copy)], check=True, capture_output=True)
    notebook = nbformat.read(copy, as_version=4)
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
def test_two_runs_store_identical_outputs(notebook, tmp_path):
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = _execute(notebook, tmp_path / "first")
    second = _execute(notebook, tmp_path / "second")
    assert len(first) == len(second)
    for i, (a, b) in enumerate(zip(first, second)):
        assert a == b, f"{notebook.name}: output {i} differs between two runs"
