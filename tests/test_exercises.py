"""Every solution notebook runs without an error and passes every check; every exercise
notebook, left blank, fails every check as "not implemented yet".

A solution notebook holds the lesson's code (tests/test_lessons.py proves it, cell by cell),
so its strict run here is also the proof that the lesson runs: each chapter runs once per
language for its solution and once for its exercise, not again as a lesson.

The checks expected are those of the reference exercise notebook (tools.grade), so a check
that was never reached cannot hide. Where Triton is not installed (macOS, Windows) the checks
that need it report "skip", and that is what is expected there.
"""

import importlib.util
import os
from pathlib import Path

import pytest

from course_lib.checks import NEEDS_TRITON
from course_lib.i18n import message
from tools.grade import grade

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*/*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*/*.ipynb"))
TRITON_INSTALLED = importlib.util.find_spec("triton") is not None


def _id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}/{path.name}"


def _expected(check: str, verdict: str, triton_installed: bool = TRITON_INSTALLED) -> str:
    return "skip" if check in NEEDS_TRITON and not triton_installed else verdict


def test_there_are_exercises_and_each_has_its_solution():
    assert EXERCISES
    assert [p.relative_to(ROOT / "exercises") for p in EXERCISES] == [
        p.relative_to(ROOT / "solutions") for p in SOLUTIONS
    ]


@pytest.mark.parametrize("path", SOLUTIONS, ids=_id)
def test_solution_runs_every_cell_and_passes_every_check(path, monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    result = grade(path, allow_errors=False)
    assert result.problem is None, result.problem
    assert result.checks, "an exercise notebook without a check"
    wrong = {c.check: (c.verdict, c.note) for c in result.checks if c.verdict != _expected(c.check, "pass")}
    assert not wrong, wrong


@pytest.mark.parametrize("path", EXERCISES, ids=_id)
def test_blank_exercise_fails_every_check(path, monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    result = grade(path)
    assert result.problem is None, result.problem
    not_yet = message("check_not_implemented", lang=path.parent.name)
    for check in result.checks:
        expected = _expected(check.check, "fail")
        assert check.verdict == expected, (check, "passed on the blank exercise")
        # Failing for the right reason: the blank is what the check saw, not a broken check.
        assert expected == "skip" or not_yet in check.note, check


def test_without_triton_the_kernel_appendix_runs_and_its_check_is_skipped(tmp_path, monkeypatch):
    """A Mac or Windows machine has no Triton: simulate one by making `import triton` fail in
    the kernel, then run the A1 solution strictly. Every cell must run; the check says "skip"."""
    shim = tmp_path / "no_triton" / "triton"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text('raise ImportError("simulated: Triton is not installed", name="triton")\n')
    paths = [str(shim.parent)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths + [str(ROOT)]), COURSE_PROFILE="smoke")
    appendix = [p for p in SOLUTIONS if p.parent.name == "en" and p.stem.startswith("A1")]
    assert appendix, "the kernel appendix has moved: point this test at it"
    result = grade(appendix[0], allow_errors=False, env=env)
    assert result.problem is None, result.problem
    assert {c.check: c.verdict for c in result.checks} == {
        c.check: _expected(c.check, "pass", triton_installed=False) for c in result.checks
    }
    assert any(c.verdict == "skip" for c in result.checks)
