"""The optimizer groups every PEFT method of the course uses: its own few parameters learn faster.

PEFT methods are run at a higher learning rate than full fine-tuning: Hu et al. tuned
RoBERTa-base's LoRA at 4e-4 to 5e-4 (2021, table 9) where full fine-tuning of the same model uses
1e-5 to 3e-5 (Liu et al. 2019); Lester et al. trained soft prompts at 0.3. The course's methods
therefore put their own parameters at ``lr_scale`` × the harness's rate and leave the new
classification head (and anything else that trains) at 1 ×.
"""

from __future__ import annotations

from torch import nn

DEFAULT_LR_SCALE = 10.0


def faster_groups(model: nn.Module, fast: list, config, lr_scale: float) -> list[dict]:
    """Two AdamW groups: ``fast`` at ``lr_scale`` × ``config.lr``, every other trainable parameter at 1 ×."""
    chosen = {id(p) for p in fast}
    rest = [p for p in model.parameters() if p.requires_grad and id(p) not in chosen]
    return [{"params": list(fast), "lr": config.lr * lr_scale, "lr_scale": lr_scale,
             "weight_decay": config.weight_decay},
            {"params": rest, "lr": config.lr, "lr_scale": 1.0, "weight_decay": config.weight_decay}]
