"""A progress bar for training: tqdm.auto, so a notebook shows a widget and a terminal a text bar."""

from __future__ import annotations

from tqdm.auto import tqdm

from .callbacks import Callback
from .state import TrainState


class ProgressBar(Callback):
    """Shows steps done out of the planned total, with the latest loss, lr and validation loss."""

    def __init__(self, every: int = 10):
        self.every = every
        self.bar = None

    def on_train_begin(self, state: TrainState) -> None:
        self.bar = tqdm(total=state.total_steps, initial=state.step, desc="train", unit="step",
                        dynamic_ncols=True)

    def on_step_end(self, state: TrainState) -> None:
        self.bar.update(1)
        if state.step % self.every == 0 and state.history.train:
            last = state.history.train[-1]
            shown = {"loss": f"{last['loss']:.4f}", "lr": f"{last['lr']:.2e}"}
            if state.history.eval:
                shown["val"] = f"{state.history.eval[-1].get('val_loss', float('nan')):.4f}"
            self.bar.set_postfix(shown, refresh=False)

    def on_train_end(self, state: TrainState) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
