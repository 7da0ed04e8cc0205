"""The one rule for where the course keeps finished work (trained tiny models, comparison runs,
downloads, the learner's own base model): ``$COURSE_CACHE_DIR`` if set, else ``course_lib`` in
the user's cache folder of the freedesktop convention (``$XDG_CACHE_HOME``, default ``~/.cache``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import CourseTypeError
from . import messages  # noqa: F401  (registers this package's texts)

CACHE_DIR_ENV = "COURSE_CACHE_DIR"
XDG_CACHE_ENV = "XDG_CACHE_HOME"
APP_FOLDER = "course_lib"


def cache_root() -> Path:
    """``$COURSE_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/course_lib`` if set, else ``~/.cache/course_lib``.

    Read at every call, so a notebook (or a test) that sets the variable later is obeyed.
    """
    course = os.environ.get(CACHE_DIR_ENV)
    if course:
        return Path(course).expanduser()
    user_cache = os.environ.get(XDG_CACHE_ENV) or "~/.cache"
    return Path(user_cache).expanduser() / APP_FOLDER


def cache_folder(name: str, cache_dir=None) -> Path | None:
    """The folder one kind of finished work is kept in, created if missing.

    ``cache_dir``: ``False`` for no cache (returns None); None for ``cache_root()/name``; else the
    folder given (a str or a Path; ``~`` is expanded).
    """
    if cache_dir is False:
        return None
    if cache_dir is None:
        folder = cache_root() / name
    elif isinstance(cache_dir, (str, os.PathLike)):
        folder = Path(cache_dir).expanduser()
    else:
        # True (or a number) is a plausible guess for "use the cache": say what is accepted instead
        raise CourseTypeError("cache_bad_folder", value=cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_file(name: str, file_name: str, cache_dir=None) -> Path | None:
    """The path of ``file_name`` in :func:`cache_folder` ``(name, cache_dir)``; None for no cache."""
    folder = cache_folder(name, cache_dir)
    return folder / file_name if folder is not None else None
