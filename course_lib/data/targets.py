"""The target conventions that data, model and training share, written once.

``IGNORE_INDEX`` (-100, the default ``ignore_index`` of torch's ``cross_entropy`` and of Hugging
Face) marks a position whose target does not count: padding, or the prompt of an instruction.
:func:`per_example_mean` turns per-position losses into one loss per example, which is what the
training loop weighs (instance reweighting, arXiv 1803.09050) and what ``reduction="per_example"``
of the GPT returns.
"""

from __future__ import annotations

import torch

IGNORE_INDEX = -100


def per_example_mean(token_losses: torch.Tensor, targets: torch.Tensor, ignore_index: int = IGNORE_INDEX):
    """(B, T) per-position losses → (B,): each row's mean over its counted positions (0 if none)."""
    counted = (targets != ignore_index).to(token_losses.dtype)
    return (token_losses * counted).sum(dim=1) / counted.sum(dim=1).clamp(min=1)
