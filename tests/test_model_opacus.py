"""Opacus's per-example gradients on the course GPT equal one backward pass per example.

GradSampleModule computes each example's gradient from forward hooks on the model's layers
(nn.Linear, nn.Embedding, and its functorch fallback for the course LayerNorm); DP-SGD in the privacy
chapter clips and noises exactly these. If any layer were bypassed (a weight used outside its
module, a position table without a batch dimension) its per-example gradients would be wrong or
missing. Tolerance: atol 1e-6 / rtol 1e-4 (fp32, summation order only).
"""

import copy
import warnings

import torch
from opacus import GradSampleModule

from course_lib.model import GPT, GPTConfig

CONFIG = GPTConfig(vocab_size=23, block_size=12, n_layer=2, n_head=2, n_embd=16, dropout=0.0)


def test_opacus_per_example_gradients_equal_per_example_backward_passes():
    torch.manual_seed(0)
    model = GPT(CONFIG)
    g = torch.Generator().manual_seed(1)
    idx = torch.randint(0, CONFIG.vocab_size, (3, 10), generator=g)
    targets = torch.roll(idx, -1, dims=1)
    targets[1, -3:] = -100

    expected = []
    for b in range(3):
        single = copy.deepcopy(model)
        single(idx[b : b + 1], targets[b : b + 1], reduction="per_example").loss.sum().backward()
        expected.append({n: p.grad.clone() for n, p in single.named_parameters()})

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Opacus warns about its functorch fallback and hooks API
        dp_model = GradSampleModule(copy.deepcopy(model), batch_first=True, loss_reduction="sum")
        dp_model(idx, targets, reduction="per_example").loss.sum().backward()
    names = [n for n, _ in model.named_parameters()]
    assert len(names) > 10
    for name, param in zip(names, dp_model._module.parameters()):
        assert param.grad_sample is not None, f"{name}: no per-example gradient"
        assert param.grad_sample.shape == (3, *param.shape), name
        for b in range(3):
            torch.testing.assert_close(
                param.grad_sample[b], expected[b][name], atol=1e-6, rtol=1e-4, msg=lambda m, n=name: f"{n}: {m}"
            )
