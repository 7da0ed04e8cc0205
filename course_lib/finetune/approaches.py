"""The four fine-tuning approaches, as methods the harness runs (see method.py).

| approach            | what trains                                                   | source                              |
|---------------------|---------------------------------------------------------------|-------------------------------------|
| ``Full()``          | every parameter                                               |                                     |
| ``Selected(k)``     | the top k blocks, the final LayerNorm and the head           | Lee, Tang & Lin 2019, arXiv 1911.03090 |
| ``LinearProbe()``   | the head only, on frozen features                            | the narrow form of transfer learning |
| ``LPFT(0.5)``       | the head only for the first half of the steps, then all      | Kumar et al., ICLR 2022, arXiv 2202.10054 |
| ``GradualUnfreezing()`` | the head, then one more block from the top per epoch, with | ULMFiT, Howard & Ruder 2018, arXiv 1801.06146 |
|                     | discriminative rates (/2.6 per layer) and the slanted triangle |                                     |

The linear probe is fitted as logistic regression by the same training loop (AdamW on the
head's weights while the backbone is frozen), not in closed form: the loop is then the only
training code, and the probe's cost shows in the same time column as the others'.
A frozen backbone builds no autograd graph, so a probe step costs little more than a forward pass.
"""

from __future__ import annotations

from torch import nn

from ..train.callbacks import Callback
from ..train.state import TrainState
from .discriminative import ULMFIT_FACTOR, discriminative_lr_groups
from .freezing import Freeze, freeze_all_but
from .freezing import GradualUnfreezing as GradualUnfreezingCallback
from .layout import layout_of
from .method import Method


def _unfreeze_all(model: nn.Module) -> None:
    for param in model.parameters():
        param.requires_grad_(True)


class Full(Method):
    """All layers: every parameter trains on the task data."""

    name = "full"

    def setup(self, model, task, config) -> list:
        _unfreeze_all(model)
        return []


class Selected(Method):
    """Selected layers: the top ``k`` blocks, the final LayerNorm and the head train; the rest is frozen."""

    def __init__(self, k: int = 1):
        self.k = k
        self.name = f"selected(k={k})"

    def setup(self, model, task, config) -> list:
        layout = layout_of(model)
        return [Freeze(train_only=[*layout.head, *layout.top], top_k=self.k, blocks=layout.blocks)]


class LinearProbe(Method):
    """Transfer learning, narrow form: a new linear head on frozen features (logistic regression)."""

    name = "linear probe"

    def setup(self, model, task, config) -> list:
        return [Freeze(train_only=layout_of(model).head)]


class _ProbeThenAll(Callback):
    """LP-FT's two phases in one run: the head alone for ``probe_steps`` steps, then every parameter."""

    def __init__(self, head, probe_fraction: float):
        self.head, self.probe_fraction = list(head), probe_fraction

    def probe_steps(self, state: TrainState) -> int:
        return round(self.probe_fraction * state.total_steps)

    def on_train_begin(self, state: TrainState) -> None:
        self.on_step_begin(state)

    def on_step_begin(self, state: TrainState) -> None:
        if state.step < self.probe_steps(state):
            freeze_all_but(state.model, self.head)
        else:
            _unfreeze_all(state.model)


class LPFT(Method):
    """LP-FT (Kumar et al. 2022): fit a linear probe first, then fine-tune everything from there.

    A random head sends random gradients into the features and distorts them; a fitted head
    changes them only as much as the task needs, which Kumar et al. found keeps
    out-of-distribution accuracy better than fine-tuning alone (arXiv 2202.10054, mostly on image models).
    """

    def __init__(self, probe_fraction: float = 0.5):
        self.probe_fraction = probe_fraction
        self.name = f"LP-FT({probe_fraction:g})"

    def setup(self, model, task, config) -> list:
        return [_ProbeThenAll(layout_of(model).head, self.probe_fraction)]


class GradualUnfreezing(Method):
    """ULMFiT: head first, one more block per epoch from the top, then the embeddings; with
    discriminative rates η_{l-1} = η_l / ``factor`` and the slanted triangular schedule."""

    def __init__(self, factor: float = ULMFIT_FACTOR, cut_frac: float = 0.1, ratio: float = 32.0):
        self.factor, self.cut_frac, self.ratio = factor, cut_frac, ratio
        self.name = "gradual unfreezing"

    def setup(self, model, task, config) -> list:
        layout = layout_of(model)
        return [GradualUnfreezingCallback(blocks=layout.blocks, head=[*layout.head, *layout.top],
                                          embeddings=layout.embeddings)]

    def param_groups(self, model, config) -> list[dict]:
        layout = layout_of(model)
        return discriminative_lr_groups(model, layout.blocks, config.lr, self.factor, head=layout.head,
                                        weight_decay=config.weight_decay)

    def train_overrides(self, config) -> dict:
        return {"schedule": "slanted_triangular", "cut_frac": self.cut_frac, "ratio": self.ratio}
