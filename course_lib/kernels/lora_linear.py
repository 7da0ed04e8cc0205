"""LoRA linear layer ``x W^T + b + scale * (x A^T) B^T`` with a hand-written backward pass.

W (out, in) and b are the frozen base layer; A (r, in) and B (out, r) are the trainable low-rank
factors, laid out as in ``nn.Linear`` and peft (Hu et al. 2021, "LoRA").

Honest note: there is no Triton kernel here. The work is three matrix products that cuBLAS
already runs at full speed, and a Triton GEMM would not beat it; what a custom autograd Function
can still save is memory traffic around them:
  * forward writes the base product and the low-rank update into ONE output buffer (``addmm_``),
    where eager autograd allocates both (M, out) results and then a third for their sum;
  * backward folds ``scale`` into the small (M, r) tensor ``dY B`` instead of a full-size
    ``scale * dY``, and computes dW only if W really requires grad (frozen: never);
  * under autocast, inputs are cast once to the autocast dtype and the casts are what is saved.
"""

import torch
import torch.nn.functional as F

from .runtime import refuse

OP = "lora_linear"


def lora_linear_reference(x, weight, bias, lora_a, lora_b, scale):
    """Plain PyTorch LoRA linear: ``F.linear(x, W, b) + scale * F.linear(F.linear(x, A), B)``."""
    return F.linear(x, weight, bias) + scale * F.linear(F.linear(x, lora_a), lora_b)


def lora_linear_supported(x, weight, bias, lora_a, lora_b, scale) -> bool:
    """True when the shapes fit together (else the reference is used, and raises torch's error)."""
    out_features, in_features = weight.shape if weight.dim() == 2 else (-1, -1)
    return (
        x.dim() >= 1
        and x.shape[-1] == in_features
        and lora_a.dim() == 2
        and lora_a.shape[1] == in_features
        and tuple(lora_b.shape) == (out_features, lora_a.shape[0])
        and (bias is None or tuple(bias.shape) == (out_features,))
    )


def _compute_dtype(x: torch.Tensor) -> torch.dtype:
    device_type = x.device.type
    if torch.is_autocast_enabled(device_type):
        return torch.get_autocast_dtype(device_type)
    return x.dtype


class LoraLinearFunction(torch.autograd.Function):
    """Autograd wrapper around three matmuls; saves x, W, A, B and the small x A^T."""

    @staticmethod
    def forward(ctx, x, weight, bias, lora_a, lora_b, scale):
        dtype = _compute_dtype(x)
        ctx.input_dtypes = [t.dtype if t is not None else None for t in (x, weight, bias, lora_a, lora_b)]
        with torch.autocast(x.device.type, enabled=False):
            x2, weight_c, lora_a_c, lora_b_c = (
                t.to(dtype) for t in (x.reshape(-1, x.shape[-1]), weight, lora_a, lora_b)
            )
            bias_c = bias.to(dtype) if bias is not None else None
            xa = x2 @ lora_a_c.t()  # (M, r): small
            out = torch.addmm(bias_c, x2, weight_c.t()) if bias_c is not None else x2 @ weight_c.t()
            out.addmm_(xa, lora_b_c.t(), alpha=scale)  # the low-rank update lands in the same buffer
        ctx.save_for_backward(x2, weight_c, lora_a_c, lora_b_c, xa)
        ctx.scale = scale
        ctx.x_shape = x.shape
        return out.view(*x.shape[:-1], weight.shape[0])

    @staticmethod
    def backward(ctx, dout):
        x2, weight, lora_a, lora_b, xa = ctx.saved_tensors
        needs_x, needs_w, needs_b, needs_a, needs_lb, _ = ctx.needs_input_grad
        dy = dout.reshape(-1, dout.shape[-1]).to(x2.dtype)
        dxa = (dy @ lora_b) * ctx.scale  # (M, r): scale applied on the small tensor
        dx = dw = db = da = dlb = None
        if needs_x:
            dx = torch.addmm(dxa @ lora_a, dy, weight).view(ctx.x_shape)
        if needs_w:
            dw = dy.t() @ x2
        if needs_b:
            db = dy.sum(0)
        if needs_a:
            da = dxa.t() @ x2
        if needs_lb:
            dlb = (dy.t() @ xa) * ctx.scale
        grads = [dx, dw, db, da, dlb]
        grads = [g.to(d) if g is not None else None for g, d in zip(grads, ctx.input_dtypes)]
        return (*grads, None)


def lora_linear_triton(x, weight, bias, lora_a, lora_b, scale):
    """The LoRA linear through :class:`LoraLinearFunction` (cuBLAS matmuls, no Triton kernel)."""
    if not lora_linear_supported(x, weight, bias, lora_a, lora_b, scale):
        refuse(OP, x, weight, bias, lora_a, lora_b, scale)
    return LoraLinearFunction.apply(x, weight, bias, lora_a, lora_b, scale)
