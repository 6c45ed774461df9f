"""The notebooks run as Binder and Colab would run them, from requirements.txt alone in a fresh venv, and that
run stores exactly the outputs the notebooks hold, in every format.

Binder (repo2docker) installs the root requirements.txt from the repository's top folder; nothing else of
the repository is installed by hand. This test does the same in a temporary copy of the repository (so
`-e .` resolves as there), then executes every notebook with that environment's own Jupyter.

The same run is the determinism check. nbval compares a fresh run with the stored outputs too, but only as
text; this compares every output (HTML of labs and quizzes, SVG of figures) after tidying, as `make execute`
writes it. The stored notebook is itself a run, so any non-determinism shows as a difference, and it shows
in the learner's environment, not only in the developers'. (It was a separate test that ran every notebook
once more; merging the two saves one execution per notebook.)
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

#: What a learner's clone holds; build outputs and local environments are not part of it.
_NOT_IN_A_CLONE = shutil.ignore_patterns(".venv", "_build", ".git", ".pytest_cache", ".hypothesis", "__pycache__", "*.egg-info", "vendor")


def _sanitizers() -> list[tuple[re.Pattern, str]]:
    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "nbval-sanitize.cfg")
    return [(re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections()]


def _outputs(path: Path) -> list[str]:
    """Every code cell output of the notebook at ``path``, serialised, with the nbval sanitize rules applied."""
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


def _differences(stored: Path, fresh: Path) -> list[str]:
    want, got = _outputs(stored), _outputs(fresh)
    if len(want) != len(got):
        return [f"{stored.name}: {len(got)} outputs from a fresh run, {len(want)} stored"]
    return [
        f"{stored.name}: output {i} differs from the stored one (re-run `make execute`, or find what is not deterministic)"
        for i, (a, b) in enumerate(zip(want, got))
        if a != b
    ]


def test_notebooks_run_from_requirements_txt_alone_and_store_their_outputs(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=_NOT_IN_A_CLONE)
    env_dir = tmp_path / "binder-env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"], cwd=repo, capture_output=True, text=True
    )
    assert install.returncode == 0, f"pip install -r requirements.txt failed:\n{install.stderr[-3000:]}"
    # Nothing from the test environment leaks in: the notebooks import the copy's package.
    where = subprocess.run([str(python), "-c", "import heavylegs; print(heavylegs.__file__)"], capture_output=True, text=True, cwd=tmp_path)
    assert where.stdout.strip().startswith(str(repo)), where.stdout + where.stderr
    differences = []
    for notebook in sorted((repo / "notebooks").glob("*.ipynb")):
        fresh = tmp_path / notebook.name
        run = subprocess.run(
            [str(env_dir / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--output", str(fresh), str(notebook)],
            cwd=notebook.parent,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, f"{notebook.name} failed with only requirements.txt installed:\n{run.stderr[-3000:]}"
        # Tidied as `make execute` stores notebooks, so the two differ only if the outputs do.
        subprocess.run([sys.executable, str(ROOT / "tools" / "tidy_notebooks.py"), str(fresh)], check=True, capture_output=True)
        differences += _differences(notebook, fresh)
    assert not differences, "\n".join(differences)


def test_the_output_comparison_can_fail(tmp_path):
    """An unchanged copy compares equal and a changed output is caught, so the check is not vacuous."""
    stored = sorted((ROOT / "notebooks").glob("*.ipynb"))[0]
    notebook = nbformat.read(stored, as_version=4)
    nbformat.write(notebook, tmp_path / "same.ipynb")
    assert _differences(stored, tmp_path / "same.ipynb") == []
    cell = next(c for c in notebook.cells if c.cell_type == "code" and any(o.get("output_type") == "stream" for o in c.outputs))
    next(o for o in cell.outputs if o.get("output_type") == "stream")["text"] += "one more line\n"
    nbformat.write(notebook, tmp_path / "changed.ipynb")
    assert len(_differences(stored, tmp_path / "changed.ipynb")) == 1
