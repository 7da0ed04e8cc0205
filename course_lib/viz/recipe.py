"""The training recipe, drawn: the learning-rate schedule the loop uses, and a learning-rate sweep.

    plot_lr_schedule(config, total_steps)     lr_at(step, config, total_steps) for every step
    plot_lr_sweep({lr: history, ...})         the training loss of each run against the step

The schedule is drawn from :func:`course_lib.train.schedule.lr_at`, the function the loop calls,
so the picture cannot drift from what training does.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt

from ..i18n import pick
from ..train.schedule import lr_at
from ..train.state import History


def plot_lr_schedule(config, total_steps: int, title: str | None = None):
    """The learning rate of each step of a ``total_steps`` run under ``config``; returns the figure."""
    steps = list(range(total_steps))
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.plot(steps, [lr_at(step, config, total_steps) for step in steps])
    if config.warmup_steps:
        ax.axvline(config.warmup_steps, color="gray", linestyle=":",
                   label=pick(en="end of warm-up", tr="ısınmanın sonu"))
        ax.legend()
    ax.set_xlabel(pick(en="step", tr="adım"))
    ax.set_ylabel(pick(en="learning rate", tr="öğrenme oranı"))
    ax.set_title(title or pick(en="warm-up, then cosine decay", tr="ısınma, ardından kosinüs azalma"))
    fig.tight_layout()
    return fig


def plot_lr_sweep(runs: Mapping[float, History], title: str | None = None):
    """One training-loss curve per peak learning rate, on a log loss axis; returns the figure."""
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for lr, history in runs.items():
        steps, losses = history.series("train", "loss")
        ax.plot(steps, losses, label=f"lr = {lr:g}", linewidth=1)
    ax.set_yscale("log")
    ax.set_xlabel(pick(en="step", tr="adım"))
    ax.set_ylabel(pick(en="training loss", tr="eğitim kaybı"))
    ax.set_title(title or pick(en="learning-rate sweep", tr="öğrenme oranı taraması"))
    ax.legend()
    fig.tight_layout()
    return fig
