"""The run profile: one notebook, three sizes.

``COURSE_PROFILE`` is ``smoke`` (CI: seconds per notebook, proves every cell runs),
``cpu`` (a laptop: a few minutes per notebook, the default) or ``gpu`` (Colab T4 or better).
Notebooks never hard-code sizes: they call :func:`sizes` with their chapter's key and get
the numbers for the current profile from :mod:`course_lib.chapter_sizes`.
"""

from __future__ import annotations

import os
from types import MappingProxyType

from .i18n import CourseValueError

PROFILES = ("smoke", "cpu", "gpu")
DEFAULT_PROFILE = "cpu"


def current_profile() -> str:
    value = os.environ.get("COURSE_PROFILE", DEFAULT_PROFILE).strip().lower()
    if value not in PROFILES:
        raise CourseValueError("unknown_profile", value=value, valid=", ".join(PROFILES))
    return value


class Sizes(MappingProxyType):
    """A read-only mapping whose keys also read as attributes: ``sizes.steps``."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


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
    return Sizes(dict(CHAPTER_SIZES[chapter][chosen]))
