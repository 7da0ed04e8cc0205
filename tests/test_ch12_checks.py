"""Chapter 12's checks pass correct solutions and fail the blank exercise and plausible mistakes,
each for the reason a learner should read."""

import re

import pytest
import torch
from check_testing import blank, fails

from course_lib.checks.ch12_carbon import check_grams_co2e, check_training_flops
from course_lib.risks.carbon import emissions_g, energy_kwh, training_flops


# ---------------------------------------------------------------------------- (a) FLOPs
def _flops(layers, tokens, n_frozen):
    trainable = sum(layers[n_frozen:])
    return 2 * sum(layers) * tokens + 4 * trainable * tokens


def test_flops_check_passes_correct_solutions():
    assert check_training_flops(_flops)
    # the library's general formula, given the trainable top layers, is a correct answer too
    assert check_training_flops(lambda layers, d, k: training_flops(sum(layers), d, trainable=sum(layers[k:])))
    # and a tensor scalar is accepted
    assert check_training_flops(lambda layers, d, k: torch.tensor(float(_flops(layers, d, k)), dtype=torch.float64))


@pytest.mark.parametrize("wrong, reason", [
    (blank, "Not implemented"),
    (lambda layers, d, k: 6 * sum(layers) * d, "backward pass through the frozen layers"),
    (lambda layers, d, k: 6 * sum(layers[k:]) * d, "forward pass still runs through the frozen layers"),
    (lambda layers, d, k: 2 * sum(layers) * d + 4 * sum(layers[:len(layers) - k]) * d, "you froze the top layers"),
    (lambda layers, d, k: 2 * sum(layers) * d + 2 * sum(layers[k:]) * d, "two products per trainable layer"),
    (lambda layers, d, k: 6 * sum(layers) * d - 4 * sum(layers[:k]), "got 1,859,200, expected 1,060,000"),
    (lambda layers, d, k: str(_flops(layers, d, k)), "returned a str"),
], ids=["blank", "ignores_freezing", "no_forward_over_frozen", "top_frozen", "no_activation_grads",
        "tokens_forgotten", "string"])
def test_flops_check_fails_wrong_answers(wrong, reason):
    fails(check_training_flops, wrong, reason)


def test_flops_check_writes_turkish_numbers_with_dots_between_thousands(monkeypatch):
    from course_lib import i18n

    monkeypatch.setattr(i18n, "_language", "tr")
    fails(check_training_flops, lambda layers, d, k: 6 * sum(layers) * d - 4 * sum(layers[:k]),
           re.escape("gelen 1.859.200, beklenen 1.060.000"))
    fails(check_training_flops, lambda layers, d, k: 6 * sum(layers) * d,
           re.escape("gelen 1.860.000, beklenen 1.060.000: dondurulmuş"))


# ---------------------------------------------------------------------------- (b) grams
def _grams(power_w, seconds, pue, g_per_kwh):
    return power_w * seconds * pue / 3.6e6 * g_per_kwh


def test_grams_check_passes_correct_solutions():
    assert check_grams_co2e(_grams)
    assert check_grams_co2e(lambda p, s, pue, g: emissions_g(energy_kwh(p, s, pue), g))


@pytest.mark.parametrize("wrong, reason", [
    (blank, "Not implemented"),
    (lambda p, s, pue, g: p * s / 3.6e6 * g, "the PUE is missing"),
    (lambda p, s, pue, g: p * s / pue / 3.6e6 * g, "you divided by it"),
    (lambda p, s, pue, g: p * s * pue / 3600 * g, r"1000 times off\): check the units"),
    (lambda p, s, pue, g: p * s * pue / 3.6e6 * g / 1000, r"0.001 times off"),
    (lambda p, s, pue, g: p * s * pue / 1000 * g, r"3600 times off"),
    (lambda p, s, pue, g: p * s * pue / 3.6e6 + g, "got 464.686, expected 46.4586"),
], ids=["blank", "no_pue", "pue_divided", "watt_hours", "kilograms", "kilojoules", "added"])
def test_grams_check_fails_wrong_answers(wrong, reason):
    fails(check_grams_co2e, wrong, reason)
