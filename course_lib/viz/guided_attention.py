"""Chapter 09's pictures: retrieval accuracy while training, with and without guidance.

    plot_retrieval_curves(guided_runs, plain_runs)

One line per run (the seeds), the guided ones in colour; a dashed line at the 95 % threshold.
The attention maps themselves are drawn with :func:`course_lib.viz.attention.plot_attention_heads`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..i18n import get_language

_WORDS = {
    "en": {"step": "training step", "accuracy": "retrieval accuracy (dev)", "guided": "guided",
           "plain": "unguided", "threshold": "95 %"},
    "tr": {"step": "eğitim adımı", "accuracy": "geri getirme doğruluğu (doğrulama)", "guided": "yönlendirilmiş",
           "plain": "yönlendirilmemiş", "threshold": "%95"},
}


def plot_retrieval_curves(guided, plain, threshold: float = 0.95, title: str = ""):
    """Dev accuracy against step for every run; ``guided`` and ``plain`` are lists of RetrievalRun."""
    words = _WORDS[get_language()]
    fig, ax = plt.subplots(figsize=(7, 4))
    for runs, colour, label in ((plain, "#999999", words["plain"]), (guided, "#1f77b4", words["guided"])):
        for index, run in enumerate(runs):
            ax.plot(run.eval_steps, run.eval_accuracy, color=colour, label=label if index == 0 else None)
    ax.axhline(threshold, linestyle="--", color="black", linewidth=0.8, label=words["threshold"])
    ax.set(xlabel=words["step"], ylabel=words["accuracy"], ylim=(0, 1.02), title=title)
    ax.legend()
    fig.tight_layout()
    return fig
