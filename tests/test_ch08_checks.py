"""Chapter 08's check passes correct look-ahead weights and fails the blank exercise and plausible
mistakes, each for the reason a learner should read."""

import pytest
import torch
from check_testing import blank
from torch.func import grad

from course_lib.checks.ch08_reweighting import check_lookahead_weights
from course_lib.checks.core import CheckFailed
from course_lib.methods.reweight import lookahead_gradient


def _library(per_example_loss, clean_loss, params, lr):
    """The course's torch.func version, with the clip-and-normalise step written out."""
    g = lookahead_gradient(per_example_loss, clean_loss, params, lr, per_example_loss(params).shape[0])
    w = (-g).clamp(min=0)
    return w / w.sum() if w.sum() > 0 else w


def _autograd(per_example_loss, clean_loss, params, lr, sign=-1.0, clip=True, normalise=True, first_order=False):
    """The look-ahead with torch.autograd (create_graph), with switchable mistakes."""
    leaves = {k: v.detach().clone().requires_grad_(True) for k, v in params.items()}
    losses = per_example_loss(leaves)
    eps = torch.zeros(losses.shape[0], dtype=losses.dtype, requires_grad=True)
    if first_order:  # -lr * grad_clean . grad l_i at theta, one per-example gradient at a time
        clean_grads = torch.autograd.grad(clean_loss(leaves), list(leaves.values()))
        g = torch.stack([-lr * sum((a * b).sum() for a, b in zip(clean_grads, torch.autograd.grad(
            losses[i], list(leaves.values()), retain_graph=True))) for i in range(losses.shape[0])])
    else:
        step = torch.autograd.grad((eps * losses).sum(), list(leaves.values()), create_graph=True)
        moved = {k: v - lr * s for (k, v), s in zip(leaves.items(), step)}
        (g,) = torch.autograd.grad(clean_loss(moved), eps)
    w = sign * g
    if clip:
        w = w.clamp(min=0)
    if normalise and w.sum() != 0:
        w = w / w.sum()
    return w.detach()


def test_check_passes_correct_solutions():
    assert check_lookahead_weights(_library)
    assert check_lookahead_weights(_autograd)
    # At eps = 0 the virtual step is zero, so the look-ahead gradient is exactly the gradient
    # dot product -lr * grad L_clean . grad l_i: also correct.
    assert check_lookahead_weights(lambda *a: _autograd(*a, first_order=True))


def _softmax(per_example_loss, clean_loss, params, lr):
    g = lookahead_gradient(per_example_loss, clean_loss, params, lr, per_example_loss(params).shape[0])
    return torch.softmax(-g, dim=0)


def _uniform(per_example_loss, clean_loss, params, lr):
    n = per_example_loss(params).shape[0]
    return torch.full((n,), 1.0 / n, dtype=torch.float64)


def _with_torch_func_wrong_variable(per_example_loss, clean_loss, params, lr):
    """Differentiates the clean loss at theta, not after the step: every weight comes out zero."""
    n = per_example_loss(params).shape[0]
    return grad(lambda eps: clean_loss(params) + 0 * eps.sum())(torch.zeros(n, dtype=torch.float64))


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda *a: _autograd(*a, sign=1.0), "differ from the finite-difference reference"),
        (lambda *a: _autograd(*a, clip=False), "negative"),
        (lambda *a: _autograd(*a, normalise=False), "sum to"),
        (_softmax, "differ from the finite-difference reference"),
        (_uniform, "differ from the finite-difference reference"),
        (_with_torch_func_wrong_variable, "differ from the finite-difference reference|sum to"),
        (lambda p, c, params, lr: [0.5, 0.5], "expected a tensor"),
    ],
)
def test_check_fails_blank_and_wrong_answers(wrong, reason):
    with pytest.raises(CheckFailed, match=reason):
        check_lookahead_weights(wrong)
