"""Fused cross-entropy Triton kernel against F.cross_entropy: loss and dlogits, ignore_index rows,
every reduction, with and without writing the gradient over the logits.

The upstream gradient is random (a scalar, or one value per row for reduction="none"), so the
backward scaling is tested. Tolerances and devices: tests/kernel_testing.py.
"""

import functools

import pytest
import torch
from kernel_testing import KERNEL_DEVICE as DEVICE
from kernel_testing import assert_matches_reference, half_dtype_params, strided_copy

from course_lib.kernels.cross_entropy import (
    cross_entropy_reference,
    cross_entropy_supported,
    cross_entropy_triton,
)

pytestmark = pytest.mark.triton
assert_matches_reference = functools.partial(assert_matches_reference, expect_launches=("_cross_entropy_kernel",))


def _inputs(rows, vocab, ignore_every=3, seed=0):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(rows, vocab, generator=g) * 3
    targets = torch.randint(0, vocab, (rows,), generator=g)
    if ignore_every:
        targets[1::ignore_every] = -100  # padding rows: no loss, zero gradient
    return [logits, targets, -100]


@pytest.mark.parametrize(
    "rows,vocab", [(1, 8), (7, 33), (37, 100), (130, 24), (4, 10000)]
)  # 10000: two vocab blocks
@pytest.mark.parametrize("dtype", half_dtype_params())
def test_cross_entropy_matches_reference(rows, vocab, dtype):
    assert_matches_reference(
        cross_entropy_triton,
        cross_entropy_reference,
        _inputs(rows, vocab),
        dtype,
        [True, False, False],
        device=DEVICE,
    )


@pytest.mark.parametrize("reduction", ["none", "sum"])
@pytest.mark.parametrize("in_place", [False, True])
def test_cross_entropy_reductions(reduction, in_place):
    def fused(logits, targets, ignore_index):
        return cross_entropy_triton(logits, targets, ignore_index, reduction=reduction, in_place=in_place)

    assert_matches_reference(
        fused,
        functools.partial(cross_entropy_reference, reduction=reduction),
        _inputs(37, 100),
        torch.float32,
        [True, False, False],
        device=DEVICE,
    )


def test_cross_entropy_other_ignore_index():
    logits, targets, _ = _inputs(9, 20, ignore_every=0)
    targets[::2] = 5  # class 5 is "ignored" here, so rows with target 5 drop out
    assert_matches_reference(
        cross_entropy_triton,
        cross_entropy_reference,
        [logits, targets, 5],
        torch.float32,
        [True, False, False],
        device=DEVICE,
    )


@pytest.mark.parametrize("dtype", [torch.float32, torch.float16])
def test_cross_entropy_non_contiguous_logits(dtype):
    assert_matches_reference(
        cross_entropy_triton,
        cross_entropy_reference,
        _inputs(6, 40),
        dtype,
        [True, False, False],
        layout=strided_copy,
        device=DEVICE,
    )


def test_cross_entropy_all_rows_ignored_gives_nan_and_zero_gradient():
    logits = torch.randn(3, 10, requires_grad=True, device=DEVICE)
    targets = torch.full((3,), -100, device=DEVICE)
    expected = cross_entropy_reference(logits, targets)
    copy = logits.detach().clone().requires_grad_()
    loss = cross_entropy_triton(copy, targets)
    assert torch.isnan(expected) and torch.isnan(loss)
    loss.backward()
    assert torch.equal(copy.grad, torch.zeros_like(copy))


def test_cross_entropy_in_place_writes_the_gradient_into_the_logits():
    """The documented memory trick: with in_place=True, logits that require grad then hold the
    per-row gradient softmax - onehot (the backward scales it by the upstream gradient)."""
    base = torch.randn(5, 12, requires_grad=True, device=DEVICE)
    logits, targets = base * 1.0, torch.randint(0, 12, (5,), device=DEVICE)
    expected_grad = torch.autograd.grad(cross_entropy_reference(base * 1.0, targets, reduction="sum"), base)[0]
    cross_entropy_triton(logits, targets, in_place=True)
    torch.testing.assert_close(logits.detach(), expected_grad, atol=1e-6, rtol=1e-5)


def test_cross_entropy_leaves_logits_that_require_grad_alone_by_default():
    base = torch.randn(5, 12, requires_grad=True, device=DEVICE)
    logits, targets = base * 1.0, torch.randint(0, 12, (5,), device=DEVICE)
    before = logits.detach().clone()
    cross_entropy_triton(logits, targets).backward()
    assert torch.equal(logits.detach(), before)
    expected = torch.autograd.grad(cross_entropy_reference(base * 1.0, targets), base)[0]
    torch.testing.assert_close(base.grad, expected, atol=1e-6, rtol=1e-5)


def test_cross_entropy_leaves_logits_alone_without_grad():
    logits, targets = (t.to(DEVICE) for t in _inputs(5, 12)[:2])
    before = logits.clone()
    loss = cross_entropy_triton(logits, targets)
    assert torch.equal(logits, before)
    torch.testing.assert_close(loss, cross_entropy_reference(before, targets), atol=1e-5, rtol=1e-4)


def test_cross_entropy_overwrite_is_caught_when_an_earlier_op_saved_the_logits():
    """exp saves its output for backward; overwriting it must raise, not give silent wrong grads."""
    base = torch.randn(4, 9, requires_grad=True, device=DEVICE)
    logits = torch.exp(base)
    loss = cross_entropy_triton(logits, torch.randint(0, 9, (4,), device=DEVICE), in_place=True)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        loss.backward()


def test_cross_entropy_refuses_a_second_backward():
    """The gradient buffer is scaled in place, so a second backward would be wrong: autograd refuses it."""
    logits, targets = (t.to(DEVICE) for t in _inputs(4, 9)[:2])
    loss = cross_entropy_triton(logits.requires_grad_(), targets)
    loss.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        loss.backward()


def test_cross_entropy_refuses_mismatched_targets():
    assert not cross_entropy_supported(torch.randn(4, 9), torch.zeros(3, dtype=torch.long))
    assert not cross_entropy_supported(torch.randn(2, 4, 9), torch.zeros(2, 4, dtype=torch.long))
    assert not cross_entropy_supported(torch.randn(4, 9), torch.zeros(4, dtype=torch.long), reduction="avg")


@pytest.mark.gpu
@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16])
def test_cross_entropy_gpu(dtype):
    logits, targets, ignore = _inputs(2048, 32000)
    assert_matches_reference(
        cross_entropy_triton,
        cross_entropy_reference,
        [logits.cuda(), targets.cuda(), ignore],
        dtype,
        [True, False, False],
        device=DEVICE,
    )
