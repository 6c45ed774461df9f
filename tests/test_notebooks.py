"""What every chapter notebook delivers (the chapter contract), checked on every notebook found.

These read the notebooks as files; nbval (strict) checks their outputs, and the
browser tests check the built pages.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import nbformat
import pytest

from conftest import ROOT
from test_quiz import assert_balanced_positions

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SECTIONS = ["## Learning objectives", "## Prerequisites", "## Time to learn", "## Exercises", "## Self-check quiz", "## Summary", "## What's next", "## References"]


def _cells(path):
    return nbformat.read(path, as_version=4).cells


def _text(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_chapter_has_every_part_of_the_contract(notebook):
    cells = _cells(notebook)
    markdown = "\n".join(_text(c) for c in cells if c.cell_type == "markdown")
    missing = [s for s in SECTIONS if not re.search(rf"^{re.escape(s)}\b", markdown, re.M)]
    assert not missing, f"{notebook.name} lacks sections: {missing}"
    assert "not medical advice" in markdown, f"{notebook.name}: the short medical disclaimer is missing"
    exercises = markdown.count("{exercise-start}")
    assert exercises >= 3, f"{notebook.name}: {exercises} exercises, the contract asks for at least three"
    assert markdown.count("{solution-start}") == exercises, f"{notebook.name}: every exercise needs a worked solution"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lab_has_a_prediction_before_it_and_questions_after_it(notebook):
    cells = _cells(notebook)
    labs = [i for i, c in enumerate(cells) if c.cell_type == "code" and any(
        "Live lab '" in "".join(o.get("data", {}).get("text/plain", "")) for o in c.get("outputs", []))]
    assert len(labs) >= 2, f"{notebook.name}: {len(labs)} labs with stored output, the contract asks for at least two"
    previous = -1
    for lab in labs:
        before = "\n".join(_text(c) for c in cells[previous + 1 : lab] if c.cell_type == "markdown")
        assert "Predict, then play" in before, f"{notebook.name}: the lab in cell {lab} has no 'predict, then play' prompt before it"
        after = next((_text(c) for c in cells[lab + 1 :] if c.cell_type == "markdown"), "")
        assert after.startswith("### Questions to explore"), f"{notebook.name}: the lab in cell {lab} is not followed by its questions"
        previous = lab


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_thin(notebook):
    """Models live in heavylegs: no function or class is defined in a notebook (the setup cell aside)."""
    code = [c for c in _cells(notebook) if c.cell_type == "code"][1:]
    for cell in code:
        source = "\n".join(line for line in _text(cell).splitlines() if not line.lstrip().startswith(("%", "!")))
        tree = ast.parse(source)
        defined = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))]
        assert not defined, f"{notebook.name}: defines {defined}; put models and helpers in heavylegs"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_opened_without_the_course_package_says_how_to_install_it(notebook, tmp_path):
    """A downloaded notebook run where heavylegs is not installed: one line saying what to do, no traceback."""
    setup = next(_text(c) for c in _cells(notebook) if c.cell_type == "code")
    script = tmp_path / "run_setup.py"
    script.write_text(
        "import sys\n"
        "sys.modules['heavylegs'] = None  # as if the package were not installed\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        f"result = InteractiveShell.instance().run_cell({setup!r})\n"
        "print('STOPPED' if result.error_in_exec is not None else 'RAN ON')\n"
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path)
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert lines[-1] == "STOPPED", f"{notebook.name}: the setup cell must stop Run All when heavylegs is missing: {run.stdout}"
    message = lines[:-1]
    assert len(message) == 1, f"{notebook.name}: expected one line of advice, got {message}"
    assert "pip install" in message[0] and "heavylegs" in message[0]
    assert "Traceback" not in run.stdout + run.stderr


def _quiz(notebook):
    """The chapter's Quiz object, built by running its quiz cell's source (it only needs heavylegs.quiz)."""
    cell = next(_text(c) for c in _cells(notebook) if c.cell_type == "code" and "Quiz(" in _text(c))
    tree = ast.parse(cell)
    *body, last = tree.body
    namespace: dict = {}
    exec(compile(ast.Module(body=body, type_ignores=[]), notebook.name, "exec"), namespace)
    return eval(compile(ast.Expression(last.value), notebook.name, "eval"), namespace)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_quiz_answer_positions_are_balanced(notebook):
    """Checked on the quiz's source (test_quiz.py checks the stored output with the same rule)."""
    positions = _quiz(notebook).correct_positions()
    assert len(positions) >= 3, f"{notebook.name}: a self-check quiz needs at least three questions"
    assert_balanced_positions(positions, notebook.name)


def test_every_notebook_carries_the_glossary_entries_it_links_to():
    """jupyterlab-myst resolves {term} links only inside the notebook (tools/notebook_glossary.py)."""
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "notebook_glossary.py"), "--check", *map(str, NOTEBOOKS)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
