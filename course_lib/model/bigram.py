"""The simplest language model: count which character follows which (chapter 00).

A bigram model predicts the next token from the previous one only:
P(next = b | previous = a) = count(a, b) / count(a, ·). It has no parameters to train;
"training" is counting. It is the baseline every later model must beat.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import torch

from ..i18n import CourseValueError, register

register(
    {
        "bigram_empty_text": {
            "en": "The text is too short: a bigram model needs at least 2 characters, got {length}.",
            "tr": "Metin çok kısa: bigram modeli en az 2 karakter ister; gelen uzunluk: {length}.",
        },
        "bigram_unknown_char": {
            "en": "The character {char!r} never appears in the training text, so the model has no row for it.",
            "tr": "{char!r} karakteri eğitim metninde hiç geçmiyor; bu yüzden modelde ona ait bir satır yok.",
        },
    }
)


def normalize_counts(counts: torch.Tensor) -> torch.Tensor:
    """Turn each row of counts into a probability distribution (a row of zeros becomes uniform)."""
    counts = counts.double()
    totals = counts.sum(dim=-1, keepdim=True)
    uniform = torch.full_like(counts, 1.0 / counts.shape[-1])
    return torch.where(totals > 0, counts / totals.clamp_min(1e-300), uniform)


def sample_next(probs: torch.Tensor, generator: torch.Generator) -> int:
    """Draw one token id from a probability vector (inverse transform sampling)."""
    cumulative = torch.cumsum(probs.double(), dim=0)
    u = torch.rand((), generator=generator, dtype=torch.float64) * cumulative[-1]
    return int(torch.searchsorted(cumulative, u, right=True).clamp_max(len(probs) - 1))


class BigramModel:
    """Character-level bigram counts of one text."""

    def __init__(self, text: str, vocab: Sequence[str] | None = None):
        """Count the pairs of ``text``; ``vocab`` (default: the text's own characters) fixes the rows
        and columns, so that a model counted on a training part can score held-out text."""
        if len(text) < 2:
            raise CourseValueError("bigram_empty_text", length=len(text))
        chars = set(text) if vocab is None else set(vocab)
        unknown = sorted(set(text) - chars)
        if unknown:
            raise CourseValueError("bigram_unknown_char", char=unknown[0])
        self.vocab: list[str] = sorted(chars)
        self.index = {char: i for i, char in enumerate(self.vocab)}
        ids = torch.tensor([self.index[c] for c in text])
        size = len(self.vocab)
        self.counts = torch.zeros(size, size, dtype=torch.long)
        self.counts.index_put_((ids[:-1], ids[1:]), torch.ones(len(ids) - 1, dtype=torch.long), accumulate=True)

    def probabilities(self, normalize: Callable = normalize_counts) -> torch.Tensor:
        return normalize(self.counts)

    def next_distribution(self, previous: str) -> dict[str, float]:
        """P(next | previous) for every character, largest first."""
        if previous not in self.index:
            raise CourseValueError("bigram_unknown_char", char=previous)
        row = self.probabilities()[self.index[previous]]
        pairs = sorted(zip(self.vocab, row.tolist()), key=lambda p: -p[1])
        return {char: p for char, p in pairs if p > 0}

    def generate(
        self, start: str, length: int, generator: torch.Generator, sampler: Callable = sample_next
    ) -> str:
        """Continue ``start`` by ``length`` characters, one sampled character at a time."""
        if start not in self.index:
            raise CourseValueError("bigram_unknown_char", char=start)
        probs = self.probabilities()
        out = [start]
        for _ in range(length):
            out.append(self.vocab[sampler(probs[self.index[out[-1]]], generator)])
        return "".join(out)

    def average_nll(self, text: str) -> float:
        """Mean negative log-likelihood per character (nats): the loss a language model minimises."""
        probs = self.probabilities()
        pairs = [(self.index[a], self.index[b]) for a, b in zip(text, text[1:])]
        total = sum(-math.log(max(probs[a, b].item(), 1e-12)) for a, b in pairs)
        return total / len(pairs)
