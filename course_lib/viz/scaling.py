"""A first look at scaling: what doubling the width, the depth or the data does to the loss.

    variant_settings("width", n_layer=2, n_embd=64, steps=200)   -> {"n_layer": 2, "n_embd": 128, "steps": 200}
    plot_scaling(runs)    runs: [{"label", "n_params", "tokens_per_step", "history"}, ...]

Kaplan et al. 2020 ("Scaling Laws for Neural Language Models", arXiv 2001.08361) found the loss
falls as a power law in the non-embedding parameters N, the data D and the compute C ≈ 6·N·D, as
long as neither N nor D holds the other back. A lesson's runs are far too short and small to fit
such a law; they show the direction of each effect.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..i18n import CourseValueError, get_language
from . import messages  # noqa: F401  (registers this package's texts)

# How each variant changes the base run: width and depth double the model, data doubles the
# number of training tokens (twice the steps at the same batch). The corpus stays the same, so
# "data" means more passes over the same text, not new text: its label says so.
VARIANTS = {
    "base": {},
    "width": {"n_embd": 2},
    "depth": {"n_layer": 2},
    "data": {"steps": 2},
}

_WORDS = {
    "en": {"tokens": "training tokens seen", "loss": "validation loss", "final": "final validation loss",
           "params": "params", "base": "base", "width": "2× width", "depth": "2× depth", "data": "2× passes, same text"},
    "tr": {"tokens": "görülen eğitim token'ı", "loss": "doğrulama kaybı", "final": "son doğrulama kaybı",
           "params": "parametre", "base": "temel", "width": "2× genişlik", "depth": "2× derinlik",
           "data": "2× tur, aynı metin"},
}


def variant_settings(variant: str, n_layer: int, n_embd: int, steps: int) -> dict[str, int]:
    """The base run's ``n_layer``, ``n_embd`` and ``steps`` with ``variant``'s one change applied."""
    if variant not in VARIANTS:
        raise CourseValueError("viz_unknown_variant", value=variant, known=", ".join(VARIANTS))
    settings = {"n_layer": n_layer, "n_embd": n_embd, "steps": steps}
    for name, factor in VARIANTS[variant].items():
        settings[name] *= factor
    return settings


def variant_label(variant: str) -> str:
    """The variant's name for a plot, in the learner's language ("width" → "2× width" / "2× genişlik")."""
    if variant not in VARIANTS:
        raise CourseValueError("viz_unknown_variant", value=variant, known=", ".join(VARIANTS))
    return _WORDS[get_language()][variant]


def plot_scaling(runs: list[dict], title: str = ""):
    """Two panels: validation loss against training tokens for each run, and each run's final loss.

    Each run is a dict with ``label``, ``n_params`` (shown on its bar), ``tokens_per_step`` and
    ``history`` (a :class:`course_lib.train.History` with "val_loss" evaluations).
    """
    words = _WORDS[get_language()]
    fig, (curves, bars) = plt.subplots(1, 2, figsize=(11, 3.8))
    finals = []
    for run in runs:
        steps, losses = run["history"].series("eval", "val_loss")
        tokens = [step * run["tokens_per_step"] for step in steps]
        curves.plot(tokens, losses, "o-", markersize=3, label=run["label"])
        finals.append(losses[-1])
    curves.set_xlabel(words["tokens"])
    curves.set_ylabel(words["loss"])
    curves.grid(alpha=0.3)
    curves.legend()
    positions = range(len(runs))
    bars.bar(positions, finals, color=[f"C{i}" for i in positions])
    bars.set_xticks(positions, [run["label"] for run in runs])
    for position, (run, final) in enumerate(zip(runs, finals)):
        bars.text(position, final, f"{final:.3f}\n{run['n_params']:,} {words['params']}",
                  ha="center", va="bottom", fontsize=8)
    low, high = min(finals), max(finals)
    bars.set_ylim(low - 0.6 * (high - low + 0.05), high + 0.5 * (high - low + 0.05))
    bars.set_ylabel(words["final"])
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
