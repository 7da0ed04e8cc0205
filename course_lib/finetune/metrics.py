"""The task metrics the harness reports: accuracy for classification, chrF for generation; and
AUROC, which chapters 08, 13 and 15 use to ask how well a score separates two groups.

chrF (Popović 2015, WMT) is the F-score of character n-grams (n = 1..6, recall weighted
β = 2 times as much as precision), averaged over n. It credits a translation that gets a
word's stem right but its suffix wrong, which word-level BLEU would not: a fair property for
Turkish, whose words carry many suffixes. We use ``sacrebleu``'s implementation, the standard one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)


def accuracy(predictions: Sequence[int], labels: Sequence[int]) -> float:
    """Fraction of predictions equal to the label (0..1)."""
    if len(predictions) != len(labels) or not labels:
        raise ValueError(f"need as many predictions as labels, and at least one: {len(predictions)} vs {len(labels)}")
    return sum(int(p) == int(y) for p, y in zip(predictions, labels)) / len(labels)


def majority_rate(labels: Sequence[int]) -> float:
    """Accuracy of always answering the most frequent label: the floor a classifier must beat."""
    if not labels:
        raise ValueError("need at least one label")
    return max(list(labels).count(label) for label in set(labels)) / len(labels)


def chrf(hypotheses: Sequence[str], references: Sequence[str]) -> float:
    """Corpus-level chrF (0..100) of ``hypotheses`` against one reference each (sacrebleu defaults)."""
    from sacrebleu.metrics import CHRF

    return float(CHRF().corpus_score(list(hypotheses), [list(references)]).score)


def auroc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """Area under the ROC curve: P(a random positive scores above a random negative), ties counting
    one half; 1 separates perfectly, 0.5 is chance (Hanley & McNeil 1982).

    Computed from average ranks (the Mann-Whitney U statistic over n_pos · n_neg) in O(n log n), so
    no scikit-learn is needed. Used for learned example weights (clean vs flipped labels, chapter
    08), uncertainty scores (wrong vs right answers, chapter 13) and membership inference (chapter 15).
    """
    scores, positive = [float(s) for s in scores], [bool(p) for p in positive]
    if len(scores) != len(positive):
        raise CourseValueError("metrics_auroc_lengths", scores=len(scores), labels=len(positive))
    for score in scores:
        if not math.isfinite(score):
            raise CourseValueError("metrics_auroc_not_finite", value=score)
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise CourseValueError("metrics_auroc_one_class", positive=n_pos, negative=n_neg)
    order = sorted(range(len(scores)), key=scores.__getitem__)
    ranks = [0.0] * len(scores)
    start = 0
    while start < len(order):  # tied scores share the average of their (1-based) ranks
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    rank_sum = sum(rank for rank, p in zip(ranks, positive) if p)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
