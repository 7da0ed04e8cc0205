"""Training: one readable loop, learning-rate schedules, callbacks and safe checkpoints.

    from course_lib.train import TrainConfig, train, CheckpointEvery
    result = train(model, batches, TrainConfig(max_steps=500, lr=1e-3, eval_every=100),
                   eval_fn=loss_evaluator(val_batches), callbacks=[CheckpointEvery("runs/a", every=100)])

Files: config.py (TrainConfig), loop.py (train, train_step), losses.py (per-example losses),
optim.py (AdamW groups), schedule.py (warmup+cosine, slanted triangular), callbacks.py (the hooks and
built-in callbacks; freezing lives in course_lib.finetune), checkpoint.py + rng.py (save / verify / resume),
evaluate.py, progress.py, live_plot.py, messages.py; distributed.py (what changes under
torchrun). ``RandomWindows``, the pretraining sampler, is course_lib.data.batching's (one window
sampler for the whole course), re-exported here.
"""

from ..data.batching import RandomWindows  # the pretraining sampler, here where train() is
from .callbacks import Callback, CallbackList, CheckpointEvery, EarlyStopping
from .checkpoint import (
    Checkpoint,
    checkpoint_name,
    latest_checkpoint,
    load_checkpoint,
    save_checkpoint,
    verify_checkpoint,
)
from .config import TrainConfig
from .evaluate import evaluate_loss, loss_evaluator
from .live_plot import LivePlot, plot_history
from .loop import train, train_step
from .losses import classification_loss, language_model_loss, logits_of
from .optim import build_adamw, weight_decay_groups
from .schedule import lr_at, slanted_triangular_lr, warmup_cosine_lr
from .state import History, TrainResult, TrainState

__all__ = [
    "Callback", "CallbackList", "CheckpointEvery", "EarlyStopping", "Checkpoint", "checkpoint_name",
    "latest_checkpoint", "load_checkpoint", "save_checkpoint", "verify_checkpoint", "TrainConfig",
    "evaluate_loss", "loss_evaluator", "LivePlot", "plot_history", "train", "train_step", "classification_loss",
    "language_model_loss", "logits_of", "build_adamw", "weight_decay_groups", "RandomWindows", "lr_at",
    "slanted_triangular_lr", "warmup_cosine_lr", "History", "TrainResult", "TrainState",
]
