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

The install and the runs happen in a background process started when the session starts (tests/fresh_env.py,
started by ``fresh_env_run`` in tests/conftest.py), so they overlap the rest of the suite; this test waits
for them, then checks what they did.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


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


def test_notebooks_run_from_requirements_txt_alone_and_store_their_outputs(fresh_env_run):
    steps, ended = fresh_env_run.wait()
    failed = [s for s in steps if not s.ok]
    assert not failed, f"{failed[0].name} failed with only requirements.txt installed:\n{failed[0].detail}"
    assert not ended, ended
    layout = fresh_env_run.layout
    # Nothing from the test environment leaks in: the notebooks import the copy's package.
    where = next((s for s in steps if s.name == "import heavylegs"), None)
    assert where is not None, f"the background run stopped before importing heavylegs: {[s.name for s in steps]}"
    assert where.detail.startswith(str(layout.repo)), where.detail
    stored = sorted((layout.repo / "notebooks").glob("*.ipynb"))
    assert stored, "the copy of the repository holds no notebook"
    fresh = sorted(layout.fresh.glob("*.ipynb"))
    assert [n.name for n in fresh] == [n.name for n in stored], "not every notebook was run"
    differences = []
    for notebook in stored:
        differences += _differences(notebook, layout.fresh / notebook.name)
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
