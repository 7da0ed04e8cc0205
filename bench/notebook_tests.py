"""What each chapter costs `make test`, before and after the lesson stopped being run separately.

    COURSE_PROFILE=smoke OMP_NUM_THREADS=1 python -m bench.notebook_tests [--rounds 1] [--chapters 00 02]

Before: each chapter ran six times, the lesson under nbval and the exercise and solution under
tools.grade, in both languages. After: the solution runs once per language, strictly (every cell
without error, which also proves the lesson: tests/test_lessons.py checks that the lesson holds the
solution's code), and the blank exercise once per language. The runs are timed one by one and
interleaved chapter by chapter in this process, so a busy machine slows both schemes alike; the
table adds them up per scheme and gives the ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from tqdm import tqdm

from tools.grade import grade

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "tr")


def _seconds(action, *args, **kwargs) -> float:
    start = time.perf_counter()
    action(*args, **kwargs)
    return time.perf_counter() - start


def _nbval(path: Path) -> None:
    """The old lesson run: pytest --nbval-lax on one notebook, as `make test` ran it."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", str(path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"nbval failed on {path}:\n{done.stdout[-2000:]}")


def _grade(path: Path, strict: bool) -> None:
    result = grade(path, allow_errors=not strict)
    if result.problem:
        raise SystemExit(f"{path}: {result.problem}")


def measure(chapter: str) -> dict[str, float]:
    """Seconds of each kind of run for one chapter, both languages together."""
    times = {"lesson (nbval)": 0.0, "solution": 0.0, "exercise": 0.0}
    for lang in LANGS:
        name = next((ROOT / "notebooks" / lang).glob(f"{chapter}_*.ipynb")).name
        times["lesson (nbval)"] += _seconds(_nbval, ROOT / "notebooks" / lang / name)
        times["solution"] += _seconds(_grade, ROOT / "solutions" / lang / name, strict=True)
        times["exercise"] += _seconds(_grade, ROOT / "exercises" / lang / name, strict=False)
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--chapters", nargs="*", help="e.g. 00 02 (default: every chapter with exercises)")
    args = parser.parse_args(argv)
    os.environ.setdefault("COURSE_PROFILE", "smoke")
    chapters = args.chapters or sorted(p.stem.split("_")[0] for p in (ROOT / "solutions" / "en").glob("*.ipynb"))
    totals = {c: {"lesson (nbval)": 0.0, "solution": 0.0, "exercise": 0.0} for c in chapters}
    for _ in tqdm(range(args.rounds), desc="rounds"):
        for chapter in tqdm(chapters, desc="chapters", leave=False):
            for kind, seconds in measure(chapter).items():
                totals[chapter][kind] += seconds / args.rounds
    print(f"\nCOURSE_PROFILE={os.environ['COURSE_PROFILE']}, {args.rounds} round(s), seconds per chapter (en + tr)")
    print("| chapter | lesson (nbval) | solution | exercise | before (all 6) | after (4) | after / before |")
    print("|---|---|---|---|---|---|---|")
    sums = [0.0, 0.0]
    for chapter, t in totals.items():
        before = t["lesson (nbval)"] + t["solution"] + t["exercise"]
        after = t["solution"] + t["exercise"]
        sums[0] += before
        sums[1] += after
        print(f"| {chapter} | {t['lesson (nbval)']:.1f} | {t['solution']:.1f} | {t['exercise']:.1f} "
              f"| {before:.1f} | {after:.1f} | {after / before:.2f} |")
    print(f"| all | | | | {sums[0]:.1f} | {sums[1]:.1f} | {sums[1] / sums[0]:.2f} |")


if __name__ == "__main__":
    main()
