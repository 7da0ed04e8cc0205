"""The recipe plots draw what the loop does: the schedule from lr_at, one curve per swept lr."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from course_lib.train import History, TrainConfig  # noqa: E402
from course_lib.train.schedule import warmup_cosine_lr  # noqa: E402
from course_lib.viz.recipe import plot_lr_schedule, plot_lr_sweep  # noqa: E402


def test_schedule_curve_is_warmup_cosine_of_the_config():
    config = TrainConfig(max_steps=50, lr=2e-3, warmup_steps=5)
    fig = plot_lr_schedule(config, 50)
    xs, ys = fig.axes[0].lines[0].get_data()
    expected = [warmup_cosine_lr(s, max_lr=2e-3, min_lr=2e-4, warmup_steps=5, total_steps=50) for s in range(50)]
    assert list(xs) == list(range(50))
    assert list(ys) == pytest.approx(expected)
    assert max(ys) == pytest.approx(2e-3, rel=0.01) and ys[-1] == pytest.approx(2e-4, rel=0.05)
    plt.close(fig)


def test_sweep_draws_one_labelled_curve_per_lr():
    runs = {}
    for lr, losses in ((1e-3, [5.0, 4.0, 3.5]), (1e-2, [5.0, 6.0, 9.0])):
        history = History()
        history.train = [{"step": i, "loss": v} for i, v in enumerate(losses)]
        runs[lr] = history
    fig = plot_lr_sweep(runs)
    lines = fig.axes[0].lines
    assert [line.get_label() for line in lines] == ["lr = 0.001", "lr = 0.01"]
    assert list(lines[1].get_ydata()) == [5.0, 6.0, 9.0]
    plt.close(fig)
