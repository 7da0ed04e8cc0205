"""Guided attention: the targets, the loss against torch's kl_div and a hand computation, the
schedule, the recorded maps against the model's own attention path, and the method in compare()."""

import math

import pytest
import torch
import torch.nn.functional as F
from finetune_helpers import tiny_gpt
from test_finetune_compare import CharTokenizer, TinyBase

from course_lib.finetune import Full, compare, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import CourseValueError
from course_lib.methods.guided_attention import (
    GuidedAttention,
    diagonal_target,
    guidance_loss,
    guidance_weight,
    previous_token_target,
)
from course_lib.model.gpt import CausalAttention
from course_lib.train import TrainConfig, train


def _causal_maps(B, H, T, seed=0):
    generator = torch.Generator().manual_seed(seed)
    scores = torch.randn(B, H, T, T, generator=generator)
    return scores.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)


@pytest.mark.parametrize("target", [previous_token_target(7), diagonal_target(7, 0.2)])
def test_targets_are_causal_distributions(target):
    torch.testing.assert_close(target.sum(-1), torch.ones(7))
    assert target.triu(1).abs().max() == 0


def test_previous_and_diagonal_by_hand():
    assert previous_token_target(4).argmax(-1).tolist() == [0, 0, 1, 2]
    row = [math.exp(-((n / 5 - 3 / 5) ** 2) / (2 * 0.2**2)) for n in range(4)]
    torch.testing.assert_close(diagonal_target(5, 0.2)[3, :4], torch.tensor(row) / sum(row))


def test_kl_guidance_loss_matches_torch_kl_div_and_skips_unguided_rows():
    maps, target = _causal_maps(2, 3, 6), diagonal_target(6, 0.3)
    rows = torch.tensor([[0, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1]], dtype=torch.bool)
    future = torch.ones(6, 6, dtype=torch.bool).triu(1)  # log 0 = -inf there; kl_div needs a finite input
    expected = F.kl_div(maps.log().masked_fill(future, 0.0), target.expand(2, 3, 6, 6), reduction="none").sum(-1)
    expected = expected[rows[:, None, :].expand(2, 3, 6)].mean()
    torch.testing.assert_close(guidance_loss(maps, target, rows), expected)
    assert guidance_loss(target.expand(2, 1, 6, 6), target) < 1e-6  # zero exactly when the maps agree


def test_one_hot_targets_and_mse_by_hand():
    maps = _causal_maps(1, 1, 3, seed=2)
    target = previous_token_target(3)
    by_hand = (-math.log(maps[0, 0, 0, 0]) - math.log(maps[0, 0, 1, 0]) - math.log(maps[0, 0, 2, 1])) / 3
    assert float(guidance_loss(maps, target)) == pytest.approx(by_hand, rel=1e-5)
    mse = float(((maps[0, 0] - target) ** 2).mean())
    assert float(guidance_loss(maps, target, distance="mse")) == pytest.approx(mse, rel=1e-5)


def test_guidance_weight_decays():
    assert guidance_weight(0, 100, 2.0) == 2.0
    assert guidance_weight(50, 100, 2.0) == pytest.approx(1.0)
    assert guidance_weight(100, 100, 2.0) == 0.0
    assert guidance_weight(50, 100, 2.0, "cosine") == pytest.approx(1.0)
    assert guidance_weight(70, 100, 2.0, "constant") == 2.0
    with pytest.raises(CourseValueError, match="decay"):
        guidance_weight(1, 10, 1.0, "exponential")


def test_recorded_maps_are_the_models_own_and_guidance_trains_the_head():
    model = tiny_gpt()
    ids = torch.randint(1, 40, (4, 12), generator=torch.Generator().manual_seed(0))
    method = GuidedAttention("previous", lam=5.0, layer=1, heads=(1,), decay="constant")
    callbacks = method.setup(model, None, None)
    fused = tiny_gpt()(ids).logits
    recorded = model(ids).logits
    torch.testing.assert_close(recorded, fused, atol=1e-5, rtol=1e-5)  # the recorder changes no output
    torch.testing.assert_close(callbacks[0].recorder.weights, model(ids, return_attention=True).attentions[1])
    with torch.no_grad():
        before = float(guidance_loss(model(ids[:, :-1], return_attention=True).attentions[1][:, 1:2], previous_token_target(11)))
    batches = [(ids[:, :-1], ids[:, 1:])] * 60
    train(model, batches, TrainConfig(max_steps=60, lr=3e-2, progress=False, live_plot_every=None, device="cpu"),
          callbacks=callbacks)
    method.teardown(model)
    assert isinstance(model.blocks[1].attn.attend, CausalAttention)
    with torch.no_grad():
        after = float(guidance_loss(model(ids[:, :-1], return_attention=True).attentions[1][:, 1:2], previous_token_target(11)))
    assert after < 0.1 * before


def test_guided_attention_runs_inside_compare_with_its_defaults():
    task = world_topic("tr", n_train=16, n_dev=8)
    text = "Ayşe bugün pazara gitti. " * 10
    base = TinyBase(tiny_gpt(), CharTokenizer(), {}, text)
    config = FinetuneConfig(epochs=1, batch_size=8, lr=1e-2, max_length=15, forgetting_tokens=60,
                            forgetting_block=15, device="cpu")
    method = GuidedAttention()
    result = compare(base, task, [Full(), method], seeds=(0,), config=config, cache_dir=False, progress=False)
    assert list(result.table.index) == ["full", "guided_attention"]
    assert len(method.callback.history) == 2 and all(h > 0 for h in method.callback.history)
    assert "callback" not in method.settings() and method.settings()["target"] == "previous"


def test_bad_settings_are_refused():
    with pytest.raises(CourseValueError, match="target"):
        GuidedAttention(target="next")
    with pytest.raises(CourseValueError, match="lam"):
        GuidedAttention(lam=-1)
    with pytest.raises(CourseValueError, match="layer"):
        GuidedAttention(layer=9).setup(tiny_gpt(), None, None)
