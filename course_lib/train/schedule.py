"""Learning-rate schedules: plain functions of the step, so a learner can plot and check them.

``step`` is the 0-based index of the optimizer update about to happen. Because a schedule is
a pure function of the step, resuming a run needs no scheduler state beyond the step itself.

* Warmup + cosine (GPT-2/nanoGPT style): the lr rises linearly for ``warmup_steps`` so the
  first updates, made with noisy Adam statistics, stay small; then it follows half a cosine
  from ``max_lr`` down to ``min_lr`` at ``total_steps``, and stays there.
* Slanted triangular (ULMFiT, Howard & Ruder 2018, arXiv 1801.06146, eq. 3): a short linear
  rise over the first ``cut_frac`` of the steps, then a long linear decay; the lowest lr is
  ``max_lr / ratio``. The paper uses cut_frac = 0.1, ratio = 32.
"""

from __future__ import annotations

import math

from .config import TrainConfig


def warmup_cosine_lr(step: int, *, max_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> float:
    if step < warmup_steps:
        # (step + 1) so the very first update is not wasted with lr = 0 (as in nanoGPT).
        return max_lr * (step + 1) / (warmup_steps + 1)
    decay_steps = max(1, total_steps - warmup_steps)
    progress = min(1.0, (step - warmup_steps) / decay_steps)
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * progress)) * (max_lr - min_lr)


def slanted_triangular_lr(
    step: int, *, max_lr: float, total_steps: int, cut_frac: float = 0.1, ratio: float = 32.0
) -> float:
    cut = max(1, math.floor(total_steps * cut_frac))
    if step < cut:
        p = step / cut
    else:
        p = max(0.0, 1.0 - (step - cut) / (cut * (1.0 / cut_frac - 1.0)))
    return max_lr * (1.0 + p * (ratio - 1.0)) / ratio


def lr_at(step: int, config: TrainConfig, total_steps: int) -> float:
    """The learning rate ``config`` asks for at ``step`` of a run of ``total_steps`` steps."""
    if config.schedule == "cosine":
        return warmup_cosine_lr(step, max_lr=config.lr, min_lr=config.floor_lr,
                                warmup_steps=config.warmup_steps, total_steps=total_steps)
    if config.schedule == "slanted_triangular":
        return slanted_triangular_lr(step, max_lr=config.lr, total_steps=total_steps,
                                     cut_frac=config.cut_frac, ratio=config.ratio)
    return config.lr  # "constant"
