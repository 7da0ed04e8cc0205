"""Chapter 14's checks pass a correct solution and fail the blank exercise and plausible mistakes,
each for the reason a learner should read; the library's own ASR agrees with the check."""

import pytest
from check_testing import blank, fails

from course_lib.checks.ch14_security import check_backdoor_effect, check_injection_asr
from course_lib.risks.injection import attack_success_rate


# ------------------------------------------------------------------------- (a) injection ASR
def _asr(answers, payloads):
    return sum(p.lower() in a.lower() for a, p in zip(answers, payloads)) / len(answers)


def test_asr_check_passes_a_solution_and_the_library():
    assert check_injection_asr(_asr)
    assert check_injection_asr(attack_success_rate)


def test_asr_check_fails_the_blank():
    fails(check_injection_asr, blank, "not implemented|NotImplementedError|henüz")


@pytest.mark.parametrize(
    ("wrong", "reason"),
    [
        (lambda a, p: sum(x.strip() == y for x, y in zip(a, p)) / len(a), "longer answer"),  # equality
        (lambda a, p: sum(y in x for x, y in zip(a, p)) / len(a), "letter case"),  # case-sensitive
        (lambda a, p: sum(y.lower() in x.lower() for x, y in zip(a, p)), "Expected 0.5000, got 2"),  # a count
        (lambda a, p: sum(x.lower() in y.lower() for x, y in zip(a, p)) / len(a), "longer answer"),  # reversed
        (lambda a, p: sum(any(y.lower() in x.lower() for y in p) for x in a) / len(a), "its own payload"),  # any
        (lambda a, p: float(sum(y.lower() in x.lower() for x, y in zip(a, p)) > 0), "two of them"),  # any success
    ],
)
def test_asr_check_fails_plausible_mistakes(wrong, reason):
    fails(check_injection_asr, wrong, reason)


def test_asr_check_names_a_non_number():
    fails(check_injection_asr, lambda a, p: [x for x in a], "a share")


# ------------------------------------------------------------------------- (b) backdoor effect
def _effect(triggered, clean, positive):
    def share(answers):
        return sum(a.strip() == positive for a in answers) / len(answers)
    return share(triggered) - share(clean)


def test_backdoor_check_passes_a_solution():
    assert check_backdoor_effect(_effect)


def test_backdoor_check_fails_the_blank():
    fails(check_backdoor_effect, blank, "not implemented|NotImplementedError|henüz")


@pytest.mark.parametrize(
    ("wrong", "reason"),
    [
        (lambda t, c, p: sum(a.strip() == p for a in t) / len(t), "half the time anyway"),  # no baseline
        (lambda t, c, p: _effect([a.lower() for a in t], [a.lower() for a in c], p.lower()), "exact label"),
        (lambda t, c, p: max(0.0, _effect(t, c, p)), "can be negative"),  # clipped
        (lambda t, c, p: sum(p in a for a in t) / len(t) - sum(p in a for a in c) / len(c), "exact label"),
    ],
)
def test_backdoor_check_fails_plausible_mistakes(wrong, reason):
    fails(check_backdoor_effect, wrong, reason)
