"""Checks for chapter 08: the look-ahead example weights of Learning to Reweight (Ren et al. 2018).

The learner writes ``lookahead_weights(per_example_loss, clean_loss, params, lr)``. The reference
here uses no automatic differentiation through the virtual step: it takes the step for
eps = +h e_i and eps = -h e_i and differentiates the clean loss by central finite differences
(float64, h = 1e-4), then clips and normalises as the paper does. The models are tiny
(logistic regression, a two-layer tanh network) with hand-set data.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..i18n import message
from . import ch08_reweighting_messages  # noqa: F401  (registers this module's texts)
from .core import Case, run_check

FD_STEP = 1e-4


def _data(seed: int, n: int, d: int, classes: int):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(n, d, generator=generator, dtype=torch.float64)
    y = torch.randint(0, classes, (n,), generator=generator)
    return x, y


def _logistic(seed: int, n_train: int, flip: list[int], d: int = 4, classes: int = 3):
    """A linear classifier whose clean set agrees with most of the batch; ``flip`` rows get a wrong label."""
    generator = torch.Generator().manual_seed(seed)
    true_w = torch.randn(d, classes, generator=generator, dtype=torch.float64)
    x, _ = _data(seed + 1, n_train, d, classes)
    y = (x @ true_w).argmax(1)
    y[flip] = (y[flip] + 1) % classes
    xc, _ = _data(seed + 2, 12, d, classes)
    yc = (xc @ true_w).argmax(1)
    params = {"w": 0.3 * torch.randn(d, classes, generator=generator, dtype=torch.float64),
              "b": torch.zeros(classes, dtype=torch.float64)}

    def per_example_loss(p):
        return F.cross_entropy(x @ p["w"] + p["b"], y, reduction="none")

    def clean_loss(p):
        return F.cross_entropy(xc @ p["w"] + p["b"], yc)

    return per_example_loss, clean_loss, params


def _tanh_net(seed: int, n_train: int, d: int = 3, hidden: int = 5, classes: int = 2):
    generator = torch.Generator().manual_seed(seed)
    x, y = _data(seed + 1, n_train, d, classes)
    xc, yc = _data(seed + 2, 8, d, classes)
    params = {"w1": torch.randn(d, hidden, generator=generator, dtype=torch.float64),
              "w2": torch.randn(hidden, classes, generator=generator, dtype=torch.float64)}

    def forward(p, inputs):
        return torch.tanh(inputs @ p["w1"]) @ p["w2"]

    def per_example_loss(p):
        return F.cross_entropy(forward(p, x), y, reduction="none")

    def clean_loss(p):
        return F.cross_entropy(forward(p, xc), yc)

    return per_example_loss, clean_loss, params


def _gradient_sum(per_example_loss, params: dict, eps: torch.Tensor) -> dict:
    leaves = {name: value.detach().clone().requires_grad_(True) for name, value in params.items()}
    total = (eps * per_example_loss(leaves)).sum()
    grads = torch.autograd.grad(total, list(leaves.values()), allow_unused=True)
    return {name: torch.zeros_like(v) if g is None else g for (name, v), g in zip(leaves.items(), grads)}


def finite_difference_gradient(per_example_loss, clean_loss, params: dict, lr: float) -> torch.Tensor:
    """d L_clean(theta - lr grad sum eps_i l_i) / d eps_i at eps = 0, by central differences."""
    n = per_example_loss(params).shape[0]
    result = torch.zeros(n, dtype=torch.float64)
    for i in range(n):
        values = []
        for sign in (1.0, -1.0):
            eps = torch.zeros(n, dtype=torch.float64)
            eps[i] = sign * FD_STEP
            step = _gradient_sum(per_example_loss, params, eps)
            with torch.no_grad():
                values.append(float(clean_loss({k: v - lr * step[k] for k, v in params.items()})))
        result[i] = (values[0] - values[1]) / (2 * FD_STEP)
    return result


def reference_weights(per_example_loss, clean_loss, params: dict, lr: float) -> torch.Tensor:
    """max(-g, 0), normalised to sum 1 (all zeros when no example helps)."""
    clipped = (-finite_difference_gradient(per_example_loss, clean_loss, params, lr)).clamp(min=0)
    return clipped / clipped.sum() if clipped.sum() > 0 else clipped


def _judge(expected: torch.Tensor):
    def judge(result) -> str | None:
        if not isinstance(result, torch.Tensor) or result.shape != expected.shape:
            return message("check_rw_not_tensor", kind=getattr(result, "shape", type(result).__name__),
                           n=len(expected))
        got = result.detach().double().cpu()
        if bool((got < -1e-9).any()):
            return message("check_rw_negative", got=[round(v, 4) for v in got.tolist()])
        if expected.sum() == 0:
            return None if bool(got.abs().max() < 1e-6) else message(
                "check_rw_not_zero", got=[round(v, 4) for v in got.tolist()])
        if abs(float(got.sum()) - 1) > 1e-4:
            return message("check_rw_not_normalised", total=float(got.sum()))
        if not torch.allclose(got, expected, atol=2e-4, rtol=1e-3):
            return message("check_rw_wrong_values", expected=[round(v, 4) for v in expected.tolist()],
                           got=[round(v, 4) for v in got.tolist()])
        return None

    return judge


def _case(problem, lr: float, en: str, tr: str) -> Case:
    per_example_loss, clean_loss, params = problem
    expected = reference_weights(per_example_loss, clean_loss, params, lr)
    return Case({"en": en, "tr": tr}, args=(per_example_loss, clean_loss, params, lr), judge=_judge(expected))


def _all_harmful():
    """Every training label is wrong for a model that already fits the clean set: no example helps."""
    per_example_loss, clean_loss, params = _logistic(5, 4, flip=[0, 1, 2, 3])
    fitted = {"w": params["w"].clone(), "b": params["b"].clone()}
    for _ in range(200):  # fit the clean set first, so that every flipped label pulls away from it
        step = _gradient_sum(lambda p: clean_loss(p).reshape(1), fitted, torch.ones(1, dtype=torch.float64))
        fitted = {k: v - 1.0 * step[k] for k, v in fitted.items()}
    return per_example_loss, clean_loss, fitted


def check_lookahead_weights(student_fn) -> bool:
    """``lookahead_weights(per_example_loss, clean_loss, params, lr) -> weights (B,)`` (Ren et al. 2018)."""
    cases = [
        _case(_logistic(0, 8, flip=[1, 4, 6]), 0.1,
              "logistic regression, 8 examples of which 3 have a wrong label, lr = 0.1",
              "lojistik regresyon, 3'ünün etiketi yanlış 8 örnek, lr = 0,1"),
        _case(_tanh_net(5, 6), 0.5,
              "a two-layer tanh network, 6 examples, lr = 0.5",
              "iki katmanlı bir tanh ağı, 6 örnek, lr = 0,5"),
        _case(_all_harmful(), 0.1,
              "a model that already fits the clean set, and a batch of 4 wrong labels: no example helps",
              "temiz kümeye zaten uyan bir model ve 4 yanlış etiketli bir yığın: hiçbir örnek yardım etmiyor"),
        _case(_logistic(3, 5, flip=[]), 0.05,
              "logistic regression, 5 correct examples, lr = 0.05",
              "lojistik regresyon, 5 doğru örnek, lr = 0,05"),
    ]
    return run_check("check_lookahead_weights", student_fn, cases)
