"""Training on several processes at once: what ``train`` does differently under ``torchrun``.

    torchrun --nproc_per_node 4 my_script.py        # my_script.py calls train() as usual

``torchrun`` starts one process per GPU (or per CPU share) and tells each, through environment
variables (``WORLD_SIZE``, ``RANK``, ``LOCAL_RANK``, ``MASTER_ADDR``, ``MASTER_PORT``), who it is.
``train`` then joins them into one process group (NCCL between GPUs, gloo on the CPU) and wraps
the model in ``DistributedDataParallel`` (DDP; Li et al. 2020, arXiv 2006.15704), which averages
the gradients of all processes during ``backward``. So that the processes train one model, and
train it exactly as one process would on the whole batch:

* **Data.** Every process draws the same global batch (the same sampler, seeded alike) and keeps
  its own contiguous share: rank r of W takes rows ``r*B/W .. (r+1)*B/W``. The shares are
  disjoint, together they are the batch, and a seed reproduces them. ``batch_size`` is global.
* **Gradients.** Each process averages its loss over its share; DDP averages the gradients over
  the processes, which is the gradient of the mean over the whole batch. With gradient
  accumulation, the non-final micro-batches run under ``no_sync()``: their gradients add up
  locally and one all-reduce per optimizer step carries them all.
* **One voice.** Only rank 0 shows a progress bar or a plot and writes checkpoints; every rank
  evaluates, so that early stopping decides the same on all of them.

A custom ``loss_fn`` receives the DDP wrapper: calling it runs the model and syncs gradients;
anything else of the model (its config, a submodule) is at ``model.module``. Callbacks and
``eval_fn`` get the model itself. Example weights (``Callback.example_weights``) are applied to
each process's share, so weights normalised over a batch are normalised per share. Parameters
frozen when ``train`` starts stay outside DDP's gradient averaging for the whole run.
"""

from __future__ import annotations

import atexit
import hashlib
import os
from contextlib import nullcontext
from dataclasses import dataclass

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from ..i18n import CourseRuntimeError, CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)


@dataclass
class Distributed:
    """Where this process stands: its rank among ``world_size`` processes, and the DDP wrapper."""

    rank: int = 0
    world_size: int = 1
    ddp: DistributedDataParallel | None = None

    @property
    def is_main(self) -> bool:
        """True in the process that speaks and writes: rank 0 (the only one without torchrun)."""
        return self.rank == 0

    def forward_model(self, model: nn.Module) -> nn.Module:
        """What the loss function must call: the DDP wrapper (it syncs gradients), else the model."""
        return model if self.ddp is None else self.ddp

    def syncing(self, last_micro_batch: bool):
        """A context for one micro-batch: DDP's ``no_sync()`` on all but the last of a step."""
        return self.ddp.no_sync() if self.ddp is not None and not last_micro_batch else nullcontext()

    def share(self, batch):
        """This process's rows of a global batch (a tensor, or tuples / lists / dicts of them)."""
        if self.world_size == 1:
            return batch
        size = _batch_size(batch)
        if size is None or size % self.world_size:
            raise CourseValueError("train_batch_not_divisible", batch=size, world=self.world_size)
        rows = size // self.world_size
        return _rows(batch, slice(self.rank * rows, (self.rank + 1) * rows))

    def mean(self, *values: float) -> list[float]:
        """The average of each value over all processes (for the numbers the history records)."""
        if self.ddp is None:
            return list(values)
        tensor = torch.tensor(values, dtype=torch.float64, device=_collective_device())
        dist.all_reduce(tensor)
        return (tensor / self.world_size).tolist()


def process_device(device: torch.device) -> torch.device:
    """Under torchrun, one GPU per process: the one torchrun numbered for it (``LOCAL_RANK``)."""
    if device.type != "cuda" or int(os.environ.get("WORLD_SIZE", "1")) == 1:
        return device
    device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
    torch.cuda.set_device(device)
    return device


def setup(model: nn.Module, device: torch.device, generator: torch.Generator | None) -> Distributed:
    """Join torchrun's process group if the environment names one, and wrap the model in DDP.

    Call after the model is on ``process_device(...)`` and any checkpoint is loaded: DDP then
    copies rank 0's weights to every process. Without torchrun (``WORLD_SIZE`` unset or 1) and
    without a process group made by the caller, nothing changes.
    """
    if not dist.is_available() or (int(os.environ.get("WORLD_SIZE", "1")) == 1 and not dist.is_initialized()):
        return Distributed()  # one process (some PyTorch builds have no torch.distributed at all)
    if not dist.is_initialized():
        dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo")
        atexit.register(_leave)
    state = Distributed(rank=dist.get_rank(), world_size=dist.get_world_size())
    if state.world_size > 1:
        _check_same_batches(generator)
        state.ddp = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    return state


def _check_same_batches(generator: torch.Generator | None) -> None:
    """Every process must draw the same global batches: compare the data generators' states."""
    digest = "" if generator is None else hashlib.sha256(generator.get_state().numpy().tobytes()).hexdigest()
    digests = [None] * dist.get_world_size()
    dist.all_gather_object(digests, digest)
    differing = [rank for rank, other in enumerate(digests) if other != digests[0]]
    if differing:  # every rank sees the same list, so every rank stops here together
        raise CourseRuntimeError("train_ranks_disagree", rank=differing[0], world=len(digests))


def _collective_device() -> torch.device:
    return torch.device("cuda", torch.cuda.current_device()) if dist.get_backend() == "nccl" else torch.device("cpu")


def _batch_size(batch) -> int | None:
    if isinstance(batch, torch.Tensor):
        return batch.shape[0] if batch.ndim else None
    values = batch.values() if isinstance(batch, dict) else batch if isinstance(batch, tuple | list) else ()
    for value in values:
        size = _batch_size(value)
        if size is not None:
            return size
    return None


def _rows(batch, rows: slice):
    if isinstance(batch, torch.Tensor):
        return batch[rows] if batch.ndim else batch
    if isinstance(batch, dict):
        return {key: _rows(value, rows) for key, value in batch.items()}
    if isinstance(batch, tuple | list):
        return type(batch)(_rows(value, rows) for value in batch)
    return batch


def _leave() -> None:
    if dist.is_initialized():
        dist.destroy_process_group()
