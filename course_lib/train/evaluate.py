"""Evaluation helpers: the mean loss of a model over some batches, without gradients."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice

import torch
from torch import nn

from ..device import precision_policy
from .losses import language_model_loss
from .moving import move_to


@torch.no_grad()
def evaluate_loss(
    model: nn.Module,
    batches: Iterable,
    loss_fn: Callable = language_model_loss,
    max_batches: int | None = None,
) -> float:
    """Mean per-example loss over ``batches`` (at most ``max_batches``), in eval mode.

    The model's train/eval mode is restored afterwards.
    """
    device = next(model.parameters()).device
    policy = precision_policy(device)
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    try:
        for batch in islice(batches, max_batches):
            with policy.autocast():
                result = loss_fn(model, move_to(batch, device))
            per_example = result[0] if isinstance(result, tuple) else result
            total += per_example.float().sum().item()
            count += per_example.numel()
    finally:
        model.train(was_training)
    return total / max(count, 1)


def loss_evaluator(batches: Iterable, loss_fn: Callable = language_model_loss,
                   max_batches: int | None = None, name: str = "val_loss") -> Callable:
    """An ``eval_fn`` for ``train``: ``{name: mean loss over batches}``.

    ``batches`` is iterated afresh on every call (pass a list, or a sampler whose
    ``__iter__`` starts over with its own generator, so every evaluation sees the same data).
    """
    return lambda model: {name: evaluate_loss(model, batches, loss_fn, max_batches)}
