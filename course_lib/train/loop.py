"""The training loop of the whole course, readable in one sitting.

    result = train(model, batches, TrainConfig(max_steps=2000, lr=1e-3), eval_fn=...)

One optimizer step, the heart of it (see ``train_step``):

    lr <- schedule(step)                                  (warmup + cosine, or ULMFiT's triangle)
    for each of the grad_accum_steps micro-batches:
        with autocast (bf16 on new GPUs, fp16 on a T4, off on the CPU):
            losses = loss_fn(model, batch)                  one loss per example, shape (B,)
            loss = mean(losses), or sum(w * losses) with a callback's example weights
                   + any callback's extra loss (ALUM, distillation, guided attention)
        stop with a clear message if the loss is NaN or infinite
        backward(loss / grad_accum_steps)                   (scaled by the GradScaler on fp16)
    clip the gradient norm to grad_clip
    optimizer step

Everything else (freezing, checkpoints, early stopping, progress, plots) lives in callbacks.
Under ``torchrun`` the same loop trains one model on several processes (distributed.py): each
takes its share of every batch, and DDP averages the gradients during the last backward.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from itertools import islice

import torch
from torch import nn

from ..device import pick_device, precision_policy
from ..i18n import CourseRuntimeError, CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)
from .callbacks import Callback, CallbackList
from .checkpoint import Checkpoint, load_checkpoint
from .config import TrainConfig
from .distributed import process_device
from .distributed import setup as setup_distributed
from .live_plot import LivePlot, in_notebook
from .losses import language_model_loss
from .moving import move_to
from .optim import build_adamw
from .progress import ProgressBar
from .schedule import lr_at
from .state import History, TrainResult, TrainState


def train(
    model: nn.Module,
    batches: Iterable,
    config: TrainConfig,
    *,
    loss_fn: Callable = language_model_loss,
    callbacks: Iterable[Callback] = (),
    eval_fn: Callable[[nn.Module], float | dict] | None = None,
    optimizer: torch.optim.Optimizer | None = None,
    generator: torch.Generator | None = None,
    resume_from=None,
    metadata: dict | None = None,
) -> TrainResult:
    """Train ``model`` on ``batches`` as ``config`` says; return the history.

    batches:   any iterable of batches; one pass over it is an epoch (an endless sampler such
               as ``RandomWindows`` needs ``max_steps``).
    loss_fn:   ``loss_fn(model, batch) -> losses (B,)`` or ``(losses, outputs)``; the default is
               next-token cross-entropy for ``(inputs, targets)`` batches.
    eval_fn:   ``eval_fn(model) -> val loss or {name: value}``, called every ``eval_every`` steps
               and at the end, in eval mode without gradients.
    optimizer: default AdamW with weight-decay groups (optim.py). Each param group's lr is the
               scheduled lr times its ``lr_scale`` (1 if absent).
    generator: the ``torch.Generator`` the batches are drawn with; checkpoints save its state
               so that a resumed run sees exactly the batches it would have seen.
    resume_from: a checkpoint folder (or a folder of them: the latest) to continue from.
    metadata:  JSON saved in every checkpoint (e.g. the model's config).
    """
    device = process_device(torch.device(config.device) if config.device else pick_device())
    policy = precision_policy(device)
    model.to(device)
    state = TrainState(
        model=model,
        optimizer=optimizer if optimizer is not None else build_adamw(model, config),
        config=config,
        device=device,
        total_steps=planned_steps(config, batches),
        scaler=policy.grad_scaler(),
        generator=generator,
        metadata=dict(metadata or {}),
    )
    checkpoint = None
    if resume_from is not None:
        checkpoint = load_checkpoint(resume_from, model, state.optimizer, scaler=state.scaler)
        state.step, state.history = checkpoint.step, History.from_dict(checkpoint.history or {})
        state.epoch = checkpoint.progress.get("epoch", 0)
        state.batch_in_epoch = checkpoint.progress.get("batch_in_epoch", 0)
        state.last_checkpoint = checkpoint.path
    state.distributed = setup_distributed(model, device, generator)

    main = state.distributed.is_main  # under torchrun only rank 0 shows progress
    progress = ProgressBar(config.log_every) if config.progress and main else None
    display = [progress] if progress else []
    if config.live_plot_every and main and in_notebook():
        display.append(LivePlot(config.live_plot_every))
    hooks = CallbackList([*callbacks, *display])  # display last: it shows what the others recorded

    model.train()
    hooks.call("on_train_begin", state)
    try:
        _check_finished(state)
        while not state.should_stop:
            epoch_done = _run_epoch(state, batches, loss_fn, policy, hooks, eval_fn, checkpoint)
            checkpoint = None  # only the first epoch after a resume replays the sampler
            if epoch_done:
                hooks.call("on_epoch_end", state)
                state.epoch, state.batch_in_epoch = state.epoch + 1, 0
                _check_finished(state)
        if eval_fn is not None and (not state.history.eval or state.history.eval[-1]["step"] != state.step):
            evaluate(state, eval_fn, hooks)
        hooks.call("on_train_end", state)
    finally:
        if progress is not None:
            progress.close()
    return TrainResult(state.history, state.step, state.epoch, state.stop_reason, state.last_checkpoint)


def _run_epoch(state, batches, loss_fn, policy, hooks, eval_fn, checkpoint) -> bool:
    """Train on one pass over ``batches``; True if the pass ended, False if training stopped inside it."""
    config = state.config
    iterator = _start_epoch(state, batches, checkpoint)
    if state.batch_in_epoch == 0:
        hooks.call("on_epoch_begin", state)
    while not state.should_stop:
        micro_batches = list(islice(iterator, config.grad_accum_steps))
        if not micro_batches:
            if state.batch_in_epoch == 0:
                raise CourseValueError("train_empty_batches", epoch=state.epoch)
            return True
        state.batch_in_epoch += len(micro_batches)
        train_step(state, micro_batches, loss_fn, policy, hooks)
        _check_finished(state)
        periodic = config.eval_every is not None and state.step % config.eval_every == 0
        if eval_fn is not None and (periodic or state.should_stop):
            evaluate(state, eval_fn, hooks)
        hooks.call("on_step_end", state)
    return False


def train_step(state: TrainState, micro_batches: list, loss_fn: Callable, policy, hooks: CallbackList) -> None:
    """One optimizer update from ``micro_batches`` (gradient accumulation over them)."""
    config, model, optimizer = state.config, state.model, state.optimizer
    state.lr = lr_at(state.step, config, state.total_steps)
    for group in optimizer.param_groups:
        group["lr"] = state.lr * group.get("lr_scale", 1.0)
    hooks.call("on_step_begin", state)
    optimizer.zero_grad(set_to_none=True)  # None, not 0: frozen parameters then stay untouched

    distributed = state.distributed
    forward_model = distributed.forward_model(model)  # the DDP wrapper under torchrun
    task_total, extra_total = 0.0, 0.0
    for index, batch in enumerate(micro_batches):
        state.batch = move_to(distributed.share(batch), state.device)
        # Under torchrun, gradients are averaged across processes only in the last backward.
        with distributed.syncing(last_micro_batch=index == len(micro_batches) - 1):
            with policy.autocast():
                result = loss_fn(forward_model, state.batch)
                state.per_example_loss, state.outputs = _per_example(result, state.batch)
                weights = hooks.example_weights(state)
                if weights is None:
                    task_loss = state.per_example_loss.mean()
                else:  # weights are data, not parameters: no gradient flows into them
                    task_loss = (weights.detach().to(state.per_example_loss) * state.per_example_loss).sum()
                extra = hooks.extra_loss(state)
            loss = task_loss if extra is None else task_loss + extra
            _stop_if_not_finite(state, loss.detach(), "train_nan_loss")
            hooks.call("on_before_backward", state, loss)
            # Dividing by the number of micro-batches makes k accumulated halves equal one whole batch.
            state.scaler.scale(loss / len(micro_batches)).backward()
        task_total += task_loss.item()
        extra_total += 0.0 if extra is None else float(extra.detach())
    task_total, extra_total = distributed.mean(task_total, extra_total)  # the whole batch's loss

    state.scaler.unscale_(optimizer)  # true gradients from here on (a no-op without fp16)
    hooks.call("on_after_backward", state)
    grad_norm = None
    if config.grad_clip is not None:
        trainable = [p for p in model.parameters() if p.grad is not None]
        grad_norm = float(torch.nn.utils.clip_grad_norm_(trainable, config.grad_clip))
        if not state.scaler.is_enabled():  # with fp16 an inf gradient is normal: the scaler skips that step
            _stop_if_not_finite(state, torch.tensor(grad_norm), "train_nan_grad")
    state.scaler.step(optimizer)
    state.scaler.update()
    state.step += 1

    record = {"step": state.step, "loss": task_total / len(micro_batches), "lr": state.lr}
    if extra_total:
        record["extra_loss"] = extra_total / len(micro_batches)
    if grad_norm is not None:
        record["grad_norm"] = grad_norm
    state.history.train.append(record)


@torch.no_grad()
def evaluate(state: TrainState, eval_fn: Callable, hooks: CallbackList) -> dict:
    """Run ``eval_fn`` in eval mode, record its metrics in the history, tell the callbacks."""
    state.model.eval()
    try:
        metrics = eval_fn(state.model)
    finally:
        state.model.train()
    if not isinstance(metrics, dict):
        metrics = {"val_loss": float(metrics)}
    state.history.eval.append({"step": state.step, **metrics})
    state.last_metrics = metrics
    hooks.call("on_evaluate", state, metrics)
    return metrics


def planned_steps(config: TrainConfig, batches) -> int:
    """How many optimizer steps the run will take (the schedule's length)."""
    steps_from_epochs = None
    if config.epochs is not None:
        try:
            steps_from_epochs = config.epochs * math.ceil(len(batches) / config.grad_accum_steps)
        except TypeError:
            if config.max_steps is None:
                raise CourseValueError("train_no_length", epochs=config.epochs) from None
    candidates = [n for n in (config.max_steps, steps_from_epochs) if n is not None]
    return min(candidates)


def _start_epoch(state: TrainState, batches, checkpoint: Checkpoint | None):
    """An iterator over this epoch's batches; after a resume, positioned where the checkpoint was."""
    generator = state.generator
    if checkpoint is None:
        if generator is not None:
            state.epoch_start_generator_state = generator.get_state()
        return iter(batches)
    # Resuming: replay the epoch from its start and skip the batches already used. Then every
    # random generator is put back exactly where it was when the checkpoint was written.
    saved = checkpoint.generator_states
    if generator is not None and "data_epoch_start" in saved:
        generator.set_state(saved["data_epoch_start"])
        state.epoch_start_generator_state = saved["data_epoch_start"]
    iterator = iter(batches)
    for _ in range(state.batch_in_epoch):
        next(iterator, None)
    if generator is not None and "data" in saved:
        generator.set_state(saved["data"])
    checkpoint.restore_rng()
    return iterator


def _per_example(result, batch) -> tuple[torch.Tensor, object]:
    losses, outputs = result if isinstance(result, tuple) else (result, None)
    if losses.ndim != 1:
        first = batch[0] if isinstance(batch, tuple | list) else batch
        size = first.shape[0] if hasattr(first, "shape") else "B"
        raise CourseValueError("train_bad_loss_shape", batch=size, shape=tuple(losses.shape))
    return losses, outputs


def _stop_if_not_finite(state: TrainState, value: torch.Tensor, key: str) -> None:
    if not torch.isfinite(value).all():
        raise CourseRuntimeError(key, step=state.step + 1, value=float(value), lr=state.lr,
                                 checkpoint=state.last_checkpoint or "-")


def _check_finished(state: TrainState) -> None:
    config = state.config
    if config.max_steps is not None and state.step >= config.max_steps:
        state.should_stop, state.stop_reason = True, state.stop_reason or "max_steps"
    elif config.epochs is not None and state.epoch >= config.epochs:
        state.should_stop, state.stop_reason = True, state.stop_reason or "epochs"
