"""Softmax cross-entropy over the vocabulary that never materialises the probability matrix.

Liger-Kernel's trick: the forward kernel, one program per row of logits, makes two passes over
the vocabulary in blocks. Pass 1 keeps a running max and a running sum of exponentials (online
softmax) to get log-sum-exp, hence the row's loss ``lse - logit[target]``. Pass 2 writes the
row's gradient ``softmax - onehot(target)`` into a gradient buffer. The backward pass then only
scales each row of that buffer by the upstream gradient of its loss, so every reduction ("mean",
"sum", "none", and the GPT's per-example means built from "none") shares one kernel.

Contract of :func:`cross_entropy_triton`: logits (N, V), targets (N,) of integer class ids;
rows whose target equals ``ignore_index`` contribute neither loss nor gradient; ``reduction`` as
in ``F.cross_entropy`` ("mean" over the other rows, NaN if there are none).

``in_place=True`` is the memory saving of Liger-Kernel: when ``logits`` requires grad and its rows
are contiguous, the gradient buffer IS the logits tensor, so its VALUES ARE REPLACED BY THE
GRADIENT during the forward call, and peak memory is the logits alone (eager PyTorch also keeps
log-softmax and a gradient of the same size). Only a caller that never reads the logits again may
ask for it (the GPT does with ``return_logits=False``). Autograd's version counter is bumped, so an
earlier op that saved ``logits`` for its own backward raises instead of silently using gradients
as values. Targets outside [0, V) other than ``ignore_index`` are not checked on the GPU (that
would cost a device sync); they add no logit term instead of reading out of bounds.
"""

import torch
import torch.nn.functional as F

from .runtime import jit, next_power_of_2, refuse, small_blocks, tl

OP = "cross_entropy"


REDUCTIONS = ("mean", "sum", "none")


def cross_entropy_reference(logits, targets, ignore_index=-100, reduction="mean"):
    """Plain PyTorch cross-entropy over targets != ignore_index."""
    return F.cross_entropy(logits, targets, ignore_index=ignore_index, reduction=reduction)


@jit
def _cross_entropy_kernel(
    Logits, Grad, Targets, Loss, stride_row, stride_grad, V, ignore_index,
    WRITE_GRAD: tl.constexpr, BLOCK_V: tl.constexpr,
):
    row = tl.program_id(0).to(tl.int64)
    row_start = Logits + row * stride_row
    grad_start = Grad + row * stride_grad
    target = tl.load(Targets + row)
    if target == ignore_index:
        if WRITE_GRAD:
            for start in range(0, V, BLOCK_V):
                cols = start + tl.arange(0, BLOCK_V)
                tl.store(grad_start + cols, tl.zeros([BLOCK_V], dtype=tl.float32), mask=cols < V)
        tl.store(Loss + row, 0.0)
        return

    # Pass 1: log-sum-exp with a running max m and running sum d of exp(x - m).
    m = float("-inf")
    d = 0.0
    for start in range(0, V, BLOCK_V):
        cols = start + tl.arange(0, BLOCK_V)
        x = tl.load(row_start + cols, mask=cols < V, other=float("-inf")).to(tl.float32)
        m_new = tl.maximum(m, tl.max(x, axis=0))
        d = d * tl.exp(m - m_new) + tl.sum(tl.exp(x - m_new), axis=0)
        m = m_new
    lse = m + tl.log(d)
    target_ok = (target >= 0) & (target < V)
    target_logit = tl.load(row_start + target, mask=target_ok, other=0.0).to(tl.float32)
    tl.store(Loss + row, lse - target_logit)

    # Pass 2: the gradient of this row's loss (over the logits it was read from, when in place).
    if WRITE_GRAD:
        for start in range(0, V, BLOCK_V):
            cols = start + tl.arange(0, BLOCK_V)
            mask = cols < V
            x = tl.load(row_start + cols, mask=mask, other=float("-inf")).to(tl.float32)
            grad = tl.exp(x - lse) - tl.where(cols == target, 1.0, 0.0)
            tl.store(grad_start + cols, grad.to(Grad.dtype.element_ty), mask=mask)


def cross_entropy_supported(logits, targets, ignore_index=-100, reduction="mean") -> bool:
    """True when the Triton kernel handles these arguments (else :func:`cross_entropy_triton` refuses them)."""
    return (
        logits.dim() == 2
        and logits.shape[0] > 0
        and logits.shape[1] > 0
        and logits.is_floating_point()
        and targets.dim() == 1
        and targets.shape[0] == logits.shape[0]
        and not targets.is_floating_point()
        and reduction in REDUCTIONS
    )


def _block_v(logits: torch.Tensor) -> int:
    limit = 2048 if small_blocks(logits.device) and logits.is_cuda else 8192
    return min(next_power_of_2(logits.shape[1]), limit)


class CrossEntropyFunction(torch.autograd.Function):
    """Per-row losses (N,) in float32; forward computes them and their gradient together,
    backward only scales each gradient row by the upstream gradient of its loss."""

    @staticmethod
    def forward(ctx, logits, targets, ignore_index, in_place):
        write_grad = ctx.needs_input_grad[0]
        buffer = logits if logits.stride(1) == 1 else logits.contiguous()  # rows must be contiguous
        targets = targets.contiguous()
        rows, vocab = buffer.shape
        # The gradient goes over the logits only when asked; a copy made above is ours to reuse.
        reuse = in_place or buffer is not logits or not write_grad
        grad = buffer if reuse else torch.empty_like(buffer)
        row_losses = torch.empty(rows, dtype=torch.float32, device=logits.device)
        block_v = _block_v(buffer)
        _cross_entropy_kernel[(rows,)](
            buffer, grad, targets, row_losses, buffer.stride(0), grad.stride(0), vocab, ignore_index,
            WRITE_GRAD=write_grad, BLOCK_V=block_v, num_warps=8 if block_v >= 4096 else 4,
        )
        if write_grad:
            if grad is logits:
                torch.autograd.graph.increment_version(logits)  # logits now hold the gradient
            ctx.save_for_backward(grad)
        return row_losses

    @staticmethod
    def backward(ctx, grad_rows):
        (grad,) = ctx.saved_tensors
        # The buffer is ours to scale in place. mul_ bumps its version, so a second backward
        # through this graph (retain_graph=True), which would scale it twice, is refused by
        # autograd's saved-tensor check.
        return grad.mul_(grad_rows.to(grad.dtype).unsqueeze(1)), None, None, None


def mean_over_counted(total: torch.Tensor, count: torch.Tensor) -> torch.Tensor:
    """total / count, NaN when nothing counts (as F.cross_entropy), with a zero gradient then
    rather than inf * 0. The count stays on the device: no sync."""
    return torch.where(count > 0, total / count.clamp(min=1), torch.full_like(total, float("nan")))


def cross_entropy_triton(logits, targets, ignore_index=-100, reduction="mean", in_place=False):
    """Fused cross-entropy; same result as the reference. ``in_place``: see the module docstring."""
    if not cross_entropy_supported(logits, targets, ignore_index, reduction):
        refuse(OP, logits, targets, ignore_index, reduction)
    row_losses = CrossEntropyFunction.apply(logits, targets, ignore_index, in_place)
    if reduction == "mean":
        loss = mean_over_counted(row_losses.sum(), (targets != ignore_index).sum())
    elif reduction == "sum":
        loss = row_losses.sum()
    else:
        loss = row_losses
    # Same result dtype as F.cross_entropy: fp32 under autocast, else the logits' dtype.
    autocast = torch.is_autocast_enabled(logits.device.type)
    return loss.to(torch.float32 if autocast else logits.dtype)
