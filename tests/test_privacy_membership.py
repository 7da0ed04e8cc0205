"""The AUROC of the loss-threshold attack against the rank (Mann-Whitney) formula and hand cases."""

import pytest
import torch

from course_lib.i18n import CourseValueError
from course_lib.risks.membership import auroc


def _rank_formula(members, others):
    scores = torch.cat([members, others]).double()
    ranks = torch.empty_like(scores)
    ranks[scores.argsort()] = torch.arange(1, len(scores) + 1, dtype=torch.float64)
    for value in scores.unique():  # average ranks for ties
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    n_m, n_o = len(members), len(others)
    return float((ranks[:n_m].sum() - n_m * (n_m + 1) / 2) / (n_m * n_o))


def test_hand_cases():
    assert auroc([3.0, 4.0], [1.0, 2.0]) == 1.0
    assert auroc([1.0, 2.0], [3.0, 4.0]) == 0.0
    assert auroc([1.0], [1.0]) == 0.5
    assert auroc([2.0, 0.0], [1.0]) == 0.5


def test_matches_the_rank_formula_with_ties():
    g = torch.Generator().manual_seed(0)
    members = torch.randint(0, 10, (57,), generator=g).float()
    others = torch.randint(0, 8, (43,), generator=g).float()
    assert auroc(members, others) == pytest.approx(_rank_formula(members, others), abs=1e-12)


def test_one_class_is_an_error():
    with pytest.raises(CourseValueError):
        auroc([], [1.0])
