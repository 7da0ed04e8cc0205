"""What Lester et al. (2021) expect of prompt tuning, judged against the table chapter 05 measured.

As in chapters 03 and 04, the verdicts are computed from the runs, never written in advance:

1. at a few million parameters prompt tuning trails full fine-tuning (their figure 1: the gap
   closes only as models approach ~10 billion parameters); the verdict reports the measured gap;
2. a longer prompt does at least as well as a one-token prompt (their figure 3a);
3. initialising from the class labels does at least as well as random vectors (their figure 3b,
   where the difference is largest for small models).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..finetune.claims import Verdict, at_least, fmt_stat, noise_band, summarize
from ..i18n import message
from . import peft_messages  # noqa: F401  (registers the texts of the verdicts)


def judge_prompt_claims(runs: Iterable[Mapping], *, full: str, lengths: Mapping[int, str], labels: str | None,
                        random: str | None, tolerance: float = 0.01) -> list[Verdict]:
    """The three claims on ``runs``; ``lengths`` maps each prompt length p to its method name."""
    score = summarize(list(runs), "metric")
    verdicts = []
    measured = sorted(p for p, name in lengths.items() if name in score)
    if full in score and measured:
        best = max((score[lengths[p]] for p in measured), key=lambda s: s.mean)
        gap = score[full].mean - best.mean
        verdicts.append(Verdict("trails", gap > noise_band(score[full], best, tolerance), message(
            "claims_prompt_trails", full=fmt_stat(score[full]), best=fmt_stat(best), gap=100 * gap)))
    else:
        verdicts.append(Verdict("trails", None, message("claims_missing", claim="1")))
    if len(measured) >= 2:
        short, long = score[lengths[measured[0]]], score[lengths[measured[-1]]]
        verdicts.append(Verdict("length", at_least(long, short, tolerance), message(
            "claims_prompt_length", short_p=measured[0], short=fmt_stat(short), long_p=measured[-1], long=fmt_stat(long))))
    else:
        verdicts.append(Verdict("length", None, message("claims_missing", claim="2")))
    if labels in score and random in score:
        verdicts.append(Verdict("init", at_least(score[labels], score[random], tolerance), message(
            "claims_prompt_init", labels=fmt_stat(score[labels]), random=fmt_stat(score[random]))))
    else:
        verdicts.append(Verdict("init", None, message("claims_missing", claim="3")))
    return verdicts
