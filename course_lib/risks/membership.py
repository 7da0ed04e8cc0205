"""Membership inference by a loss threshold (Yeom et al. 2018, arXiv 1709.01604).

The attacker guesses "this text was in the training set" when the model's loss on it is low.
How well that works over every threshold at once is the AUROC of the score -loss: 0.5 means
the model's losses tell members from non-members no better than a coin, 1.0 perfectly.
"""

from __future__ import annotations

import torch

from ..finetune.metrics import auroc as metrics_auroc
from ..i18n import CourseValueError
from . import privacy_messages  # noqa: F401  (registers this package's texts)


def auroc(member_scores, other_scores) -> float:
    """P(a random member scores higher than a random non-member), ties counting one half."""
    members = torch.as_tensor(member_scores, dtype=torch.float64).flatten().tolist()
    others = torch.as_tensor(other_scores, dtype=torch.float64).flatten().tolist()
    if not members or not others:
        raise CourseValueError("privacy_one_class", members=len(members), others=len(others))
    return metrics_auroc(members + others, [True] * len(members) + [False] * len(others))


@torch.no_grad()
def example_losses(model, examples: torch.Tensor, batch_size: int = 256) -> torch.Tensor:
    """Mean next-token loss of each row of ``examples`` (N, T+1)."""
    model.eval()
    losses = [model(chunk[:, :-1], chunk[:, 1:], reduction="per_example").loss for chunk in examples.split(batch_size)]
    return torch.cat(losses)


def loss_attack_auroc(model, members: torch.Tensor, others: torch.Tensor) -> float:
    """AUROC of the loss-threshold attack: members are training rows, others held-out rows."""
    return auroc(-example_losses(model, members), -example_losses(model, others))
