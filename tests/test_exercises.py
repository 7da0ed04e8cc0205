"""Every exercise notebook, left blank, fails all its checks; every solution notebook passes them.

The number of verdicts must equal the number of check calls in the notebook, so a check
that was never reached cannot hide.
"""

from pathlib import Path

import pytest

from tools.grade import grade

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "exercises").glob("*/*.ipynb")) + sorted((ROOT / "solutions").glob("*/*.ipynb"))


def test_there_are_exercises():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_verdicts(path, monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    verdicts, calls = grade(path)
    assert calls, "an exercise notebook without a check"
    assert [v["check"] for v in verdicts] == calls, verdicts
    should_pass = path.parent.parent.name == "solutions"
    wrong = [v["check"] for v in verdicts if v["passed"] is not should_pass]
    assert not wrong, f"{'failed' if should_pass else 'passed on the blank exercise'}: {wrong}"
