"""Chapters 04-05: quality against the share of parameters trained, one point per method."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import pick


def plot_quality_vs_trainable(table, metric: str, methods: Sequence[str], reference: str | None = "full",
                              title: str = ""):
    """Each method's ``metric`` (± std over seeds) against its trainable %, on a log axis.

    ``table`` is ``Comparison.table``; ``reference`` (full fine-tuning) is drawn as a line with
    its ±std band, so a method's distance from it reads directly off the plot.
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    shown = [m for m in methods if m in table.index]
    x, y, err = (table.loc[shown, c] for c in ("trainable %", metric, f"{metric} std"))
    ax.errorbar(x, y, yerr=err, fmt="o-", capsize=3)
    for name, xi, yi in zip(shown, x, y):
        ax.annotate(name, (xi, yi), textcoords="offset points", xytext=(5, -12), fontsize=8)
    if reference is not None and reference in table.index:
        mean, std = table.loc[reference, metric], table.loc[reference, f"{metric} std"]
        ax.axhline(mean, color="grey", linestyle="--", label=f"{reference} (100 %)")
        ax.axhspan(mean - std, mean + std, color="grey", alpha=0.15)
        ax.legend(loc="lower right")
    ax.set_xscale("log")
    ax.set_xlabel(pick(en="trainable parameters (% of the model, log scale)",
                       tr="eğitilen parametreler (modelin %'si, logaritmik ölçek)"))
    ax.set_ylabel(metric)
    ax.set_title(title)
    fig.tight_layout()
    return fig
