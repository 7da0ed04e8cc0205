"""Checks for chapter 09: the guidance loss of attention supervision for given maps.

The learner writes ``guidance_loss(attention, target, rows)``: attention (B, H, T, T) causal maps,
target (T, T) or (B, T, T) target rows, rows (B, T) booleans (the guided rows); the result is the
mean, over batch, heads and guided rows, of KL(target_row || attention_row) = sum_k A*_k (log A*_k -
log A_k), with 0 log 0 = 0. The reference below is written out with Python loops and ``math.log`` in
float64, independent of ``course_lib.methods.guided_attention``.
"""

from __future__ import annotations

import math

import torch

from ..i18n import message
from . import ch09_guided_attention_messages  # noqa: F401  (registers this module's texts)
from .core import Case, run_check


def _maps(B: int, H: int, T: int, seed: int) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    scores = torch.randn(B, H, T, T, generator=generator, dtype=torch.float64) * 2
    return scores.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)


def reference_loss(attention: torch.Tensor, target: torch.Tensor, rows: torch.Tensor) -> float:
    B, H, T, _ = attention.shape
    target = target.expand(B, T, T)
    total, count = 0.0, 0
    for b in range(B):
        for h in range(H):
            for t in range(T):
                if not rows[b, t]:
                    continue
                total += sum(float(target[b, t, k]) * (math.log(float(target[b, t, k])) -
                                                       math.log(float(attention[b, h, t, k])))
                             for k in range(T) if target[b, t, k] > 0)
                count += 1
    return total / count


def _judge(expected: float):
    def judge(result) -> str | None:
        if isinstance(result, torch.Tensor):
            if result.numel() != 1:
                return message("check_ga_not_scalar", kind=f"tensor{tuple(result.shape)}")
            result = float(result)
        if isinstance(result, bool) or not isinstance(result, (int, float)):
            return message("check_ga_not_scalar", kind=type(result).__name__)
        if math.isnan(result) or math.isinf(result):
            return message("check_ga_nan", got=result)
        if not math.isclose(result, expected, rel_tol=1e-5, abs_tol=1e-7):
            return message("check_ga_wrong_value", expected=expected, got=result)
        return None

    return judge


def _previous(T: int) -> torch.Tensor:
    target = torch.zeros(T, T, dtype=torch.float64)
    target[0, 0] = 1.0
    for t in range(1, T):
        target[t, t - 1] = 1.0
    return target


def _soft_diagonal(T: int) -> torch.Tensor:
    scores = torch.tensor([[-abs(n - t) if n <= t else float("-inf") for n in range(T)] for t in range(T)],
                          dtype=torch.float64)
    return scores.softmax(-1)


def _case(attention, target, rows, en: str, tr: str) -> Case:
    expected = reference_loss(attention, target, rows)
    return Case({"en": en, "tr": tr}, args=(attention.clone(), target.clone(), rows.clone()), judge=_judge(expected))


def _retrieval():
    """One guided row per example, one-hot at a different position each."""
    attention = _maps(3, 2, 5, seed=3)
    target = torch.zeros(3, 5, 5, dtype=torch.float64)
    for b, position in enumerate((0, 2, 3)):
        target[b, 4, position] = 1.0
    rows = torch.zeros(3, 5, dtype=torch.bool)
    rows[:, 4] = True
    return attention, target, rows


def check_guidance_loss(student_fn) -> bool:
    """``guidance_loss(attention, target, rows) -> scalar``: mean KL(target row || attention row)."""
    all_rows = torch.ones(2, 6, dtype=torch.bool)
    some = torch.tensor([[0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 0, 1]], dtype=torch.bool)
    cases = [
        _case(_maps(2, 1, 6, seed=0), _previous(6), all_rows,
              "one head, previous-token target (one-hot rows), every row guided",
              "tek kafa, önceki token hedefi (tek-sıcak satırlar), bütün satırlar yönlendiriliyor"),
        _case(_maps(2, 3, 6, seed=1), _soft_diagonal(6), some,
              "three heads, a soft diagonal target, only some rows guided",
              "üç kafa, yumuşak bir köşegen hedef, yalnızca bazı satırlar yönlendiriliyor"),
        _case(*_retrieval(),
              "retrieval: a (B, T, T) target, only the last row guided, one-hot at the queried pair",
              "geri getirme: (B, T, T) biçiminde bir hedef, yalnızca son satır yönlendiriliyor, sorulan çifte tek-sıcak"),
    ]
    return run_check("check_guidance_loss", student_fn, cases)
