"""Fertility: how many tokens a tokenizer spends per word.

A word is a whitespace-separated piece of text (``str.split()``), punctuation included, so the
number does not depend on any one tokenizer's idea of a word. Agglutinative Turkish packs
into one word what English spreads over several ("evlerimizden" = "from our houses"), so at
the same vocabulary size a Turkish word tends to cost more tokens. Rust et al. (ACL 2021,
"How Good is Your Tokenizer?", arXiv 2012.15613) use fertility to compare tokenizers across
languages.
"""

from __future__ import annotations

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the tokenizer's messages)
from .validation import check_text


def fertility(tokenizer, text: str) -> float:
    """Tokens per word of ``text``: ``len(tokenizer.encode(text)) / len(text.split())``.

    The whole text is encoded at once, as a model would see it, so tokens made only of
    whitespace (say a blank line) count too; on running prose they are a small share.
    """
    check_text(text, "text")
    words = text.split()
    if not words:
        raise CourseValueError("tokenizer_fertility_no_words")
    return len(tokenizer.encode(text)) / len(words)
