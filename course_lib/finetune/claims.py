"""What the literature expects of the four approaches, judged against the table a notebook measured.

Chapter 03 states only what its own table shows. Its numbers are measured when the notebook runs
(and differ by profile, base model and seed), so the chapter cannot write the verdicts in advance:
it hands its runs to :func:`judge_claims`, which compares the means and prints which claims hold.

The claims (Howard & Ruder 2018, Lee et al. 2019, Kumar et al. 2022):

1. in-domain: full ≈ gradual unfreezing ≥ selected layers ≥ linear probe;
2. the linear probe and LP-FT forget least;
3. out of distribution (the other language): LP-FT ≥ full fine-tuning. Given ``ood_chance`` (the
   majority rate of the other language's dev set), the claim is judged only when one of the two
   beats chance by more than the noise: when both sit at chance, "≥" would hold between two guesses.

"A ≥ B" holds when A's mean is below B's by no more than the noise, and "A ≈ B" when they differ
by no more than the noise; the noise is the larger standard deviation over seeds of the two
(with a floor, ``tolerance``, so that one seed, std 0, does not demand exact equality).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..i18n import message, number
from . import claims_messages  # noqa: F401  (registers this module's texts)


@dataclass(frozen=True)
class Stat:
    """Mean and standard deviation over seeds (std 0 for one seed)."""

    mean: float
    std: float
    n: int


@dataclass(frozen=True)
class Verdict:
    """One claim: ``holds`` is True, False, or None when it cannot be judged (``why``: "missing",
    a method it needs was not measured; "chance", the numbers it compares are all at chance)."""

    key: str
    holds: bool | None
    text: str
    why: str = ""


def summarize(runs: Iterable[Mapping], column: str) -> dict[str, Stat]:
    """Per method, the mean and sample std of ``column`` over its runs (rows with a "method" key)."""
    values: dict[str, list[float]] = {}
    for run in runs:
        value = run.get(column)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        values.setdefault(str(run["method"]), []).append(float(value))
    stats = {}
    for method, xs in values.items():
        mean = sum(xs) / len(xs)
        std = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else 0.0
        stats[method] = Stat(mean, std, len(xs))
    return stats


def noise_band(a: Stat, b: Stat, tolerance: float) -> float:
    """How far apart two means may lie and still count as the same: the larger std of the two,
    at least ``tolerance`` (so that one seed, std 0, does not demand exact equality)."""
    return max(a.std, b.std, tolerance)


def at_least(a: Stat, b: Stat, tolerance: float) -> bool:
    """a ≥ b up to the noise."""
    return a.mean >= b.mean - noise_band(a, b, tolerance)


def about_equal(a: Stat, b: Stat, tolerance: float) -> bool:
    """|a − b| within the noise."""
    return abs(a.mean - b.mean) <= noise_band(a, b, tolerance)


def fmt_stat(stat: Stat, lang: str | None = None) -> str:
    """``"mean ± std"`` with three decimals, as ``lang`` (default: the current language) writes
    numbers: ``"0.642 ± 0.018"`` in English, ``"0,642 ± 0,018"`` in Turkish."""
    return f"{number(stat.mean, '.3f', lang)} ± {number(stat.std, '.3f', lang)}"


def judge_claims(
    runs: Iterable[Mapping],
    *,
    full: str,
    gradual: str,
    selected: str,
    probe: str,
    lpft: str,
    metric: str = "metric",
    ood: str = "ood_metric",
    forgetting: str = "forgetting",
    tolerance: float = 0.01,
    ood_chance: float | None = None,
) -> list[Verdict]:
    """The three claims, each judged on ``runs`` (one mapping per method and seed).

    ``full`` … ``lpft`` are the method names as they appear in the runs; ``metric``, ``ood`` and
    ``forgetting`` the columns to read (higher metric is better, lower forgetting is better).
    ``ood_chance``: the majority rate of the out-of-distribution set (None: not checked).
    """
    runs = list(runs)
    score, transfer, forgot = summarize(runs, metric), summarize(runs, ood), summarize(runs, forgetting)
    verdicts = []

    chain = [full, gradual, selected, probe]
    if all(name in score for name in chain):
        f, g, s, p = (score[name] for name in chain)
        holds = about_equal(f, g, tolerance) and at_least(g, s, tolerance) and at_least(s, p, tolerance)
        verdicts.append(Verdict("in_domain", holds, message(
            "claims_in_domain", full=fmt_stat(f), gradual=fmt_stat(g), selected=fmt_stat(s), probe=fmt_stat(p))))
    else:
        verdicts.append(Verdict("in_domain", None, message("claims_missing", claim="1"), why="missing"))

    others = [name for name in (full, gradual, selected) if name in forgot]
    if probe in forgot and lpft in forgot and others:
        least = [forgot[probe], forgot[lpft]]
        rest = [forgot[name] for name in others]
        holds = all(at_least(r, s, tolerance) for r in rest for s in least)
        shown = ", ".join(f"{name} {fmt_stat(forgot[name])}" for name in others)
        verdicts.append(Verdict("forgetting", holds, message(
            "claims_forgetting", probe=fmt_stat(forgot[probe]), lpft=fmt_stat(forgot[lpft]), others=shown)))
    else:
        verdicts.append(Verdict("forgetting", None, message("claims_missing", claim="2"), why="missing"))

    if lpft in transfer and full in transfer:
        a, b = transfer[lpft], transfer[full]
        text = message("claims_ood", lpft=fmt_stat(a), full=fmt_stat(b))
        if ood_chance is not None and all(s.mean <= ood_chance + noise_band(a, b, tolerance) for s in (a, b)):
            verdicts.append(Verdict("ood", None, text + message("claims_at_chance", chance=number(ood_chance, ".3f")),
                                    why="chance"))
        else:
            verdicts.append(Verdict("ood", at_least(a, b, tolerance), text))
    else:
        verdicts.append(Verdict("ood", None, message("claims_missing", claim="3"), why="missing"))
    return verdicts


def verdict_lines(verdicts: Iterable[Verdict]) -> list[str]:
    """One printable line per claim, in the learner's language: ✔ holds, ✘ does not, ? cannot be judged."""
    marks = {True: "✔", False: "✘", None: "?"}
    words = {True: message("claims_holds"), False: message("claims_fails"), None: message("claims_unknown")}
    undecided = message("claims_undecided")
    return [f"{marks[v.holds]} {undecided if v.why == 'chance' else words[v.holds]}: {v.text}" for v in verdicts]
