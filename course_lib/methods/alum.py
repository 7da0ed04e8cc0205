"""ALUM: Adversarial training for Large neural langUage Models (Liu et al. 2020, arXiv 2004.08994).

    compare(base, task, [Full(), ALUM()])                       # fine-tuning, the paper's defaults
    train(gpt, windows, config, callbacks=[ALUMLoss(alpha=10)])  # continued pretraining: no labels needed

The objective perturbs the input *word embeddings* and asks the model to give the same answer::

    min_θ  L(f(x), y) + α · max_{‖δ‖∞ ≤ ε} SKL(f(x + δ), f(x))

SKL is the symmetric KL between the clean and the perturbed output distributions; it needs no
label, so the same term regularises pretraining too. The inner max is approximated (Algorithm 1):
δ ~ N(0, σ²); K times δ ← Π_ε(δ + η · g / ‖g‖∞) with g = ∇_δ SKL; then θ is updated on L + α·SKL.
The SKL is written as in the reference code (namisan/mt-dnn, ``SmartPerturbation``):
KL(p_clean ‖ p_adv) + KL(p_adv ‖ p_clean), each with the gradient through one side only.

Paper defaults: K = 1, η = 1e-3, σ = 1e-5, ε = 1e-5 (absolute, for BERT/RoBERTa word embeddings),
α = 1 for fine-tuning, 10 for pretraining. The course GPT's embeddings are on another scale, so
here σ, η and ε are **relative to the embedding RMS**: the paper's values divided by
``PAPER_EMBEDDING_RMS`` (an assumption: about 0.04 for BERT-base, whose word vectors have a norm
near 1.1 over 768 coordinates), then multiplied by this model's RMS at the start of training.
With ε ≪ η the single ascent step always reaches the ball's surface: δ ends at ±ε along the sign
of the gradient, so ε is the knob that matters; chapter 07 sweeps it.

Cost: K + 1 extra forward passes and one extra backward per step (about 2-3x a plain step).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..finetune.method import Method
from ..i18n import CourseValueError
from ..train import Callback
from ..train.losses import logits_of
from .embedding_perturbation import (
    NORMS,
    embedding_rms,
    normalised,
    perturbed_embeddings,
    project,
    token_embedding,
)

PAPER_EMBEDDING_RMS = 0.04
PAPER = {"steps": 1, "step_size": 1e-3, "sigma": 1e-5, "epsilon": 1e-5, "alpha_finetune": 1.0, "alpha_pretrain": 10.0}


def _relative(value: float) -> float:
    return value / PAPER_EMBEDDING_RMS


def symmetric_kl(adversarial_logits: torch.Tensor, clean_logits: torch.Tensor) -> torch.Tensor:
    """KL(p_clean ‖ p_adv) + KL(p_adv ‖ p_clean) per row (last dimension: classes or vocabulary)."""
    log_a = F.log_softmax(adversarial_logits.float(), dim=-1)
    log_c = F.log_softmax(clean_logits.float(), dim=-1)
    return (log_c.exp() * (log_c - log_a)).sum(-1) + (log_a.exp() * (log_a - log_c)).sum(-1)


def _detached_skl(adversarial_logits, clean_logits) -> torch.Tensor:
    """mt-dnn's form: each KL's gradient flows through its second argument only."""
    log_a = F.log_softmax(adversarial_logits.float(), dim=-1)
    log_c = F.log_softmax(clean_logits.float(), dim=-1)
    forward = (log_c.detach().exp() * (log_c.detach() - log_a)).sum(-1)
    backward = (log_a.detach().exp() * (log_a.detach() - log_c)).sum(-1)
    return forward + backward


def model_logits(model, batch) -> torch.Tensor:
    """Logits for a harness batch (dict) or a language-model batch ``(inputs, targets)``."""
    if isinstance(batch, dict):
        return model(batch["input_ids"], attention_mask=batch["attention_mask"])
    return logits_of(model(batch[0]))


def _token_mask(batch) -> torch.Tensor:
    ids = batch["input_ids"] if isinstance(batch, dict) else batch[0]
    mask = batch["attention_mask"] if isinstance(batch, dict) else torch.ones_like(ids)
    return mask.unsqueeze(-1).float()


def ascent_step(delta: torch.Tensor, grad: torch.Tensor, step_size: float, epsilon: float,
                norm: str = "linf") -> torch.Tensor:
    """One projected ascent step: Π_ε(δ + η · g / ‖g‖), the norm taken per example."""
    return project(delta + step_size * normalised(grad, norm), epsilon, norm)


class ALUMLoss(Callback):
    """The training-loop side of ALUM: ``extra_loss`` = α · SKL(f(x + δ*), f(x)).

    Works for a classifier (the harness's batches) and for a language model (``(inputs, targets)``
    batches: the SKL is averaged over every position). ``epsilon``, ``step_size``, ``sigma`` are in
    units of the embedding RMS when ``relative`` (the default)."""

    def __init__(self, alpha: float = 1.0, epsilon: float = _relative(PAPER["epsilon"]),
                 step_size: float = _relative(PAPER["step_size"]), sigma: float = _relative(PAPER["sigma"]),
                 steps: int = PAPER["steps"], norm: str = "linf", relative: bool = True, seed: int = 0):
        for name, value in (("alpha", alpha), ("epsilon", epsilon), ("step_size", step_size), ("sigma", sigma)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise CourseValueError("perturb_bad_number", name=name, value=value, rule="use a number >= 0",
                                       rule_tr="0 ya da daha büyük bir sayı kullanın")
        if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
            raise CourseValueError("perturb_bad_number", name="steps", value=steps, rule="use a whole number >= 1",
                                   rule_tr="1 ya da daha büyük bir tam sayı kullanın")
        if norm not in NORMS:
            raise CourseValueError("perturb_bad_norm", value=norm)
        self.alpha, self.epsilon, self.step_size, self.sigma = alpha, epsilon, step_size, sigma
        self.steps, self.norm, self.relative, self.seed = steps, norm, relative, seed

    def on_train_begin(self, state) -> None:
        self.scale = embedding_rms(state.model) if self.relative else 1.0
        self.generator = torch.Generator(device=state.device).manual_seed(self.seed)

    def perturbation(self, model, batch, clean: torch.Tensor) -> torch.Tensor:
        """δ*: Gaussian start, then ``steps`` projected ascent steps on the SKL (absolute units)."""
        ids = batch["input_ids"] if isinstance(batch, dict) else batch[0]
        width = token_embedding(model).embedding_dim
        keep = _token_mask(batch)  # padding is never perturbed
        noise = torch.randn(*ids.shape, width, generator=self.generator, device=ids.device)
        delta = noise * self.sigma * self.scale * keep
        for _ in range(self.steps):
            delta.requires_grad_(True)
            with perturbed_embeddings(model, delta):
                skl = symmetric_kl(model_logits(model, batch), clean.detach()).mean()
            (grad,) = torch.autograd.grad(skl, delta)
            delta = ascent_step(delta.detach(), grad * keep, self.step_size * self.scale,
                                self.epsilon * self.scale, self.norm) * keep
        return delta.detach()

    def extra_loss(self, state) -> torch.Tensor | None:
        if self.alpha == 0:
            return None
        clean = state.outputs
        delta = self.perturbation(state.model, state.batch, clean)
        with perturbed_embeddings(state.model, delta):
            adversarial = model_logits(state.model, state.batch)
        return self.alpha * _detached_skl(adversarial, clean).mean()


class ALUM(Method):
    """ALUM as a harness method: every parameter trains on CE + α·SKL (fine-tuning defaults, α = 1).

    ``epsilon``, ``step_size`` and ``sigma`` are relative to the embedding RMS (see the module)."""

    def __init__(self, alpha: float = PAPER["alpha_finetune"], epsilon: float = _relative(PAPER["epsilon"]),
                 step_size: float = _relative(PAPER["step_size"]), sigma: float = _relative(PAPER["sigma"]),
                 steps: int = PAPER["steps"], norm: str = "linf"):
        ALUMLoss(alpha, epsilon, step_size, sigma, steps, norm)  # refuses bad settings now, not mid-run
        self.alpha, self.epsilon, self.step_size, self.sigma, self.steps, self.norm = (
            alpha, epsilon, step_size, sigma, steps, norm)
        defaults = (alpha, epsilon, steps) == (PAPER["alpha_finetune"], _relative(PAPER["epsilon"]), PAPER["steps"])
        self.name = "ALUM" if defaults else f"ALUM(ε={epsilon:g}, K={steps}, α={alpha:g})"

    def setup(self, model, task, config) -> list:
        for param in model.parameters():
            param.requires_grad_(True)
        return [ALUMLoss(self.alpha, self.epsilon, self.step_size, self.sigma, self.steps, self.norm,
                         seed=torch.initial_seed())]
