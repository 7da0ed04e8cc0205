"""Checks for chapter 07: one projected ascent step of ALUM (Liu et al. 2020, arXiv 2004.08994,
Algorithm 1): δ ← Π_ε(δ + η · g / ‖g‖∞), the norm taken per example, Π_ε clamping every
coordinate to [−ε, ε].

Expected values are computed here with plain Python lists, independent of
``course_lib.methods.alum``. A wrong answer is compared with the usual mistakes (the sign of g
as in FGSM, one norm for the whole batch, no normalisation, the ℓ2 norm, no projection) and the
matching one is named.
"""

from __future__ import annotations

import math

import torch

from ..i18n import message
from . import ch07_messages  # noqa: F401  (registers this chapter's texts)
from .core import Case, run_check


def _flat(example) -> list[float]:
    if isinstance(example, list):
        return [x for row in example for x in _flat(row)] if example and isinstance(example[0], list) else example
    return [example]


def reference_step(delta: list, grad: list, step_size: float, epsilon: float, variant: str = "right") -> list:
    """The step by hand, one example (a T x d list) at a time; ``variant`` names a common mistake."""
    batch_max = max(abs(g) for example in grad for g in _flat(example))
    out = []
    for d_ex, g_ex in zip(delta, grad):
        flat = _flat(g_ex)
        size = {"right": max(abs(g) for g in flat), "global": batch_max, "none": 1.0,
                "l2": math.sqrt(sum(g * g for g in flat)), "no_projection": max(abs(g) for g in flat),
                "sign": 1.0}[variant]
        rows = []
        for d_row, g_row in zip(d_ex, g_ex):
            row = []
            for d, g in zip(d_row, g_row):
                direction = (g > 0) - (g < 0) if variant == "sign" else g / size
                value = d + step_size * direction
                row.append(value if variant == "no_projection" else min(epsilon, max(-epsilon, value)))
            rows.append(row)
        out.append(rows)
    return out


MISTAKES = ("sign", "global", "none", "l2", "no_projection")


def _judge(delta, grad, step_size, epsilon):
    expected = torch.tensor(reference_step(delta, grad, step_size, epsilon))

    def judge(result) -> str | None:
        if not isinstance(result, torch.Tensor) or result.shape != expected.shape:
            return message("check_alum_shape", expected=tuple(expected.shape),
                           got=tuple(result.shape) if isinstance(result, torch.Tensor) else type(result).__name__)
        if torch.allclose(result.double(), expected.double(), atol=1e-6, rtol=1e-5):
            return None
        for mistake in MISTAKES:
            variant = torch.tensor(reference_step(delta, grad, step_size, epsilon, mistake))
            if torch.allclose(result.double(), variant.double(), atol=1e-6, rtol=1e-5):
                return message(f"check_alum_{mistake}")
        return message("check_expected_got", expected=expected.flatten()[:6].tolist(),
                       got=result.flatten()[:6].tolist())

    return judge


def _case(seed, shape, step_size, epsilon, start, en, tr) -> Case:
    generator = torch.Generator().manual_seed(seed)
    grad = (torch.randn(*shape, generator=generator) * torch.tensor([1.0, 0.01, 5.0][: shape[0]]).view(-1, 1, 1))
    delta = (torch.rand(*shape, generator=generator) * 2 - 1) * start
    args = (delta.clone(), grad.clone(), step_size, epsilon)
    return Case({"en": en, "tr": tr}, args, judge=_judge(delta.tolist(), grad.tolist(), step_size, epsilon))


def check_ascent_step(ascent_step) -> bool:
    """``ascent_step(delta, grad, step_size, epsilon)`` -> the new δ (same shape (B, T, d))."""
    cases = [
        _case(0, (2, 3, 4), 0.1, 1.0, 0.0, "δ = 0, a wide ball: only the normalised step",
              "δ = 0, geniş bir top: yalnızca normalleştirilmiş adım"),
        _case(1, (3, 2, 5), 0.5, 0.3, 0.2, "δ ≠ 0, a small ball: the projection must clamp",
              "δ ≠ 0, küçük bir top: izdüşüm kırpmalı"),
        _case(2, (3, 4, 3), 0.05, 0.2, 0.1, "three examples whose gradients differ 500-fold in size",
              "gradyanlarının büyüklüğü 500 kat farklı üç örnek"),
    ]
    return run_check("check_ascent_step", ascent_step, cases)
