"""A loss curve that redraws itself while a notebook trains (nothing happens outside a notebook)."""

from __future__ import annotations

import sys

from .callbacks import Callback
from .state import History, TrainState


def in_notebook() -> bool:
    """True inside Jupyter or Colab (an IPython kernel that can show rich output)."""
    if "google.colab" in sys.modules:
        return True
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def plot_history(history: History, ax=None, title: str = "loss"):
    """Draw train and validation loss against the step on ``ax`` (a new figure if None)."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    ax.clear()
    steps, losses = history.series("train", "loss")
    ax.plot(steps, losses, label="train", linewidth=1)
    val_steps, val_losses = history.series("eval", "val_loss")
    if val_steps:
        ax.plot(val_steps, val_losses, "o-", label="validation")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


class LivePlot(Callback):
    """Redraw the loss curves every ``every`` steps and at the end, in place, in a notebook."""

    def __init__(self, every: int = 50):
        self.every = every
        self.figure = self.ax = self.handle = None

    def on_train_begin(self, state: TrainState) -> None:
        import matplotlib.pyplot as plt
        from IPython.display import display

        self.figure, self.ax = plt.subplots(figsize=(6, 3.5))
        plt.close(self.figure)  # we show it ourselves through the display handle
        self.handle = display(self.figure, display_id=True)

    def on_step_end(self, state: TrainState) -> None:
        if state.step % self.every == 0:
            self._redraw(state)

    def on_train_end(self, state: TrainState) -> None:
        self._redraw(state)

    def _redraw(self, state: TrainState) -> None:
        plot_history(state.history, self.ax)
        self.handle.update(self.figure)
