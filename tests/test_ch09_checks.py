"""Chapter 09's check passes a correct guidance loss and fails the blank exercise and plausible
mistakes, each for the reason a learner should read."""

import pytest
import torch
from check_testing import blank

from course_lib.checks.ch09_guided_attention import check_guidance_loss
from course_lib.checks.core import CheckFailed
from course_lib.methods.guided_attention import guidance_loss


def _written_out(attention, target, rows, reverse=False, use_rows=True, heads="mean", guard=True, mse=False):
    """The KL guidance loss with switchable mistakes."""
    B, H, T, _ = attention.shape
    target = target.expand(B, T, T)[:, None]
    if mse:
        per_row = ((attention - target) ** 2).mean(-1)
    elif reverse:  # KL(A || A*): infinite where the model looks and the target does not
        per_row = (attention * (attention.clamp_min(1e-300).log() - target.clamp_min(1e-300).log())).sum(-1)
    elif guard:
        per_row = torch.where(target > 0, target * (target.clamp_min(1e-300).log() - attention.log()), 0.0).sum(-1)
    else:
        per_row = (target * (target.log() - attention.log())).sum(-1)
    weight = rows[:, None, :].to(per_row).expand(B, H, T) if use_rows else torch.ones(B, H, T, dtype=per_row.dtype)
    if heads == "sum":
        return (per_row * weight).sum() / weight[:, 0].sum()
    return (per_row * weight).sum() / weight.sum()


def test_check_passes_correct_solutions():
    assert check_guidance_loss(guidance_loss)
    assert check_guidance_loss(_written_out)


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda a, t, r: _written_out(a, t, r, reverse=True), "expected"),
        (lambda a, t, r: _written_out(a, t, r, mse=True), "expected"),
        (lambda a, t, r: _written_out(a, t, r, use_rows=False), "expected"),
        (lambda a, t, r: _written_out(a, t, r, heads="sum"), "expected"),
        (lambda a, t, r: _written_out(a, t, r, guard=False), "0 · log 0"),
        (lambda a, t, r: [float(_written_out(a, t, r))], "expected one number"),
    ],
)
def test_check_fails_blank_and_wrong_answers(wrong, reason):
    with pytest.raises(CheckFailed, match=reason):
        check_guidance_loss(wrong)
