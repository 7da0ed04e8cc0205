"""The two languages every security measurement is made in, and the check on a ``lang`` argument."""

from __future__ import annotations

from ..i18n import CourseValueError
from . import security_messages  # noqa: F401  (registers the messages)

LANGS = ("en", "tr")


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise CourseValueError("security_bad_lang", value=lang, known=", ".join(LANGS))
    return lang


def check_split(split: str) -> str:
    if split not in ("train", "eval"):
        raise CourseValueError("security_bad_split", value=split)
    return split
