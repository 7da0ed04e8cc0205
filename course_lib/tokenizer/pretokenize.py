"""Cut text into the pieces that BPE works inside: special tokens, then "words".

BPE never merges across the pieces made here, which is what keeps a token from spanning
"word." or "word next": the learned vocabulary then holds reusable pieces of words.

The word pattern is GPT-2's (Radford et al. 2019; the same one HF ``tokenizers`` uses in its
ByteLevel pre-tokenizer), so our pieces match HF's exactly and the vocabulary can be exported.
It is written with Unicode classes, not ``[a-zA-Z]``: ``\\p{L}`` is any letter in any script,
so Turkish ç ğ ı İ ö ş ü stay inside their words ("Ağustos" is one piece, not "A", "ğ", "ustos").
The stdlib ``re`` has no ``\\p{...}`` classes; the ``regex`` module (a dependency of
``transformers``) does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import regex

# Alternatives, tried left to right at each position:
#   English contractions ('s 't 're 've 'm 'll 'd) as their own pieces;
#   an optional space followed by letters   -> " merhaba", " İstanbul'"  is " İstanbul" + "'"
#   an optional space followed by digits    -> " 1227"
#   an optional space followed by other symbols -> " (", ".,"
#   a run of whitespace not followed by a non-space (so the last space joins the next word);
#   any other run of whitespace.
GPT2_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
_WORD_REGEX = regex.compile(GPT2_PATTERN)


def split_words(text: str) -> list[str]:
    """The GPT-2-style pieces of ``text``; joined back together they give ``text`` again."""
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
