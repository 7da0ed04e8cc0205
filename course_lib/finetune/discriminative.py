"""Discriminative fine-tuning (ULMFiT, Howard & Ruder 2018, arXiv 1801.06146, §3.2).

Lower layers hold general features that the task should barely move; higher layers hold
features closer to the pretraining objective, which the task must change most. So each layer
gets its own learning rate, smaller the lower it sits: η_{l-1} = η_l / 2.6 (the paper's factor,
found empirically; fastai writes it as ``slice(lr / 2.6**4, lr)``).

Here a "layer" is one transformer block; the embeddings count as the layer below the lowest
block; the head and the final LayerNorm sit on top with the full rate. Every group carries
``lr_scale`` (its rate over ``lr``): the training loop multiplies its scheduled lr by it, so
the slanted triangular schedule shapes every layer's rate the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from torch import nn

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)
from .freezing import resolve_blocks

ULMFIT_FACTOR = 2.6


def discriminative_lr_groups(
    model: nn.Module,
    blocks: str | Sequence[nn.Module],
    lr: float,
    factor: float = ULMFIT_FACTOR,
    head: Sequence[str] = ("head",),
    weight_decay: float = 0.0,
) -> list[dict]:
    """Optimizer parameter groups, one per layer, with ULMFiT's rates.

    The top block gets ``lr``; the block ``d`` below the top gets ``lr / factor**d``; the
    embeddings (every ``nn.Embedding`` outside the blocks) get ``lr / factor**n_blocks``;
    the modules named in ``head`` and every other parameter outside the blocks (the final
    LayerNorm) get ``lr``. Each group: ``params``, ``names``, ``layer`` (a readable name),
    ``lr``, ``lr_scale`` = its lr / ``lr``, ``weight_decay``. Groups run from the top down.
    """
    if not lr > 0:
        raise CourseValueError("finetune_bad_number", name="lr", value=lr, rule="use a positive number",
                               rule_tr="pozitif bir sayı kullanın")
    if not factor >= 1:
        raise CourseValueError("finetune_bad_number", name="factor", value=factor, rule="use 1 or more (2.6 in ULMFiT)",
                               rule_tr="1 ya da daha büyük bir sayı kullanın (ULMFiT'te 2.6)")
    stack = resolve_blocks(model, blocks)
    n_blocks = len(stack)
    depth_of = {}  # id(param) -> depth below the top (0 = full rate)
    label_of = {0: "head"}
    for index, block in enumerate(stack):
        depth = n_blocks - 1 - index
        label_of[depth] = f"block {index}" + (" + head" if depth == 0 else "")
        for param in block.parameters():
            depth_of[id(param)] = depth
    label_of[n_blocks] = "embeddings"
    for module in model.modules():
        if isinstance(module, nn.Embedding):
            for param in module.parameters():
                depth_of.setdefault(id(param), n_blocks)
    groups: dict[int, dict] = {}
    for name, param in model.named_parameters():  # a tied weight is listed once
        depth = depth_of.get(id(param), 0)
        if any(name == h or name.startswith(h + ".") for h in head):
            depth = 0  # the head trains at the full rate even if it reuses an embedding
        scale = 1.0 / factor**depth
        group = groups.setdefault(depth, {"params": [], "names": [], "layer": label_of[depth], "lr": lr * scale,
                                          "lr_scale": scale, "weight_decay": weight_decay})
        group["params"].append(param)
        group["names"].append(name)
    return [groups[depth] for depth in sorted(groups)]
