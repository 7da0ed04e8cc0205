"""The table of hot operations the GPT uses, and how an implementation is chosen.

Signatures (every implementation keeps them; shapes follow torch conventions):
  layer_norm(x, weight, bias, eps)            -> x normalised over its last dim (bias may be None)
  attention(q, k, v, dropout_p=0.0)           -> causal attention, q/k/v of shape (B, H, T, D)
  bias_gelu(x, bias)                          -> gelu_tanh(x + bias), GPT-2's "gelu_new" (bias may be None)
  cross_entropy(logits, targets, ignore_index=-100) -> mean CE over targets != ignore_index; logits (N, V)
  lora_linear(x, weight, bias, lora_a, lora_b, scale)
                                              -> x W^T + b + scale * (x A^T) B^T, with W (out, in),
                                                 A (r, in), B (out, r) as in nn.Linear and peft

Modes of :func:`select` (``COURSE_KERNELS=torch`` forces "torch" whatever the mode):
  "torch"  : always the plain-torch references;
  "auto"   : per call, the Triton kernel when the tensors are on a CUDA GPU it supports
             (compute capability >= 8.0; 7.5 such as a T4 for fp16/fp32 only), else the reference;
  "triton" : like "auto", and also on CPU tensors when ``TRITON_INTERPRET=1`` (tests).
Per call, an op also falls back to its reference when its kernel does not handle the arguments
(an unsupported head dim, attention dropout, ...). A kernel that raises is reported ONCE per op
with a warning and replaced by the reference from then on (see ``runtime.report_failure``).

Caution for callers: the Triton ``cross_entropy`` overwrites ``logits`` with their gradient when
they require grad (Liger-Kernel's memory trick, see ``cross_entropy.py``): compute the loss last
and do not read those logits afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from ..i18n import CourseValueError
from . import attention, bias_gelu, cross_entropy, layer_norm, lora_linear, runtime

# Each op's file defines <op>_reference, <op>_triton and <op>_supported.
_OP_MODULES = {
    "layer_norm": layer_norm,
    "attention": attention,
    "bias_gelu": bias_gelu,
    "cross_entropy": cross_entropy,
    "lora_linear": lora_linear,
}


@dataclass(frozen=True)
class KernelOps:
    """One implementation (or dispatcher) per hot op; see the module docstring for signatures."""

    name: str
    layer_norm: Callable
    attention: Callable
    bias_gelu: Callable
    cross_entropy: Callable
    lora_linear: Callable


def _parts(op: str):
    """(reference, Triton entry point, supported check) of ``op``, looked up now (tests patch them)."""
    module = _OP_MODULES[op]
    return (
        getattr(module, f"{op}_reference"),
        getattr(module, f"{op}_triton"),
        getattr(module, f"{op}_supported"),
    )


def _dispatcher(op: str, mode: str) -> Callable:
    """A function with the op's signature that picks Triton or the reference on every call."""
    reference, fused, supported = _parts(op)

    def call(*args, **kwargs):
        tensors = [a for a in (*args, *kwargs.values()) if hasattr(a, "device")]
        if runtime.can_run(mode, op, *tensors) and supported(*args, **kwargs):
            try:
                return fused(*args, **kwargs)
            except torch.OutOfMemoryError:
                raise  # the reference would need the memory too; the kernel is not broken
            except Exception as error:  # compile or launch failure: notice once, stay correct
                runtime.report_failure(op, error)
        return reference(*args, **kwargs)

    call.__name__ = op
    call.__qualname__ = f"{mode}_{op}"
    call.__doc__ = f"{op} ({mode} mode): Triton where it can run, else :func:`{reference.__name__}`."
    return call


TORCH_OPS = KernelOps("torch", **{op: _parts(op)[0] for op in _OP_MODULES})


def select(mode: str = "auto") -> KernelOps:
    """The ops table for ``mode`` ("auto" | "triton" | "torch"); see the module docstring."""
    if mode not in runtime.MODES:
        raise CourseValueError("kernels_bad_mode", value=mode)
    if mode == "torch" or runtime.forced_torch():
        return TORCH_OPS
    return KernelOps(mode, **{op: _dispatcher(op, mode) for op in _OP_MODULES})
