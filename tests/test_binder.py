"""Binder builds what the tests test: repo2docker's build plan pins the Python the tests run on.

``jupyter-repo2docker --no-build --no-run --debug`` prints the Dockerfile it would build, with no Docker
and no network, in under a second. It is run on a clean copy of the repository (the files git would
commit, as in a fresh clone), so untracked local files cannot change the plan.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPO2DOCKER = Path(sys.executable).parent / "jupyter-repo2docker"


def _clean_copy(target: Path) -> Path:
    """Copy the files a fresh clone would hold (tracked plus new, not ignored) into ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is not in a fresh clone either
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def build_plan(tmp_path_factory) -> str:
    if shutil.which("git") is None:
        pytest.skip("git is needed to make a clean copy of the repository")
    repo = _clean_copy(tmp_path_factory.mktemp("repo"))
    # repo2docker reads a repo2docker_config.py from its working directory: run it from an empty one.
    workdir = tmp_path_factory.mktemp("cwd")
    result = subprocess.run(
        [str(REPO2DOCKER), "--no-build", "--no-run", "--debug", str(repo)],
        cwd=workdir, capture_output=True, text=True, timeout=120,
    )
    plan = result.stdout + result.stderr
    assert result.returncode == 0, f"repo2docker could not make a build plan:\n{plan[-4000:]}"
    assert "FROM " in plan, f"no Dockerfile in repo2docker's output:\n{plan[-4000:]}"
    return plan


def test_binder_python_is_the_python_the_tests_run_on(build_plan):
    tested = f"{sys.version_info.major}.{sys.version_info.minor}"
    # The log line names the conda environment; the locked environment file is what gets installed
    # (its path is written escaped: "." as -2e, "-" as -2d).
    announced = set(re.findall(r"conda environment for python=(\d+\.\d+)", build_plan))
    locked_paths = re.findall(r"environment-2epy-2d(\d+)-2e(\d+)-2d", build_plan) + re.findall(r"environment\.py-(\d+)\.(\d+)-", build_plan)
    locked = {f"{major}.{minor}" for major, minor in locked_paths}
    assert announced == {tested}, f"Binder builds Python {announced or 'unknown'}; the tests run on {tested} (see runtime.txt)"
    assert locked == {tested}, f"Binder's locked environment is for Python {locked or 'unknown'}; the tests run on {tested}"
    assert "Python version unspecified" not in build_plan


def test_binder_installs_requirements_txt(build_plan):
    installs = re.findall(r'^RUN .*\bpip install\b.*\s-r\s+"?requirements\.txt"?\s*$', build_plan, flags=re.MULTILINE)
    assert installs, "Binder's build plan does not pip-install requirements.txt"
