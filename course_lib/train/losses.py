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
from torch.nn.parallel import DistributedDataParallel

from ..data.targets import IGNORE_INDEX, per_example_mean
from ..i18n import CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)


def logits_of(output) -> torch.Tensor:
    """The logits inside whatever a model returned: a tensor, ``(logits, ...)`` or ``.logits``."""
    if isinstance(output, torch.Tensor):
        return output
    if hasattr(output, "logits"):
        return output.logits
    if isinstance(output, tuple | list) and output and isinstance(output[0], torch.Tensor):
        return output[0]
    raise CourseTypeError("train_no_logits", kind=type(output).__name__)


def _forward_parameters(model: nn.Module) -> set[str]:
    if isinstance(model, DistributedDataParallel):  # its forward takes *args: look at the model inside
        model = model.module
    try:
        return set(inspect.signature(model.forward).parameters)
    except (TypeError, ValueError):
        return set()


def _returned_loss(output):
    loss = getattr(output, "loss", None)
    if loss is None and isinstance(output, tuple | list) and len(output) > 1:
        loss = output[1]
    return loss if isinstance(loss, torch.Tensor) else None


def language_model_loss(model: nn.Module, batch):
    """Next-token cross-entropy per example for a batch ``(inputs, targets)`` of shape (B, T).

    The model is called as ``model(inputs, targets=targets, reduction="per_example")`` when its
    forward takes those arguments (the course GPT: its own loss, one value per example), as
    ``model(inputs, targets=targets)`` when it takes ``targets`` only, and as ``model(inputs)``
    otherwise (e.g. HF GPT2LMHeadModel). Unless the model returned per-example losses, they are
    computed here from the logits, in fp32 so that they are exact under bf16/fp16 autocast too.
    """
    inputs, targets = batch
    accepted = _forward_parameters(model)
    if "targets" in accepted:
        extra = {"reduction": "per_example"} if "reduction" in accepted else {}
        output = model(inputs, targets=targets, **extra)
    else:
        output = model(inputs)
    logits = logits_of(output)
    if logits.shape[:2] != targets.shape:
        raise CourseValueError("train_logits_shape", shape=tuple(logits.shape), targets=tuple(targets.shape))
    returned = _returned_loss(output)
    if returned is not None and returned.shape == targets.shape[:1]:
        return returned, logits
    token_losses = F.cross_entropy(
        logits.float().flatten(0, 1), targets.flatten(), ignore_index=IGNORE_INDEX, reduction="none"
    ).view_as(targets)
    return per_example_mean(token_losses, targets), logits


def classification_loss(model: nn.Module, batch):
    """Cross-entropy per example for a batch ``(inputs, labels)`` and a model returning (B, C) logits."""
    inputs, labels = batch
    logits = logits_of(model(inputs))
    return F.cross_entropy(logits.float(), labels, reduction="none"), logits
