"""The modules that :func:`course_lib.kernels.apply` puts into a model, one per fused op.

Each takes over the parameters (and the submodule names) of the module it replaces, so the
state dict, the optimizer's parameters and a checkpoint stay exactly as they were: only the
computation changes. Each calls its Triton entry point directly; an argument a kernel does not
handle raises a clear error instead of quietly running PyTorch.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ..data.targets import IGNORE_INDEX
from ..model.loss import check_reduction, reduce_token_losses
from .attention import attention_triton
from .bias_gelu import bias_gelu_triton
from .cross_entropy import CrossEntropyFunction
from .layer_norm import layer_norm_triton


class TritonLayerNorm(nn.Module):
    """LayerNorm over the last dimension by the fused kernel; weight and bias are the old module's."""

    def __init__(self, norm: nn.Module):
        super().__init__()
        self.weight = norm.weight
        self.bias = norm.bias
        self.eps = norm.eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return layer_norm_triton(x, self.weight, self.bias, self.eps)


class TritonCausalAttention(nn.Module):
    """The course GPT's attention core (``attn.attend``) by the flash-style kernel."""

    def forward(self, q, k, v, dropout_p: float = 0.0) -> torch.Tensor:
        return attention_triton(q, k, v, dropout_p)


def _without_bias(layer: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """``layer(x)`` minus its bias, for an ``nn.Linear`` or a Hugging Face ``Conv1D``."""
    if isinstance(layer, nn.Linear):
        return F.linear(x, layer.weight)
    return x @ layer.weight  # Conv1D stores its weight as (in_features, out_features)


class TritonMLP(nn.Module):
    """GPT-2's MLP with the bias add and the tanh GELU fused into one kernel.

    The bias of ``c_fc`` must stay out of its matrix product to be fused, so ``c_fc`` is not
    called as a module here and its forward hooks do not fire (``apply(model, mlp=False)`` keeps
    the plain MLP for hook-based tools such as Opacus). ``c_proj`` is called as usual.
    """

    def __init__(self, mlp: nn.Module):
        super().__init__()
        self.c_fc = mlp.c_fc
        self.c_proj = mlp.c_proj
        self.dropout = mlp.dropout

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = bias_gelu_triton(_without_bias(self.c_fc, x), self.c_fc.bias)
        return self.dropout(self.c_proj(h))


class TritonLMLoss(nn.Module):
    """The GPT's loss (``model.lm_loss``) by the fused cross-entropy kernel, in every reduction.

    ``keep_logits=False`` (the GPT's ``return_logits=False``) lets the kernel write the gradient
    over the logits; otherwise it writes into a buffer of its own and the logits stay readable.
    """

    def forward(self, logits, targets, reduction: str = "mean", keep_logits: bool = True) -> torch.Tensor:
        check_reduction(reduction)
        flat_logits = logits.reshape(-1, logits.shape[-1])
        per_token = CrossEntropyFunction.apply(flat_logits, targets.reshape(-1), IGNORE_INDEX, not keep_logits)
        return reduce_token_losses(per_token.view(targets.shape), targets, reduction)


def hf_attention(module, query, key, value, attention_mask, dropout=0.0, scaling=None, **kwargs):
    """An attention function for Hugging Face's ``AttentionInterface``: the flash-style kernel.

    Hugging Face hands (B, H, T, D) tensors and wants (B, T, H, D) back. The kernel computes
    plain causal self-attention; what it does not compute goes to transformers' own SDPA path,
    which is not a fallback from a failure but a different computation: a padding mask, keys
    longer than the queries (generation with a cache), or attention dropout.
    """
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    head_dim = query.shape[-1]
    plain_causal = (
        attention_mask is None
        and dropout == 0.0
        and query.shape == key.shape
        and (scaling is None or abs(scaling - head_dim**-0.5) < 1e-12)
    )
    if not plain_causal:
        return sdpa_attention_forward(
            module, query, key, value, attention_mask, dropout=dropout, scaling=scaling, **kwargs
        )
    return attention_triton(query, key, value).transpose(1, 2), None
