"""Finding the real corpora of the course's shared data folder, where one exists.

The maintainers and CI keep real text files (Tiny Shakespeare, Turkish Wikipedia articles,
...; see SOURCES.md there) in a folder ``shared/data`` beside the repository, or wherever the
``COURSE_SHARED_DATA`` environment variable points. A learner's clone usually has neither:
then these functions return ``None`` and a notebook falls back to the built-in world.
Nothing here downloads anything.
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[2]
_MARKER = "SOURCES.md"  # every shared data folder describes its files here


def shared_data_dir() -> Path | None:
    """``COURSE_SHARED_DATA`` if it is a data folder, else ``../shared/data`` beside the repository, else None."""
    candidates = [os.environ.get("COURSE_SHARED_DATA"), _REPO_ROOT.parent / "shared" / "data"]
    for candidate in candidates:
        if candidate and (Path(candidate) / _MARKER).is_file():
            return Path(candidate)
    return None


def find_corpus(name: str) -> Path | None:
    """The path of file ``name`` (e.g. "trwiki_sample.txt") in the shared data folder, or None."""
    folder = shared_data_dir()
    if folder is None or not (folder / name).is_file():
        return None
    return folder / name
