"""What the distillation literature expects, judged against the tables chapter 06 measured.

1. On the task, a KD student beats the CE-only student of the same size (Hinton et al. 2015):
   the best temperature's mean accuracy is above CE-only's by more than the noise.
2. On language modelling, the forward-KD student has a lower held-out perplexity than the
   CE-only student (the teacher's full distribution is a richer signal than one next token).
3. Reverse KL is mode seeking (MiniLLM, arXiv 2306.08543): the reverse-KL student's predictions
   have lower entropy than the forward-KL student's.

The noise is the larger standard deviation over seeds of the two compared (with a floor), as in
chapter 03's claims (``course_lib.finetune.claims``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..finetune.claims import Verdict, fmt_stat, noise_band, summarize, verdict_lines
from ..i18n import message
from . import distill_messages  # noqa: F401  (registers this module's texts)

__all__ = ["judge_distillation", "verdict_lines"]


def _beats(a, b, tolerance: float) -> bool:
    return a.mean > b.mean + noise_band(a, b, tolerance)


def judge_distillation(task_runs: Iterable[Mapping], lm_runs: Iterable[Mapping], *, ce: str, kd: list[str],
                       lm_ce: str = "CE only", lm_forward: str = "KD forward KL", lm_reverse: str = "KD reverse KL",
                       tolerance: float = 0.01) -> list[Verdict]:
    """The three claims. ``ce`` and ``kd`` name the task runs' methods (CE-only and each KD
    temperature); the ``lm_*`` names are the language-model runs' methods."""
    score = summarize(task_runs, "metric")
    lm_runs = list(lm_runs)
    ppl, entropy = summarize(lm_runs, "perplexity"), summarize(lm_runs, "entropy")
    verdicts = []
    measured = [name for name in kd if name in score]
    if ce in score and measured:
        best = max(measured, key=lambda name: score[name].mean)
        verdicts.append(Verdict("task", _beats(score[best], score[ce], tolerance), message(
            "distill_claim_task", best=best, kd=fmt_stat(score[best]), ce=fmt_stat(score[ce]))))
    else:
        verdicts.append(Verdict("task", None, message("distill_claim_missing", claim="1")))
    if lm_ce in ppl and lm_forward in ppl:
        holds = _beats(ppl[lm_ce], ppl[lm_forward], tolerance)  # lower perplexity is better
        verdicts.append(Verdict("perplexity", holds, message(
            "distill_claim_perplexity", kd=fmt_stat(ppl[lm_forward]), ce=fmt_stat(ppl[lm_ce]))))
    else:
        verdicts.append(Verdict("perplexity", None, message("distill_claim_missing", claim="2")))
    if lm_forward in entropy and lm_reverse in entropy:
        holds = _beats(entropy[lm_forward], entropy[lm_reverse], tolerance)
        verdicts.append(Verdict("mode_seeking", holds, message(
            "distill_claim_mode", reverse=fmt_stat(entropy[lm_reverse]), forward=fmt_stat(entropy[lm_forward]))))
    else:
        verdicts.append(Verdict("mode_seeking", None, message("distill_claim_missing", claim="3")))
    return verdicts
