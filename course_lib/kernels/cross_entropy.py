"""Softmax cross-entropy over the vocabulary that never materialises the probability matrix.

Liger-Kernel's trick: the forward kernel, one program per row of logits, makes two passes over
the vocabulary in blocks. Pass 1 keeps a running max and a running sum of exponentials (online
softmax) to get log-sum-exp, hence the row's loss ``lse - logit[target]``. Pass 2 writes the
row's gradient ``(softmax - onehot(target)) / n_valid`` straight into the logits buffer, in place.
The backward pass then only multiplies that buffer by ``grad_output``. Peak memory is the logits
tensor itself, where eager PyTorch also keeps log-softmax and a gradient tensor of the same size.

Contract of :func:`cross_entropy_triton`: logits (N, V), targets (N,) of integer class ids;
rows whose target equals ``ignore_index`` contribute neither loss nor gradient; the result is the
mean over the other rows (NaN if there are none, as in ``F.cross_entropy``).

CAUTION (the price of the memory saving, as in Liger-Kernel): when ``logits`` requires grad and
its rows are contiguous, its VALUES ARE REPLACED BY THE GRADIENT during the forward call. Do not
read ``logits`` after computing the loss (clone it first if you need it). Autograd's version counter
is bumped, so an earlier op that saved ``logits`` for its own backward raises instead of silently
using gradients as values. Targets outside [0, V) other than ``ignore_index`` are not checked on
the GPU (that would cost a device sync); they add no logit term instead of reading out of bounds.
"""

import torch
import torch.nn.functional as F

from .runtime import jit, next_power_of_2, refuse, small_blocks, tl

OP = "cross_entropy"


def cross_entropy_reference(logits, targets, ignore_index=-100):
    """Plain PyTorch mean cross-entropy over targets != ignore_index."""
    return F.cross_entropy(logits, targets, ignore_index=ignore_index)


@jit
def _cross_entropy_kernel(
    Logits, Targets, Loss, Count, stride_row, V, ignore_index,
    WRITE_GRAD: tl.constexpr, BLOCK_V: tl.constexpr,
):
    row = tl.program_id(0).to(tl.int64)
    row_start = Logits + row * stride_row
    target = tl.load(Targets + row)
    if target == ignore_index:
        if WRITE_GRAD:
            for start in range(0, V, BLOCK_V):
                cols = start + tl.arange(0, BLOCK_V)
                tl.store(row_start + cols, tl.zeros([BLOCK_V], dtype=tl.float32), mask=cols < V)
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

    # Pass 2: the gradient of the mean loss, written over the logits it was computed from.
    if WRITE_GRAD:
        inv_count = 1.0 / tl.load(Count).to(tl.float32)
        for start in range(0, V, BLOCK_V):
            cols = start + tl.arange(0, BLOCK_V)
            mask = cols < V
            x = tl.load(row_start + cols, mask=mask, other=float("-inf")).to(tl.float32)
            grad = tl.exp(x - lse) - tl.where(cols == target, 1.0, 0.0)
            tl.store(row_start + cols, (grad * inv_count).to(Logits.dtype.element_ty), mask=mask)


def cross_entropy_supported(logits, targets, ignore_index=-100) -> bool:
    """True when the Triton kernel handles these arguments (else the reference is used)."""
    return (
        logits.dim() == 2
        and logits.shape[0] > 0
        and logits.shape[1] > 0
        and logits.is_floating_point()
        and targets.dim() == 1
        and targets.shape[0] == logits.shape[0]
        and not targets.is_floating_point()
    )


def _block_v(logits: torch.Tensor) -> int:
    limit = 2048 if small_blocks(logits.device) and logits.is_cuda else 8192
    return min(next_power_of_2(logits.shape[1]), limit)


class CrossEntropyFunction(torch.autograd.Function):
    """Forward computes loss and gradient together; backward only scales the stored gradient."""

    @staticmethod
    def forward(ctx, logits, targets, ignore_index):
        write_grad = ctx.needs_input_grad[0]
        # Rows must be contiguous for the kernel; a copy (if needed) becomes the gradient buffer.
        buffer = logits if logits.stride(1) == 1 else logits.contiguous()
        targets = targets.contiguous()
        rows, vocab = buffer.shape
        count = (targets != ignore_index).sum()  # stays on the device: no sync
        row_losses = torch.empty(rows, dtype=torch.float32, device=logits.device)
        block_v = _block_v(buffer)
        _cross_entropy_kernel[(rows,)](
            buffer, targets, row_losses, count, buffer.stride(0), vocab, ignore_index,
            WRITE_GRAD=write_grad, BLOCK_V=block_v, num_warps=8 if block_v >= 4096 else 4,
        )
        if write_grad:
            if buffer is logits:
                torch.autograd.graph.increment_version(logits)  # logits now hold the gradient
            ctx.save_for_backward(buffer)
        # Same result dtype as F.cross_entropy: fp32 under autocast, else the logits' dtype.
        autocast = torch.is_autocast_enabled(logits.device.type)
        return (row_losses.sum() / count).to(torch.float32 if autocast else logits.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        (grad,) = ctx.saved_tensors
        # The buffer is ours to scale in place (the loss is a scalar, grad_output one number).
        # mul_ bumps its version, so a second backward through this graph (retain_graph=True),
        # which would scale it twice, is refused by autograd's saved-tensor check.
        return grad.mul_(grad_output.to(grad.dtype)), None, None


def cross_entropy_triton(logits, targets, ignore_index=-100):
    """Fused cross-entropy; same result as the reference, see the module docstring for the caveat."""
    if not cross_entropy_supported(logits, targets, ignore_index):
        refuse(OP, logits, targets, ignore_index)
    return CrossEntropyFunction.apply(logits, targets, ignore_index)
