"""Learner-facing messages in Turkish and English.

Every message a learner reads from the library lives in a catalog: a dict from a key to
``{"en": ..., "tr": ...}`` templates (``str.format`` fields). The core catalog is below;
each subpackage keeps its own in a ``messages.py`` and adds it with :func:`register`, so
that one file holds one area's words.

The language comes from :func:`set_language`, else ``COURSE_LANG``, else English.
Errors for bad learner input are :class:`CourseError` subclasses: their text is in the
learner's language and names the argument, the value and the fix; both language versions
stay available as ``.en`` and ``.tr``.
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "tr")

_catalog: dict[str, dict[str, str]] = {}
_language: str | None = None


def register(messages: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Add ``messages`` to the catalog; every entry must have both languages.

    Returns the same dict, so a module can write ``MESSAGES = register({...})``.
    """
    for key, versions in messages.items():
        missing = [lang for lang in LANGUAGES if not versions.get(lang)]
        if missing:
            raise ValueError(f"message {key!r} has no text for: {', '.join(missing)}")
        if key in _catalog and _catalog[key] != versions:
            raise ValueError(f"message {key!r} is registered twice with different texts")
        _catalog[key] = dict(versions)
    return messages


def set_language(lang: str) -> None:
    """Choose the language of every later message ("en" or "tr")."""
    global _language
    _language = _validated(lang, source="set_language")


def get_language() -> str:
    if _language is not None:
        return _language
    return _validated(os.environ.get("COURSE_LANG", "en"), source="COURSE_LANG")


def _validated(lang: str, source: str) -> str:
    normalized = str(lang).strip().lower()
    if normalized not in LANGUAGES:
        # This cannot go through the catalog: the language itself is what is unknown.
        raise CourseValueError("unknown_language", value=lang, source=source)
    return normalized


def message(key: str, lang: str | None = None, **fields) -> str:
    """The text of ``key`` in ``lang`` (default: the current language)."""
    if key not in _catalog:
        raise KeyError(f"no message registered under {key!r}")
    chosen = lang if lang is not None else get_language()
    return _catalog[key][chosen].format(**fields)


def pick(en: str, tr: str) -> str:
    """The one of two texts that matches the current language (for notebook titles and labels)."""
    return tr if get_language() == "tr" else en


def both(key: str, **fields) -> dict[str, str]:
    """The message in every language, for logs and tests."""
    return {lang: message(key, lang=lang, **fields) for lang in LANGUAGES}


class CourseError(Exception):
    """An error caused by the learner's input, explained in the learner's language."""

    def __init__(self, key: str, **fields):
        self.key = key
        self.fields = fields
        self.en = message(key, lang="en", **fields)
        self.tr = message(key, lang="tr", **fields)
        if key == "unknown_language":
            # Raised while the language itself is unknown: show both.
            text = f"{self.en}\n{self.tr}"
        else:
            text = self.tr if get_language() == "tr" else self.en
        super().__init__(text)


class CourseValueError(CourseError, ValueError):
    """A value the learner passed is out of range or malformed."""


class CourseTypeError(CourseError, TypeError):
    """The learner passed an object of the wrong type."""


class CourseFileError(CourseError, OSError):
    """A file the learner named is missing, empty or unreadable."""


class CourseRuntimeError(CourseError, RuntimeError):
    """Something went wrong during a run (e.g. the loss became NaN)."""


register(
    {
        "unknown_language": {
            "en": "Unknown language {value!r} (from {source}). Use one of: en, tr.",
            "tr": "Bilinmeyen dil {value!r} ({source} değerinden). Şunlardan birini kullanın: en, tr.",
        },
        "unknown_profile": {
            "en": "Unknown COURSE_PROFILE {value!r}. Valid profiles: {valid}.",
            "tr": "Bilinmeyen COURSE_PROFILE değeri {value!r}. Geçerli profiller: {valid}.",
        },
        "unknown_chapter_sizes": {
            "en": "No sizes are defined for chapter {chapter!r}. Known chapters: {known}.",
            "tr": "{chapter!r} bölümü için boyut tanımlanmamış. Bilinen bölümler: {known}.",
        },
        "unknown_device": {
            "en": "COURSE_DEVICE={value!r} is not available here. Use one of: {valid}.",
            "tr": "COURSE_DEVICE={value!r} bu makinede kullanılamıyor. Şunlardan birini kullanın: {valid}.",
        },
        "bad_seed": {
            "en": "seed must be a non-negative integer, got {value!r}.",
            "tr": "seed negatif olmayan bir tam sayı olmalı; gelen değer: {value!r}.",
        },
    }
)
