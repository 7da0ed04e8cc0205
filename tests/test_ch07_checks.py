"""Chapter 07's check passes a correct ascent step (written here and the library's) and fails the
blank exercise and the usual mistakes, each for the reason a learner should read."""

import pytest
import torch

from course_lib.checks.ch07_alum import check_ascent_step
from course_lib.checks.core import CheckFailed
from course_lib.methods.alum import ascent_step as library_step


def _step(delta, grad, step_size, epsilon, mistake=None):
    flat = grad.flatten(1)
    size = {None: flat.abs().amax(1), "global": flat.abs().max().expand(len(grad)), "l2": flat.norm(dim=1),
            "none": torch.ones(len(grad))}.get(mistake, flat.abs().amax(1))
    direction = grad.sign() if mistake == "sign" else grad / size.view(-1, 1, 1)
    new = delta + step_size * direction
    return new if mistake == "no_projection" else new.clamp(-epsilon, epsilon)


def test_correct_solutions_pass():
    assert check_ascent_step(_step)
    assert check_ascent_step(library_step)


def test_blank_fails():
    def blank(*args, **kwargs):
        raise NotImplementedError

    with pytest.raises(CheckFailed, match="Not implemented"):
        check_ascent_step(blank)


@pytest.mark.parametrize("mistake, reason", [
    ("sign", "FGSM"), ("global", "whole batch"), ("none", "did not normalise"), ("l2", "ℓ2 norm"),
    ("no_projection", "did not project"),
])
def test_plausible_mistakes_fail_for_their_reason(mistake, reason):
    with pytest.raises(CheckFailed, match=reason):
        check_ascent_step(lambda d, g, s, e: _step(d, g, s, e, mistake))


def test_wrong_shape_and_turkish_reason(monkeypatch):
    with pytest.raises(CheckFailed, match="shape"):
        check_ascent_step(lambda d, g, s, e: _step(d, g, s, e).sum(0))
    monkeypatch.setenv("COURSE_LANG", "tr")
    with pytest.raises(CheckFailed, match="izdüşüm yapmadınız"):
        check_ascent_step(lambda d, g, s, e: _step(d, g, s, e, "no_projection"))
