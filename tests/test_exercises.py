"""Every exercise notebook, left blank, fails all its checks; every solution notebook passes them.

Each notebook is executed top to bottom (errors allowed, so that one failed check does not
hide the next); then one more cell reads the verdicts the checks recorded in the kernel.
The number of verdicts must equal the number of check calls in the notebook, so a check
that was never reached cannot hide.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "exercises").glob("*/*.ipynb")) + sorted((ROOT / "solutions").glob("*/*.ipynb"))
CHECK_CALL = re.compile(r"^check_\w+\(", re.MULTILINE)
READ_VERDICTS = "import json\nfrom course_lib.checks import verdict_history\nprint(json.dumps(verdict_history()))"


def _run_and_collect_verdicts(path: Path) -> tuple[list[dict], int]:
    notebook = nbformat.read(path, as_version=4)
    expected_checks = sum(len(CHECK_CALL.findall(c.source)) for c in notebook.cells if c.cell_type == "code")
    notebook.cells.append(nbformat.v4.new_code_cell(READ_VERDICTS))
    NotebookClient(notebook, timeout=300, allow_errors=True, resources={"metadata": {"path": str(ROOT)}}).execute()
    last_output = notebook.cells[-1].outputs
    text = "".join(o.get("text", "") for o in last_output if o.get("name") == "stdout")
    return json.loads(text.strip().splitlines()[-1]), expected_checks


def test_there_are_exercises():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_verdicts(path, monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    verdicts, expected_checks = _run_and_collect_verdicts(path)
    assert expected_checks > 0, "an exercise notebook without a check"
    assert len(verdicts) == expected_checks, verdicts
    should_pass = path.parent.parent.name == "solutions"
    wrong = [v["check"] for v in verdicts if v["passed"] is not should_pass]
    assert not wrong, f"{'failed' if should_pass else 'passed on the blank exercise'}: {wrong}"
