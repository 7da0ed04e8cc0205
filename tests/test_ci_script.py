"""`.ci/run` (which calls `make test`) must fail when a test fails and when no test ran.

The Makefile's TESTS variable points the run at a tiny throw-away suite; setup is already
done (the venv stamp is fresh), so each run costs a few seconds.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ci_run(tests_dir: Path) -> int:
    env = dict(os.environ, TESTS=str(tests_dir), WORKERS="1")
    return subprocess.run(["bash", ".ci/run"], cwd=ROOT, env=env, capture_output=True, text=True).returncode


@pytest.mark.parametrize(
    ("body", "succeeds"),
    [
        ("def test_ok():\n    assert 1 + 1 == 2\n", True),
        ("def test_broken():\n    assert 1 + 1 == 3\n", False),
        ("# no tests here\n", False),
    ],
    ids=["passing", "failing", "none-ran"],
)
def test_ci_run_exit_code(tmp_path, body, succeeds):
    (tmp_path / "test_tiny.py").write_text(body)
    assert (_ci_run(tmp_path) == 0) is succeeds
