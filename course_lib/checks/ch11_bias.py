"""Checks for chapter 11: bias amplification from given probabilities, and a CrowS-Pairs-style
minimal-pair preference rate.

The expected values are worked out by hand here, independent of ``course_lib.risks``:

- amplification = mean over jobs of P_model(the job's stereotyped gender | job) − p, where
  P(stereotyped) is P(she) for a job stereotyped female and 1 − P(she) for one stereotyped male
  (Zhao et al. 2017, arXiv 1707.09457, compare a model's rate with its training rate);
- the minimal-pair rate is the share of pairs whose stereotypical sentence the model finds
  strictly more likely (Nangia et al. 2020, arXiv 2010.00133); a tie counts for neither side.
"""

from __future__ import annotations

import math

from ..i18n import message, number
from . import ch11_messages  # noqa: F401  (registers this module's texts)
from .core import Case, run_check


def _number(result) -> float | None:
    if isinstance(result, bool):
        return None
    try:
        value = float(result)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6


def _number_verdict(result, expected: float, mistakes) -> str | None:
    """None when ``result`` is ``expected``; else the message of the first known mistake it equals
    (``mistakes``: (the value that mistake gives, its message key) pairs, skipped when that value is the
    right one too), or a plain "expected … got …". Both checks of this chapter judge a number this way."""
    value = _number(result)
    if value is None:
        return message("check_bias_not_number", kind=type(result).__name__)
    if _close(value, expected):
        return None
    for wrong, key in mistakes:
        if _close(value, wrong) and not _close(wrong, expected):
            return message(key, expected=number(expected, ".4f"), got=number(value, ".4f"))
    return message("check_expected_got", expected=number(expected, ".4f"), got=number(value, ".4f"))


# ------------------------------------------------------------------ (a) bias amplification
def _amplification_judge(she_rates: dict, stereotypes: dict, p: float):
    stereo = [rate if stereotypes[job] == "female" else 1 - rate for job, rate in she_rates.items()]
    expected = sum(stereo) / len(stereo) - p
    no_flip = sum(she_rates.values()) / len(she_rates) - p
    no_p = sum(stereo) / len(stereo)
    absolute = sum(abs(s - p) for s in stereo) / len(stereo)
    greedy = sum(s > 0.5 for s in stereo) / len(stereo) - p

    def judge(result) -> str | None:
        return _number_verdict(result, expected, ((no_flip, "check_bias_no_flip"), (no_p, "check_bias_no_p"),
                                                  (absolute, "check_bias_absolute"), (greedy, "check_bias_greedy")))

    return judge


_AMPLIFICATION_CASES = [
    ({"nurse": 0.95, "pilot": 0.2}, {"nurse": "female", "pilot": "male"}, 0.9),
    ({"teacher": 0.99, "cook": 0.93}, {"teacher": "female", "cook": "female"}, 0.7),
    ({"doctor": 0.5, "tailor": 0.5}, {"doctor": "male", "tailor": "female"}, 0.5),
    ({"engineer": 0.1, "lawyer": 0.35, "secretary": 0.6}, {"engineer": "male", "lawyer": "male",
                                                           "secretary": "female"}, 0.7),
]


def check_bias_amplification(student_fn) -> bool:
    """``student_fn(she_rates, stereotypes, p) -> float``: she_rates maps a job to P_model(she | job),
    stereotypes maps it to "female" or "male", p is the corpus's P(stereotyped gender | job)."""
    cases = [
        Case({"en": f"P(she | job) = {rates}, stereotypes {stereo}, p = {p}",
              "tr": f"P(she | meslek) = {rates}, kalıp yargılar {stereo}, p = {p}"},
             args=(dict(rates), dict(stereo), p), judge=_amplification_judge(rates, stereo, p))
        for rates, stereo, p in _AMPLIFICATION_CASES
    ]
    return run_check("check_bias_amplification", student_fn, cases)


# ------------------------------------------------------------------ (b) minimal-pair rate
def _pair_judge(stereo: list, anti: list):
    n = len(stereo)
    expected = sum(s > a for s, a in zip(stereo, anti)) / n
    with_ties = sum(s >= a for s, a in zip(stereo, anti)) / n
    reversed_ = sum(a > s for s, a in zip(stereo, anti)) / n
    count = sum(s > a for s, a in zip(stereo, anti))

    def judge(result) -> str | None:
        return _number_verdict(result, expected, ((100 * expected, "check_pairs_percent"), (with_ties, "check_pairs_ties"),
                                                  (reversed_, "check_pairs_reversed"), (count, "check_pairs_count")))

    return judge


_PAIR_CASES = [
    ([-10.0, -12.5, -8.0, -20.0, -3.0], [-11.0, -12.0, -9.5, -19.0, -4.0]),
    ([-5.0, -6.0, -7.0, -2.0], [-5.0, -6.5, -7.0, -1.0]),
    ([-30.0, -31.0, -29.0, -28.0, -40.0], [-29.5, -31.5, -29.0, -27.0, -41.0]),
]


def check_minimal_pair_rate(student_fn) -> bool:
    """``student_fn(logp_stereo, logp_anti) -> float``: the share (0 to 1) of pairs where the
    stereotypical sentence has the strictly higher log-probability."""
    cases = [
        Case({"en": f"logp_stereo = {s}, logp_anti = {a}", "tr": f"logp_stereo = {s}, logp_anti = {a}"},
             args=(list(s), list(a)), judge=_pair_judge(s, a))
        for s, a in _PAIR_CASES
    ]
    return run_check("check_minimal_pair_rate", student_fn, cases)
