"""AUROC: how well a score separates two groups, e.g. learned weights of clean and flipped examples.

The area under the ROC curve equals the probability that a random positive example scores above a
random negative one, ties counting one half (the Mann-Whitney U statistic over n_pos * n_neg).
It is computed here from average ranks, O(n log n), with no scikit-learn dependency.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import CourseValueError
from . import reweight_messages  # noqa: F401  (registers this package's texts)


def auroc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """P(score of a positive > score of a negative) + 0.5 P(tie): 1 separates perfectly, 0.5 is chance."""
    scores, positive = [float(s) for s in scores], [bool(p) for p in positive]
    if len(scores) != len(positive):
        raise CourseValueError("reweight_scores_mismatch", scores=len(scores), labels=len(positive))
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise CourseValueError("reweight_one_class", label=positive[0] if positive else None)
    order = sorted(range(len(scores)), key=scores.__getitem__)
    ranks = [0.0] * len(scores)
    start = 0
    while start < len(order):  # tied scores share the average of their ranks (1-based)
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        for i in order[start:end + 1]:
            ranks[i] = (start + end) / 2 + 1
        start = end + 1
    rank_sum = sum(r for r, p in zip(ranks, positive) if p)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
