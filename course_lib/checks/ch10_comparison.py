"""Checks for chapter 10: the Pareto front of quality (higher is better) against cost (lower is better).

The expected fronts are worked out by hand below, independent of ``course_lib.finetune.pareto``.
"""

from __future__ import annotations

from ..i18n import message, register
from .core import Case, run_check

register({
    "check_c10_not_list": {
        "en": "returned a {kind}: expected a list of True/False, one per method",
        "tr": "dönen değer bir {kind}: yöntem başına bir True/False içeren bir liste bekleniyordu",
    },
    "check_c10_length": {
        "en": "returned {got} values for {expected} methods",
        "tr": "{expected} yöntem için {got} değer döndü",
    },
    "check_c10_dominated_kept": {
        "en": "{name} is on your front, but {by} beats it: quality {q_by} ≥ {q} and cost {c_by} ≤ {c}",
        "tr": "{name} sizin sınırınızda, ama {by} onu geçiyor: kalite {q_by} ≥ {q} ve maliyet {c_by} ≤ {c}",
    },
    "check_c10_missing": {
        "en": "{name} (quality {q}, cost {c}) is missing from your front: no method is at least as good on "
              "both and better on one",
        "tr": "{name} (kalite {q}, maliyet {c}) sınırınızda yok: hiçbir yöntem ikisinde birden en az onun kadar "
              "iyi ve birinde daha iyi değil",
    },
})

# (names, quality, cost, front) — the front by hand:
#   cheap 0.6/1, mid 0.8/2, dear 0.9/5, waste 0.7/3 (mid beats it: 0.8 ≥ 0.7 and 2 ≤ 3)
#   -> cheap, mid, dear on the front, waste off
#   twins: a 0.8/2 and b 0.8/2 are equal, neither is strictly better, both stay; c 0.8/3 loses to both
#   same cost: x 0.5/1 loses to y 0.7/1 (same cost, better quality); z 0.9/4 stays
#   one method alone is its own front
_CASES = [
    (["cheap", "mid", "dear", "waste"], [0.6, 0.8, 0.9, 0.7], [1.0, 2.0, 5.0, 3.0], [True, True, True, False],
     "four methods, one of them beaten on both", "dört yöntem, biri ikisinde birden geçiliyor"),
    (["a", "b", "c"], [0.8, 0.8, 0.8], [2.0, 2.0, 3.0], [True, True, False],
     "two identical methods: neither beats the other", "iki özdeş yöntem: hiçbiri ötekini geçmiyor"),
    (["x", "y", "z"], [0.5, 0.7, 0.9], [1.0, 1.0, 4.0], [False, True, True],
     "the same cost, different quality", "aynı maliyet, farklı kalite"),
    (["only"], [0.3], [9.0], [True], "a single method", "tek bir yöntem"),
]


def _judge(names, quality, cost, front):
    def judge(result) -> str | None:
        if not isinstance(result, (list, tuple)):
            return message("check_c10_not_list", kind=type(result).__name__)
        if len(result) != len(front):
            return message("check_c10_length", got=len(result), expected=len(front))
        got = [bool(v) for v in result]
        for i, (mine, right) in enumerate(zip(got, front)):
            if mine and not right:
                j = next(j for j in range(len(names)) if quality[j] >= quality[i] and cost[j] <= cost[i]
                         and (quality[j] > quality[i] or cost[j] < cost[i]))
                return message("check_c10_dominated_kept", name=names[i], by=names[j], q_by=quality[j],
                               q=quality[i], c_by=cost[j], c=cost[i])
            if right and not mine:
                return message("check_c10_missing", name=names[i], q=quality[i], c=cost[i])
        return None

    return judge


def check_pareto_front(student_fn) -> bool:
    """``pareto_front(quality, cost) -> list[bool]``: True for each method no other beats on both."""
    cases = [Case({"en": en, "tr": tr}, args=(list(q), list(c)), judge=_judge(n, q, c, f))
             for n, q, c, f, en, tr in _CASES]
    return run_check("check_pareto_front", student_fn, cases)
