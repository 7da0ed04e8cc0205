"""Grade exercise notebooks: run each one and report which checks pass.

    python -m tools.grade submissions/*.ipynb [--profile smoke]

Each notebook is executed top to bottom in a fresh kernel (errors allowed, so that one
failed exercise does not hide the next); a last cell then reads the verdicts that the
checks recorded. A check that was never reached counts as failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHECK_CALL = re.compile(r"^(check_\w+)\(", re.MULTILINE)
READ_VERDICTS = "import json\nfrom course_lib.checks import verdict_history\nprint(json.dumps(verdict_history()))"


def check_calls(notebook) -> list[str]:
    """The names of the checks a notebook calls, in order."""
    return [name for c in notebook.cells if c.cell_type == "code" for name in CHECK_CALL.findall(c.source)]


def grade(path: Path, timeout: int = 600) -> tuple[list[dict], list[str]]:
    """Run ``path``; return (verdicts recorded by the checks, check calls found in the notebook)."""
    notebook = nbformat.read(path, as_version=4)
    calls = check_calls(notebook)
    notebook.cells.append(nbformat.v4.new_code_cell(READ_VERDICTS))
    # Run from the notebook's own folder, as Jupyter does, so that notebooks run side by side
    # (the tests run several at once) write their files to different places.
    folder = str(Path(path).resolve().parent)
    client = NotebookClient(notebook, timeout=timeout, allow_errors=True, resources={"metadata": {"path": folder}})
    client.execute()
    stdout = "".join(o.get("text", "") for o in notebook.cells[-1].outputs if o.get("name") == "stdout")
    return json.loads(stdout.strip().splitlines()[-1]), calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--profile", default="smoke", choices=("smoke", "cpu", "gpu"))
    args = parser.parse_args(argv)
    os.environ["COURSE_PROFILE"] = args.profile
    all_passed = True
    for path in args.notebooks:
        verdicts, calls = grade(path)
        passed = {v["check"] for v in verdicts if v["passed"]}
        score = sum(name in passed for name in calls)
        all_passed &= score == len(calls)
        print(f"{path}: {score}/{len(calls)}")
        for name in calls:
            print(f"    {'✅' if name in passed else '❌'} {name}")
    return 0 if all_passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
