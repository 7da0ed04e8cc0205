"""The language-modelling loss: cross-entropy of the next token, in the reductions chapters need.

Targets sit at the same positions as the logits (``targets[b, t]`` is the token that should
follow ``idx[b, : t + 1]``); positions whose target is ``ignore_index`` (-100, as in PyTorch
and Hugging Face) do not count, which is how padding and prompt tokens are left out.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the model's messages)

IGNORE_INDEX = -100
REDUCTIONS = ("mean", "sum", "none", "per_example")


def lm_loss(
    logits: torch.Tensor,
    targets: torch.Tensor,
    reduction: str = "mean",
    ignore_index: int = IGNORE_INDEX,
    cross_entropy=None,
) -> torch.Tensor:
    """Cross-entropy of ``logits`` (B, T, V) against ``targets`` (B, T).

    reduction:
      "mean"         one number: the mean over every counted position (what training minimises)
      "sum"          one number: the sum over every counted position
      "none"         (B, T): the loss at each position, 0 where the target is ignored
      "per_example"  (B,): each sequence's mean over its counted positions (0 if it has none);
                     the per-example losses that instance reweighting weighs

    ``cross_entropy`` is a mean cross-entropy from the ops table, used for "mean" only. CAUTION:
    the fused Triton one writes the gradient over ``logits`` when they require grad (Liger-Kernel's
    memory trick): pass it only when nothing reads these logits afterwards. By default, and for
    the other reductions, PyTorch computes the loss (in float32, so that half-precision logits do
    not lose the small per-token values) and ``logits`` are left as they are.
    """
    if reduction not in REDUCTIONS:
        raise CourseValueError("model_unknown_reduction", valid=", ".join(REDUCTIONS), value=reduction)
    flat_logits = logits.reshape(-1, logits.shape[-1])
    flat_targets = targets.reshape(-1)
    if reduction == "mean":
        if cross_entropy is None:
            return F.cross_entropy(flat_logits.float(), flat_targets, ignore_index=ignore_index)
        return cross_entropy(flat_logits, flat_targets, ignore_index=ignore_index)
    per_token = F.cross_entropy(
        flat_logits.float(), flat_targets, ignore_index=ignore_index, reduction="none"
    ).view(targets.shape)
    if reduction == "sum":
        return per_token.sum()
    if reduction == "none":
        return per_token
    counted = (targets != ignore_index).sum(dim=1)
    return per_token.sum(dim=1) / counted.clamp(min=1)
