"""One seed of chapter 13's experiment end to end at toy size: every number is a share in [0, 1]
computed from the rows it came from, and the table and plots hold them."""

import math

import matplotlib
import pytest

from course_lib.risks.hallucination import UNSEEN, accuracy_by_exposure
from course_lib.risks.hallucination_exposure import ExposureConfig
from course_lib.risks.hallucination_study import (
    StudySettings,
    flat_numbers,
    mean_summary,
    run_seed,
    summary_table,
)
from course_lib.risks.uncertainty import accuracy_coverage
from course_lib.viz.hallucination import plot_coverage, plot_exposure

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    config = ExposureConfig(facts_per_frequency=2, unseen_people=2, filler_chars=0, n_layer=1, n_head=2, n_embd=16,
                            block_size=32, batch_size=8, steps=5, warmup_steps=1)
    settings = StudySettings(samples=2, max_new_tokens=4, tune_steps=2, tune_batch_size=4)
    return run_seed(config, 0, settings, cache_dir=tmp_path_factory.mktemp("cache"), progress=False)


def test_numbers_come_from_the_rows(run):
    assert run["accuracy"] == accuracy_by_exposure(run["rows"])
    seen = [row for row in run["rows"] if row["exposure"] != UNSEEN]
    assert run["retrieval"]["without"] == pytest.approx(sum(r["correct"] for r in seen) / len(seen))
    assert run["singleton_rate"] == pytest.approx(1 / 5)
    for name, value in flat_numbers(run).items():
        assert math.isnan(value) or 0.0 <= value <= 1.0, name
    assert set(run["abstain"]) == {"pretrained", "plain", "idk"}


def test_table_and_summary_over_two_seeds(run):
    other = dict(run, seed=1, accuracy={f: 1 - a for f, a in run["accuracy"].items()})
    table = summary_table([run, other])
    assert list(table.columns) == ["mean", "std", "seed 0", "seed 1"]
    assert table.loc["accuracy f=1", "mean"] == pytest.approx(0.5)
    assert mean_summary([run, other])["accuracy"][16] == pytest.approx(0.5)


def test_plots_draw(run):
    fig = plot_exposure([run])
    assert len(fig.axes[0].lines) == 2
    curve = accuracy_coverage([row["entropy"] for row in run["rows"]], [row["correct"] for row in run["rows"]])
    assert plot_coverage({"entropy": curve}).axes[0].get_xlabel()
