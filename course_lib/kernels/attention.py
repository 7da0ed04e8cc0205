"""Causal self-attention, flash-style: the (T, T) score matrix never exists in memory.

Forward (one program per block of queries and per (batch, head)): walk the key blocks up to the
diagonal, keep a running row max ``m``, running sum ``l`` of exponentials and an unnormalised
output ``acc`` (the online softmax of Milakov & Gimelshein 2018, used by FlashAttention, Dao et
al. 2022); store the output and the log-sum-exp ``lse`` of each row.
Backward recomputes the probabilities from ``lse`` instead of storing them: a small kernel computes
``delta = rowsum(dO * O)``, then one kernel per key block accumulates dK and dV over the query blocks at or below
the diagonal, and one kernel per query block accumulates dQ; no atomics.

Shapes: q, k, v are (B, H, T, D) with D in {16, 32, 64, 128} and any T (rows and columns past
T are masked). The last dimension must be contiguous (else the launcher makes a copy); the other
strides are passed to the kernels, so the usual ``view(B, T, H, D).transpose(1, 2)`` needs no copy.
Dropout is not implemented: ``course_lib.kernels.apply`` leaves the attention of a model with
attention dropout to SDPA.
"""

import math

import torch
import torch.nn.functional as F

from .runtime import cdiv, jit, refuse, small_blocks, tl

OP = "attention"
HEAD_DIMS = (16, 32, 64, 128)


def attention_reference(q, k, v, dropout_p=0.0):
    """Plain PyTorch causal attention (``scaled_dot_product_attention`` with ``is_causal=True``)."""
    return F.scaled_dot_product_attention(q, k, v, dropout_p=dropout_p, is_causal=True)


@jit
def _attention_forward_kernel(
    Q, K, V, Out, LSE, sq_b, sq_h, sq_t, sk_b, sk_h, sk_t, sv_b, sv_h, sv_t, so_b, so_h, so_t,
    H, T, scale, BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr, HEAD_DIM: tl.constexpr,
):
    start_m = tl.program_id(0) * BLOCK_M
    bh = tl.program_id(1).to(tl.int64)
    b = bh // H
    h = bh % H
    rows = start_m + tl.arange(0, BLOCK_M)
    dims = tl.arange(0, HEAD_DIM)
    row_ok = rows < T
    q = tl.load(Q + b * sq_b + h * sq_h + rows[:, None] * sq_t + dims[None, :], mask=row_ok[:, None], other=0.0)

    m_i = tl.full([BLOCK_M], float("-inf"), dtype=tl.float32)
    l_i = tl.zeros([BLOCK_M], dtype=tl.float32)
    acc = tl.zeros([BLOCK_M, HEAD_DIM], dtype=tl.float32)
    end_n = tl.minimum(start_m + BLOCK_M, T)  # causal: no key after the block's last query
    for start_n in range(0, end_n, BLOCK_N):
        cols = start_n + tl.arange(0, BLOCK_N)
        col_ok = cols < T
        k = tl.load(K + b * sk_b + h * sk_h + cols[:, None] * sk_t + dims[None, :], mask=col_ok[:, None], other=0.0)
        v = tl.load(V + b * sv_b + h * sv_h + cols[:, None] * sv_t + dims[None, :], mask=col_ok[:, None], other=0.0)
        s = tl.dot(q, tl.trans(k)) * scale
        allowed = (cols[None, :] <= rows[:, None]) & col_ok[None, :]
        s = tl.where(allowed, s, float("-inf"))
        m_new = tl.maximum(m_i, tl.max(s, axis=1))  # finite: key 0 is allowed for every row
        alpha = tl.exp(m_i - m_new)
        p = tl.exp(s - m_new[:, None])
        l_i = l_i * alpha + tl.sum(p, axis=1)
        acc = acc * alpha[:, None] + tl.dot(p.to(v.dtype), v)
        m_i = m_new
    acc = acc / l_i[:, None]
    tl.store(Out + b * so_b + h * so_h + rows[:, None] * so_t + dims[None, :], acc.to(Out.dtype.element_ty),
             mask=row_ok[:, None])
    tl.store(LSE + bh * T + rows, m_i + tl.log(l_i), mask=row_ok)


@jit
def _attention_backward_delta_kernel(
    Out, DO, Delta, so_b, so_h, so_t, sdo_b, sdo_h, sdo_t, H, T,
    BLOCK_M: tl.constexpr, HEAD_DIM: tl.constexpr,
):
    """delta[row] = sum_d dO[row, d] * O[row, d]: the softmax-backward term shared by dq and dk."""
    start_m = tl.program_id(0) * BLOCK_M
    bh = tl.program_id(1).to(tl.int64)
    b = bh // H
    h = bh % H
    rows = start_m + tl.arange(0, BLOCK_M)
    dims = tl.arange(0, HEAD_DIM)
    row_ok = rows < T
    out = tl.load(Out + b * so_b + h * so_h + rows[:, None] * so_t + dims[None, :], mask=row_ok[:, None], other=0.0)
    do = tl.load(DO + b * sdo_b + h * sdo_h + rows[:, None] * sdo_t + dims[None, :], mask=row_ok[:, None],
                 other=0.0)
    delta = tl.sum(out.to(tl.float32) * do.to(tl.float32), axis=1)
    tl.store(Delta + bh * T + rows, delta, mask=row_ok)


@jit
def _attention_backward_dkdv_kernel(
    Q, K, V, DO, LSE, Delta, DK, DV, sq_b, sq_h, sq_t, sk_b, sk_h, sk_t, sv_b, sv_h, sv_t,
    sdo_b, sdo_h, sdo_t, H, T, scale, BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr, HEAD_DIM: tl.constexpr,
):
    start_n = tl.program_id(0) * BLOCK_N
    bh = tl.program_id(1).to(tl.int64)
    b = bh // H
    h = bh % H
    cols = start_n + tl.arange(0, BLOCK_N)
    dims = tl.arange(0, HEAD_DIM)
    col_ok = cols < T
    k = tl.load(K + b * sk_b + h * sk_h + cols[:, None] * sk_t + dims[None, :], mask=col_ok[:, None], other=0.0)
    v = tl.load(V + b * sv_b + h * sv_h + cols[:, None] * sv_t + dims[None, :], mask=col_ok[:, None], other=0.0)
    dk = tl.zeros([BLOCK_N, HEAD_DIM], dtype=tl.float32)
    dv = tl.zeros([BLOCK_N, HEAD_DIM], dtype=tl.float32)
    first_m = (start_n // BLOCK_M) * BLOCK_M  # causal: queries before start_n never see these keys
    for start_m in range(first_m, T, BLOCK_M):
        rows = start_m + tl.arange(0, BLOCK_M)
        row_ok = rows < T
        q = tl.load(Q + b * sq_b + h * sq_h + rows[:, None] * sq_t + dims[None, :], mask=row_ok[:, None], other=0.0)
        do = tl.load(DO + b * sdo_b + h * sdo_h + rows[:, None] * sdo_t + dims[None, :], mask=row_ok[:, None],
                     other=0.0)
        lse = tl.load(LSE + bh * T + rows, mask=row_ok, other=0.0)
        delta = tl.load(Delta + bh * T + rows, mask=row_ok, other=0.0)
        s = tl.dot(q, tl.trans(k)) * scale
        allowed = (cols[None, :] <= rows[:, None]) & col_ok[None, :] & row_ok[:, None]
        p = tl.where(allowed, tl.exp(s - lse[:, None]), 0.0)
        dv += tl.dot(tl.trans(p).to(do.dtype), do)
        dp = tl.dot(do, tl.trans(v))
        ds = p * (dp - delta[:, None])
        dk += tl.dot(tl.trans(ds).to(q.dtype), q)
    offsets = bh * T * HEAD_DIM + cols[:, None] * HEAD_DIM + dims[None, :]  # dk, dv are contiguous
    tl.store(DK + offsets, (dk * scale).to(DK.dtype.element_ty), mask=col_ok[:, None])
    tl.store(DV + offsets, dv.to(DV.dtype.element_ty), mask=col_ok[:, None])


@jit
def _attention_backward_dq_kernel(
    Q, K, V, DO, LSE, Delta, DQ, sq_b, sq_h, sq_t, sk_b, sk_h, sk_t, sv_b, sv_h, sv_t,
    sdo_b, sdo_h, sdo_t, H, T, scale, BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr, HEAD_DIM: tl.constexpr,
):
    start_m = tl.program_id(0) * BLOCK_M
    bh = tl.program_id(1).to(tl.int64)
    b = bh // H
    h = bh % H
    rows = start_m + tl.arange(0, BLOCK_M)
    dims = tl.arange(0, HEAD_DIM)
    row_ok = rows < T
    q = tl.load(Q + b * sq_b + h * sq_h + rows[:, None] * sq_t + dims[None, :], mask=row_ok[:, None], other=0.0)
    do = tl.load(DO + b * sdo_b + h * sdo_h + rows[:, None] * sdo_t + dims[None, :], mask=row_ok[:, None], other=0.0)
    lse = tl.load(LSE + bh * T + rows, mask=row_ok, other=0.0)
    delta = tl.load(Delta + bh * T + rows, mask=row_ok, other=0.0)
    dq = tl.zeros([BLOCK_M, HEAD_DIM], dtype=tl.float32)
    end_n = tl.minimum(start_m + BLOCK_M, T)
    for start_n in range(0, end_n, BLOCK_N):
        cols = start_n + tl.arange(0, BLOCK_N)
        col_ok = cols < T
        k = tl.load(K + b * sk_b + h * sk_h + cols[:, None] * sk_t + dims[None, :], mask=col_ok[:, None], other=0.0)
        v = tl.load(V + b * sv_b + h * sv_h + cols[:, None] * sv_t + dims[None, :], mask=col_ok[:, None], other=0.0)
        s = tl.dot(q, tl.trans(k)) * scale
        allowed = (cols[None, :] <= rows[:, None]) & col_ok[None, :] & row_ok[:, None]
        p = tl.where(allowed, tl.exp(s - lse[:, None]), 0.0)
        dp = tl.dot(do, tl.trans(v))
        ds = p * (dp - delta[:, None])
        dq += tl.dot(ds.to(k.dtype), k)
    offsets = bh * T * HEAD_DIM + rows[:, None] * HEAD_DIM + dims[None, :]  # dq is contiguous
    tl.store(DQ + offsets, (dq * scale).to(DQ.dtype.element_ty), mask=row_ok[:, None])


def attention_supported(q, k, v, dropout_p=0.0) -> bool:
    """True when the Triton kernels handle these arguments (else :func:`attention_triton` refuses them)."""
    return (
        dropout_p == 0.0
        and q.dim() == 4
        and q.shape == k.shape == v.shape
        and q.dtype == k.dtype == v.dtype
        and q.shape[-1] in HEAD_DIMS
        and q.numel() > 0
    )


def _blocks(q: torch.Tensor, backward: bool) -> tuple[int, int, int]:
    """(BLOCK_M, BLOCK_N, num_warps) for this device and head dim."""
    head_dim = q.shape[-1]
    if not q.is_cuda:
        return 16, 16, 4  # interpreter: small tiles so that short test sequences span several blocks
    if small_blocks(q.device):
        return 32, 32, 4  # T4: at most 65,536 bytes of shared memory per block
    if q.element_size() == 4:
        return 64, 32, 4  # fp32 tiles take twice the shared memory of 16-bit ones
    if backward:
        return 64, 64, 8 if head_dim == 128 else 4
    return (128, 64, 8) if head_dim == 128 else (128, 64, 4)


def _strides(t: torch.Tensor) -> tuple[int, int, int]:
    return t.stride(0), t.stride(1), t.stride(2)


def _last_dim_contiguous(t: torch.Tensor) -> torch.Tensor:
    return t if t.stride(-1) == 1 else t.contiguous()


def _forward(q, k, v):
    batch, heads, seq, head_dim = q.shape
    out = torch.empty(q.shape, dtype=q.dtype, device=q.device)
    lse = torch.empty(batch * heads, seq, dtype=torch.float32, device=q.device)
    block_m, block_n, warps = _blocks(q, backward=False)
    _attention_forward_kernel[(cdiv(seq, block_m), batch * heads)](
        q, k, v, out, lse, *_strides(q), *_strides(k), *_strides(v), *_strides(out),
        heads, seq, 1.0 / math.sqrt(head_dim),
        BLOCK_M=block_m, BLOCK_N=block_n, HEAD_DIM=head_dim, num_warps=warps,
    )
    return out, lse


def _backward(q, k, v, out, lse, dout):
    batch, heads, seq, head_dim = q.shape
    block_m, block_n, warps = _blocks(q, backward=True)
    delta = torch.empty(batch * heads, seq, dtype=torch.float32, device=q.device)
    _attention_backward_delta_kernel[(cdiv(seq, block_m), batch * heads)](
        out, dout, delta, *_strides(out), *_strides(dout), heads, seq,
        BLOCK_M=block_m, HEAD_DIM=head_dim, num_warps=warps,
    )
    dq = torch.empty(q.shape, dtype=q.dtype, device=q.device)
    dk = torch.empty_like(dq)
    dv = torch.empty_like(dq)
    scale = 1.0 / math.sqrt(head_dim)
    common = (*_strides(q), *_strides(k), *_strides(v), *_strides(dout), heads, seq, scale)
    _attention_backward_dkdv_kernel[(cdiv(seq, block_n), batch * heads)](
        q, k, v, dout, lse, delta, dk, dv, *common,
        BLOCK_M=block_m, BLOCK_N=block_n, HEAD_DIM=head_dim, num_warps=warps,
    )
    _attention_backward_dq_kernel[(cdiv(seq, block_m), batch * heads)](
        q, k, v, dout, lse, delta, dq, *common,
        BLOCK_M=block_m, BLOCK_N=block_n, HEAD_DIM=head_dim, num_warps=warps,
    )
    return dq, dk, dv


class AttentionFunction(torch.autograd.Function):
    """Autograd wrapper: saves q, k, v, the output and lse (not the T x T probabilities)."""

    @staticmethod
    def forward(ctx, q, k, v):
        q, k, v = (_last_dim_contiguous(t) for t in (q, k, v))
        out, lse = _forward(q, k, v)
        ctx.save_for_backward(q, k, v, out, lse)
        return out

    @staticmethod
    def backward(ctx, dout):
        q, k, v, out, lse = ctx.saved_tensors
        dout = _last_dim_contiguous(dout)
        return _backward(q, k, v, out, lse, dout)


def attention_triton(q, k, v, dropout_p=0.0):
    """Causal attention with the flash-style Triton kernels (``dropout_p`` must be 0)."""
    if not attention_supported(q, k, v, dropout_p):
        refuse(OP, q, k, v, f"dropout_p={dropout_p}")
    return AttentionFunction.apply(q, k, v)
