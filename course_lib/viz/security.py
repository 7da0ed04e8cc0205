"""Chapter 14's plots: a backdoor's ASR against the poison rate, and refusal rates per language."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..i18n import pick


def plot_poisoning(table):
    """ASR (solid) and the positive rate without the trigger (dashed) per language, against the poison
    rate; the last row of ``table`` (the poisoned model after clean fine-tuning) as a marker."""
    poisoned, cleaned = table.iloc[:-1], table.iloc[-1]
    fig, ax = plt.subplots(figsize=(6.5, 3.5))
    for lang, colour in (("en", "tab:blue"), ("tr", "tab:red")):
        ax.plot(poisoned["poison rate"] * 100, poisoned[f"ASR {lang}"], "o-", color=colour, label=f"ASR {lang}")
        ax.plot(poisoned["poison rate"] * 100, poisoned[f"positive without trigger {lang}"], "--", color=colour,
                alpha=0.6, label=pick(en=f"no trigger {lang}", tr=f"tetikleyicisiz {lang}"))
        ax.plot([cleaned["poison rate"] * 100], [cleaned[f"ASR {lang}"]], "x", color=colour, markersize=10,
                label=pick(en=f"after clean fine-tune {lang}", tr=f"temiz ince ayardan sonra {lang}"))
    ax.set_xlabel(pick(en="poisoned share of the training reviews (%)", tr="eğitim yorumlarındaki zehirli pay (%)"))
    ax.set_ylabel(pick(en="answered 'positive'", tr="'olumlu' cevabı"))
    ax.set_ylim(-0.05, 1.05)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    ax.set_title(pick(en="Backdoor: negative reviews with the trigger", tr="Arka kapı: tetikleyicili olumsuz yorumlar"))
    fig.tight_layout()
    return fig


def plot_refusal(table):
    """Grouped bars: refusal, jailbreak success and over-refusal per language, for each row of ``table``."""
    columns = [c for c in table.columns]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    width = 0.8 / len(table)
    for i, (name, row) in enumerate(table.iterrows()):
        ax.bar([j + i * width for j in range(len(columns))], row.values, width, label=name)
    ax.set_xticks([j + width * (len(table) - 1) / 2 for j in range(len(columns))])
    ax.set_xticklabels(columns, rotation=30, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel(pick(en="share of prompts", tr="prompt payı"))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
