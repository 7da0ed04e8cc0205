"""The course in a real browser: JupyterLab from this environment, chapter 02 in headless Chromium.

The test starts JupyterLab as `make lab` does (tools/lab.py) on a free local port with a token,
opens a copy of notebooks/en/02_pretraining.ipynb (smoke profile), runs every cell through
JupyterLab's own "Run All" command, and checks what a learner would see: no error output, the
sampling playground's widgets rendered, and a slider that, moved with the mouse, changes the
text. It also checks that JupyterLab's news prompt stays away. Playwright drives the system
Chromium (Debian's `chromium` package; `playwright install` is never needed); where neither
Playwright nor a Chromium can be had, the test skips and says why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tools.lab import ROOT, lab_command

pytestmark = pytest.mark.slow

NOTEBOOK = Path("notebooks") / "en" / "02_pretraining.ipynb"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
RUN_TIMEOUT_S = 900  # a loaded 2-core machine; the smoke chapter itself takes seconds

# Every code cell's execution count and error outputs, and whether the kernel is idle, read
# from JupyterLab's own notebook model (window.jupyterapp, exposed by --expose-app-in-browser).
READ_CELLS = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.model.cells;
  const code = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    const errors = cell.outputs.toJSON().filter(o => o.output_type === 'error')
      .map(o => `${o.ename}: ${o.evalue}`);
    code.push({index: i + 1, count: cell.executionCount, errors: errors});
  }
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return {idle: !!kernel && kernel.status === 'idle', code: code};
}"""
NOTEBOOK_READY = """() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  return !!(panel && panel.context && panel.context.isReady && panel.sessionContext &&
            panel.sessionContext.session && panel.sessionContext.session.kernel &&
            panel.sessionContext.session.kernel.status === 'idle');
}"""


def _chromium() -> str:
    for name in [os.environ.get("COURSE_CHROMIUM"), *BROWSERS]:
        if name and shutil.which(name):
            return shutil.which(name)
    pytest.skip("no Chromium on this machine (Debian/Ubuntu: apt-get install chromium); .ci/run installs it")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url: str, server: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"JupyterLab did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on a copy of the chapter (so the run writes nothing into the repo)."""
    root = tmp_path / "course"
    (root / NOTEBOOK).parent.mkdir(parents=True)
    shutil.copy(ROOT / NOTEBOOK, root / NOTEBOOK)
    port, token = _free_port(), os.urandom(16).hex()
    argv, env = lab_command(
        root=root,
        extra=[f"--port={port}", "--ip=127.0.0.1", "--no-browser", f"--IdentityProvider.token={token}",
               "--expose-app-in-browser"],
    )
    state = tmp_path / "jupyter"  # no user settings or workspaces leak in, none leak out
    env.update(
        COURSE_PROFILE="smoke",
        JUPYTERLAB_SETTINGS_DIR=str(state / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(state / "runtime"),
        PYTHONPATH=os.pathsep.join(p for p in [str(ROOT), env.get("PYTHONPATH", "")] if p),
    )
    log = tmp_path / "lab.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(argv, env=env, cwd=root, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_server(f"{base}/api/status?token={token}", server, log)
        yield f"{base}/lab/tree/{NOTEBOOK.as_posix()}?token={token}"
    finally:
        server.terminate()  # the server shuts its kernels down on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_chapter_02_runs_in_jupyterlab_and_the_playground_answers_its_slider(lab):
    from playwright.sync_api import sync_playwright  # a [dev] dependency: its absence is an error

    chromium = _chromium()
    url = lab
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(url)
            page.wait_for_function(NOTEBOOK_READY, timeout=180_000, polling=500)

            page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
            state = _wait_until_run_ends(page)
            errors = {c["index"]: c["errors"] for c in state["code"] if c["errors"]}
            assert not errors, f"cells with an error output: {errors}"
            unrun = [c["index"] for c in state["code"] if c["count"] is None]
            assert not unrun, f"cells that never ran: {unrun}"

            # The playground: the one box that holds both the sliders and the text area.
            playground = (
                page.locator(".widget-hbox").filter(has=page.locator(".widget-slider"))
                .filter(has=page.locator("textarea")).last
            )
            playground.scroll_into_view_if_needed()
            assert playground.locator(".widget-slider").count() >= 3  # temperature, top-k, top-p, length
            text = playground.locator("textarea")
            before = text.input_value()
            assert before.strip(), "the playground shows no first continuation"

            _drag_to_the_left_end(page, playground.locator(".widget-slider").first)  # temperature → 0
            deadline = time.monotonic() + 120
            while text.input_value() == before and time.monotonic() < deadline:
                page.wait_for_timeout(500)
            assert text.input_value() != before, "moving the temperature slider did not change the text"

            assert page.get_by_text("official Jupyter news").count() == 0, "JupyterLab's news prompt showed"
        finally:
            browser.close()


def _wait_until_run_ends(page) -> dict:
    """Poll the notebook until every code cell ran (or one failed and the rest were skipped)."""
    deadline = time.monotonic() + RUN_TIMEOUT_S
    state = page.evaluate(READ_CELLS)
    while time.monotonic() < deadline:
        state = page.evaluate(READ_CELLS)
        finished = all(c["count"] is not None for c in state["code"]) or any(c["errors"] for c in state["code"])
        if finished and state["idle"]:
            return state
        page.wait_for_timeout(1000)
    pytest.fail(f"the notebook did not finish within {RUN_TIMEOUT_S} s: {state}")


def _drag_to_the_left_end(page, slider) -> None:
    """Drag the slider's handle with the mouse, as a learner does, past its left end."""
    handle = slider.locator(".noUi-handle, .ui-slider-handle").first
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    track = slider.locator(".noUi-target, .ui-slider").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(track["x"] - 20, y, steps=10)
    page.mouse.up()
