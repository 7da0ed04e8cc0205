"""AdamW with weight decay only where it helps.

Weight decay pulls weights toward zero. On matrices (linear layers, >= 2-D) that acts as a
regulariser. On biases and LayerNorm gains it only fights the scale the layer needs, and on
embeddings it shrinks rare tokens' vectors merely because they get few gradient updates. The
two reference codebases differ here: minGPT decays only the weights of nn.Linear layers (never
embeddings), while nanoGPT decays every >= 2-D tensor, the token and position embeddings
included. The default follows minGPT; ``decay_embeddings=True`` follows nanoGPT.

Every parameter goes into the optimizer, frozen or not: AdamW skips parameters whose
``.grad`` is None, so a frozen parameter is never changed (not even by weight decay), and a
block that gradual unfreezing thaws later is already known to the optimizer.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn

from .config import TrainConfig


def embedding_parameter_ids(model: nn.Module) -> set[int]:
    """ids of the weights of every nn.Embedding (a tied output head shares one of them)."""
    return {id(module.weight) for module in model.modules() if isinstance(module, nn.Embedding)}


def weight_decay_groups(
    model: nn.Module,
    weight_decay: float,
    *,
    decay_embeddings: bool = False,
    lr_scale: Callable[[str], float] | None = None,
) -> list[dict]:
    """Parameter groups for AdamW: decay on >= 2-D weights, none on biases, norms, embeddings.

    ``lr_scale(name) -> factor`` gives a parameter its own learning-rate factor (ULMFiT's
    discriminative rates: factor 1 for the top block, 1/2.6 for the one below, ...). Each group
    stores it as ``lr_scale``; the training loop multiplies the scheduled lr by it.
    """
    embeddings = embedding_parameter_ids(model)
    groups: dict[tuple[bool, float], dict] = {}
    for name, param in model.named_parameters():  # shared (tied) tensors are listed once
        is_embedding = id(param) in embeddings
        decays = param.ndim >= 2 and (decay_embeddings or not is_embedding)
        scale = 1.0 if lr_scale is None else float(lr_scale(name))
        key = (decays, scale)
        if key not in groups:
            groups[key] = {"params": [], "names": [], "weight_decay": weight_decay if decays else 0.0,
                           "lr_scale": scale}
        groups[key]["params"].append(param)
        groups[key]["names"].append(name)
    return list(groups.values())


def build_adamw(model: nn.Module, config: TrainConfig, lr_scale: Callable[[str], float] | None = None):
    """The course's default optimizer for ``model`` under ``config``."""
    groups = weight_decay_groups(model, config.weight_decay, decay_embeddings=config.decay_embeddings,
                                 lr_scale=lr_scale)
    return torch.optim.AdamW(groups, lr=config.lr, betas=config.betas, eps=config.eps)
