"""Grade exercise notebooks: run each one and report which checks pass.

    python -m tools.grade submissions/*/02_pretraining.ipynb [--csv grades.csv]
                          [--reference exercises/en] [--timeout 600] [--profile smoke]

What is graded comes from the reference exercise notebook (``exercises/<lang>/<same name>``
of this repository, or ``--reference``: a notebook, or a folder holding one of the same name),
never from the submission: a check whose cell was deleted or never reached counts as failed,
and a notebook without checks is never full marks.

Each submission runs top to bottom in its own fresh kernel, from its own folder, errors
allowed (one unfinished exercise does not hide the next). A last cell then reads the verdicts
that the checks recorded (``course_lib.checks.verdict_history``). A cell that runs past the
timeout, a kernel that dies (``os._exit``, out of memory) or any other crash marks only that
notebook: its checks fail with the reason, and the batch goes on.

A check passed by a function that was imported (from ``course_lib``'s reference solutions or
any module) instead of written in the notebook is reported as "flagged", not passed.

Verdicts: pass, fail, skip (the machine cannot judge it, e.g. no Triton on a Mac), flagged.
The CSV has one row per check: student, notebook, check, verdict, note; the student is the name
of the folder that holds the submission (lay submissions out as ``<student>/<notebook>.ipynb``).

Student code runs with the grader's rights: grade on a machine, or in a container, that holds
nothing the submissions should not read.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
CHECK_CALL = re.compile(r"^(check_\w+)\(", re.MULTILINE)
# The grader's own last cell prints the verdicts behind this marker, so that whatever the
# submission printed before cannot be mistaken for them.
MARKER = "@@course-grade-verdicts@@"
READ_VERDICTS = (
    "import json as _json\n"
    "from course_lib.checks import verdict_history as _verdict_history\n"
    f"print({MARKER!r} + _json.dumps(_verdict_history()))"
)
CSV_COLUMNS = ("student", "notebook", "check", "verdict", "note")


@dataclass(frozen=True)
class CheckResult:
    check: str
    verdict: str  # pass | fail | skip | flagged
    note: str = ""


@dataclass
class NotebookResult:
    """The verdict on every check of the reference, and why the run stopped early, if it did."""

    path: Path
    checks: list[CheckResult] = field(default_factory=list)
    problem: str | None = None  # timeout, dead kernel, crash, no reference, unreadable verdicts

    @property
    def passed(self) -> int:
        return sum(c.verdict == "pass" for c in self.checks)

    @property
    def full_marks(self) -> bool:
        """Every check passed, and there was at least one: 0/0 is never full marks."""
        return bool(self.checks) and self.passed == len(self.checks) and self.problem is None

    @property
    def failed(self) -> bool:
        """A check failed or was flagged, or the notebook did not run (skips are not failures)."""
        return self.problem is not None or not self.checks or any(
            c.verdict in ("fail", "flagged") for c in self.checks
        )


def check_calls(notebook) -> list[str]:
    """The names of the checks a notebook calls, in order (each once)."""
    calls = [name for c in notebook.cells if c.cell_type == "code" for name in CHECK_CALL.findall(c.source)]
    return list(dict.fromkeys(calls))


def reference_for(path: Path, reference: Path | None = None) -> Path | None:
    """The exercise notebook that says which checks ``path`` must pass, or None if there is none.

    ``reference`` may be a notebook (used as it is) or a folder (its notebook of the same name);
    by default, ``exercises/<lang>/<name>`` of this repository, the language taken from the
    submission's folder when it is ``en`` or ``tr`` (the check calls are the same in both).
    """
    if reference is not None:
        candidate = reference / path.name if reference.is_dir() else reference
    else:
        lang = path.parent.name if path.parent.name in ("en", "tr") else "en"
        candidate = ROOT / "exercises" / lang / path.name
    return candidate if candidate.is_file() else None


def run_notebook(
    path: Path, timeout: int = 600, allow_errors: bool = True, env: dict[str, str] | None = None
) -> tuple[list[dict] | None, str | None]:
    """Execute ``path`` in a fresh kernel; return (the verdicts its checks recorded, the problem).

    The verdicts are None when the run stopped early; the problem is None when it did not.
    ``allow_errors=False`` stops at the first cell that raises (the proof that a lesson runs).
    ``env`` replaces the kernel's environment (tests use it to hide a package).
    """
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # not a notebook at all: that submission fails, the batch goes on
        return None, f"unreadable notebook: {type(error).__name__}: {error}"
    notebook.cells.append(nbformat.v4.new_code_cell(READ_VERDICTS))
    # Run from the notebook's own folder, as Jupyter does, so that notebooks run side by side
    # write their files to different places.
    folder = str(Path(path).resolve().parent)
    started: list[int] = []  # the index of each cell as it starts, to say where a run stopped
    client = NotebookClient(
        notebook,
        timeout=timeout,
        allow_errors=allow_errors,
        resources={"metadata": {"path": folder}},
        on_cell_start=lambda cell, cell_index: started.append(cell_index),
    )
    try:
        client.execute(**({"env": env} if env is not None else {}))
    except CellTimeoutError:
        return None, f"timed out: a cell ran longer than {timeout} s ({_where(started)})"
    except DeadKernelError:
        return None, f"the kernel died ({_where(started)}): os._exit, a crash or out of memory"
    except CellExecutionError as error:
        first_line = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        return None, f"a cell raised an error ({_where(started)}): {first_line}"
    except Exception as error:  # the kernel would not start, a message was lost, ...
        return None, f"the notebook could not run: {type(error).__name__}: {error}"
    for output in notebook.cells[-1].get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith(MARKER):
                return json.loads(line[len(MARKER) :]), None
    return None, "the verdicts could not be read (course_lib.checks was not importable or was replaced)"


def _where(started: list[int]) -> str:
    """The cell that was running, counted as a learner sees it (1 = the first cell)."""
    return f"cell {started[-1] + 1}" if started else "before the first cell"


def judge(expected: list[str], verdicts: list[dict] | None, problem: str | None) -> list[CheckResult]:
    """One result per expected check, from the last verdict each check gave."""
    if verdicts is None:
        return [CheckResult(name, "fail", problem or "") for name in expected]
    last = {v["check"]: v for v in verdicts}
    results = []
    for name in expected:
        verdict = last.get(name)
        if verdict is None:
            results.append(CheckResult(name, "fail", "never ran: the check's cell was deleted or not reached"))
        elif verdict.get("verdict") == "skip":
            results.append(CheckResult(name, "skip", verdict.get("note", "")))
        elif not verdict.get("passed"):
            results.append(CheckResult(name, "fail", verdict.get("note") or "the check did not pass"))
        elif verdict.get("module") != "__main__":
            note = f"the graded function comes from {verdict.get('module')!r}, not from the notebook"
            results.append(CheckResult(name, "flagged", note))
        else:
            results.append(CheckResult(name, "pass"))
    return results


def grade(
    path: Path,
    reference: Path | None = None,
    timeout: int = 600,
    allow_errors: bool = True,
    env: dict[str, str] | None = None,
) -> NotebookResult:
    """Run one submission and judge it against the checks of its reference exercise notebook."""
    path = Path(path)
    reference_path = reference_for(path, reference)
    if reference_path is None:
        return NotebookResult(path, problem=f"no reference exercise notebook for {path.name}")
    expected = check_calls(nbformat.read(reference_path, as_version=4))
    if not expected:
        return NotebookResult(path, problem=f"the reference {reference_path} calls no check")
    verdicts, problem = run_notebook(path, timeout=timeout, allow_errors=allow_errors, env=env)
    return NotebookResult(path, judge(expected, verdicts, problem), problem)


def csv_rows(results: list[NotebookResult]) -> list[dict[str, str]]:
    """One row per check, for a teacher's spreadsheet; a notebook with no checks gets one row."""
    rows = []
    for result in results:
        student, notebook = result.path.parent.name, result.path.name
        if not result.checks:
            rows.append(dict(student=student, notebook=notebook, check="", verdict="fail", note=result.problem))
        for check in result.checks:
            rows.append(dict(student=student, notebook=notebook, check=check.check, verdict=check.verdict,
                             note=check.note))
    return rows


def write_csv(results: list[NotebookResult], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_rows(results))


SYMBOL = {"pass": "✅", "fail": "❌", "skip": "⏭️ ", "flagged": "⚠️ "}


def report(result: NotebookResult) -> str:
    skipped = sum(c.verdict == "skip" for c in result.checks)
    lines = [f"{result.path}: {result.passed}/{len(result.checks)}" + (f" ({skipped} skipped)" if skipped else "")]
    if result.problem:
        lines.append(f"    !! {result.problem}")
    lines += [f"    {SYMBOL[c.verdict]} {c.check}" + (f"  ({c.note})" if c.note else "") for c in result.checks]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--reference", type=Path, help="the exercise notebook, or a folder of them")
    parser.add_argument("--csv", type=Path, help="write one row per check to this file")
    parser.add_argument("--timeout", type=int, default=600, help="seconds a single cell may run")
    parser.add_argument("--profile", default="smoke", choices=("smoke", "cpu", "gpu"))
    args = parser.parse_args(argv)
    os.environ["COURSE_PROFILE"] = args.profile
    results = []
    for path in args.notebooks:
        results.append(grade(path, reference=args.reference, timeout=args.timeout))
        print(report(results[-1]), flush=True)
    if args.csv:
        write_csv(results, args.csv)
    return 1 if any(r.failed for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
