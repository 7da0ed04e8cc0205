"""Chapter 00's sampler check: its limit sits well above the noise and well below a skewed sampler."""

import math

import numpy as np
import pytest
import torch
from check_testing import blank

from course_lib.checks import CheckFailed, check_average_nll, check_sample_next
from course_lib.checks.ch00_introduction import DRAWS, TV_LIMIT


def _tempered(power):
    """A sampler that draws from p**power renormalised: right for power 1, subtly wrong otherwise."""

    def sample(probs, generator):
        skewed = probs.double() ** power
        return int(torch.multinomial(skewed / skewed.sum(), 1, generator=generator))

    return sample


def test_the_limit_is_far_above_the_noise_of_a_correct_sampler():
    # An independent simulation of DRAWS correct draws, 20,000 times: the total variation's 99.9th
    # percentile must stay well under the limit, so a right sampler never fails by bad luck.
    probs = np.array([0.5, 0.3, 0.15, 0.05])
    counts = np.random.default_rng(0).multinomial(DRAWS, probs, size=20_000)
    tv = 0.5 * np.abs(counts / DRAWS - probs).sum(-1)
    assert np.quantile(tv, 0.999) < 0.75 * TV_LIMIT


def test_a_correct_sampler_passes():
    assert check_sample_next(_tempered(1.0))


@pytest.mark.parametrize("power", [1.2, 0.8, 2.0])
def test_a_tempered_sampler_fails_on_its_frequencies(power, capsys):
    with pytest.raises(CheckFailed):
        check_sample_next(_tempered(power))
    assert "too far from" in capsys.readouterr().out


def test_a_sampler_that_skips_the_last_token_fails(capsys):
    def no_last(probs, generator):
        return int(torch.multinomial(probs[:-1], 1, generator=generator))

    with pytest.raises(CheckFailed):
        check_sample_next(no_last)
    assert "too far from" in capsys.readouterr().out


def _nll(probs, ids):
    ids = torch.as_tensor(ids)
    return float(-probs[ids[:-1], ids[1:]].log().mean())



def test_the_loss_check_passes_correct_solutions():
    assert check_average_nll(_nll)
    assert check_average_nll(
        lambda probs, ids: sum(-math.log(probs[a, b]) for a, b in zip(ids, ids[1:])) / (len(ids) - 1)
    )


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda probs, ids: _nll(probs, ids) * (len(ids) - 1),  # the sum, not the mean
        lambda probs, ids: _nll(probs, ids) * (len(ids) - 1) / len(ids),  # divided by n, not by the n-1 pairs
        lambda probs, ids: _nll(probs, ids) / math.log(2),  # bits instead of nats
        lambda probs, ids: _nll(probs.T, ids),  # P(previous | next): the table read the wrong way
        lambda probs, ids: -_nll(probs, ids),  # the log-likelihood, not its negative
        lambda probs, ids: -probs[torch.as_tensor(ids[:-1]), torch.as_tensor(ids[1:])].log().mean(),  # a tensor
    ],
    ids=["blank", "sum", "over_n", "bits", "transposed", "positive_log", "tensor"],
)
def test_the_loss_check_fails_wrong_answers(wrong, capsys):
    with pytest.raises(CheckFailed):
        check_average_nll(wrong)
    out = capsys.readouterr().out
    assert "Not implemented" in out if wrong is blank else "expected:" in out
