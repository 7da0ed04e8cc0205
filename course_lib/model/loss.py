"""The language-modelling loss: cross-entropy of the next token, in the reductions chapters need.

Targets sit at the same positions as the logits (``targets[b, t]`` is the token that should
follow ``idx[b, : t + 1]``); positions whose target is ``ignore_index`` (-100, as in PyTorch
and Hugging Face) do not count, which is how padding and prompt tokens are left out.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ..data.targets import IGNORE_INDEX, per_example_mean
from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the model's messages)

REDUCTIONS = ("mean", "sum", "none", "per_example")


def check_reduction(reduction: str) -> None:
    if reduction not in REDUCTIONS:
        raise CourseValueError("model_unknown_reduction", valid=", ".join(REDUCTIONS), value=reduction)


def lm_loss(
    logits: torch.Tensor,
    targets: torch.Tensor,
    reduction: str = "mean",
    ignore_index: int = IGNORE_INDEX,
) -> torch.Tensor:
    """Cross-entropy of ``logits`` (B, T, V) against ``targets`` (B, T).

    reduction:
      "mean"         one number: the mean over every counted position (what training minimises)
      "sum"          one number: the sum over every counted position
      "none"         (B, T): the loss at each position, 0 where the target is ignored
      "per_example"  (B,): each sequence's mean over its counted positions (0 if it has none);
                     the per-example losses that instance reweighting weighs

    Computed in float32, so that half-precision logits do not lose the small per-token values.
    """
    check_reduction(reduction)
    flat_logits = logits.reshape(-1, logits.shape[-1]).float()
    flat_targets = targets.reshape(-1)
    if reduction == "mean":  # one fused op: no (B, T) loss tensor in between
        return F.cross_entropy(flat_logits, flat_targets, ignore_index=ignore_index)
    per_token = F.cross_entropy(flat_logits, flat_targets, ignore_index=ignore_index, reduction="none")
    return reduce_token_losses(per_token.view(targets.shape), targets, reduction, ignore_index)


def reduce_token_losses(
    per_token: torch.Tensor, targets: torch.Tensor, reduction: str, ignore_index: int = IGNORE_INDEX
) -> torch.Tensor:
    """(B, T) per-position losses (0 at ignored positions) in one of :data:`REDUCTIONS`."""
    check_reduction(reduction)
    if reduction == "none":
        return per_token
    if reduction == "sum":
        return per_token.sum()
    if reduction == "mean":  # NaN when nothing counts, as F.cross_entropy gives, with a zero gradient
        count = (targets != ignore_index).sum()
        return torch.where(count > 0, per_token.sum() / count.clamp(min=1), torch.nan)
    return per_example_mean(per_token, targets, ignore_index)


class LMLoss(nn.Module):
    """:func:`lm_loss` as a module: the GPT's loss, and the slot where ``course_lib.kernels.apply``
    puts the fused cross-entropy kernel.

    ``keep_logits=False`` tells a loss that nothing reads the logits afterwards, so that it may
    reuse their memory (the fused kernel writes the gradient over them); this one never does.
    """

    def forward(
        self, logits: torch.Tensor, targets: torch.Tensor, reduction: str = "mean", keep_logits: bool = True
    ) -> torch.Tensor:
        return lm_loss(logits, targets, reduction)
