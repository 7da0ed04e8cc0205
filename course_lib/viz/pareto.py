"""Chapter 10's plot: quality against cost for every method, the Pareto front marked."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..finetune.pareto import pareto_front
from ..i18n import pick


def plot_pareto(table, metric: str = "accuracy", cost: str = "energy kWh", ax=None, title: str = ""):
    """Each method at (cost, metric ± std), log-scale cost; the front's points joined and ringed."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 4.2))
    else:
        fig = ax.figure
    names = list(table.index)
    on = pareto_front(table[metric], table[cost])
    for i, name in enumerate(names):
        x, y = table.loc[name, cost], table.loc[name, metric]
        std = table.loc[name, f"{metric} std"] if f"{metric} std" in table.columns else 0.0
        ax.errorbar([x], [y], yerr=[std], fmt="o", color=f"C{i % 10}", capsize=3)
        ax.annotate(name, (x, y), textcoords="offset points", xytext=(5, 5), fontsize=8)
    front = sorted((table.loc[n, cost], table.loc[n, metric]) for n, f in zip(names, on) if f)
    if front:
        xs, ys = zip(*front)
        ax.step(xs, ys, where="post", color="black", alpha=0.5, linestyle="--",
                label=pick("Pareto front", "Pareto sınırı"))
        ax.scatter(xs, ys, s=160, facecolors="none", edgecolors="black")
        ax.legend(loc="lower right")
    ax.set_xscale("log")
    ax.set_xlabel(cost)
    ax.set_ylabel(metric)
    ax.grid(alpha=0.3)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig
