"""Which method when: guidance computed from a comparison's own table, never written in advance.

Each line reads the table a notebook just measured (means and standard deviations over seeds)
and names the method that serves one need best: the highest quality, the best quality at the
lowest cost, the cheapest, the best transfer to the other language, the most robust to text typed
without Turkish letters, the least forgetting, the fewest trainable parameters. "Within the noise"
uses the rule of :mod:`course_lib.finetune.claims`: two means tie when they differ by no more than
the larger standard deviation (floor ``tolerance``).
"""

from __future__ import annotations

import math

from ..i18n import message, number
from . import guidance_messages  # noqa: F401  (registers this module's texts)
from .claims import Stat, about_equal, fmt_stat
from .pareto import pareto_front

COSTS = ("energy kWh", "time s")


def _stat(table, name: str, column: str) -> Stat | None:
    value = table.loc[name, column]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    std = table.loc[name, f"{column} std"] if f"{column} std" in table.columns else 0.0
    return Stat(float(value), float(0.0 if std != std else std), 0)


def cost_column(table) -> str:
    """The cost the guidance uses: energy where it was measured for every method, else time."""
    energy = table["energy kWh"] if "energy kWh" in table.columns else None
    if energy is not None and energy.notna().all() and (energy > 0).all():
        return "energy kWh"
    return "time s"


def _cost_text(value: float, column: str) -> str:
    return f"{number(value, '.2e')} kWh" if column == "energy kWh" else f"{number(value, '.1f')} s"


def guidance(table, metric: str = "accuracy", tolerance: float = 0.01) -> list[str]:
    """Lines of advice in the learner's language, each backed by numbers of ``table``
    (``Comparison.table``: one row per method)."""
    names = list(table.index)
    cost = cost_column(table)
    score = {n: _stat(table, n, metric) for n in names}
    best = max(names, key=lambda n: score[n].mean)
    tied = [n for n in names if about_equal(score[n], score[best], tolerance)]
    lines = [message("guide_best", metric=metric, best=best, score=fmt_stat(score[best]), tied=", ".join(tied))]

    cheapest_tied = min(tied, key=lambda n: table.loc[n, cost])
    if cheapest_tied != best:
        lines.append(message("guide_cheapest_tied", name=cheapest_tied, score=fmt_stat(score[cheapest_tied]),
                             cost=_cost_text(table.loc[cheapest_tied, cost], cost), best=best,
                             times=table.loc[best, cost] / table.loc[cheapest_tied, cost]))
    cheapest = min(names, key=lambda n: table.loc[n, cost])
    if cheapest not in tied:
        lines.append(message("guide_cheapest", name=cheapest, cost=_cost_text(table.loc[cheapest, cost], cost),
                             score=fmt_stat(score[cheapest]), gap=score[best].mean - score[cheapest].mean))

    for column, key in ((f"ood {metric}", "guide_ood"), (f"robust {metric}", "guide_robust")):
        stats = {n: _stat(table, n, column) for n in names} if column in table.columns else {}
        stats = {n: s for n, s in stats.items() if s is not None}
        if stats:
            top = max(stats, key=lambda n: stats[n].mean)
            near = ", ".join(n for n in stats if about_equal(stats[n], stats[top], tolerance))
            lines.append(message(key, name=top, score=fmt_stat(stats[top]), clean=fmt_stat(score[top]), tied=near))

    forgets = {n: _stat(table, n, "forgetting") for n in names}
    least = min(names, key=lambda n: forgets[n].mean)
    lines.append(message("guide_forgetting", name=least, forgetting=fmt_stat(forgets[least]), score=fmt_stat(score[least])))

    smallest = min(tied, key=lambda n: table.loc[n, "trainable %"])
    if table.loc[smallest, "trainable %"] < 100.0:  # only when one of the best trains a part of the model
        lines.append(message("guide_storage", name=smallest, percent=float(table.loc[smallest, "trainable %"])))

    front = [n for n, on in zip(names, pareto_front(table[metric], table[cost])) if on]
    lines.append(message("guide_front", cost=cost, names=", ".join(front)))
    return lines
