"""Every lesson notebook runs top to bottom without an error, in both languages (smoke profile).

A lesson that has a solution notebook holds the same code: the solution only adds the
``### BEGIN/END SOLUTION`` marker lines. The fast test below proves that cell by cell, so the
solution's strict run in tests/test_exercises.py proves the lesson runs too, and the chapter is
not executed a second time. A lesson without exercises is executed here.
"""

from pathlib import Path

import nbformat
import pytest

from tools.course_source import BEGIN, END
from tools.grade import run_notebook

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("*/*.ipynb"))


def _solution_of(lesson: Path) -> Path:
    return ROOT / "solutions" / lesson.parent.name / lesson.name


WITH_SOLUTION = [p for p in LESSONS if _solution_of(p).is_file()]
WITHOUT_SOLUTION = [p for p in LESSONS if not _solution_of(p).is_file()]


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _code_cells(path: Path, drop_markers: bool) -> list[str]:
    """The source of each code cell (what runs; prose differs, e.g. the Colab badge's path)."""
    cells = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            lines = cell.source.split("\n")
            if drop_markers:
                lines = [line for line in lines if line.strip() not in (BEGIN, END)]
            cells.append("\n".join(lines))
    return cells


def test_there_are_lessons():
    assert LESSONS and WITH_SOLUTION


@pytest.mark.parametrize("lesson", WITH_SOLUTION, ids=_id)
def test_lesson_holds_exactly_the_code_of_its_solution(lesson):
    solution = _solution_of(lesson)
    assert _code_cells(lesson, drop_markers=False) == _code_cells(solution, drop_markers=True)
    assert any(BEGIN in source for source in _code_cells(solution, drop_markers=False)), "no solution block"


@pytest.mark.parametrize("lesson", WITHOUT_SOLUTION, ids=_id)
def test_lesson_without_exercises_runs_every_cell(lesson, monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    _, problem = run_notebook(lesson, allow_errors=False)
    assert problem is None, problem
