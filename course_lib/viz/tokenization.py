"""Pictures for chapter 01 (tokenization). Every function returns its matplotlib Figure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
from matplotlib import ticker

from ..i18n import get_language

_LABELS = {
    "en": {"count": "count in the text", "pair": "pair of neighbouring tokens", "vocab": "vocabulary size",
           "fertility": "tokens per word (fertility)", "merges": "merges learned",
           "premium": "Turkish tokens / English tokens\n(same content)", "same": "same cost",
           "trained": "tokenizer trained on", "tr": "Turkish", "en": "English"},
    "tr": {"count": "metindeki sayısı", "pair": "komşu token çifti", "vocab": "sözcük dağarcığı boyutu",
           "fertility": "sözcük başına token (doğurganlık)", "merges": "öğrenilen birleştirme",
           "premium": "Türkçe token / İngilizce token\n(aynı içerik)", "same": "eşit maliyet",
           "trained": "tokenizer'ın eğitildiği metin", "tr": "Türkçe", "en": "İngilizce"},
}
_COLORS = {"tr": "tab:red", "en": "tab:blue"}
_STYLES = ("-", "--", ":", "-.")


def plot_top_pairs(pairs: Sequence[tuple[str, int]], title: str = ""):
    """Horizontal bars of the most frequent pairs: ``[("e␣", 120), ...]``, most frequent on top."""
    words = _LABELS[get_language()]
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(pairs) + 1.2))
    labels = [label for label, _ in pairs][::-1]
    ax.barh(labels, [count for _, count in pairs][::-1], color="tab:purple")
    ax.set_xlabel(words["count"])
    ax.set_ylabel(words["pair"])
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_segmentations(rows: Mapping[int, Sequence[str]], title: str = ""):
    """One line of coloured boxes per number of merges: how a sentence is cut after k merges.

    ``rows`` maps k to the tokens of the sentence (as readable pieces). A static stand-in for
    the merge slider, so the picture also shows where widgets do not run.
    """
    words = _LABELS[get_language()]
    fig, ax = plt.subplots(figsize=(11, 0.55 * len(rows) + 0.8))
    palette = plt.get_cmap("tab20").colors
    for row, (k, tokens) in enumerate(rows.items()):
        y = len(rows) - 1 - row
        x = 0.0
        for i, piece in enumerate(tokens):
            width = max(len(piece), 1) * 0.6 + 0.4
            ax.add_patch(plt.Rectangle((x, y - 0.35), width - 0.1, 0.7, color=palette[i % len(palette)], alpha=0.6))
            ax.text(x + (width - 0.1) / 2, y, piece, ha="center", va="center", fontsize=7)
            x += width
        ax.text(-0.5, y, f"{k} → {len(tokens)}", ha="right", va="center", fontsize=8)
    longest = max(sum(max(len(p), 1) * 0.6 + 0.4 for p in tokens) for tokens in rows.values())
    ax.set_xlim(-6, longest + 0.5)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.axis("off")
    ax.set_title(title or f"{words['merges']} → tokens")
    fig.tight_layout()
    return fig


def plot_fertility(points: Sequence, title: str = ""):
    """Fertility against vocabulary size: one line per (source, language); red Turkish, blue English.

    ``points`` are :class:`~course_lib.tokenizer.fertility_sweep.FertilityPoint` objects.
    """
    words = _LABELS[get_language()]
    fig, ax = plt.subplots(figsize=(7, 4))
    sources = list(dict.fromkeys(p.source for p in points))
    for style, source in zip(_STYLES * 4, sources):
        for lang in dict.fromkeys(p.lang for p in points if p.source == source):
            line = sorted((p.vocab_size, p.fertility) for p in points if p.source == source and p.lang == lang)
            ax.plot(*zip(*line), style, marker="o", color=_COLORS.get(lang, "gray"),
                    label=f"{words.get(lang, lang)} — {source}")
    ax.set_xscale("log")
    # label the measured sizes themselves; log-scale minor labels would overlap
    ax.xaxis.set_minor_locator(ticker.NullLocator())
    ax.set_xticks(sorted({p.vocab_size for p in points}))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    ax.set_xlabel(words["vocab"])
    ax.set_ylabel(words["fertility"])
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_token_premium(premiums: Mapping[str, float], title: str = ""):
    """Bars of tokens(Turkish) / tokens(English) for the same content, one per training text."""
    words = _LABELS[get_language()]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    names = list(premiums)
    bars = ax.bar(names, [premiums[n] for n in names], color="tab:orange")
    ax.bar_label(bars, fmt="%.2f")
    ax.axhline(1.0, color="black", linewidth=1, linestyle="--", label=words["same"])
    ax.set_xlabel(words["trained"])
    ax.set_ylabel(words["premium"])
    ax.legend()
    ax.set_title(title)
    fig.tight_layout()
    return fig
