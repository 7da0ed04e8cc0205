"""Cut text into the pieces that BPE works inside: special tokens, then "words".

BPE never merges across the pieces made here, which is what keeps a token from spanning
"word." or "word next": the learned vocabulary then holds reusable pieces of words.

The word pattern is GPT-2's (Radford et al. 2019, the one HF ``tokenizers`` uses in its
ByteLevel pre-tokenizer) with one change for Turkish. It is written with Unicode classes, not
``[a-zA-Z]``: ``\\p{L}`` is any letter in any script, so ç ğ ı İ ö ş ü stay inside their words
("Ağustos" is one piece, not "A", "ğ", "ustos"). The change: GPT-2 starts with the English
contractions ``'s|'t|'re|'ve|'m|'ll|'d``, which cut the suffix that Turkish writes after an
apostrophe on names: "İstanbul'da" would become "İstanbul", "'d", "a". We take an apostrophe
(straight or curly) with all the letters after it as one piece instead (``['’]\\p{L}+``): "İstanbul", "'da", and the
English contractions stay whole as before ("don", "'t"). HF export reproduces this pattern
exactly with a ``Split`` pre-tokenizer (see :mod:`.hf_export`).

The stdlib ``re`` has no ``\\p{...}`` classes; the ``regex`` module (a dependency of
``transformers``) does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import regex

# Alternatives, tried left to right at each position:
#   an apostrophe (' or ’) and the letters after it -> "'da" in "İstanbul'da", "'t" in "don't"
#   an optional space followed by letters   -> " merhaba", " İstanbul"
#   an optional space followed by digits    -> " 1227"
#   an optional space followed by other symbols -> " (", ".,"
#   a run of whitespace not followed by a non-space (so the last space joins the next word);
#   any other run of whitespace.
# Every character is matched by some alternative, so the pieces always join back into the text.
WORD_PATTERN = r"""['’]\p{L}+| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
GPT2_PATTERN = (
    r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""  # for comparison
)
_WORD_REGEX = regex.compile(WORD_PATTERN)


def split_words(text: str) -> list[str]:
    """The pieces of ``text`` (see ``WORD_PATTERN``); joined back together they give ``text`` again."""
    return _WORD_REGEX.findall(text)


def special_token_regex(special_tokens: Sequence[str]) -> re.Pattern[str] | None:
    """A regex matching any of ``special_tokens`` (longest first, so "<|a|>" never hides "<|a|>x")."""
    if not special_tokens:
        return None
    alternatives = sorted(special_tokens, key=len, reverse=True)
    return re.compile("|".join(re.escape(token) for token in alternatives))


def split_specials(text: str, special_regex: re.Pattern[str] | None) -> Iterator[tuple[str, bool]]:
    """Yield ``(piece, is_special)`` in order: special tokens whole, the text between them as it is."""
    if special_regex is None:
        if text:
            yield text, False
        return
    start = 0
    for match in special_regex.finditer(text):
        if match.start() > start:
            yield text[start : match.start()], False
        yield match.group(), True
        start = match.end()
    if start < len(text):
        yield text[start:], False
