"""DP-SGD from scratch (Abadi et al. 2016, arXiv 1607.00133), as a callback of the course loop.

One step, for a batch drawn by Poisson sampling (each training example joins with probability q):

    g_i  = gradient of example i's loss                          (per-example, torch.func.vmap)
    g_i <- g_i / max(1, ||g_i||_2 / C)                            (clip each example to norm C)
    g    = (sum_i g_i + N(0, sigma^2 C^2 I)) / (q N)              (add noise, divide by the expected batch)

then the optimizer steps on g. Clipping bounds what any one example can move the model; the
noise hides whether it was there at all. The privacy spent, (epsilon, delta), follows from q,
sigma and the number of steps; Opacus's RDP accountant computes it (``epsilon``), and
``noise_for_epsilon`` finds the sigma that spends a chosen epsilon. tests/test_privacy_dp_sgd.py
checks one step of this file against Opacus's DPOptimizer on the same model and batch.
"""

from __future__ import annotations

import torch
from torch.func import functional_call, grad, vmap

from ..i18n import CourseValueError
from ..train.callbacks import Callback
from . import privacy_messages  # noqa: F401  (registers this package's texts)


def clip_each(per_example: torch.Tensor, clip: float) -> torch.Tensor:
    """Each row of ``per_example`` (B, D) scaled by min(1, clip / its norm): no row's norm exceeds ``clip``."""
    _positive("clip", clip)
    norms = per_example.norm(dim=1, keepdim=True)
    return per_example / torch.clamp(norms / clip, min=1.0)


def clip_and_noise(per_example: torch.Tensor, clip: float, noise_multiplier: float,
                   expected_batch: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """The DP-SGD update direction from flat per-example gradients ``per_example`` (B, D).

    Each row is clipped to norm ``clip``, the rows are summed, Gaussian noise of standard
    deviation ``noise_multiplier * clip`` is added (drawn as ``torch.randn(D, generator=generator)``),
    and the result is divided by ``expected_batch``.
    """
    noise = torch.randn(per_example.shape[1], generator=generator, dtype=per_example.dtype)
    return (clip_each(per_example, clip).sum(0) + noise_multiplier * clip * noise) / expected_batch


def per_example_gradients(model, inputs: torch.Tensor, targets: torch.Tensor) -> dict[str, torch.Tensor]:
    """{name: (B, *shape)}: the gradient of each example's mean next-token loss, one vmap call."""
    params = {name: p.detach() for name, p in model.named_parameters() if p.requires_grad}
    buffers = dict(model.named_buffers())

    def one_loss(params, x, y):
        # return_attention=True takes the written-out attention path: vmap has a batching rule for
        # each of its ops, while the fused CPU attention falls back to a slow loop over examples.
        out = functional_call(model, (params, buffers), (x.unsqueeze(0), y.unsqueeze(0)),
                              {"return_attention": True})
        return out.loss

    checking, model.check_inputs = getattr(model, "check_inputs", False), False  # no .item() under vmap
    try:
        return vmap(grad(one_loss), in_dims=(None, 0, 0), randomness="different")(params, inputs, targets)
    finally:
        model.check_inputs = checking


def dp_sgd_gradients(model, inputs, targets, clip: float, noise_multiplier: float, expected_batch: float,
                     generator: torch.Generator | None = None) -> None:
    """Set every trainable ``p.grad`` to the DP-SGD direction for the batch (inputs, targets).

    The noise is drawn parameter by parameter, in the model's parameter order, as
    ``torch.normal(0, sigma * C, p.shape)``: the same draws Opacus makes, so one step of each
    can be compared exactly for the same generator seed.
    """
    grads = per_example_gradients(model, inputs, targets)
    names = list(grads)
    clipped = clip_each(torch.cat([grads[n].flatten(1) for n in names], dim=1), clip).sum(0)
    params = dict(model.named_parameters())
    offset = 0
    for name in names:
        param = params[name]
        summed = clipped[offset : offset + param.numel()].view_as(param)
        offset += param.numel()
        noise = torch.normal(0.0, noise_multiplier * clip, size=param.shape, generator=generator) \
            if noise_multiplier > 0 else torch.zeros_like(param)
        param.grad = (summed + noise) / expected_batch


class DPSGD(Callback):
    """Replace the loop's gradient by the DP-SGD one (train with grad_clip=None, grad_accum_steps=1,
    weight_decay=0 and Poisson batches, e.g. ``PoissonBatches``)."""

    def __init__(self, clip: float, noise_multiplier: float, expected_batch: float, seed: int = 0):
        _positive("clip", clip)
        _positive("expected_batch", expected_batch)
        if noise_multiplier < 0:
            raise CourseValueError("privacy_bad_number", name="noise_multiplier", value=noise_multiplier,
                                   rule="use 0 or more", rule_tr="0 ya da daha büyük olmalı")
        self.clip, self.noise_multiplier, self.expected_batch = clip, noise_multiplier, expected_batch
        self.generator = torch.Generator().manual_seed(seed)

    def on_after_backward(self, state) -> None:
        inputs, targets = state.batch
        dp_sgd_gradients(state.model, inputs, targets, self.clip, self.noise_multiplier,
                         self.expected_batch, self.generator)


class PoissonBatches:
    """``steps`` batches; in each, every row of ``examples`` (N, T+1) joins with probability ``q``
    (Poisson sampling, what DP-SGD's accounting assumes). Yields (inputs, targets)."""

    def __init__(self, examples: torch.Tensor, q: float, steps: int, seed: int = 0):
        if not 0 < q <= 1:
            raise CourseValueError("privacy_bad_number", name="q", value=q, rule="use a number in (0, 1]",
                                   rule_tr="(0, 1] aralığında bir sayı kullanın")
        self.examples, self.q, self.steps, self.seed = examples, q, steps, seed

    def __len__(self) -> int:
        return self.steps

    def __iter__(self):
        generator = torch.Generator().manual_seed(self.seed)
        for _ in range(self.steps):
            chosen = torch.rand(len(self.examples), generator=generator) < self.q
            if not chosen.any():  # an empty batch has no gradient to noise: take one example
                chosen[torch.randint(len(self.examples), (1,), generator=generator)] = True
            rows = self.examples[chosen]
            yield rows[:, :-1], rows[:, 1:]


def epsilon(q: float, noise_multiplier: float, steps: int, delta: float) -> float:
    """The epsilon that ``steps`` DP-SGD steps at sampling rate q and noise sigma spend, at ``delta``
    (Opacus's Renyi-DP accountant, Mironov 2017)."""
    from opacus.accountants import RDPAccountant

    accountant = RDPAccountant()
    accountant.history = [(noise_multiplier, q, steps)]
    return float(accountant.get_epsilon(delta=delta))


def noise_for_epsilon(target_epsilon: float, q: float, steps: int, delta: float) -> float:
    """The noise multiplier sigma for which ``steps`` steps at rate q spend ``target_epsilon`` at ``delta``."""
    from opacus.accountants.utils import get_noise_multiplier

    return float(get_noise_multiplier(target_epsilon=target_epsilon, target_delta=delta, sample_rate=q,
                                      steps=steps, accountant="rdp"))


def _positive(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise CourseValueError("privacy_bad_number", name=name, value=value, rule="use a positive number",
                               rule_tr="pozitif bir sayı kullanın")
