"""The slow half of tests/test_requirements_only.py, started in the background when the test session starts.

A learner's environment is made as Binder makes it: a copy of the repository (what a clone holds), a new
venv, ``pip install -r requirements.txt`` from the copy's top folder, then every notebook executed with that
venv's own Jupyter and tidied as ``make execute`` stores notebooks. The test compares the outputs.

Why in the background: the venv and the install take ~40 s, mostly waiting on the network and the disk, and
each notebook then runs ~20 s on one core. The rest of the suite is mostly one process on one of the
machine's two cores, so the two overlap instead of adding up (``tests/conftest.py`` starts this when the
test that needs it is selected; the test waits for it).

Run as a script (``python tests/fresh_env.py WORK_DIR``) it does the work and records each step in
``WORK_DIR/steps.json`` (rewritten after every step, so a run that dies shows how far it got); it stops at
the first step that fails. ``FreshEnvRun`` starts that script and waits for it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import venv
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What a learner's clone holds; build outputs and local environments are not part of it.
NOT_IN_A_CLONE = shutil.ignore_patterns(".venv", "_build", ".git", ".pytest_cache", ".hypothesis", "__pycache__", "*.egg-info", "vendor")

#: Longest wait for the whole background run (s): a hung install fails the test instead of the session hanging.
WAIT_LIMIT_S = 1800


@dataclass
class Step:
    """One step of the background run: what it was, whether it succeeded, how long it took (s), and its
    output (the tail of stderr on failure; for "import heavylegs", the file it was imported from)."""

    name: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class Layout:
    """Where the run puts things, under its work folder."""

    work: Path

    @property
    def repo(self) -> Path:  # the learner's clone
        return self.work / "repo"

    @property
    def env(self) -> Path:  # the venv made from requirements.txt
        return self.work / "binder-env"

    @property
    def fresh(self) -> Path:  # the notebooks as the fresh run stores them
        return self.work / "fresh"

    @property
    def steps(self) -> Path:
        return self.work / "steps.json"

    @property
    def log(self) -> Path:  # the script's own output (a crash's traceback lands here)
        return self.work / "run.log"


def _run_steps(layout: Layout) -> None:
    steps: list[Step] = []

    def record(name: str, started: float, ok: bool, detail: str = "") -> bool:
        steps.append(Step(name, ok, round(time.perf_counter() - started, 1), detail))
        partial = layout.steps.with_suffix(".partial")
        partial.write_text(json.dumps([asdict(s) for s in steps], indent=1), encoding="utf-8")
        partial.replace(layout.steps)
        return ok

    started = time.perf_counter()
    shutil.copytree(ROOT, layout.repo, ignore=NOT_IN_A_CLONE)
    record("copy of the repository", started, True)

    started = time.perf_counter()
    venv.create(layout.env, with_pip=True)
    python = layout.env / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"], cwd=layout.repo, capture_output=True, text=True
    )
    if not record("pip install -r requirements.txt", started, install.returncode == 0, install.stderr[-3000:]):
        return

    started = time.perf_counter()
    where = subprocess.run([str(python), "-c", "import heavylegs; print(heavylegs.__file__)"], capture_output=True, text=True, cwd=layout.work)
    if not record("import heavylegs", started, where.returncode == 0, (where.stdout + where.stderr).strip()):
        return

    layout.fresh.mkdir()
    for notebook in sorted((layout.repo / "notebooks").glob("*.ipynb")):
        started = time.perf_counter()
        fresh = layout.fresh / notebook.name
        run = subprocess.run(
            [str(layout.env / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--output", str(fresh), str(notebook)],
            cwd=notebook.parent,
            capture_output=True,
            text=True,
        )
        if not record(f"run {notebook.name}", started, run.returncode == 0, run.stderr[-3000:]):
            return
        # Tidied as `make execute` stores notebooks (with the test environment's Python, which `make execute`
        # uses), so stored and fresh differ only if the outputs do.
        started = time.perf_counter()
        tidy = subprocess.run([sys.executable, str(ROOT / "tools" / "tidy_notebooks.py"), str(fresh)], capture_output=True, text=True)
        if not record(f"tidy {notebook.name}", started, tidy.returncode == 0, tidy.stderr[-3000:]):
            return


class FreshEnvRun:
    """The background run in ``work`` (an empty folder): started on creation; ``wait()`` for its steps,
    ``stop()`` to end it (if still running) and delete ``work`` (the venv is ~0.7 GB)."""

    def __init__(self, work: Path):
        self.layout = Layout(work)
        self._log = open(self.layout.log, "w", encoding="utf-8")
        # Its own process group, so stop() also ends pip, nbconvert and the kernel it started.
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(work)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.started = time.perf_counter()

    def wait(self) -> tuple[list[Step], str]:
        """Every step recorded, and a description of how the run ended ("" if the script itself finished
        normally, which a failed step does too; its exit code and log otherwise)."""
        try:
            code = self.process.wait(timeout=max(1.0, WAIT_LIMIT_S - (time.perf_counter() - self.started)))
        except subprocess.TimeoutExpired:
            self._end_group()
            code = None
        self._log.flush()
        steps = [Step(**s) for s in json.loads(self.layout.steps.read_text(encoding="utf-8"))] if self.layout.steps.exists() else []
        if code == 0:
            return steps, ""
        log = self.layout.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        ended = f"did not finish within {WAIT_LIMIT_S} s" if code is None else f"exited with code {code}"
        return steps, f"the background run ({Path(__file__).name}) {ended}; its log:\n{log}"

    def _end_group(self) -> None:
        """End the script and whatever it started (its process group), if still running."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:  # children that outlived the script (pip, a kernel) are in the same group
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def stop(self) -> None:
        self._end_group()
        self._log.close()
        shutil.rmtree(self.layout.work, ignore_errors=True)


if __name__ == "__main__":
    _run_steps(Layout(Path(sys.argv[1])))
