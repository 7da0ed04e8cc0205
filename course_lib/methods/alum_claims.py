"""What Liu et al. (2020) lead chapter 07 to expect, judged against the tables it measured.

1. ALUM keeps (or improves) clean accuracy: ALUM ≥ plain fine-tuning on the clean dev set.
2. ALUM raises robust accuracy under the embedding PGD attack: above plain fine-tuning by more than the noise.
3. ALUM raises accuracy on Turkish typed without its own letters (diacritics stripped), likewise.
4. The cost per step stays within 3x plain fine-tuning (K = 1: two extra forward passes, one extra backward).

The noise is as in chapter 03's claims (``course_lib.finetune.claims``): the larger standard
deviation over seeds of the two compared, with a floor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..finetune.claims import Verdict, at_least, fmt_stat, noise_band, summarize, verdict_lines
from ..i18n import message, number
from . import alum_messages  # noqa: F401  (registers this module's texts)

__all__ = ["judge_alum", "verdict_lines"]


def judge_alum(task_runs: Iterable[Mapping], robust_records: Iterable[Mapping], *, plain: str, alum: str,
               max_cost: float = 3.0, tolerance: float = 0.01) -> list[Verdict]:
    """The four claims for methods named ``plain`` and ``alum`` (harness runs and ``Measured`` records)."""
    task_runs, robust_records = list(task_runs), list(robust_records)
    clean, seconds = summarize(task_runs, "metric"), summarize(task_runs, "seconds")
    steps = summarize(task_runs, "steps")
    verdicts = []
    if plain in clean and alum in clean:
        verdicts.append(Verdict("clean", at_least(clean[alum], clean[plain], tolerance), message(
            "alum_claim_clean", alum=fmt_stat(clean[alum]), plain=fmt_stat(clean[plain]))))
    else:
        verdicts.append(Verdict("clean", None, message("alum_claim_missing", claim="1")))
    for claim, column in (("2", "pgd"), ("3", "diacritics")):
        robust = summarize(robust_records, column)
        if plain in robust and alum in robust:
            a, p = robust[alum], robust[plain]
            verdicts.append(Verdict(column, a.mean > p.mean + noise_band(a, p, tolerance), message(
                f"alum_claim_{column}", alum=fmt_stat(a), plain=fmt_stat(p))))
        else:
            verdicts.append(Verdict(column, None, message("alum_claim_missing", claim=claim)))
    if plain in seconds and alum in seconds:
        ratio = (seconds[alum].mean / steps[alum].mean) / (seconds[plain].mean / steps[plain].mean)
        verdicts.append(Verdict("cost", ratio <= max_cost, message("alum_claim_cost", ratio=number(ratio, ".2f"),
                                                                    limit=number(max_cost, "g"))))
    else:
        verdicts.append(Verdict("cost", None, message("alum_claim_missing", claim="4")))
    return verdicts
