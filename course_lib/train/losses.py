"""Loss functions the loop can use: ``loss_fn(model, batch) -> per-example losses (B,)``.

The loop needs one loss per example, not a mean, because later chapters weight examples
(learning to reweight, arXiv 1803.09050) and add terms on top (ALUM, distillation, guided
attention). A loss function may also return ``(per_example_losses, outputs)``; the outputs
(e.g. the logits) are then handed to callbacks as ``state.outputs`` so that they need not run
the model again.
"""

from __future__ import annotations

import inspect

import torch
import torch.nn.functional as F
from torch import nn

from ..i18n import CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)

IGNORE_INDEX = -100  # target id that contributes no loss (padding), as in torch and HF


def logits_of(output) -> torch.Tensor:
    """The logits inside whatever a model returned: a tensor, ``(logits, ...)`` or ``.logits``."""
    if isinstance(output, torch.Tensor):
        return output
    if hasattr(output, "logits"):
        return output.logits
    if isinstance(output, tuple | list) and output and isinstance(output[0], torch.Tensor):
        return output[0]
    raise CourseTypeError("train_no_logits", kind=type(output).__name__)


def _accepts_targets(model: nn.Module) -> bool:
    try:
        return "targets" in inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return False


def token_losses_to_examples(token_losses: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Average (B, T) token losses over each example's counted tokens (targets != -100)."""
    counted = (targets != IGNORE_INDEX).to(token_losses.dtype)
    return (token_losses * counted).sum(dim=1) / counted.sum(dim=1).clamp(min=1)


def language_model_loss(model: nn.Module, batch):
    """Next-token cross-entropy per example for a batch ``(inputs, targets)`` of shape (B, T).

    The model is called as ``model(inputs, targets=targets)`` when its forward takes
    ``targets`` (the course GPT, whose logits then cover every position) and as
    ``model(inputs)`` otherwise (e.g. HF GPT2LMHeadModel). The cross-entropy is computed in
    fp32 from the logits, so it is exact under bf16/fp16 autocast too.
    """
    inputs, targets = batch
    output = model(inputs, targets=targets) if _accepts_targets(model) else model(inputs)
    logits = logits_of(output)
    if logits.shape[:2] != targets.shape:
        raise CourseValueError("train_logits_shape", shape=tuple(logits.shape), targets=tuple(targets.shape))
    token_losses = F.cross_entropy(
        logits.float().flatten(0, 1), targets.flatten(), ignore_index=IGNORE_INDEX, reduction="none"
    ).view_as(targets)
    return token_losses_to_examples(token_losses, targets), logits


def classification_loss(model: nn.Module, batch):
    """Cross-entropy per example for a batch ``(inputs, labels)`` and a model returning (B, C) logits."""
    inputs, labels = batch
    logits = logits_of(model(inputs))
    return F.cross_entropy(logits.float(), labels, reduction="none"), logits
