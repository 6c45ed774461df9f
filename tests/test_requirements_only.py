"""The notebooks run as Binder and Colab would run them: from requirements.txt alone, in a fresh venv.

Binder (repo2docker) installs the root requirements.txt from the repository's
top folder; nothing else of the repository is installed by hand. This test does
the same in a temporary copy of the repository (so `-e .` resolves as there),
then executes every notebook with that environment's own Jupyter.
"""

from __future__ import annotations

import shutil
import subprocess
import venv

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

#: What a learner's clone holds; build outputs and local environments are not part of it.
_NOT_IN_A_CLONE = shutil.ignore_patterns(".venv", "_build", ".git", ".pytest_cache", ".hypothesis", "__pycache__", "*.egg-info", "vendor")


def test_notebooks_run_from_requirements_txt_alone(tmp_path):
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
    for notebook in sorted((repo / "notebooks").glob("*.ipynb")):
        run = subprocess.run(
            [str(env_dir / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--output", str(tmp_path / notebook.name), str(notebook)],
            cwd=notebook.parent,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, f"{notebook.name} failed with only requirements.txt installed:\n{run.stderr[-3000:]}"
