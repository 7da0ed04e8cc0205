"""Turning a model's free text into an answer that can be compared with the truth.

``normalize_answer`` is the normalisation of SQuAD's official evaluation (Rajpurkar et al. 2016,
arXiv 1606.05250): lower case, punctuation removed, the English articles a/an/the removed,
whitespace collapsed. "An architect." and "architect" are then the same answer; "Bursa" and
"Bursa'da" are not (an apostrophe is punctuation, so they become "bursa" and "bursada").
"""

from __future__ import annotations

import re
import string

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = set(string.punctuation) | {"’", "‘", "“", "”", "…"}


def normalize_answer(text: str) -> str:
    """Lower case (Turkish dotted/dotless I kept apart), no punctuation, no articles, single spaces."""
    text = text.replace("I", "ı").replace("İ", "i").lower() if _looks_turkish(text) else text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def _looks_turkish(text: str) -> bool:
    """Turkish lower-cases I to ı and İ to i; Python's lower() follows English (I → i, İ → i̇)."""
    return any(ch in text for ch in "ğĞşŞıİçÇöÖüÜ")


def exact_match(prediction: str, reference: str) -> bool:
    """True when the two answers are equal after :func:`normalize_answer`."""
    return normalize_answer(prediction) == normalize_answer(reference)


def first_clause(text: str) -> str:
    """The answer part of a continuation: the text up to its first full stop or line break."""
    return re.split(r"[.\n]", text, maxsplit=1)[0].strip()
