"""Pictures of a counting bigram model (chapter 00)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import torch

from ..i18n import get_language

_LABELS = {
    "en": {"next": "next character", "prev": "previous character", "prob": "probability",
           "true": "model probability", "drawn": "share of draws"},
    "tr": {"next": "sonraki karakter", "prev": "önceki karakter", "prob": "olasılık",
           "true": "modelin olasılığı", "drawn": "çekilişlerdeki payı"},
}


def _shown(char: str) -> str:
    return "␣" if char == " " else char


def plot_bigram_heatmap(vocab: list[str], probs: torch.Tensor, title: str = ""):
    """A heat map of P(next | previous): one row per previous character."""
    words = _LABELS[get_language()]
    fig, ax = plt.subplots(figsize=(7, 6))
    image = ax.imshow(probs.float().numpy(), cmap="Blues")
    ticks = [_shown(c) for c in vocab]
    ax.set_xticks(range(len(vocab)), ticks, fontsize=7)
    ax.set_yticks(range(len(vocab)), ticks, fontsize=7)
    ax.set_xlabel(words["next"])
    ax.set_ylabel(words["prev"])
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label=words["prob"])
    fig.tight_layout()
    return fig


def plot_next_distribution(distribution: dict[str, float], title: str = "", top: int = 12):
    """Bars of the most likely next characters."""
    words = _LABELS[get_language()]
    items = list(distribution.items())[:top]
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar([_shown(c) for c, _ in items], [p for _, p in items], color="tab:blue")
    ax.set_ylabel(words["prob"])
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_draws_vs_probs(probs: torch.Tensor, counts: torch.Tensor, labels: list[str], title: str = ""):
    """Side-by-side bars: the model's probabilities and how often each token was drawn."""
    words = _LABELS[get_language()]
    positions = torch.arange(len(labels)).float()
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(positions - 0.2, probs.float(), width=0.4, label=words["true"])
    ax.bar(positions + 0.2, counts.float() / counts.sum(), width=0.4, label=words["drawn"])
    ax.set_xticks(positions.tolist(), [_shown(c) for c in labels])
    ax.legend()
    ax.set_title(title)
    fig.tight_layout()
    return fig
