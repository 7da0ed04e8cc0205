"""Fertility and token counts of two languages, measured the same way at several vocabulary sizes.

Used by chapter 01 to compare Turkish and English: a tokenizer is trained on the training
parts of both languages together (as a bilingual model's tokenizer would be), then fertility
(tokens per whitespace word, :func:`~course_lib.tokenizer.fertility`) is measured on held-out
text of each language. :func:`token_premium` asks the question of Petrov et al. (NeurIPS 2023,
arXiv 2305.15425): how many more tokens does the *same content* cost in one language than in
another, and how does that depend on what the tokenizer was trained on?
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..i18n import CourseValueError
from .bpe import BPETokenizer
from .fertility import fertility


@dataclass(frozen=True)
class FertilityPoint:
    """One measurement: ``fertility`` of ``lang`` under a BPE of ``vocab_size`` trained on ``source``."""

    source: str
    lang: str
    vocab_size: int
    fertility: float
    tokens: int
    words: int


def held_out_split(text: str, test_fraction: float = 0.1) -> tuple[str, str]:
    """``(train, test)``: the first ``1 - test_fraction`` of ``text`` and the rest, cut at a space."""
    if not 0 < test_fraction < 1:
        raise CourseValueError("tokenizer_bad_fraction", value=test_fraction)
    cut = int(len(text) * (1 - test_fraction))
    space = text.rfind(" ", 0, cut)
    cut = space if space > 0 else cut
    return text[:cut], text[cut:]


def fertility_sweep(
    train: Mapping[str, str], test: Mapping[str, str], vocab_sizes: Sequence[int], source: str
) -> list[FertilityPoint]:
    """For each vocabulary size, one BPE trained on all of ``train`` (every language together),
    then the fertility of each language's ``test`` text. Keys are language codes ("tr", "en")."""
    joined = "\n\n".join(train.values())
    points = []
    for vocab_size in vocab_sizes:
        tokenizer = BPETokenizer.train(joined, vocab_size)
        for lang, text in test.items():
            points.append(
                FertilityPoint(
                    source=source,
                    lang=lang,
                    vocab_size=tokenizer.vocab_size,  # less than asked if the text ran out of pairs
                    fertility=fertility(tokenizer, text),
                    tokens=len(tokenizer.encode(text)),
                    words=len(text.split()),
                )
            )
    return points


def token_premium(
    training_sets: Mapping[str, str], test: Mapping[str, str], vocab_size: int, lang: str, base: str
) -> dict[str, float]:
    """For each named training text, tokens(``test[lang]``) / tokens(``test[base]``) under a BPE
    of ``vocab_size`` trained on it. ``test`` must hold the same content in both languages;
    a value above 1 means ``lang`` pays more tokens than ``base`` for it."""
    premiums = {}
    for name, text in training_sets.items():
        tokenizer = BPETokenizer.train(text, vocab_size)
        premiums[name] = len(tokenizer.encode(test[lang])) / len(tokenizer.encode(test[base]))
    return premiums
