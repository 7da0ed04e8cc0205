"""GELU (tanh approximation, GPT-2's "gelu_new") fused with the bias add that precedes it.

gelu_tanh(u) = 0.5 u (1 + tanh(k)),  k = sqrt(2/pi) (u + 0.044715 u^3),  u = x + bias.
Since 0.5 (1 + tanh(k)) = sigmoid(2k), the kernels use gelu_tanh(u) = u * sigmoid(2k), and
d/du = s + 2 u s (1 - s) k'  with s = sigmoid(2k), k' = sqrt(2/pi) (1 + 3 * 0.044715 u^2).

What is fused: forward reads x and bias once and writes the output (eager torch writes x + bias,
then reads it again for the GELU); backward recomputes u from x and bias instead of saving it,
and writes dx in one pass. dbias is the column sum of dx, done by torch.
"""

import torch
import torch.nn.functional as F

from .runtime import cdiv, contiguous_rows, jit, refuse, tl

OP = "bias_gelu"
_BLOCK = 1024


def bias_gelu_reference(x, bias):
    """Plain PyTorch gelu_tanh(x + bias); ``bias`` (last dim of x) may be None."""
    return F.gelu(x if bias is None else x + bias, approximate="tanh")


@jit
def _bias_gelu_forward_kernel(X, B, Y, numel, width, HAS_BIAS: tl.constexpr, BLOCK: tl.constexpr):
    offsets = tl.program_id(0).to(tl.int64) * BLOCK + tl.arange(0, BLOCK)
    mask = offsets < numel
    u = tl.load(X + offsets, mask=mask, other=0.0).to(tl.float32)
    if HAS_BIAS:
        u += tl.load(B + offsets % width, mask=mask, other=0.0).to(tl.float32)
    k = 0.7978845608028654 * (u + 0.044715 * u * u * u)  # sqrt(2/pi) = 0.79788...
    # Clamping at -80 changes nothing numerically (sigmoid(-80) ~ 2e-35) and keeps exp(-z) finite.
    y = u * tl.sigmoid(tl.maximum(2.0 * k, -80.0))
    tl.store(Y + offsets, y.to(Y.dtype.element_ty), mask=mask)


@jit
def _bias_gelu_backward_kernel(X, B, DY, DX, numel, width, HAS_BIAS: tl.constexpr, BLOCK: tl.constexpr):
    offsets = tl.program_id(0).to(tl.int64) * BLOCK + tl.arange(0, BLOCK)
    mask = offsets < numel
    u = tl.load(X + offsets, mask=mask, other=0.0).to(tl.float32)
    if HAS_BIAS:
        u += tl.load(B + offsets % width, mask=mask, other=0.0).to(tl.float32)
    dy = tl.load(DY + offsets, mask=mask, other=0.0).to(tl.float32)
    k = 0.7978845608028654 * (u + 0.044715 * u * u * u)
    s = tl.sigmoid(tl.maximum(2.0 * k, -80.0))
    dk = 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * u * u)
    du = s + 2.0 * u * s * (1.0 - s) * dk
    tl.store(DX + offsets, (dy * du).to(DX.dtype.element_ty), mask=mask)


def bias_gelu_supported(x, bias) -> bool:
    """True when the Triton kernel handles these arguments (else :func:`bias_gelu_triton` refuses them)."""
    if x.dim() < 1 or x.numel() == 0 or not x.is_floating_point():
        return False
    return bias is None or tuple(bias.shape) == (x.shape[-1],)


def _launch(kernel, x2, bias, *tensors):
    numel, width = x2.numel(), x2.shape[-1]
    grid = (cdiv(numel, _BLOCK),)
    kernel[grid](x2, bias, *tensors, numel, width, HAS_BIAS=bias is not None, BLOCK=_BLOCK, num_warps=4)


class BiasGeluFunction(torch.autograd.Function):
    """Autograd wrapper: saves x and bias (not x + bias) and recomputes u in the backward kernel."""

    @staticmethod
    def forward(ctx, x, bias):
        x2 = contiguous_rows(x)
        bias = bias.contiguous() if bias is not None else None
        # Same dtype as the reference's x + bias (type promotion, e.g. bf16 x + fp32 bias -> fp32).
        y = torch.empty(
            x2.shape, dtype=x.dtype if bias is None else torch.result_type(x, bias), device=x.device
        )
        _launch(_bias_gelu_forward_kernel, x2, bias, y)
        ctx.save_for_backward(x2, bias)
        ctx.shape = x.shape
        return y.view(x.shape)

    @staticmethod
    def backward(ctx, dy):
        x2, bias = ctx.saved_tensors
        dy2 = contiguous_rows(dy)
        dx = torch.empty_like(x2)
        _launch(_bias_gelu_backward_kernel, x2, bias, dy2, dx)
        wants_dbias = bias is not None and ctx.needs_input_grad[1]
        dbias = dx.sum(0, dtype=torch.float32).to(bias.dtype) if wants_dbias else None
        return dx.view(ctx.shape), dbias


def bias_gelu_triton(x, bias):
    """gelu_tanh(x + bias) with the fused Triton kernels; same contract as the reference."""
    if not bias_gelu_supported(x, bias):
        refuse(OP, x, bias)
    return BiasGeluFunction.apply(x, bias)
