"""Chapter 11's plots: what the models learned against what their corpus said."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..data.world.lexicon import JOBS
from ..i18n import pick


def plot_bias(rows: list[dict], translation: dict):
    """Left: P_model(stereotyped gender | job) against the corpus rate p, for the language model and
    the translator, with and without counterfactual augmentation; the diagonal is "learns exactly
    p", above it is amplification. Right: the translator's P(she | "O bir <job>.") per job at the
    largest p, before and after augmentation, female-stereotyped jobs first."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.2), gridspec_kw={"width_ratios": [1, 1.6]})
    left.plot([0.5, 1.0], [0.5, 1.0], color="gray", ls="--", lw=1, label=pick(en="P_model = p", tr="P_model = p"))
    left.axhline(0.5, color="gray", lw=0.6)
    styles = {("lm_stereotype", False): ("tab:blue", "o", pick(en="language model", tr="dil modeli")),
              ("translation_stereotype", False): ("tab:red", "s", pick(en="translator", tr="çevirmen")),
              ("lm_stereotype", True): ("tab:blue", "o", pick(en="language model + CDA", tr="dil modeli + CDA")),
              ("translation_stereotype", True): ("tab:red", "s", pick(en="translator + CDA", tr="çevirmen + CDA"))}
    for (column, augmented), (color, marker, label) in styles.items():
        points = sorted((r["p"], r[column]) for r in rows if r["augmented"] == augmented)
        if points:
            left.plot(*zip(*points), color=color, marker=marker, ls=":" if augmented else "-",
                      mfc="white" if augmented else color, label=label)
    left.set_xlabel(pick(en="corpus rate p = P(stereotyped gender | job)", tr="derlemdeki oran p = P(kalıp yargı | meslek)"))
    left.set_ylabel(pick(en="model's P(stereotyped gender | job)", tr="modelin P(kalıp yargı | meslek) değeri"))
    left.set_ylim(0.3, 1.02)
    left.legend(fontsize=8)
    jobs = [job.en for job in sorted(JOBS, key=lambda job: job.stereotype)]
    largest = max((p for p, _ in translation), default=None)
    width = 0.4
    for offset, augmented in ((-width / 2, False), (width / 2, True)):
        rates = translation.get((largest, augmented))
        if rates:
            right.bar([i + offset for i in range(len(jobs))], [rates[j] for j in jobs], width,
                      color="tab:red", alpha=0.45 if augmented else 0.9,
                      label=pick(en=f"p = {largest}", tr=f"p = {largest}") + (" + CDA" if augmented else ""))
    right.axhline(0.5, color="gray", lw=0.8)
    right.set_xticks(range(len(jobs)), jobs, rotation=60, ha="right", fontsize=8)
    right.set_ylabel(pick(en='P("She" | "O bir <job>.")', tr='P("She" | "O bir <meslek>.")'))
    right.set_ylim(0, 1)
    right.legend(fontsize=8)
    right.set_title(pick(en="female-stereotyped jobs ←   → male-stereotyped jobs",
                         tr="kalıp yargıda kadına bağlanan ←   → erkeğe bağlanan meslekler"), fontsize=9)
    fig.tight_layout()
    return fig
