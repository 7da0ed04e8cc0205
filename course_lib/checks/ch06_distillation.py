"""Checks for chapter 06: the knowledge-distillation loss with temperature (Hinton et al. 2015,
arXiv 1503.02531, section 2).

The expected values are computed here in plain Python floats, row by row, independent of
``course_lib.methods.distill``: softmax with temperature, KL(teacher ‖ student), cross-entropy,
then α·T²·KL + (1 − α)·CE averaged over the batch. When a learner's number is wrong, the judge
also computes the usual mistakes (no T², the KL the other way round, the temperature on one side
only, α on the wrong term, a sum instead of a mean) and names the one that matches.
"""

from __future__ import annotations

import math

import torch

from ..i18n import message, number
from . import ch06_messages  # noqa: F401  (registers this chapter's texts)
from .core import Case, run_check


def _softmax(row: list[float], temperature: float) -> list[float]:
    top = max(row)
    exps = [math.exp((z - top) / temperature) for z in row]
    return [e / sum(exps) for e in exps]


def _kl(p: list[float], q: list[float]) -> float:
    return sum(pi * math.log(pi / qi) for pi, qi in zip(p, q) if pi > 0)


def reference_kd(student, teacher, labels, temperature: float, alpha: float, variant: str = "right") -> float:
    """The KD loss by hand; ``variant`` names a common mistake instead of the right formula."""
    total = 0.0
    for s, t, y in zip(student, teacher, labels):
        t_student = 1.0 if variant == "teacher_only" else temperature
        p, q = _softmax(t, temperature), _softmax(s, t_student)
        soft = _kl(q, p) if variant == "reverse" else _kl(p, q)
        if variant != "no_t2":
            soft *= temperature**2
        hard = -math.log(_softmax(s, 1.0)[y])
        a = 1 - alpha if variant == "alpha_swapped" else alpha
        total += a * soft + (1 - a) * hard
    return total if variant == "sum" else total / len(labels)


MISTAKES = ("no_t2", "reverse", "teacher_only", "alpha_swapped", "sum")


def _logits(seed: int, rows: int, classes: int, scale: float) -> list[list[float]]:
    generator = torch.Generator().manual_seed(seed)
    return (torch.randn(rows, classes, generator=generator) * scale).tolist()


def _kd_judge(student, teacher, labels, temperature, alpha):
    expected = reference_kd(student, teacher, labels, temperature, alpha)

    def judge(result) -> str | None:
        if not isinstance(result, torch.Tensor) or result.numel() != 1:
            return message("check_kd_not_scalar", kind=type(result).__name__,
                           shape=tuple(result.shape) if isinstance(result, torch.Tensor) else "-")
        got = float(result)
        if math.isclose(got, expected, rel_tol=1e-4, abs_tol=1e-6):
            return None
        for mistake in MISTAKES:
            if math.isclose(got, reference_kd(student, teacher, labels, temperature, alpha, mistake), rel_tol=1e-4,
                            abs_tol=1e-6):
                return message(f"check_kd_{mistake}", got=number(got, ".6f"), expected=number(expected, ".6f"))
        return message("check_expected_got", expected=number(expected, ".6f"), got=number(got, ".6f"))

    return judge


def _case(seed, rows, classes, temperature, alpha, en, tr) -> Case:
    student, teacher = _logits(seed, rows, classes, 2.0), _logits(seed + 100, rows, classes, 3.0)
    labels = [(seed + i) % classes for i in range(rows)]
    args = (torch.tensor(student), torch.tensor(teacher), torch.tensor(labels))
    return Case({"en": en, "tr": tr}, args, {"temperature": temperature, "alpha": alpha},
                judge=_kd_judge(student, teacher, labels, temperature, alpha))


def check_kd_loss(kd_loss) -> bool:
    """``kd_loss(student_logits, teacher_logits, labels, temperature, alpha)`` -> scalar tensor:
    α·T²·KL(softmax(z_t/T) ‖ softmax(z_s/T)) + (1 − α)·CE(y, z_s), averaged over the batch."""
    cases = [
        _case(0, 4, 3, 1.0, 0.5, "4 examples, 3 classes, T = 1, α = 0.5",
              "4 örnek, 3 sınıf, T = 1, α = 0,5"),
        _case(1, 5, 6, 2.0, 0.5, "5 examples, 6 classes, T = 2, α = 0.5",
              "5 örnek, 6 sınıf, T = 2, α = 0,5"),
        _case(2, 3, 4, 4.0, 0.9, "3 examples, 4 classes, T = 4, α = 0.9",
              "3 örnek, 4 sınıf, T = 4, α = 0,9"),
        _case(3, 6, 5, 3.0, 0.0, "α = 0: only the cross-entropy with the true labels",
              "α = 0: yalnızca gerçek etiketlerle çapraz entropi"),
    ]
    return run_check("check_kd_loss", kd_loss, cases)
