"""What a learner sees while training: the progress bar and the live loss plot."""

import matplotlib

matplotlib.use("Agg")

import IPython.display  # noqa: E402

from course_lib.train import LivePlot, plot_history, train  # noqa: E402
from course_lib.train.live_plot import in_notebook  # noqa: E402
from tests.test_train_loop import cfg, fixed_batches, tiny_model  # noqa: E402


def test_plot_history_draws_train_and_validation_curves():
    result = train(tiny_model(), fixed_batches(4), cfg(max_steps=4, eval_every=2), eval_fn=lambda m: 1.5)
    ax = plot_history(result.history)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines["train"].get_xdata()) == [1, 2, 3, 4]
    assert list(lines["train"].get_ydata()) == result.history.train_losses
    assert list(lines["validation"].get_xdata()) == [2, 4]


def test_live_plot_updates_its_display_every_n_steps(monkeypatch):
    updates = []

    class Handle:
        def update(self, figure):
            updates.append(len(figure.axes[0].get_lines()[0].get_xdata()))

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: Handle())
    assert not in_notebook()  # under pytest the loop adds no plot by itself
    train(tiny_model(), fixed_batches(6), cfg(max_steps=6, progress=True), callbacks=[LivePlot(every=2)])
    assert updates == [2, 4, 6, 6]  # every 2 steps, then once at the end
