"""Chapter 15's checks pass correct solutions and fail the blank exercise and plausible mistakes,
each for the reason a learner should read."""

import math

import pytest
import torch
from check_testing import blank, fails

from course_lib.checks.ch15_privacy import (
    _tckn_cases,
    check_dp_sgd_step,
    check_exposure,
    check_tckn_validator,
)
from course_lib.data.world import is_valid_tc_kimlik
from course_lib.risks.dp_sgd import clip_and_noise


# ------------------------------------------------------------------------------ (a) TCKN
def _tckn(number, d10=True, d11=True, zero_ok=False, length=True, swap=False):
    """A validator written out with switchable mistakes."""
    if length and (len(number) != 11 or not number.isdigit()):
        return False
    if not number[:11].isdigit() or len(number) < 11:
        return False
    if not zero_ok and number[0] == "0":
        return False
    d = [int(c) for c in number[:11]]
    odd, even = d[0] + d[2] + d[4] + d[6] + d[8], d[1] + d[3] + d[5] + d[7]
    if swap:
        odd, even = even, odd
    ok = True
    if d10:
        ok &= (7 * odd - even) % 10 == d[9]
    if d11:
        ok &= sum(d[:10]) % 10 == d[10]
    return ok


def test_the_cases_agree_with_the_worlds_checksum():
    for number, truth, _ in _tckn_cases():
        assert is_valid_tc_kimlik(number) == truth, number


def test_tckn_passes_a_right_validator_and_the_worlds():
    assert check_tckn_validator(_tckn)
    assert check_tckn_validator(is_valid_tc_kimlik)


@pytest.mark.parametrize(
    "fn, reason",
    [
        (blank, "NotImplementedError|not implemented|henüz"),
        (lambda n: _tckn(n, d11=False), "right 10th digit, wrong 11th"),
        (lambda n: _tckn(n, d10=False), "wrong 10th digit"),
        (lambda n: _tckn(n, zero_ok=True), "first digit is 0"),
        (lambda n: _tckn(n, length=False), "12 digits"),
        (lambda n: _tckn(n, swap=True), "a valid number"),
        (lambda n: int(_tckn(n)), "True or False"),
    ],
)
def test_tckn_fails_mistakes(fn, reason):
    fails(check_tckn_validator, fn, reason)


# -------------------------------------------------------------------------- (b) exposure
def test_exposure_passes():
    assert check_exposure(lambda rank, size: math.log2(size) - math.log2(rank))


@pytest.mark.parametrize(
    "fn, reason",
    [
        (blank, "NotImplementedError|not implemented|henüz"),
        (lambda rank, size: math.log(size) - math.log(rank), "rank 1 of 1,024"),  # nats, not bits
        (lambda rank, size: math.log2(size) - math.log2(rank + 1), "rank 1 of 1,024"),  # 0-based rank
        (lambda rank, size: math.log2(size / rank + 1), "rank 1 of 1,024"),
        (lambda rank, size: math.log2(size) - rank, "rank 1 of 1,024"),  # forgot the log of the rank
        (lambda rank, size: math.log2(size) - math.log2(rank) if rank < 3 else 0.0, "rank 3 of 1,000"),
    ],
)
def test_exposure_fails_mistakes(fn, reason):
    fails(check_exposure, fn, reason)


# --------------------------------------------------------------------------- (c) DP-SGD
def _step(grads, clip, sigma, generator, mistake=None):
    norms = grads.norm(dim=1, keepdim=True)
    if mistake == "clip_batch":  # clips the summed gradient instead of each example's
        total = grads.sum(0)
        clipped_sum = total * min(1.0, clip / float(total.norm()))
    elif mistake == "normalise":  # scales every gradient to norm C, small ones up too
        clipped_sum = (grads / norms.clamp(min=1e-12) * clip).sum(0)
    else:
        clipped_sum = (grads * torch.clamp(clip / norms, max=1.0)).sum(0)
    noise = torch.randn(grads.shape[1], generator=generator)
    std = sigma if mistake == "std_sigma" else sigma * clip
    if mistake == "noise_after_mean":
        return clipped_sum / grads.shape[0] + std * noise
    return (clipped_sum + std * noise) / grads.shape[0]


def test_dp_step_passes_a_right_step_and_the_librarys():
    assert check_dp_sgd_step(_step)
    assert check_dp_sgd_step(lambda g, c, s, gen: clip_and_noise(g, c, s, g.shape[0], gen))


@pytest.mark.parametrize(
    "fn, reason",
    [
        (blank, "NotImplementedError|not implemented|henüz"),
        (lambda *a: _step(*a, mistake="clip_batch"), "clipping only"),
        (lambda *a: _step(*a, mistake="normalise"), "clipping only"),
        (lambda *a: _step(*a, mistake="std_sigma"), "noise_multiplier 1.5"),
        (lambda *a: _step(*a, mistake="noise_after_mean"), "noise_multiplier 1.5"),
    ],
)
def test_dp_step_fails_mistakes(fn, reason):
    fails(check_dp_sgd_step, fn, reason)
