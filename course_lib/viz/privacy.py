"""Chapter 15's picture: exposure and greedy extraction of the planted TCKNs against how often
each was repeated, one line per training-data variant.

    plot_exposure(by_repeats(rows))      rows from course_lib.risks.privacy
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..i18n import pick

_NAMES = {
    "baseline": ("as is", "olduğu gibi"),
    "dedup": ("deduplicated", "tekilleştirilmiş"),
    "scrub": ("scrubbed", "temizlenmiş"),
    "dp": ("DP-SGD", "DP-SGD"),
}


def plot_exposure(table: list[dict], title: str | None = None):
    """Left: mean exposure (bits) against r, with the ceiling log2|R|; right: greedy extraction rate."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
    for variant in dict.fromkeys(row["variant"] for row in table):
        rows = sorted((row for row in table if row["variant"] == variant), key=lambda row: row["r"])
        en, tr = _NAMES.get(variant, (variant, variant))
        label = pick(en=en, tr=tr)
        left.plot([r["r"] for r in rows], [r["exposure"] for r in rows], marker="o", label=label)
        right.plot([r["r"] for r in rows], [r["greedy"] for r in rows], marker="o", label=label)
    ceiling = table[0]["max_exposure"]
    left.axhline(ceiling, color="gray", linestyle=":", label=pick(en="log2 |R| (rank 1)", tr="log2 |R| (1. sıra)"))
    left.axhline(1 / 0.6931, color="gray", linestyle="--", linewidth=0.8,
                 label=pick(en="chance (≈1.44)", tr="şans (≈1,44)"))
    for ax in (left, right):
        ax.set_xscale("log", base=2)
        ax.set_xlabel(pick(en="repetitions r of the canary", tr="kanaryanın tekrar sayısı r"))
    left.set_ylabel(pick(en="exposure (bits)", tr="açığa çıkma (bit)"))
    right.set_ylabel(pick(en="greedy extraction rate", tr="açgözlü çıkarma oranı"))
    right.set_ylim(-0.05, 1.05)
    left.legend(fontsize=8)
    fig.suptitle(title or pick(en="Memorised fake TCKNs", tr="Ezberlenen sahte TCKN'ler"))
    fig.tight_layout()
    return fig
