"""Chapter 13's two plots: accuracy against exposure, and the accuracy–coverage curve of abstention.

    plot_exposure(runs)             runs: run_seed() dicts (course_lib.risks.hallucination_study)
    plot_coverage({"entropy": curve, ...})   curves from course_lib.risks.uncertainty.accuracy_coverage
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt

from ..i18n import get_language

_WORDS = {
    "en": {"f": "times the fact was seen in pretraining (f)", "acc": "accuracy (exact match)",
           "unseen": "never seen", "seed": "seed", "mean": "mean over seeds",
           "coverage": "coverage (share of questions answered)", "acc_answered": "accuracy on the answered",
           "title_f": "Rare facts are answered wrong", "title_cov": "Abstaining on uncertain answers"},
    "tr": {"f": "olgunun ön eğitimde görülme sayısı (f)", "acc": "doğruluk (tam eşleşme)",
           "unseen": "hiç görülmemiş", "seed": "tohum", "mean": "tohumların ortalaması",
           "coverage": "kapsam (cevaplanan soruların oranı)", "acc_answered": "cevaplananlarda doğruluk",
           "title_f": "Seyrek olgular yanlış cevaplanıyor", "title_cov": "Emin olunmayan cevaplarda çekimser kalmak"},
}


def plot_exposure(runs):
    """Accuracy at each exposure f (log scale), one faint line per seed and the mean; unseen at the left."""
    words = _WORDS[get_language()]
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    freqs = sorted(f for f in runs[0]["accuracy"] if isinstance(f, int))
    for run in runs:
        ax.plot(freqs, [run["accuracy"][f] for f in freqs], color="tab:blue", alpha=0.3, marker=".",
                label=words["seed"] if run is runs[0] else None)
    mean = [sum(run["accuracy"][f] for run in runs) / len(runs) for f in freqs]
    ax.plot(freqs, mean, color="tab:blue", marker="o", linewidth=2, label=words["mean"])
    unseen = [run["accuracy"].get("unseen", math.nan) for run in runs]
    ax.scatter([freqs[0] / 2] * len(unseen), unseen, color="tab:red", marker="x", label=words["unseen"])
    ax.set_xscale("log", base=2)
    ax.set_xticks([freqs[0] / 2, *freqs], ["0", *map(str, freqs)])
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(words["f"])
    ax.set_ylabel(words["acc"])
    ax.set_title(words["title_f"])
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def plot_coverage(curves: dict):
    """One accuracy–coverage curve per uncertainty score (answer when the score is at most a threshold)."""
    words = _WORDS[get_language()]
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    for name, curve in curves.items():
        ax.plot([c for _, c, _ in curve], [a for _, _, a in curve], marker=".", label=name)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(words["coverage"])
    ax.set_ylabel(words["acc_answered"])
    ax.set_title(words["title_cov"])
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
