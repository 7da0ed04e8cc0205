"""What a run knows while it trains: the history of its numbers and the live state callbacks see."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .config import TrainConfig
from .distributed import Distributed


@dataclass
class History:
    """Numbers recorded during training, as plain lists of dicts (easy to save as JSON or plot).

    ``train``: one record per optimizer step, e.g. ``{"step": 12, "loss": 2.31, "lr": 3e-4}``.
    ``eval``: one record per evaluation, e.g. ``{"step": 100, "val_loss": 1.92}``.
    """

    train: list[dict] = field(default_factory=list)
    eval: list[dict] = field(default_factory=list)

    def series(self, part: str, key: str) -> tuple[list[int], list[float]]:
        """Steps and values of ``key`` in ``part`` ("train" or "eval"), for plotting."""
        records = [r for r in getattr(self, part) if key in r]
        return [r["step"] for r in records], [r[key] for r in records]

    @property
    def train_losses(self) -> list[float]:
        return self.series("train", "loss")[1]

    @property
    def val_losses(self) -> list[float]:
        return self.series("eval", "val_loss")[1]

    @property
    def lrs(self) -> list[float]:
        return self.series("train", "lr")[1]

    def to_dict(self) -> dict:
        return {"train": list(self.train), "eval": list(self.eval)}

    @classmethod
    def from_dict(cls, data: dict) -> History:
        return cls(train=list(data.get("train", [])), eval=list(data.get("eval", [])))


@dataclass
class TrainState:
    """Everything a callback may read (and a few things it may set) during ``train``.

    Counters: ``step`` is the number of optimizer updates done so far; ``epoch`` the current
    pass over the batches; ``batch_in_epoch`` how many micro-batches of it were consumed.
    During a micro-batch: ``batch`` (on the device), ``per_example_loss`` (B,) and ``outputs``
    (what the loss function returned besides the losses, e.g. logits).
    Set ``should_stop = True`` to end training after the current step.
    """

    model: nn.Module
    optimizer: torch.optim.Optimizer
    config: TrainConfig
    device: torch.device
    total_steps: int
    scaler: torch.amp.GradScaler
    history: History = field(default_factory=History)
    generator: torch.Generator | None = None
    metadata: dict = field(default_factory=dict)
    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0
    epoch_start_generator_state: torch.Tensor | None = None
    lr: float = 0.0
    batch: Any = None
    per_example_loss: torch.Tensor | None = None
    outputs: Any = None
    last_metrics: dict | None = None
    last_checkpoint: Path | None = None
    should_stop: bool = False
    stop_reason: str = ""
    distributed: Distributed = field(default_factory=Distributed)  # rank and DDP under torchrun

    def save_checkpoint(self, path) -> Path:
        """Write everything needed to resume this run exactly to the folder ``path``.

        Under torchrun only rank 0 writes (the processes hold the same weights); the others
        just note the path.
        """
        from .checkpoint import save_checkpoint

        if not self.distributed.is_main:
            self.last_checkpoint = Path(path)
            return self.last_checkpoint

        generators = {}
        if self.generator is not None:
            generators = {"data": self.generator.get_state(),
                          "data_epoch_start": self.epoch_start_generator_state}
        saved = save_checkpoint(
            path, self.model, self.optimizer, step=self.step, config=self.config.to_dict(),
            history=self.history.to_dict(), scaler=self.scaler, generator_states=generators,
            progress={"epoch": self.epoch, "batch_in_epoch": self.batch_in_epoch},
            metadata=self.metadata,
        )
        self.last_checkpoint = saved
        return saved


@dataclass
class TrainResult:
    """What ``train`` returns: the history, where it stopped and why."""

    history: History
    steps: int
    epochs_completed: int
    stop_reason: str
    last_checkpoint: Path | None = None
