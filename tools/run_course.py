"""Run every lesson of one language top to bottom, as a learner would (``make course``).

    python -m tools.run_course --lang tr [--profile cpu] [--out build/executed]

Executed copies, with their outputs, go to ``build/executed/<lang>/``; the committed
notebooks stay output-free. The table at the end gives each notebook's wall time, which is
how the README's "expected minutes per profile" are measured.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from tqdm.auto import tqdm

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=("en", "tr"), default="en")
    parser.add_argument("--profile", choices=("smoke", "cpu", "gpu"), default=os.environ.get("COURSE_PROFILE", "cpu"))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "executed")
    args = parser.parse_args(argv)
    os.environ["COURSE_PROFILE"] = args.profile
    out_dir = args.out / args.lang
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = []
    for path in tqdm(sorted((ROOT / "notebooks" / args.lang).glob("*.ipynb")), desc="notebooks"):
        notebook = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(notebook, timeout=3600, resources={"metadata": {"path": str(ROOT)}}).execute()
        timings.append((path.name, time.perf_counter() - start))
        nbformat.write(notebook, out_dir / path.name)
    print(f"\nprofile={args.profile} lang={args.lang}")
    for name, seconds in timings:
        print(f"{name:<40} {seconds / 60:6.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
