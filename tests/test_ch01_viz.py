"""Chapter 01 pictures return figures; the merge slider's HTML is escaped and follows the slider."""

import matplotlib.pyplot as plt
import pytest

from course_lib.i18n import set_language
from course_lib.tokenizer.fertility_sweep import FertilityPoint
from course_lib.viz.merge_slider import merge_slider, segmentation_html
from course_lib.viz.tokenization import plot_fertility, plot_segmentations, plot_token_premium, plot_top_pairs


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_plots_return_figures_with_labels(lang):
    set_language(lang)
    fig = plot_top_pairs([("e␣", 10), ("<c4><b1>", 7)], title="t")
    assert isinstance(fig, plt.Figure) and len(fig.axes[0].patches) == 2
    fig = plot_segmentations({0: ["a", "b", "c"], 2: ["abc"]})
    assert isinstance(fig, plt.Figure) and len(fig.axes[0].patches) == 4
    points = [FertilityPoint("world", lang_, v, f, 1, 1) for lang_, v, f in
              [("tr", 300, 5.0), ("en", 300, 3.0), ("tr", 600, 3.0), ("en", 600, 2.0)]]
    fig = plot_fertility(points)
    assert len(fig.axes[0].lines) == 2
    assert fig.axes[0].lines[0].get_ydata().tolist() == [5.0, 3.0]
    fig = plot_token_premium({"EN": 1.7, "TR": 0.5})
    assert isinstance(fig, plt.Figure) and len(fig.axes[0].patches) == 2


def test_segmentation_html_escapes_and_counts():
    html = segmentation_html(["<c4>", "a&b"])
    assert "&lt;c4&gt;" in html and "a&amp;b" in html and "2 tokens" in html


def test_merge_slider_follows_the_slider():
    box = merge_slider([[["a", "b"], ["ab"]], [["c", "d"], ["cd"]]])
    slider, view = box.children
    assert slider.max == 1 and "(2 tokens)" in view.value
    slider.value = 1
    assert ">ab<" in view.value and ">cd<" in view.value and "(1 token)" in view.value
