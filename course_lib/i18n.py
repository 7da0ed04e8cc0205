"""Learner-facing messages in Turkish and English.

Every message a learner reads from the library lives in a catalog: a dict from a key to
``{"en": ..., "tr": ...}`` templates (``str.format`` fields). The core catalog is below;
each subpackage keeps its own in a ``messages.py`` and adds it with :func:`register`, so
that one file holds one area's words.

The language comes from :func:`set_language`, else ``COURSE_LANG``, else English.
Numbers follow the language: a Turkish message writes ``0,64`` and ``1.234,5`` (decimal comma,
dot between thousands) and ``%50``, an English one ``0.64``, ``1,234.5`` and ``50%``. A number that
code builds before the message (``"0.64 ± 0.02"``) goes through :func:`number` to do the same.
Errors for bad learner input are :class:`CourseError` subclasses: their text is in the
learner's language and names the argument, the value and the fix; both language versions
stay available as ``.en`` and ``.tr``.
"""

from __future__ import annotations

import os
import string

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
    template = _catalog[key][chosen]
    if chosen == "tr":
        return _TURKISH_FIELDS.format(template, **fields)
    return template.format(**fields)


def number(value, spec: str = ".2f", lang: str | None = None) -> str:
    """``value`` formatted with ``spec`` as ``lang`` (default: the current language) writes numbers.

    For a number string built before the message it goes into, e.g. ``"0.64 ± 0.02"``:
    ``number(0.6412)`` is ``"0.64"`` in English and ``"0,64"`` in Turkish.
    """
    real = _real(value)
    if real is None:
        raise CourseTypeError("number_not_real", value=value, kind=type(value).__name__)
    chosen = get_language() if lang is None else _validated(lang, source="number(lang=...)")
    try:
        text = format(real, spec)
    except ValueError:
        raise CourseValueError("number_bad_spec", spec=spec, value=real) from None
    return _in_turkish(text, spec) if chosen == "tr" else text


def _real(value) -> int | float | None:
    """``value`` as a Python int or float when it is a real number, else None (a bool is not one)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    # numpy and torch scalars (and 0-d arrays and tensors) hand over their Python number by .item().
    if getattr(value, "ndim", None) == 0 and callable(getattr(value, "item", None)):
        item = value.item()
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            return item
    return None


# Turkish swaps the two separators of English: 1,234.5 is 1.234,5.
_SWAP_SEPARATORS = str.maketrans({".": ",", ",": "."})


def _in_turkish(text: str, spec: str) -> str:
    """An English-formatted number as Turkish writes it: separators swapped, % before the digits."""
    text = text.translate(_SWAP_SEPARATORS)
    if spec.endswith("%") and text.endswith("%"):
        # Turkish puts the percent sign first (%50), after a sign if there is one (-%5).
        body = text[:-1].lstrip()
        padding = text[: len(text) - 1 - len(body)]
        sign = body[0] if body[:1] in ("-", "+") else ""
        text = padding + sign + "%" + body[len(sign):]
    return text


class _TurkishFormatter(string.Formatter):
    """``str.format`` that writes every real-number field the Turkish way (see :func:`number`)."""

    def format_field(self, value, format_spec):
        real = _real(value)
        if real is None:
            return super().format_field(value, format_spec)
        return _in_turkish(format(real, format_spec), format_spec)


_TURKISH_FIELDS = _TurkishFormatter()


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
        "number_not_real": {
            "en": "number() formats a real number (an int or a float), got {value!r} of type {kind}.",
            "tr": "number() gerçel bir sayıyı (int ya da float) biçimlendirir; gelen değer {value!r}, türü {kind}.",
        },
        "number_bad_spec": {
            "en": "{spec!r} is not a format spec for the number {value!r}; use one such as \".2f\", \".3g\" or \",\".",
            "tr": "{spec!r}, {value!r} sayısı için geçerli bir biçim belirtimi değil; \".2f\", \".3g\" ya da \",\" "
                  "gibi birini kullanın.",
        },
        "bad_seed": {
            "en": "seed must be a non-negative integer, got {value!r}.",
            "tr": "seed negatif olmayan bir tam sayı olmalı; gelen değer: {value!r}.",
        },
    }
)
