"""The task metrics the harness reports: accuracy for classification, chrF for generation.

chrF (Popović 2015, WMT) is the F-score of character n-grams (n = 1..6, recall weighted
β = 2 times as much as precision), averaged over n. It credits a translation that gets a
word's stem right but its suffix wrong, which word-level BLEU would not: a fair property for
Turkish, whose words carry many suffixes. We use ``sacrebleu``'s implementation, the standard one.
"""

from __future__ import annotations

from collections.abc import Sequence


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
