"""Chapter 00's sampler check: its limit sits well above the noise and well below a skewed sampler."""

import numpy as np
import pytest
import torch

from course_lib.checks import CheckFailed, check_sample_next
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
