"""Chapter 02's pictures and widgets: they draw what they claim, on a tiny GPT, without error."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

from course_lib.i18n import CourseValueError  # noqa: E402
from course_lib.model import GPT, GPTConfig  # noqa: E402
from course_lib.tokenizer import BPETokenizer, CharTokenizer  # noqa: E402
from course_lib.train import History  # noqa: E402
from course_lib.viz.attention import (  # noqa: E402
    attention_maps,
    attention_viewer,
    causal_mask,
    plot_attention_heads,
    plot_causal_mask,
)
from course_lib.viz.sampling import (  # noqa: E402
    continue_text,
    filtered_distributions,
    plot_sampling_filters,
    prompt_ids,
    sampling_playground,
)
from course_lib.viz.scaling import plot_scaling, variant_label, variant_settings  # noqa: E402
from course_lib.viz.tokens import token_labels  # noqa: E402

TEXT = "Ali went to Izmir. Ali İzmir'e gitti. Ayşe sent a letter.\n"


@pytest.fixture(scope="module")
def tokenizer():
    return CharTokenizer.train(TEXT, special_tokens=["<|endoftext|>"])


@pytest.fixture(scope="module")
def model(tokenizer):
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=tokenizer.vocab_size, block_size=24, n_layer=2, n_head=2, n_embd=16))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_causal_mask_is_lower_triangular():
    mask = causal_mask(4)
    assert mask.tolist() == [[True, False, False, False], [True, True, False, False],
                             [True, True, True, False], [True, True, True, True]]
    assert plot_causal_mask(4).axes


def test_attention_maps_are_causal_distributions(model, tokenizer):
    ids = tokenizer.encode("Ali went to Izmir.")
    maps = attention_maps(model, ids)
    assert len(maps) == 2 and maps[0].shape == (2, len(ids), len(ids))
    for weights in maps:
        assert torch.allclose(weights.sum(-1), torch.ones(2, len(ids)))
        assert torch.all(weights.triu(diagonal=1) == 0)
    assert model.training  # the mode is restored


def test_attention_heads_plot_one_panel_per_head(model, tokenizer):
    ids = tokenizer.encode("Ali went")
    fig = plot_attention_heads(attention_maps(model, ids)[1], token_labels(tokenizer, ids))
    assert sum(len(ax.images) for ax in fig.axes) == 2  # one heat map per head (plus a colour bar)


def test_attention_viewer_widget_redraws_and_refuses_bad_indices(model, tokenizer):
    ids = tokenizer.encode("Ayşe sent")
    viewer = attention_viewer(model, ids, token_labels(tokenizer, ids))
    layer_slider, head_menu = viewer.children[0].children
    layer_slider.value = 1  # redraws without error
    head_menu.value = 1
    with pytest.raises(CourseValueError, match="layer=5"):
        attention_viewer(model, ids, token_labels(tokenizer, ids), layer=5)
    with pytest.raises(CourseValueError, match="head=2"):
        attention_viewer(model, ids, token_labels(tokenizer, ids), head=2)


def test_token_labels_show_spaces_and_bpe_pieces():
    bpe = BPETokenizer.train("ali ali ali veli", 260)
    ids = bpe.encode("ali veli")
    labels = token_labels(bpe, ids)
    assert "".join(labels).replace("␣", " ") == "ali veli"
    assert token_labels(None, [3, 4]) == ["3", "4"]


def test_filtered_distributions_follow_their_definitions():
    logits = torch.tensor([3.0, 2.0, 1.0, 0.0, -1.0])
    shown = filtered_distributions(logits, temperatures=(0.5, 1.0, 2.0), top_k=2, top_p=0.8)
    assert torch.allclose(shown["T=1"], logits.softmax(-1))
    assert shown["T=0.5"].max() > shown["T=1"].max() > shown["T=2"].max()  # cooler is sharper
    assert (shown["top-k=2"] > 0).sum() == 2
    # top-p keeps the smallest head of the sorted distribution that reaches 0.8
    probs = logits.softmax(-1)
    kept = int((shown["top-p=0.8"] > 0).sum())
    assert probs[: kept - 1].sum() < 0.8 <= probs[:kept].sum()
    assert len(plot_sampling_filters(logits, list("abcde"), top=5).axes) == 5


def test_continue_text_is_repeatable_and_greedy_is_deterministic(model, tokenizer):
    one = continue_text(model, tokenizer, "Ali", 12, temperature=1.0, top_k=5, seed=3)
    assert one == continue_text(model, tokenizer, "Ali", 12, temperature=1.0, top_k=5, seed=3)
    assert one.startswith("Ali") and len(tokenizer.encode(one)) == 3 + 12
    assert continue_text(model, tokenizer, "Ali", 8, temperature=0, seed=1) == continue_text(
        model, tokenizer, "Ali", 8, temperature=0, seed=2)


def test_empty_prompt_starts_from_a_special_token_or_is_refused(tokenizer):
    assert prompt_ids(tokenizer, "") == [tokenizer.special_id("<|endoftext|>")]
    with pytest.raises(CourseValueError, match="prompt"):
        prompt_ids(CharTokenizer.train("abc"), "")


def test_sampling_playground_renders_and_writes(model, tokenizer):
    box = sampling_playground(model, tokenizer, "Ali", max_new_tokens=10, seed=0)
    output = box.children[1]
    assert output.value.startswith("Ali")
    controls = box.children[0].children
    prompt_box, temperature = controls[0], controls[1]
    prompt_box.value, temperature.value = "Ayşe", 0.0
    box.write()
    greedy = continue_text(model, tokenizer, "Ayşe", 10, temperature=0)
    assert output.value == greedy


def test_moving_a_slider_writes_again_without_the_button(model, tokenizer):
    box = sampling_playground(model, tokenizer, "Ali", max_new_tokens=10, seed=0)
    output, temperature = box.children[1], box.children[0].children[1]
    assert not temperature.continuous_update  # one write when the slider is let go, not per step
    temperature.value = 0.0
    assert output.value == continue_text(model, tokenizer, "Ali", 10, temperature=0)


def test_variant_settings_double_one_thing():
    base = dict(n_layer=2, n_embd=32, steps=100)
    assert variant_settings("base", **base) == base
    assert variant_settings("width", **base) == dict(base, n_embd=64)
    assert variant_settings("depth", **base) == dict(base, n_layer=4)
    assert variant_settings("data", **base) == dict(base, steps=200)
    with pytest.raises(CourseValueError, match="'huge'"):
        variant_settings("huge", **base)
    assert variant_label("width") == "2× width"


def test_plot_scaling_draws_a_curve_and_a_bar_per_run():
    runs = []
    for label, losses in (("base", [5.0, 4.0]), ("2× data", [5.0, 4.0, 3.5, 3.2])):
        history = History(eval=[{"step": 10 * (i + 1), "val_loss": loss} for i, loss in enumerate(losses)])
        runs.append({"label": label, "n_params": 1000, "tokens_per_step": 64, "history": history})
    fig = plot_scaling(runs)
    curves, bars = fig.axes
    assert len(curves.get_lines()) == 2 and len(bars.patches) == 2
    assert [p.get_height() for p in bars.patches] == [4.0, 3.2]
