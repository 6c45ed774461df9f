"""JupyterLab over a copy of the notebooks, driven by Playwright: shared by the tests and the benchmark.

    with jupyterlab() as server:                      # JupyterLab on 127.0.0.1, isolated config
        page = browser.new_page()
        errors = page_error_recorder(page)
        open_notebook_and_run_all(page, server, "notebooks/01_metabolism.ipynb")
        ...
        shut_down_kernels(server)                      # the next run starts from a fresh kernel
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parent.parent

#: Seconds JupyterLab (and then a notebook page) may take to start.
LAB_STARTUP_S = 60

#: JupyterLab user settings written into the isolated settings folder, by plugin id.
LAB_SETTINGS = {
    # Render every cell: JupyterLab 4 otherwise keeps only the cells in view in the page, and the tests
    # look for every lab in the DOM. Also note: in the default mode ("full"), Run All on chapter 1 ends
    # on a markdown cell out of view and JupyterLab logs "Cannot read properties of undefined (reading
    # 'node')" from the cell toolbar (_markdownOverlapsToolbar): jupyterlab-myst 2.7 renders markdown
    # cells asynchronously and not at all while they are out-of-view placeholders, and the cell toolbar
    # of JupyterLab 4.6 assumes a rendered markdown cell always has its rendered input. Not ours, and
    # harmless to a learner (the toolbar's overlap check is skipped for that cell); in this mode every
    # cell is rendered up front and the error does not occur.
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    # No "get notified about Jupyter news?" toast over the notebook (and no attempt to fetch news).
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},
}


@dataclass
class LabServer:
    """A running JupyterLab: its base URL (``http://127.0.0.1:<port>``), its token, and the
    temporary folder it serves (holding the ``notebooks/`` copy and any extra files)."""

    base: str
    token: str
    root: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_settings(settings_dir: Path) -> None:
    for plugin_id, values in LAB_SETTINGS.items():
        package, plugin = plugin_id.split(":")
        path = settings_dir / package / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


@contextlib.contextmanager
def jupyterlab(notebooks: Path = ROOT / "notebooks", extra_files: dict[str, str] | None = None) -> Iterator[LabServer]:
    """Start JupyterLab (with the extensions of this environment, e.g. jupyterlab-myst) on 127.0.0.1.

    ``notebooks`` is copied into a temporary root as ``notebooks/``, so running them never touches the
    repository; ``extra_files`` (path relative to the root -> text) are written there too. Config, data,
    runtime, settings and workspace folders are fresh and private to this server, so the user's own
    JupyterLab settings and kernels play no part. Yields once the server answers; stops it on exit.
    """
    with tempfile.TemporaryDirectory(prefix="heavylegs-lab-") as temp:
        root = Path(temp) / "root"
        shutil.copytree(notebooks, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        for relative, text in (extra_files or {}).items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text)
        home = Path(temp) / "home"
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            # The kernels and extensions must be the ones of this environment, whatever the user's config says.
            "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
        }
        _write_settings(home / "settings")
        token, port = secrets.token_hex(16), _free_port()
        args = [
            str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "getuid") and os.getuid() == 0:
            args.append("--allow-root")
        log_path = Path(temp) / "lab.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                server = LabServer(base=f"http://127.0.0.1:{port}", token=token, root=root)
                _wait_until_ready(server, process, log_path)
                yield server
            finally:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_until_ready(server: LabServer, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + LAB_STARTUP_S
    while True:
        try:
            urllib.request.urlopen(f"{server.base}/api/status?token={server.token}", timeout=2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not start:\n{log_path.read_text()[-3000:]}") from None
            time.sleep(0.5)


def _menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


#: The input prompts of the notebook's code cells ("[3]:", "[*]:", "[ ]:"), as a JavaScript expression.
_PROMPTS_JS = "[...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')].map(p => p.textContent)"


def open_notebook_and_run_all(page, server: LabServer, notebook_path: str, timeout_s: float = 120) -> None:
    """Open ``notebook_path`` (relative to ``server.root``) in a fresh JupyterLab workspace, clear its
    outputs, run all cells, and return once every code cell shows an execution count (within ``timeout_s``
    seconds of Run All)."""
    page.goto(f"{server.base}/lab/tree/{notebook_path}?reset&token={server.token}")
    page.locator(".jp-Notebook").first.wait_for(timeout=LAB_STARTUP_S * 1000)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=LAB_STARTUP_S * 1000)
    # The Run menu acts on the notebook that has focus.
    page.locator(".jp-Notebook .jp-Cell").first.click()
    # Saved execution counts would satisfy "every cell ran" too early: clear first.
    _menu(page, "Edit", "Clear Outputs of All Cells")
    _menu(page, "Run", "Run All Cells")
    try:
        page.wait_for_function(
            f"() => {_PROMPTS_JS}.every(p => /\\[\\d+\\]/.test(p))", timeout=timeout_s * 1000
        )
    except PlaywrightTimeoutError:
        prompts = page.evaluate(f"() => {_PROMPTS_JS}")
        status = page.locator(".jp-Notebook-ExecutionIndicator").first.get_attribute("data-status")
        raise RuntimeError(
            f"{notebook_path}: not every code cell ran within {timeout_s} s of Run All; "
            f"kernel {status!r}; input prompts: {prompts}"
        ) from None


def shut_down_kernels(server: LabServer) -> None:
    """Shut down every kernel session of ``server``: the next notebook opened starts from a fresh kernel."""
    headers = {"Authorization": f"token {server.token}"}
    with urllib.request.urlopen(urllib.request.Request(f"{server.base}/api/sessions", headers=headers), timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(f"{server.base}/api/sessions/{session['id']}", headers=headers, method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


def page_error_recorder(page) -> list[str]:
    """Record the page's uncaught errors and console errors; returns the list, which keeps filling."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error.name}: {error.message}\n{error.stack or ''}".rstrip()))

    def console(message) -> None:
        if message.type == "error":
            location = message.location or {}
            errors.append(f"console: {message.text} ({location.get('url', '')}:{location.get('lineNumber', '')})")

    page.on("console", console)
    return errors
