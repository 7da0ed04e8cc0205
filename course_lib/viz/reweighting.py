"""Chapter 08's picture: accuracy of plain, reweighted and oracle training, and the learned weights.

    plot_reweighting({"plain": (0.61, 0.02), "reweight": (...), "oracle": (...)}, weights, flipped)

Left: dev accuracy per method (mean ± std over seeds). Right: how the mean weight each training
example received is distributed, for the examples whose label is right and those that were flipped.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..i18n import get_language

_WORDS = {
    "en": {"accuracy": "dev accuracy (true labels)", "weight": "mean weight of the example",
           "count": "training examples", "clean": "label right", "flipped": "label flipped",
           "weights": "learned weights"},
    "tr": {"accuracy": "doğrulama doğruluğu (gerçek etiketler)", "weight": "örneğin ortalama ağırlığı",
           "count": "eğitim örneği", "clean": "etiketi doğru", "flipped": "etiketi değiştirilmiş",
           "weights": "öğrenilen ağırlıklar"},
}


def plot_reweighting(accuracy: dict, weights: list[float], flipped: list[bool], title: str = ""):
    """accuracy: {name: (mean, std)}; weights and flipped: one entry per training example."""
    words = _WORDS[get_language()]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    names = list(accuracy)
    left.bar(names, [accuracy[n][0] for n in names], yerr=[accuracy[n][1] for n in names], capsize=4,
             color=["#999999", "#1f77b4", "#2ca02c"][: len(names)])
    low = min(accuracy[n][0] - accuracy[n][1] for n in names)
    left.set_ylim(max(0.0, low - 0.1), 1.0)
    left.set_ylabel(words["accuracy"])
    left.set_title(title)
    clean = [w for w, f in zip(weights, flipped) if not f]
    bad = [w for w, f in zip(weights, flipped) if f]
    bins = 20
    right.hist(clean, bins=bins, alpha=0.6, label=words["clean"], color="#2ca02c")
    right.hist(bad, bins=bins, alpha=0.6, label=words["flipped"], color="#d62728")
    right.set_xlabel(words["weight"])
    right.set_ylabel(words["count"])
    right.set_title(words["weights"])
    right.legend()
    fig.tight_layout()
    return fig
