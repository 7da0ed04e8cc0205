"""Chapter 11's checks pass correct solutions and fail the blank exercise and plausible mistakes,
each for the reason a learner should read."""

import pytest
from check_testing import blank, fails

from course_lib.checks.ch11_bias import check_bias_amplification, check_minimal_pair_rate
from course_lib.checks.core import CheckFailed
from course_lib.i18n import set_language
from course_lib.risks.bias_probes import bias_amplification, minimal_pair_rate


@pytest.fixture(autouse=True)
def english():
    set_language("en")




# ------------------------------------------------------------------ (a) bias amplification
def _amplification(she_rates, stereotypes, p, flip=True, subtract=True, absolute=False, greedy=False):
    """Written out by hand with switchable mistakes."""
    values = []
    for job, rate in she_rates.items():
        stereo = rate if (stereotypes[job] == "female" or not flip) else 1 - rate
        if greedy:
            stereo = float(stereo > 0.5)
        values.append(abs(stereo - p) if absolute else stereo - (p if subtract else 0))
    return sum(values) / len(values)


def test_amplification_passes_the_hand_solution():
    assert check_bias_amplification(_amplification)


def test_library_amplification_matches_the_hand_formula_on_world_jobs():
    rates = {"nurse": 0.95, "pilot": 0.2, "teacher": 0.6}
    stereo = {"nurse": "female", "pilot": "male", "teacher": "female"}
    assert bias_amplification(rates, 0.9) == pytest.approx(_amplification(rates, stereo, 0.9))


def test_amplification_fails_blank_and_mistakes():
    fails(check_bias_amplification, blank, "Not implemented")
    fails(check_bias_amplification, lambda r, s, p: _amplification(r, s, p, flip=False), "1 − P\\(she\\)")
    fails(check_bias_amplification, lambda r, s, p: _amplification(r, s, p, subtract=False), "minus the corpus rate")
    fails(check_bias_amplification, lambda r, s, p: _amplification(r, s, p, absolute=True), "absolute")
    fails(check_bias_amplification, lambda r, s, p: _amplification(r, s, p, greedy=True), "above 0.5")
    fails(check_bias_amplification, lambda r, s, p: {"nurse": 0.0}, "expected one number")


# ------------------------------------------------------------------ (b) minimal-pair rate
def _pairs(stereo, anti, op=">", share=True, percent=False):
    wins = sum((s > a) if op == ">" else (s >= a) if op == ">=" else (a > s) for s, a in zip(stereo, anti))
    value = wins / len(stereo) if share else wins
    return 100 * value if percent else value


def test_minimal_pair_rate_passes_the_hand_solution_and_the_library():
    assert check_minimal_pair_rate(_pairs)
    assert check_minimal_pair_rate(minimal_pair_rate)


def test_minimal_pair_rate_fails_blank_and_mistakes():
    fails(check_minimal_pair_rate, blank, "Not implemented")
    fails(check_minimal_pair_rate, lambda s, a: _pairs(s, a, op=">="), "tie counts for neither")
    fails(check_minimal_pair_rate, lambda s, a: _pairs(s, a, op="<"), "not the other way round")
    fails(check_minimal_pair_rate, lambda s, a: _pairs(s, a, share=False), "divide the count")
    fails(check_minimal_pair_rate, lambda s, a: _pairs(s, a, percent=True), "not a percentage")


def test_check_messages_exist_in_turkish():
    set_language("tr")
    fails(check_minimal_pair_rate, lambda s, a: _pairs(s, a, op=">="), "eşitlik")


def test_turkish_feedback_writes_the_numbers_with_a_decimal_comma():
    """A wrong 0.123 reads "0,1230" in Turkish feedback, as a Turkish teacher writes it."""
    set_language("tr")
    with pytest.raises(CheckFailed) as failure:
        check_minimal_pair_rate(lambda s, a: 0.123)
    assert "0,1230" in str(failure.value) and "0.1230" not in str(failure.value)
