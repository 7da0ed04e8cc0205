"""What attention supervision leads one to expect, judged against chapter 09's own runs.

The claims (the expectation behind attention supervision: a head that is told where to look needs
fewer steps to get there, and a mechanism that looks at the right place should not depend on the
length it was trained at):

1. with guidance the model reaches the accuracy threshold in fewer steps (a run that never reaches
   it counts as never; the median over seeds is compared);
2. at twice the trained length the guided model is more accurate (means, beyond the noise);
3. the guided head puts more attention on the queried key (means, beyond the noise).
"""

from __future__ import annotations

import statistics

from ..finetune.claims import Verdict, fmt_stat, noise_band
from ..i18n import message
from . import guided_attention_messages  # noqa: F401  (registers this module's texts)
from .reweight_claims import stat_of


def _median_steps(runs, threshold: float) -> float:
    return statistics.median([r.steps_to(threshold) or float("inf") for r in runs])


def _show_steps(runs, threshold: float) -> str:
    return ", ".join(str(r.steps_to(threshold) or message("ga_never")) for r in runs)


def _beyond_noise(a, b, tolerance: float) -> bool:
    return a.mean > b.mean + noise_band(a, b, tolerance)


def judge_guidance(guided, plain, threshold: float = 0.95, tolerance: float = 0.01) -> list[Verdict]:
    """Three verdicts from two lists of :class:`~course_lib.methods.guided_retrieval.RetrievalRun`."""
    steps = max(r.steps for r in [*guided, *plain])
    faster = _median_steps(guided, threshold) < _median_steps(plain, threshold)
    verdicts = [Verdict("faster", faster, message(
        "ga_claim_faster", threshold_pct=100 * threshold, steps=steps,
        guided=_show_steps(guided, threshold), plain=_show_steps(plain, threshold)))]
    for key, field in (("longer", "long_accuracy"), ("mass", "mass_on_key")):
        g, p = stat_of([getattr(r, field) for r in guided]), stat_of([getattr(r, field) for r in plain])
        verdicts.append(Verdict(key, _beyond_noise(g, p, tolerance),
                                message(f"ga_claim_{key}", guided=fmt_stat(g), plain=fmt_stat(p))))
    return verdicts
