"""Chapter 12's plots: one run's emissions on each grid, and the energy of several runs,
measured beside estimated (log scale: they can differ by orders of magnitude)."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..i18n import pick


def plot_grids(rows: list[dict], title: str = ""):
    """Bars of gCO2e per grid (rows of ``course_lib.risks.carbon.on_grids``), labelled with gCO2e/kWh."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    names = [row["name"] for row in rows]
    grams = [row["gCO2e"] for row in rows]
    ax.bar(names, grams, color=[f"C{i}" for i in range(len(rows))])
    for i, row in enumerate(rows):
        ax.text(i, row["gCO2e"], f"{row['gCO2e']:.3g} g\n({row['gCO2e/kWh']:.0f} g/kWh)", ha="center",
                va="bottom", fontsize=8)
    ax.set_ylabel("gCO2e")
    ax.set_ylim(0, 1.3 * max(grams or [1]))
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(title or pick("the same run on each grid", "aynı çalıştırma, her şebekede"))
    fig.tight_layout()
    return fig


def plot_energy(labels: list[str], measured: list[float | None], estimated: list[float], title: str = ""):
    """Measured and estimated kWh per run, side by side, on a log scale."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    x = range(len(labels))
    ax.bar([i - 0.2 for i in x], [m or 0 for m in measured], 0.4, label=pick("measured (codecarbon)",
                                                                              "ölçülen (codecarbon)"))
    ax.bar([i + 0.2 for i in x], estimated, 0.4, label=pick("estimated (FLOPs, TDP)", "tahmin (FLOP, TDP)"))
    ax.set_xticks(list(x), labels, rotation=15, ha="right")
    ax.set_yscale("log")
    ax.set_ylabel("kWh")
    ax.grid(axis="y", alpha=0.3)
    ax.legend()
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig
