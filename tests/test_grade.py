"""tools.grade cannot be gamed, and one bad notebook does not stop a batch.

Each case is a small synthetic notebook graded against a synthetic reference exercise that
calls two real chapter-00 checks. A submission may delete a check cell, hold no check at all,
hang, kill its kernel, replace a check with a fake, or hand in the library's reference
solution: each must cost the marks it did not earn, with the reason in the teacher's CSV.
"""

import csv
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tools import grade as grading

SETUP = "from course_lib.checks import check_normalize_counts, check_sample_next\nimport torch"
NORMALIZE = (
    "def normalize_counts(counts):\n"
    "    totals = counts.double().sum(-1, keepdim=True)\n"
    "    return torch.where(totals > 0, counts / totals.clamp_min(1), 1 / counts.shape[-1])"
)
SAMPLE = (
    "def sample_next(probs, generator):\n"
    "    return int(torch.multinomial(probs, 1, generator=generator))"
)
CHECK_NORMALIZE = "check_normalize_counts(normalize_counts)"
CHECK_SAMPLE = "check_sample_next(sample_next)"
BLANK = "def {name}(*args):\n    raise NotImplementedError"


def _write(folder: Path, name: str, *cells: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    notebook = new_notebook(cells=[new_code_cell(source) for source in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / name
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """The exercise as handed out: two blank functions, each followed by its check."""
    folder = tmp_path_factory.mktemp("reference")
    return _write(
        folder, "ch.ipynb", SETUP, BLANK.format(name="normalize_counts"), CHECK_NORMALIZE,
        BLANK.format(name="sample_next"), CHECK_SAMPLE,
    )


def _submission(tmp_path: Path, student: str, *cells: str) -> Path:
    return _write(tmp_path / student, "ch.ipynb", *cells)


def _verdicts(result) -> dict[str, str]:
    return {c.check: c.verdict for c in result.checks}


# ------------------------------------------------------------------------------ scoring, no kernel
def test_expected_checks_come_from_the_reference_not_the_submission(reference):
    notebook = nbformat.read(reference, as_version=4)
    assert grading.check_calls(notebook) == ["check_normalize_counts", "check_sample_next"]
    # A verdict the reference does not ask for earns nothing; one it asks for and never got fails.
    verdicts = [{"check": "check_extra", "verdict": "pass", "passed": True, "module": "__main__", "note": ""}]
    results = grading.judge(["check_normalize_counts"], verdicts, None)
    assert [(r.check, r.verdict) for r in results] == [("check_normalize_counts", "fail")]
    assert "never ran" in results[0].note


def test_zero_of_zero_is_never_full_marks(tmp_path):
    empty = grading.NotebookResult(tmp_path / "x.ipynb", checks=[])
    assert not empty.full_marks and empty.failed
    skipped = grading.NotebookResult(tmp_path / "x.ipynb", checks=[grading.CheckResult("check_a", "skip")])
    assert not skipped.full_marks and not skipped.failed  # the machine could not judge: not a failure
    no_checks = _write(tmp_path / "ref", "none.ipynb", "x = 1")
    result = grading.grade(tmp_path / "sub" / "none.ipynb", reference=no_checks)
    assert not result.full_marks and "calls no check" in result.problem


def test_a_submission_without_a_reference_fails_with_the_reason(tmp_path):
    result = grading.grade(_submission(tmp_path, "ali", "x = 1"), reference=tmp_path / "empty_folder")
    assert result.failed and not result.full_marks and "no reference" in result.problem


# ------------------------------------------------------------------------------ real kernels
def test_deleted_or_faked_check_cells_score_as_failed(tmp_path, reference):
    """Deleting a check cell, or defining a fake check that prints a tick, earns nothing."""
    fake = "def check_sample_next(fn):\n    print('✅ check_sample_next: all cases passed')"
    deleted = _submission(tmp_path, "deleted", SETUP, NORMALIZE, CHECK_NORMALIZE, SAMPLE)
    faked = _submission(tmp_path, "faked", SETUP, NORMALIZE, CHECK_NORMALIZE, SAMPLE, fake, CHECK_SAMPLE)
    for path in (deleted, faked):
        result = grading.grade(path, reference=reference)
        assert _verdicts(result) == {"check_normalize_counts": "pass", "check_sample_next": "fail"}, path
        assert not result.full_marks and "never ran" in result.checks[1].note


def test_an_imported_reference_solution_is_flagged(tmp_path, reference):
    imported = "from course_lib.model.bigram import normalize_counts"
    path = _submission(tmp_path, "copier", SETUP, imported, CHECK_NORMALIZE, SAMPLE, CHECK_SAMPLE)
    result = grading.grade(path, reference=reference)
    assert _verdicts(result) == {"check_normalize_counts": "flagged", "check_sample_next": "pass"}
    assert "course_lib.model.bigram" in result.checks[0].note and result.failed


def test_a_timeout_marks_the_notebook_with_the_reason(tmp_path, reference):
    # The hanging cell comes first, so that no slow import on a loaded machine can use up the 5 s.
    path = _submission(tmp_path, "hangs", "import time\ntime.sleep(600)", SETUP, NORMALIZE, CHECK_NORMALIZE)
    result = grading.grade(path, reference=reference, timeout=5)
    assert "timed out" in result.problem and "cell 1" in result.problem
    assert _verdicts(result) == {"check_normalize_counts": "fail", "check_sample_next": "fail"}
    assert all(c.note == result.problem for c in result.checks)


def test_a_batch_goes_on_past_a_dead_kernel_and_the_csv_says_why(tmp_path, reference):
    """The command line on a batch: a kernel that kills itself, a notebook with no check cell
    (0/2, never 0/0), then a correct one, which still gets full marks."""
    dies = _submission(tmp_path, "dies", "import os\nos._exit(1)", SETUP, NORMALIZE, CHECK_NORMALIZE)
    nothing = _submission(tmp_path, "nothing", "x = 1")
    good = _submission(tmp_path, "good", SETUP, NORMALIZE, CHECK_NORMALIZE, SAMPLE, CHECK_SAMPLE)
    table = tmp_path / "grades.csv"
    done = subprocess.run(
        [sys.executable, "-m", "tools.grade", str(dies), str(nothing), str(good),
         "--reference", str(reference), "--csv", str(table)],
        cwd=grading.ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 1, done.stderr  # not everyone passed
    assert "nothing/ch.ipynb: 0/2" in done.stdout and "good/ch.ipynb: 2/2" in done.stdout
    with open(table, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["student", "notebook", "check", "verdict", "note"]
    assert [(r["student"], r["notebook"], r["check"], r["verdict"]) for r in rows] == [
        ("dies", "ch.ipynb", "check_normalize_counts", "fail"),
        ("dies", "ch.ipynb", "check_sample_next", "fail"),
        ("nothing", "ch.ipynb", "check_normalize_counts", "fail"),
        ("nothing", "ch.ipynb", "check_sample_next", "fail"),
        ("good", "ch.ipynb", "check_normalize_counts", "pass"),
        ("good", "ch.ipynb", "check_sample_next", "pass"),
    ]
    assert all("kernel died" in r["note"] and "cell 1" in r["note"] for r in rows[:2])
    assert all("never ran" in r["note"] for r in rows[2:4])
    assert rows[4]["note"] == rows[5]["note"] == ""


def test_a_strict_run_stops_at_the_first_error(tmp_path, reference):
    """allow_errors=False is how a solution notebook proves that every cell of its lesson runs."""
    path = _submission(tmp_path, "strict", "1 / 0", SETUP, NORMALIZE, CHECK_NORMALIZE)
    result = grading.grade(path, reference=reference, allow_errors=False)
    assert "ZeroDivisionError" in result.problem and "cell 1" in result.problem and result.passed == 0


def test_unreadable_verdicts_fail_with_the_reason_instead_of_crashing_the_grader(tmp_path, reference):
    """A submission that hides course_lib.checks leaves the grader's last cell without output
    (this used to raise IndexError and end the batch)."""
    path = _submission(tmp_path, "hides", "import sys\nsys.modules['course_lib.checks'] = None")
    result = grading.grade(path, reference=reference)
    assert "could not be read" in result.problem
    assert _verdicts(result) == {"check_normalize_counts": "fail", "check_sample_next": "fail"}
