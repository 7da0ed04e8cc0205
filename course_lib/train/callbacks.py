"""Callbacks: how a chapter changes training without copying the loop.

A callback is an object with some of the hooks below; the loop calls them in this order::

    on_train_begin
    per epoch:  on_epoch_begin
        per step:   on_step_begin
            per micro-batch (forward under autocast):
                        example_weights  -> (B,) weights or None   the loss becomes sum_i w_i * l_i
                        extra_loss       -> scalar or None         added to the loss (ALUM, KD, ...)
                        on_before_backward(state, loss)
            on_after_backward    gradients summed over micro-batches and unscaled, not yet clipped
            (clip, optimizer step)
            on_evaluate(state, metrics)   when an evaluation ran at this step
            on_step_end
        on_epoch_end
    on_train_end

Which chapter uses which hook: learning to reweight (the "IGBI" chapter) returns per-example
weights; ALUM adds alpha * SKL, distillation adds its teacher term and guided attention its
attention loss through ``extra_loss`` (they read ``state.batch`` and ``state.outputs``);
DP-SGD (Abadi et al. 2016) works in ``on_after_backward`` with ``grad_accum_steps=1``: it
replaces each ``p.grad`` by the sum of per-example gradients of ``state.batch``, each clipped to
norm C (torch.func.vmap over torch.func.grad), plus N(0, sigma^2 C^2) noise, over the batch size;
gradual unfreezing acts on epochs (see course_lib/finetune/freezing.py); checkpoints and early stopping are below.
"""

from __future__ import annotations

from pathlib import Path

import torch

from ..i18n import CourseRuntimeError, CourseValueError, message
from . import messages  # noqa: F401  (registers this package's texts)
from .checkpoint import checkpoint_name
from .state import TrainState


class Callback:
    """Base class: every hook does nothing. Override the ones you need."""

    def on_train_begin(self, state: TrainState) -> None: ...
    def on_epoch_begin(self, state: TrainState) -> None: ...
    def on_step_begin(self, state: TrainState) -> None: ...

    def example_weights(self, state: TrainState) -> torch.Tensor | None:
        """Weights w (B,) for ``state.per_example_loss``; the loss becomes sum_i w_i l_i (not renormalised)."""
        return None

    def extra_loss(self, state: TrainState) -> torch.Tensor | None:
        """A scalar added to this micro-batch's loss (it is divided by the accumulation count like the loss)."""
        return None

    def on_before_backward(self, state: TrainState, loss: torch.Tensor) -> None: ...
    def on_after_backward(self, state: TrainState) -> None: ...
    def on_evaluate(self, state: TrainState, metrics: dict) -> None: ...
    def on_step_end(self, state: TrainState) -> None: ...
    def on_epoch_end(self, state: TrainState) -> None: ...
    def on_train_end(self, state: TrainState) -> None: ...


class CallbackList:
    """Calls a hook on every callback in order, and combines what the value hooks return."""

    def __init__(self, callbacks):
        self.callbacks = list(callbacks)

    def call(self, hook: str, state: TrainState, *args) -> None:
        for callback in self.callbacks:
            getattr(callback, hook)(state, *args)

    def example_weights(self, state: TrainState) -> torch.Tensor | None:
        chosen, owner = None, None
        for callback in self.callbacks:
            weights = callback.example_weights(state)
            if weights is None:
                continue
            if chosen is not None:
                raise CourseRuntimeError("train_two_weighters", first=type(owner).__name__,
                                         second=type(callback).__name__)
            batch_size = state.per_example_loss.shape[0]
            if weights.shape != (batch_size,):
                raise CourseValueError("train_bad_weights_shape", name=type(callback).__name__,
                                       shape=tuple(weights.shape), batch=batch_size)
            chosen, owner = weights, callback
        return chosen

    def extra_loss(self, state: TrainState) -> torch.Tensor | None:
        terms = [t for t in (c.extra_loss(state) for c in self.callbacks) if t is not None]
        return sum(terms) if terms else None


class CheckpointEvery(Callback):
    """Save a resumable checkpoint to ``directory/step_XXXXXXX`` every ``every`` steps and at the end.

    Give each run its own directory: resuming picks the highest step found there.

    ``keep_last=n`` deletes all but the newest n checkpoints (after the new one is safely written).
    """

    def __init__(self, directory, every: int, keep_last: int | None = None, at_end: bool = True):
        self.directory = Path(directory)
        self.every = every
        self.keep_last = keep_last
        self.at_end = at_end

    def on_step_end(self, state: TrainState) -> None:
        if state.step % self.every == 0:
            self._save(state)

    def on_train_end(self, state: TrainState) -> None:
        if self.at_end and state.last_checkpoint != self.directory / checkpoint_name(state.step):
            self._save(state)

    def _save(self, state: TrainState) -> None:
        state.save_checkpoint(self.directory / checkpoint_name(state.step))
        if self.keep_last and state.distributed.is_main:  # only the writer deletes
            import shutil

            steps = sorted(p for p in self.directory.glob("step_*") if p.is_dir())
            for old in steps[: -self.keep_last]:
                shutil.rmtree(old, ignore_errors=True)


class EarlyStopping(Callback):
    """Stop when ``metric`` has not improved by ``min_delta`` for ``patience`` evaluations.

    Its memory is rebuilt from the history at the start, so it survives a resume.
    """

    def __init__(self, metric: str = "val_loss", patience: int = 3, min_delta: float = 0.0, mode: str = "min"):
        if mode not in ("min", "max"):
            raise CourseValueError("train_bad_config", name="mode", value=mode, rule="use 'min' or 'max'",
                                   rule_tr="'min' ya da 'max' kullanın")
        self.metric, self.patience, self.min_delta, self.mode = metric, patience, min_delta, mode

    def on_train_begin(self, state: TrainState) -> None:
        self.best, self.bad_evaluations = None, 0
        for record in state.history.eval:
            self._update(record)

    def on_evaluate(self, state: TrainState, metrics: dict) -> None:
        self._update(metrics)
        if self.bad_evaluations >= self.patience:
            state.should_stop = True
            # In the learner's language: the notebook prints it (result.stop_reason).
            state.stop_reason = message("train_early_stopped", metric=self.metric, patience=self.patience)

    def _update(self, metrics: dict) -> None:
        if self.metric not in metrics:
            return
        value = metrics[self.metric] if self.mode == "max" else -metrics[self.metric]
        if self.best is None or value > self.best + self.min_delta:
            self.best, self.bad_evaluations = value, 0
        else:
            self.bad_evaluations += 1
