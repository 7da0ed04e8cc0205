"""Uncertainty scores of an answer, and how well each one predicts that the answer is wrong.

Three scores, higher meaning "less sure" (so that a wrong answer should score high):

- ``entropy``: the mean entropy, in nats, of the model's next-token distribution over the tokens of
  its own greedy answer (a model that has a fact stored puts its mass on one town, one job);
- ``inconsistency``: 1 − the share of k sampled answers that are the same string as the greedy one
  (self-consistency, Wang et al. 2022, arXiv 2203.11171; SelfCheckGPT, Manakul et al. 2023,
  arXiv 2303.08896, uses the same idea to flag hallucinations);
- ``disagreement``: the same count, but two answers agree when they are equal after
  :func:`~.answers.normalize_answer`, a small stand-in for the meaning classes of semantic
  entropy (Farquhar et al., Nature 630, 2024), which groups answers that mean the same.

:func:`auroc` (``course_lib.finetune.metrics``) is the area under the ROC curve of a score for separating wrong answers from right
ones: the probability that a random wrong answer scores higher than a random right one (ties count
half; Hanley & McNeil 1982). 0.5 is a coin flip, 1.0 a perfect detector.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..finetune.metrics import auroc  # noqa: F401  (the chapter's AUROC, shared with chapters 08 and 15)
from ..i18n import CourseValueError
from . import hallucination_messages  # noqa: F401  (registers this package's texts)
from .answers import normalize_answer


def _checked(scores: Sequence[float], labels: Sequence[bool], names=("scores", "wrong")) -> list[float]:
    scores = [float(s) for s in scores]
    if len(scores) != len(labels):
        raise CourseValueError("halluc_lengths", first=names[0], second=names[1],
                               n_first=len(scores), n_second=len(labels))
    for score in scores:
        if not math.isfinite(score):
            raise CourseValueError("halluc_not_finite", name=names[0], value=score)
    return scores


def token_entropy(probabilities: Sequence[Sequence[float]]) -> float:
    """Mean entropy (nats) of the given next-token distributions, one per answer token."""
    if not probabilities:
        raise CourseValueError("halluc_no_prompts", name="probabilities")
    total = 0.0
    for row in probabilities:
        total -= sum(p * math.log(p) for p in row if p > 0)
    return total / len(probabilities)


def inconsistency(greedy: str, samples: Sequence[str]) -> float:
    """1 − the share of ``samples`` that are exactly the ``greedy`` string (whitespace at the ends aside)."""
    if not samples:
        raise CourseValueError("halluc_no_prompts", name="samples")
    return 1.0 - sum(sample.strip() == greedy.strip() for sample in samples) / len(samples)


def disagreement(greedy: str, samples: Sequence[str]) -> float:
    """1 − the share of ``samples`` equal to ``greedy`` after :func:`normalize_answer`."""
    if not samples:
        raise CourseValueError("halluc_no_prompts", name="samples")
    target = normalize_answer(greedy)
    return 1.0 - sum(normalize_answer(sample) == target for sample in samples) / len(samples)


def accuracy_coverage(scores: Sequence[float], correct: Sequence[bool]) -> list[tuple[float, float, float]]:
    """The abstention curve: for each threshold t (every distinct score), the model answers only
    when its score <= t. Returns ``(t, coverage, accuracy among the answered)`` from the strictest
    threshold to answering everything; accuracy is over the answered questions only."""
    scores = _checked(scores, correct, ("scores", "correct"))
    if not scores:
        raise CourseValueError("halluc_no_prompts", name="scores")
    pairs = sorted(zip(scores, (bool(c) for c in correct)))
    curve, hits = [], 0
    for index, (score, ok) in enumerate(pairs):
        hits += ok
        if index + 1 == len(pairs) or pairs[index + 1][0] != score:
            answered = index + 1
            curve.append((score, answered / len(pairs), hits / answered))
    return curve
