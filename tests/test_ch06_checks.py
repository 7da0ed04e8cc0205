"""Chapter 06's check passes a correct KD loss (written here and the library's) and fails the
blank exercise and the usual mistakes, each for the reason a learner should read."""

import pytest
import torch
import torch.nn.functional as F

from course_lib.checks.ch06_distillation import check_kd_loss
from course_lib.checks.core import CheckFailed
from course_lib.methods.distill import kd_loss as library_kd_loss


def _kd(student, teacher, labels, temperature, alpha, mistake=None):
    t_student = 1.0 if mistake == "teacher_only" else temperature
    log_q = F.log_softmax(student / t_student, -1)
    log_p = F.log_softmax(teacher / temperature, -1)
    if mistake == "reverse":
        soft = (log_q.exp() * (log_q - log_p)).sum(-1)
    else:
        soft = (log_p.exp() * (log_p - log_q)).sum(-1)
    if mistake != "no_t2":
        soft = soft * temperature**2
    hard = F.cross_entropy(student, labels, reduction="none")
    a = 1 - alpha if mistake == "alpha_swapped" else alpha
    per_example = a * soft + (1 - a) * hard
    return per_example.sum() if mistake == "sum" else per_example.mean()


def test_correct_solutions_pass():
    assert check_kd_loss(_kd)
    assert check_kd_loss(lambda s, t, y, temperature, alpha: library_kd_loss(s, t, y, temperature, alpha))


def test_blank_fails():
    def blank(*args, **kwargs):
        raise NotImplementedError

    with pytest.raises(CheckFailed, match="Not implemented"):
        check_kd_loss(blank)


@pytest.mark.parametrize("mistake, reason", [
    ("no_t2", "lacks the factor T²"),
    ("reverse", "KL goes the other way"),
    ("teacher_only", "softens only the teacher"),
    ("alpha_swapped", "α weights the soft"),
    ("sum", "summed over the batch"),
])
def test_plausible_mistakes_fail_for_their_reason(mistake, reason):
    with pytest.raises(CheckFailed, match=reason):
        check_kd_loss(lambda s, t, y, temperature, alpha: _kd(s, t, y, temperature, alpha, mistake))


def test_a_vector_instead_of_the_mean_is_named():
    def per_example(s, t, y, temperature, alpha):
        return _kd(s, t, y, temperature, alpha, "sum").repeat(2)

    with pytest.raises(CheckFailed, match="0-dimensional"):
        check_kd_loss(per_example)


def test_turkish_reason(monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "tr")
    with pytest.raises(CheckFailed, match="T² çarpanı eksik"):
        check_kd_loss(lambda s, t, y, temperature, alpha: _kd(s, t, y, temperature, alpha, "no_t2"))


def test_unknown_wrong_number_shows_expected_and_got():
    with pytest.raises(CheckFailed, match="expected"):
        check_kd_loss(lambda s, t, y, temperature, alpha: torch.tensor(0.123))
