"""Learning-rate schedules against hand computation; AdamW weight-decay groups; config validation."""

import math

import pytest
import torch
from torch import nn

from course_lib.i18n import CourseValueError
from course_lib.train import TrainConfig, lr_at, slanted_triangular_lr, warmup_cosine_lr, weight_decay_groups


def test_warmup_cosine_matches_hand_computation():
    kw = dict(max_lr=1e-3, min_lr=1e-4, warmup_steps=10, total_steps=110)
    assert warmup_cosine_lr(0, **kw) == pytest.approx(1e-3 * 1 / 11)  # first step is not lr = 0
    assert warmup_cosine_lr(9, **kw) == pytest.approx(1e-3 * 10 / 11)
    assert warmup_cosine_lr(10, **kw) == pytest.approx(1e-3)  # peak right after warmup
    # Halfway through the decay: cos(pi/2) = 0, so lr = min + (max - min) / 2.
    assert warmup_cosine_lr(60, **kw) == pytest.approx(1e-4 + 0.5 * 9e-4)
    # A quarter of the way: min + (max-min) * (1 + cos(pi/4)) / 2.
    assert warmup_cosine_lr(35, **kw) == pytest.approx(1e-4 + 9e-4 * (1 + math.sqrt(0.5)) / 2)
    assert warmup_cosine_lr(110, **kw) == pytest.approx(1e-4)
    assert warmup_cosine_lr(500, **kw) == pytest.approx(1e-4)  # stays at the floor


def test_slanted_triangular_matches_ulmfit_equation():
    # ULMFiT eq. 3 with T = 1000, cut_frac = 0.1 (cut = 100), ratio = 32, eta_max = 0.01.
    kw = dict(max_lr=0.01, total_steps=1000, cut_frac=0.1, ratio=32)
    assert slanted_triangular_lr(0, **kw) == pytest.approx(0.01 / 32)
    assert slanted_triangular_lr(50, **kw) == pytest.approx(0.01 * (1 + 0.5 * 31) / 32)
    assert slanted_triangular_lr(100, **kw) == pytest.approx(0.01)
    # After the peak p = 1 - (t - cut) / (cut * (1/cut_frac - 1)) = 1 - 450 / 900 = 0.5 at t = 550.
    assert slanted_triangular_lr(550, **kw) == pytest.approx(0.01 * (1 + 0.5 * 31) / 32)
    assert slanted_triangular_lr(1000, **kw) == pytest.approx(0.01 / 32)


def test_lr_at_dispatches_on_config():
    config = TrainConfig(max_steps=100, lr=2e-3, schedule="slanted_triangular")
    assert lr_at(10, config, 100) == pytest.approx(2e-3)
    config = TrainConfig(max_steps=100, lr=2e-3, schedule="constant")
    assert lr_at(77, config, 100) == 2e-3
    config = TrainConfig(max_steps=100, lr=2e-3, warmup_steps=0)  # cosine, floor lr / 10
    assert lr_at(100, config, 100) == pytest.approx(2e-4)


class _Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = nn.Embedding(10, 4)
        self.proj = nn.Linear(4, 4)
        self.norm = nn.LayerNorm(4)
        self.head = nn.Linear(4, 10, bias=False)
        self.head.weight = self.tok.weight  # tied: still an embedding


def _names_by_decay(groups):
    return {g["weight_decay"]: sorted(g["names"]) for g in groups}


def test_weight_decay_only_on_matrices_not_on_biases_norms_embeddings():
    groups = weight_decay_groups(_Net(), 0.1)
    assert _names_by_decay(groups) == {0.1: ["proj.weight"],
                                       0.0: ["norm.bias", "norm.weight", "proj.bias", "tok.weight"]}
    groups = weight_decay_groups(_Net(), 0.1, decay_embeddings=True)
    assert _names_by_decay(groups)[0.1] == ["proj.weight", "tok.weight"]
    # The tied head appears once: every parameter is in exactly one group.
    assert sum(len(g["params"]) for g in groups) == len(list(_Net().parameters()))


def test_lr_scale_splits_groups_for_discriminative_rates():
    groups = weight_decay_groups(_Net(), 0.1, lr_scale=lambda name: 1.0 if name.startswith("proj") else 1 / 2.6)
    scales = {(g["weight_decay"], round(g["lr_scale"], 4)): sorted(g["names"]) for g in groups}
    assert scales[(0.1, 1.0)] == ["proj.weight"]
    assert scales[(0.0, 1.0)] == ["proj.bias"]
    assert scales[(0.0, round(1 / 2.6, 4))] == ["norm.bias", "norm.weight", "tok.weight"]


@pytest.mark.parametrize("bad", [dict(), dict(max_steps=0), dict(max_steps=5, lr=0), dict(max_steps=5, grad_accum_steps=0),
                                 dict(max_steps=5, schedule="linear"), dict(max_steps=5, cut_frac=1.5)])
def test_config_rejects_bad_values_with_a_clear_message(bad):
    with pytest.raises(CourseValueError) as info:
        TrainConfig(**bad)
    assert "TrainConfig." in info.value.en and "TrainConfig." in info.value.tr
    assert "geçerli değil" in info.value.tr


def test_adamw_built_from_groups_leaves_frozen_and_no_grad_params_alone():
    torch.manual_seed(0)
    net = _Net()
    from course_lib.train import build_adamw

    optimizer = build_adamw(net, TrainConfig(max_steps=1, lr=0.1, weight_decay=0.5))
    net.norm.requires_grad_(False)
    before = {k: v.clone() for k, v in net.state_dict().items()}
    (net.head(net.norm(net.proj(net.tok(torch.tensor([1, 2])))))).sum().backward()
    optimizer.step()
    assert torch.equal(net.norm.weight, before["norm.weight"])  # no grad: not even decayed
    assert not torch.equal(net.proj.weight, before["proj.weight"])
