"""Perturbing a model's input word embeddings: what ALUM trains against and PGD attacks with.

    with perturbed_embeddings(classifier, delta):     # delta (B, T, d), added to the token embeddings
        logits = classifier(ids, attention_mask)

A forward hook on the token-embedding layer adds ``delta`` to its output, so the same code works
for the course GPT (``wte``), for a ``SequenceClassifier`` around it and for a Hugging Face model
(``get_input_embeddings()``), without a second forward function. Only the *word* embeddings move,
not the position embeddings, as in ALUM (Liu et al. 2020, arXiv 2004.08994, section 3).

A radius means little in absolute units: the course GPT's embeddings are ~100x smaller than
BERT's. ``embedding_rms(model)`` is the scale the chapters measure ε in (ε = 0.1 means a tenth of
a typical embedding coordinate).
"""

from __future__ import annotations

from contextlib import contextmanager

import torch
from torch import nn

from ..i18n import CourseValueError
from . import perturbation_messages  # noqa: F401  (registers this module's texts)

NORMS = ("linf", "l2")


def token_embedding(model: nn.Module) -> nn.Embedding:
    """The token-embedding layer of a course GPT, a classifier around one, or an HF model."""
    for candidate in (model, getattr(model, "backbone", None)):
        if candidate is None:
            continue
        if isinstance(getattr(candidate, "wte", None), nn.Embedding):
            return candidate.wte
        if hasattr(candidate, "get_input_embeddings"):
            return candidate.get_input_embeddings()
    raise CourseValueError("perturb_no_embeddings", kind=type(model).__name__)


@torch.no_grad()
def embedding_rms(model: nn.Module) -> float:
    """Root mean square of the token-embedding matrix: the unit that ε is measured in."""
    weight = token_embedding(model).weight
    return float(weight.float().pow(2).mean().sqrt())


@contextmanager
def perturbed_embeddings(model: nn.Module, delta: torch.Tensor):
    """Inside the block, every forward pass of ``model`` adds ``delta`` to its token embeddings."""
    def add_delta(module, inputs, output):
        if output.shape != delta.shape:
            raise CourseValueError("perturb_bad_shape", shape=tuple(delta.shape), expected=tuple(output.shape))
        return output + delta.to(output.dtype)

    handle = token_embedding(model).register_forward_hook(add_delta)
    try:
        yield
    finally:
        handle.remove()


def project(delta: torch.Tensor, epsilon: float, norm: str = "linf") -> torch.Tensor:
    """Π_ε: the closest point to ``delta`` in the ball of radius ``epsilon`` (per example for ℓ2,
    per coordinate for ℓ∞)."""
    if norm == "linf":
        return delta.clamp(-epsilon, epsilon)
    if norm == "l2":
        flat = delta.flatten(1).norm(dim=1).clamp_min(1e-12)
        scale = (epsilon / flat).clamp(max=1.0)
        return delta * scale.view(-1, *([1] * (delta.dim() - 1)))
    raise CourseValueError("perturb_bad_norm", value=norm)


def normalised(grad: torch.Tensor, norm: str = "linf") -> torch.Tensor:
    """g/‖g‖ per example: ALUM's ascent direction (ℓ∞: divided by the largest |g|; ℓ2: by the norm)."""
    if norm not in NORMS:
        raise CourseValueError("perturb_bad_norm", value=norm)
    flat = grad.flatten(1)
    size = flat.abs().amax(dim=1) if norm == "linf" else flat.norm(dim=1)
    return grad / size.clamp_min(1e-12).view(-1, *([1] * (grad.dim() - 1)))
