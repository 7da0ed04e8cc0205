"""What Ren et al. (2018) lead one to expect of reweighting, judged against chapter 08's own table.

The notebook's numbers are measured when it runs, so the verdicts are computed, never written in
advance (as chapter 03 does with :mod:`course_lib.finetune.claims`). The claims:

1. under flipped labels, reweighting beats plain training: its mean accuracy is above plain's by
   more than the noise (the larger std over seeds of the two, at least ``tolerance``);
2. the learned weights separate clean from flipped examples: mean AUROC above 0.5 by more than its std;
3. a reweighted step costs roughly 3x a plain one (REFERENCE: "roughly 3x"): between 2x and 4x.

It also reports the share of the plain-to-oracle gap that reweighting closes.
"""

from __future__ import annotations

from ..finetune.claims import Stat, Verdict, fmt_stat, noise_band, summarize
from ..i18n import message
from . import reweight_messages  # noqa: F401  (registers this module's texts)


def stat_of(values) -> Stat:
    """Mean and sample std of a list of numbers."""
    return summarize([{"method": "x", "v": v} for v in values], "v")["x"]


def per_step_seconds(runs, method: str) -> float:
    """Mean training seconds per optimizer step of ``method`` over its runs."""
    chosen = [r["seconds"] / r["steps"] for r in runs if r["method"] == method]
    return sum(chosen) / len(chosen)


def gap_share(plain: float, reweight: float, oracle: float) -> float | None:
    """(reweight - plain) / (oracle - plain): 1 reaches the oracle, 0 gains nothing; None without a gap."""
    return None if oracle <= plain else (reweight - plain) / (oracle - plain)


def judge_reweighting(runs, oracle_runs, aurocs, *, plain: str, reweight: str, noise: float,
                      tolerance: float = 0.01) -> tuple[list[Verdict], str]:
    """The three verdicts and the gap-share line, in the learner's language.

    runs: compare()'s runs on the noisy task (``plain`` and ``reweight``); oracle_runs: the oracle's;
    aurocs: one AUROC per reweighted run.
    """
    score = summarize(runs, "metric")
    p, r = score[plain], score[reweight]
    o = summarize(oracle_runs, "metric")[oracle_runs[0]["method"]]
    beats = r.mean > p.mean + noise_band(p, r, tolerance)
    verdicts = [Verdict("beats", beats, message("rw_claim_beats", reweight=fmt_stat(r), plain=fmt_stat(p), oracle=fmt_stat(o),
                                                noise_pct=100 * noise))]
    a = stat_of(aurocs)
    verdicts.append(Verdict("separates", a.mean - max(a.std, tolerance) > 0.5,
                            message("rw_claim_separates", auroc=fmt_stat(a))))
    ratio = per_step_seconds(runs, reweight) / per_step_seconds(runs, plain)
    verdicts.append(Verdict("cost", 2.0 <= ratio <= 4.0, message("rw_claim_cost", ratio=ratio)))
    share = gap_share(p.mean, r.mean, o.mean)
    line = message("rw_gap_none") if share is None else message("rw_gap_share", share_pct=100 * share)
    return verdicts, line
