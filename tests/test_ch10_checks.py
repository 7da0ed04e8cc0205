"""Chapter 10's check passes correct fronts and fails the blank and plausible mistakes, each for the
reason a learner should read."""

import numpy as np
import pytest
from check_testing import blank

from course_lib.checks import CheckFailed
from course_lib.checks.ch10_comparison import check_pareto_front
from course_lib.finetune.pareto import pareto_front


def _front(quality, cost, better_quality=lambda a, b: a > b, cheaper=lambda a, b: a < b, strict=True):
    out = []
    for i in range(len(quality)):
        beaten = False
        for j in range(len(quality)):
            if j == i:
                continue
            no_worse = quality[j] >= quality[i] and cost[j] <= cost[i]
            better = better_quality(quality[j], quality[i]) or cheaper(cost[j], cost[i])
            beaten |= no_worse and (better if strict else True)
        out.append(not beaten)
    return out


def test_passes_correct_solutions():
    assert check_pareto_front(_front)
    assert check_pareto_front(pareto_front)
    assert check_pareto_front(lambda q, c: [bool(v) for v in np.array(_front(q, c))])


@pytest.mark.parametrize("wrong, reason", [
    (blank, "Not implemented"),
    (lambda q, c: _front(q, c, strict=False), r"two identical methods.*\n.*a \(quality 0.8, cost 2.0\) is missing from your front"),
    (lambda q, c: _front([-x for x in q], c), r"mid \(quality 0.8, cost 2.0\) is missing"),
    (lambda q, c: [x == max(q) for x in q], r"cheap \(quality 0.6, cost 1.0\) is missing"),
    (lambda q, c: [x == min(c) for x in c], r"mid \(quality 0.8, cost 2.0\) is missing"),
    (lambda q, c: [True] * len(q), "waste is on your front, but mid beats it"),
    (lambda q, c: [q[i] >= q[i - 1] or c[i] <= c[i - 1] if i else True for i in range(len(q))],
     "waste is on your front, but mid beats it"),
    (lambda q, c: {i: v for i, v in enumerate(_front(q, c))}, "returned a dict"),
], ids=["blank", "ties_dominate", "lower_quality_better", "best_only", "cheapest_only", "all", "neighbours_only",
        "dict"])
def test_fails_wrong_answers(wrong, reason):
    with pytest.raises(CheckFailed, match=reason):
        check_pareto_front(wrong)
