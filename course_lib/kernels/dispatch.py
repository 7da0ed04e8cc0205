"""The table of hot operations the GPT uses, and how an implementation is chosen.

Signatures (every implementation keeps them; shapes follow torch conventions):
  layer_norm(x, weight, bias, eps)            -> x normalised over its last dim (bias may be None)
  attention(q, k, v, dropout_p=0.0)           -> causal attention, q/k/v of shape (B, H, T, D)
  bias_gelu(x, bias)                          -> gelu_tanh(x + bias), GPT-2's "gelu_new" (bias may be None)
  cross_entropy(logits, targets, ignore_index=-100) -> mean CE over targets != ignore_index; logits (N, V)
  lora_linear(x, weight, bias, lora_a, lora_b, scale)
                                              -> x W^T + b + scale * (x A^T) B^T, with W (out, in),
                                                 A (r, in), B (out, r) as in nn.Linear and peft
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import torch.nn.functional as F


def _layer_norm(x, weight, bias, eps):
    return F.layer_norm(x, (x.shape[-1],), weight, bias, eps)


def _attention(q, k, v, dropout_p=0.0):
    return F.scaled_dot_product_attention(q, k, v, dropout_p=dropout_p, is_causal=True)


def _bias_gelu(x, bias):
    return F.gelu(x if bias is None else x + bias, approximate="tanh")


def _cross_entropy(logits, targets, ignore_index=-100):
    return F.cross_entropy(logits, targets, ignore_index=ignore_index)


def _lora_linear(x, weight, bias, lora_a, lora_b, scale):
    return F.linear(x, weight, bias) + scale * F.linear(F.linear(x, lora_a), lora_b)


@dataclass(frozen=True)
class KernelOps:
    name: str
    layer_norm: Callable
    attention: Callable
    bias_gelu: Callable
    cross_entropy: Callable
    lora_linear: Callable


TORCH_OPS = KernelOps("torch", _layer_norm, _attention, _bias_gelu, _cross_entropy, _lora_linear)


def select(mode: str = "auto") -> KernelOps:
    """The ops table for ``mode`` ("auto" | "triton" | "torch").

    Until the Triton kernels land, every mode returns the torch references.
    """
    if mode not in ("auto", "triton", "torch"):
        raise ValueError(f"kernels must be 'auto', 'triton' or 'torch', got {mode!r}")
    if os.environ.get("COURSE_KERNELS", "").lower() == "torch":
        return TORCH_OPS
    return TORCH_OPS
