"""One DP-SGD step of course_lib.risks.dp_sgd against Opacus's DPOptimizer on the same GPT and
batch (clipping each example's gradient, the Gaussian noise, the division by the expected batch),
and the epsilon accounting against Opacus's accountant. Tolerance atol 1e-6 / rtol 1e-4: fp32,
summation order, and Opacus's +1e-6 in its clip factor."""

import copy
import warnings

import pytest
import torch
from opacus import GradSampleModule
from opacus.optimizers import DPOptimizer

from course_lib.i18n import CourseValueError
from course_lib.model import GPT, GPTConfig
from course_lib.risks.dp_sgd import (
    DPSGD,
    PoissonBatches,
    clip_and_noise,
    clip_each,
    dp_sgd_gradients,
    epsilon,
    noise_for_epsilon,
    per_example_gradients,
)

CONFIG = GPTConfig(vocab_size=23, block_size=12, n_layer=2, n_head=2, n_embd=16, dropout=0.0)


def _batch():
    g = torch.Generator().manual_seed(1)
    rows = torch.randint(0, CONFIG.vocab_size, (5, 11), generator=g)
    return rows[:, :-1], rows[:, 1:]


def _opacus_step(model, x, y, clip, sigma, expected, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dp_model = GradSampleModule(copy.deepcopy(model), batch_first=True, loss_reduction="mean")
        optimizer = DPOptimizer(torch.optim.SGD(dp_model.parameters(), lr=1.0), noise_multiplier=sigma,
                                max_grad_norm=clip, expected_batch_size=expected, loss_reduction="mean",
                                generator=torch.Generator().manual_seed(seed))
        dp_model(x, y, reduction="per_example").loss.mean().backward()
        optimizer.pre_step()  # clip, add noise, scale: everything but the parameter update
    return [p.grad.clone() for p in dp_model._module.parameters()]


@pytest.mark.parametrize("sigma", [0.0, 1.3])
def test_one_step_equals_opacus(sigma):
    torch.manual_seed(0)
    model = GPT(CONFIG)
    x, y = _batch()
    clip, expected = 0.05, 4.0  # a small C so that every example is really clipped
    want = _opacus_step(model, x, y, clip, sigma, expected, seed=7)
    ours = copy.deepcopy(model)
    dp_sgd_gradients(ours, x, y, clip, sigma, expected, torch.Generator().manual_seed(7))
    got = [p.grad for p in ours.parameters()]
    assert len(got) == len(want) > 10
    for a, b in zip(got, want):
        torch.testing.assert_close(a, b, atol=1e-6, rtol=1e-4)


def test_per_example_gradients_equal_one_backward_per_example():
    torch.manual_seed(0)
    model = GPT(CONFIG)
    x, y = _batch()
    grads = per_example_gradients(model, x, y)
    for b in range(len(x)):
        single = copy.deepcopy(model)
        single(x[b : b + 1], y[b : b + 1]).loss.backward()
        for name, p in single.named_parameters():
            torch.testing.assert_close(grads[name][b], p.grad, atol=1e-6, rtol=1e-4)


def test_clip_and_noise_by_hand():
    rows = torch.tensor([[3.0, 4.0], [0.3, 0.4]])  # norms 5 and 0.5
    assert torch.allclose(clip_each(rows, 1.0), torch.tensor([[0.6, 0.8], [0.3, 0.4]]))
    noise = torch.randn(2, generator=torch.Generator().manual_seed(3))
    got = clip_and_noise(rows, 1.0, 2.0, 4.0, torch.Generator().manual_seed(3))
    assert torch.allclose(got, (torch.tensor([0.9, 1.2]) + 2.0 * noise) / 4.0)


def test_epsilon_round_trip_and_monotone():
    sigma = noise_for_epsilon(8.0, q=0.03, steps=600, delta=1e-4)
    assert epsilon(0.03, sigma, 600, 1e-4) == pytest.approx(8.0, rel=0.02)
    assert epsilon(0.03, 2 * sigma, 600, 1e-4) < 8.0 < epsilon(0.03, sigma, 1200, 1e-4)


def test_poisson_batches_have_the_expected_size():
    rows = torch.arange(1000 * 5).view(1000, 5)
    sizes = [len(x) for x, _ in PoissonBatches(rows, 0.05, 200, seed=0)]
    assert len(sizes) == 200 and 45 < sum(sizes) / 200 < 55 and len(set(sizes)) > 5


def test_bad_settings_are_bilingual_errors():
    with pytest.raises(CourseValueError):
        DPSGD(clip=0.0, noise_multiplier=1.0, expected_batch=8)
    with pytest.raises(CourseValueError):
        DPSGD(clip=1.0, noise_multiplier=-1.0, expected_batch=8)
    with pytest.raises(CourseValueError):
        PoissonBatches(torch.zeros(3, 3), 0.0, 1)
