"""The run profile: one notebook, three sizes.

``COURSE_PROFILE`` is ``smoke`` (CI: seconds per notebook, proves every cell runs),
``cpu`` (a laptop: a few minutes per notebook, the default) or ``gpu`` (Colab T4 or better).
Notebooks never hard-code sizes: they call :func:`sizes` with their chapter's key and get
the numbers for the current profile from :mod:`course_lib.chapter_sizes`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .i18n import CourseValueError

PROFILES = ("smoke", "cpu", "gpu")
DEFAULT_PROFILE = "cpu"


def current_profile() -> str:
    value = os.environ.get("COURSE_PROFILE", DEFAULT_PROFILE).strip().lower()
    if value not in PROFILES:
        raise CourseValueError("unknown_profile", value=value, valid=", ".join(PROFILES))
    return value


class Sizes(Mapping):
    """A read-only mapping whose keys also read as attributes: ``sizes.steps``."""

    def __init__(self, values: dict):
        self._values = dict(values)

    def __getitem__(self, key):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getattr__(self, name):
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        return f"Sizes({self._values})"


def sizes(chapter: str, profile: str | None = None) -> Sizes:
    """The sizes of ``chapter`` (e.g. ``"00_introduction"``) under the current profile."""
    from .chapter_sizes import CHAPTER_SIZES

    if chapter not in CHAPTER_SIZES:
        raise CourseValueError(
            "unknown_chapter_sizes", chapter=chapter, known=", ".join(sorted(CHAPTER_SIZES))
        )
    chosen = profile or current_profile()
    if chosen not in PROFILES:
        raise CourseValueError("unknown_profile", value=chosen, valid=", ".join(PROFILES))
    return Sizes(CHAPTER_SIZES[chapter][chosen])
