"""LayerNorm over the last dimension: fused Triton forward and backward, and the torch reference.

Forward: one program per row computes mean and 1/std in fp32 and writes y, keeping (mean, rstd)
for the backward pass. Backward: each program walks a contiguous chunk of rows, writes dx row by
row and accumulates its chunk's dweight and dbias in registers; the few per-program partial sums
are added in torch. This avoids atomics and is the layout of Triton's LayerNorm tutorial and
Liger-Kernel's ``layer_norm``.

What is fused: the whole row (mean, variance, normalise, scale, shift) in one read and one write
forward, and dx together with the dw/db partial sums in one pass backward.
"""

import torch
import torch.nn.functional as F

from .runtime import contiguous_rows, jit, multiprocessor_count, next_power_of_2, refuse, tl

OP = "layer_norm"


def layer_norm_reference(x, weight, bias, eps=1e-5):
    """Plain PyTorch LayerNorm over the last dimension (weight and bias may be None)."""
    return F.layer_norm(x, (x.shape[-1],), weight, bias, eps)


@jit
def _layer_norm_forward_kernel(
    X, Y, W, B, Mean, Rstd, stride_x, stride_y, N, eps,
    HAS_WEIGHT: tl.constexpr, HAS_BIAS: tl.constexpr, BLOCK_N: tl.constexpr,
):
    row = tl.program_id(0).to(tl.int64)  # int64: row * stride can pass 2**31 on large batches
    cols = tl.arange(0, BLOCK_N)
    mask = cols < N
    x = tl.load(X + row * stride_x + cols, mask=mask, other=0.0).to(tl.float32)
    mean = tl.sum(x, axis=0) / N
    centered = tl.where(mask, x - mean, 0.0)  # padding columns must not add to the variance
    var = tl.sum(centered * centered, axis=0) / N
    rstd = 1.0 / tl.sqrt(var + eps)
    y = centered * rstd
    if HAS_WEIGHT:
        y = y * tl.load(W + cols, mask=mask, other=0.0).to(tl.float32)
    if HAS_BIAS:
        y = y + tl.load(B + cols, mask=mask, other=0.0).to(tl.float32)
    tl.store(Y + row * stride_y + cols, y.to(Y.dtype.element_ty), mask=mask)
    tl.store(Mean + row, mean)
    tl.store(Rstd + row, rstd)


@jit
def _layer_norm_backward_kernel(
    X, W, DY, DX, Mean, Rstd, DW_partial, DB_partial, stride_x, stride_dy, stride_dx, M, N,
    rows_per_program, HAS_WEIGHT: tl.constexpr, BLOCK_N: tl.constexpr,
):
    pid = tl.program_id(0)
    cols = tl.arange(0, BLOCK_N)
    mask = cols < N
    if HAS_WEIGHT:
        w = tl.load(W + cols, mask=mask, other=0.0).to(tl.float32)
    else:
        w = tl.where(mask, 1.0, 0.0)
    dw_sum = tl.zeros([BLOCK_N], dtype=tl.float32)
    db_sum = tl.zeros([BLOCK_N], dtype=tl.float32)
    row_start = pid.to(tl.int64) * rows_per_program
    row_end = tl.minimum(row_start + rows_per_program, M)
    for row in range(row_start, row_end):
        x = tl.load(X + row * stride_x + cols, mask=mask, other=0.0).to(tl.float32)
        dy = tl.load(DY + row * stride_dy + cols, mask=mask, other=0.0).to(tl.float32)
        mean = tl.load(Mean + row)
        rstd = tl.load(Rstd + row)
        x_hat = tl.where(mask, (x - mean) * rstd, 0.0)
        w_dy = w * dy
        # dx = rstd * (w*dy - mean(w*dy) - x_hat * mean(w*dy * x_hat))
        c_hat = tl.sum(x_hat * w_dy, axis=0) / N
        c_dy = tl.sum(w_dy, axis=0) / N
        dx = (w_dy - (x_hat * c_hat + c_dy)) * rstd
        tl.store(DX + row * stride_dx + cols, dx.to(DX.dtype.element_ty), mask=mask)
        dw_sum += dy * x_hat
        db_sum += dy
    tl.store(DW_partial + pid * N + cols, dw_sum, mask=mask)
    tl.store(DB_partial + pid * N + cols, db_sum, mask=mask)


def _max_width(x: torch.Tensor) -> int:
    return 65536 // x.element_size()  # one row must fit in a program's registers (Liger's limit)


def _num_warps(block_n: int) -> int:
    return min(max(block_n // 256, 1), 8)


def _backward_programs(x2: torch.Tensor) -> int:
    rows = x2.shape[0]
    if x2.is_cuda:
        index = x2.device.index if x2.device.index is not None else torch.cuda.current_device()
        return min(rows, multiprocessor_count(index) * 4)
    return min(rows, 4)  # the CPU interpreter pays per program: few, long programs


def layer_norm_supported(x, weight, bias, eps=1e-5) -> bool:
    """True when the Triton kernel handles these arguments (else :func:`layer_norm_triton` refuses them)."""
    if x.dim() < 1 or x.numel() == 0 or not x.is_floating_point() or x.shape[-1] > _max_width(x):
        return False
    width = x.shape[-1]
    return all(p is None or tuple(p.shape) == (width,) for p in (weight, bias))


def _forward(x2, weight, bias, eps):
    rows, width = x2.shape
    y = torch.empty_like(x2)
    mean = torch.empty(rows, dtype=torch.float32, device=x2.device)
    rstd = torch.empty(rows, dtype=torch.float32, device=x2.device)
    block_n = next_power_of_2(width)
    _layer_norm_forward_kernel[(rows,)](
        x2, y, weight, bias, mean, rstd, x2.stride(0), y.stride(0), width, eps,
        HAS_WEIGHT=weight is not None, HAS_BIAS=bias is not None, BLOCK_N=block_n,
        num_warps=_num_warps(block_n),
    )
    return y, mean, rstd


def _backward(x2, weight, mean, rstd, dy2):
    rows, width = x2.shape
    dx = torch.empty_like(x2)
    programs = _backward_programs(x2)
    rows_per_program = -(-rows // programs)
    dw_partial = torch.empty(programs, width, dtype=torch.float32, device=x2.device)
    db_partial = torch.empty_like(dw_partial)
    block_n = next_power_of_2(width)
    _layer_norm_backward_kernel[(programs,)](
        x2, weight, dy2, dx, mean, rstd, dw_partial, db_partial, x2.stride(0), dy2.stride(0),
        dx.stride(0), rows, width, rows_per_program,
        HAS_WEIGHT=weight is not None, BLOCK_N=block_n, num_warps=_num_warps(block_n),
    )
    return dx, dw_partial.sum(0), db_partial.sum(0)


class LayerNormFunction(torch.autograd.Function):
    """Autograd wrapper: Triton forward, Triton backward."""

    @staticmethod
    def forward(ctx, x, weight, bias, eps):
        weight = weight.contiguous() if weight is not None else None
        bias = bias.contiguous() if bias is not None else None
        x2 = contiguous_rows(x)
        y, mean, rstd = _forward(x2, weight, bias, eps)
        ctx.save_for_backward(x2, weight, bias, mean, rstd)
        ctx.eps = eps
        ctx.shape = x.shape
        return y.view(x.shape)

    @staticmethod
    def backward(ctx, dy):
        x2, weight, bias, mean, rstd = ctx.saved_tensors
        dy2 = contiguous_rows(dy)
        dx, dw, db = _backward(x2, weight, mean, rstd, dy2)
        dw = dw.to(weight.dtype) if weight is not None and ctx.needs_input_grad[1] else None
        db = db.to(bias.dtype) if bias is not None and ctx.needs_input_grad[2] else None
        return dx.view(ctx.shape), dw, db, None


def layer_norm_triton(x, weight, bias, eps=1e-5):
    """LayerNorm with the fused Triton kernels; same contract as :func:`layer_norm_reference`."""
    if not layer_norm_supported(x, weight, bias, eps):
        refuse(OP, x, weight, bias, eps)
    return LayerNormFunction.apply(x, weight, bias, eps)
