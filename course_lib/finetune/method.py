"""The protocol every fine-tuning method implements, so that one harness runs them all.

A method is a small object. The harness (``compare``) builds a fresh model for each run, then::

    callbacks = method.setup(model, task, config)        # freeze, replace or wrap modules
    groups = method.param_groups(model, config)          # optimizer groups, or None: the default AdamW
    overrides = method.train_overrides(config)           # TrainConfig fields it needs (e.g. a schedule)
    train(model, batches, TrainConfig(..., **overrides), callbacks=callbacks, optimizer=AdamW(groups))
    method.teardown(model)                               # merge LoRA weights, remove hooks, ...

A method never copies the training loop: what it changes, it changes through callbacks
(``course_lib.train.Callback``), parameter groups and module replacement. Chapters 04-09 each add
one (LoRA, prompt tuning, distillation, ALUM, reweighting, guided attention) without touching
the harness.

``settings()`` (by default the object's attributes) enters the cache key of a run, so two
methods with different settings never share a cached result.
"""

from __future__ import annotations

from torch import nn


class Method:
    """Base class: trains everything with the harness's defaults. Override what you need."""

    name: str = "method"

    def setup(self, model: nn.Module, task, config) -> list:
        """Prepare ``model`` for ``task`` (freeze, wrap, replace modules); return the callbacks to train with."""
        return []

    def param_groups(self, model: nn.Module, config) -> list[dict] | None:
        """Optimizer parameter groups (each may carry ``lr_scale``), or None for the default AdamW groups."""
        return None

    def train_overrides(self, config) -> dict:
        """``TrainConfig`` fields this method sets itself, e.g. ``{"schedule": "slanted_triangular"}``."""
        return {}

    def teardown(self, model: nn.Module) -> None:
        """Undo what must not outlive the run (hooks), or finish it (merge adapters)."""

    def settings(self) -> dict:
        """What makes two runs of this method differ: its name, class and attributes."""
        values = {key: value for key, value in vars(self).items() if not key.startswith("_")}
        return {"class": type(self).__qualname__, "name": self.name, **values}

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.settings().items() if k not in ("class", "name"))
        return f"{type(self).__name__}({inner})"
