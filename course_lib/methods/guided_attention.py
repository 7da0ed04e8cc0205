"""Guided attention: a loss that pulls chosen heads' attention maps toward target maps.

The seed of this course calls it "GATE"; that is not an established name for a fine-tuning method
("GATE" in the literature is a graph attention encoder). The established idea is attention
supervision: Tachibana et al. (ICASSP 2018, arXiv 1710.08969) penalise attention away from the
diagonal in text-to-speech; Deshpande & Narasimhan (Findings of EMNLP 2020, arXiv 2010.02399) pull
chosen heads toward fixed patterns (the previous token, ...) with a weight that decays to 0; LISA
(Strubell et al. 2018, arXiv 1804.08199) supervises one head with syntax. The loss is

    L = L_task + lambda(t) * mean over guided heads and rows of D(A*_row || A_row)

with D the KL divergence of each attention row from its target row (both are distributions over the
positions a row may look at; KL(A* || A) is the cross-entropy of the target under the model's row,
minus the target's own entropy, and is 0 exactly when they agree). lambda(t) decays linearly
from ``lam`` to 0 over training by default, as in Deshpande & Narasimhan: the guidance shapes the
heads early and leaves the task the last word. ``distance="mse"`` uses the mean squared difference
instead.

Targets (each row sums to 1 and puts no mass on the future, so it suits the causal mask):

* ``"previous"``: row t looks at t - 1 (row 0 at itself);
* ``"diagonal"``: Tachibana's soft diagonal for alignment tasks, row t spread around key t
  with width g (here over the positions a causal row may see);
* ``"batch"``: a target given with each batch (``batch["attention_target"]`` (B, T, T) and
  ``batch["attention_rows"]`` (B, T)), e.g. key-value retrieval: attend to the queried pair.

The maps come from the model's attention-returning path: ``setup`` replaces the guided layer's
attention core (``block.attn.attend``, a module built to be swapped) by one that computes the
softmax explicitly and keeps the (B, n_head, T, T) weights for the loss; ``teardown`` restores it.
It works on the course GPT and on a classifier around it, inside ``compare()``.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from ..finetune.method import Method
from ..i18n import CourseRuntimeError, CourseValueError
from ..model.gpt import explicit_causal_attention
from ..train.callbacks import Callback
from ..train.state import TrainState
from . import guided_attention_messages  # noqa: F401  (registers this module's texts)

TARGETS = ("previous", "diagonal", "batch")
DISTANCES = ("kl", "mse")
DECAYS = ("linear", "constant", "cosine")
TINY = 1e-9  # log(0) guard: a causal row never has 0 where its target has mass, except by underflow


def previous_token_target(T: int) -> torch.Tensor:
    """(T, T): row t is one-hot at t - 1; row 0 (no previous token) at 0."""
    target = torch.zeros(T, T)
    target[0, 0] = 1.0
    rows = torch.arange(1, T)
    target[rows, rows - 1] = 1.0
    return target


def diagonal_target(T: int, g: float = 0.2) -> torch.Tensor:
    """(T, T): row t proportional to exp(-(n/T - t/T)^2 / (2 g^2)) over the keys n <= t (Tachibana et al.)."""
    positions = torch.arange(T, dtype=torch.float32) / T
    scores = -((positions[None, :] - positions[:, None]) ** 2) / (2 * g * g)
    future = torch.ones(T, T, dtype=torch.bool).triu(1)
    return scores.masked_fill(future, float("-inf")).softmax(dim=-1)


def guidance_loss(attention: torch.Tensor, target: torch.Tensor, rows: torch.Tensor | None = None,
                  distance: str = "kl") -> torch.Tensor:
    """Mean divergence of the guided rows from their targets.

    attention  (B, H, T, T): the guided heads' maps (or (B, T, T) for one head)
    target     (B, T, T) or (T, T): each guided row a distribution over the keys
    rows       (B, T) booleans: which rows are guided (None: all)
    distance   "kl": sum_k A*_k (log A*_k - log A_k) per row, 0 log 0 = 0; "mse": mean_k (A_k - A*_k)^2
    The mean runs over batch, heads and guided rows.
    """
    if distance not in DISTANCES:
        raise CourseValueError("ga_bad_choice", name="distance", value=distance, valid=", ".join(DISTANCES))
    if attention.dim() == 3:
        attention = attention[:, None]
    B, H, T, _ = attention.shape
    target = target.to(attention).expand(B, T, T)[:, None]  # (B, 1, T, T): the same target for every head
    if distance == "kl":
        per_row = torch.where(target > 0, target * (torch.log(target.clamp_min(TINY))
                                                    - torch.log(attention.clamp_min(TINY))), 0.0).sum(-1)
    else:
        per_row = ((attention - target) ** 2).mean(-1)
    weight = (torch.ones(B, T, device=attention.device) if rows is None else rows.to(attention)).expand(B, T)
    weight = weight[:, None, :].expand(B, H, T)
    return (per_row * weight).sum() / weight.sum().clamp_min(1.0)


def guidance_weight(step: int, total_steps: int, lam: float, decay: str = "linear") -> float:
    """lambda(t): ``lam`` at step 0, decaying to 0 at ``total_steps`` (linear or cosine), or constant."""
    if decay not in DECAYS:
        raise CourseValueError("ga_bad_choice", name="decay", value=decay, valid=", ".join(DECAYS))
    progress = min(step / max(total_steps, 1), 1.0)
    if decay == "constant":
        return lam
    if decay == "linear":
        return lam * (1.0 - progress)
    return lam * 0.5 * (1.0 + math.cos(math.pi * progress))


class RecordingAttention(nn.Module):
    """An attention core that computes the softmax explicitly and keeps the weights (with their graph)."""

    def __init__(self):
        super().__init__()
        self.weights = None

    def forward(self, q, k, v, dropout_p: float = 0.0):
        out, self.weights = explicit_causal_attention(q, k, v, dropout_p)
        return out


def transformer_blocks(model: nn.Module):
    """The blocks of the course GPT in ``model`` (the model itself, or a classifier's ``backbone``)."""
    for candidate in (model, getattr(model, "backbone", None)):
        blocks = getattr(candidate, "blocks", None)
        if blocks is not None:
            return blocks
    raise CourseValueError("ga_no_blocks", kind=type(model).__name__)


def install_recorder(model: nn.Module, layer: int) -> tuple[RecordingAttention, nn.Module | None]:
    """Put a :class:`RecordingAttention` in ``layer`` (or reuse the one there); returns it and what it replaced."""
    blocks = transformer_blocks(model)
    if not 0 <= layer < len(blocks):
        raise CourseValueError("ga_bad_number", name="layer", value=layer, rule=f"use 0 to {len(blocks) - 1}",
                               rule_tr=f"0 ile {len(blocks) - 1} arasında bir değer kullanın")
    attention = blocks[layer].attn
    if isinstance(attention.attend, RecordingAttention):
        return attention.attend, None
    replaced, attention.attend = attention.attend, RecordingAttention()
    return attention.attend, replaced


class GuidanceCallback(Callback):
    """Adds lambda(t) * guidance_loss(chosen heads of one layer, target) to every micro-batch's loss."""

    def __init__(self, recorder: RecordingAttention, layer: int, heads, target: str, lam: float, decay: str,
                 distance: str, g: float):
        self.recorder, self.layer, self.heads = recorder, layer, list(heads)
        self.target, self.lam, self.decay, self.distance, self.g = target, lam, decay, distance, g
        self.history: list[float] = []

    def target_maps(self, batch, T: int, device) -> tuple[torch.Tensor, torch.Tensor | None]:
        rows = batch.get("attention_mask") if isinstance(batch, dict) else None
        if self.target == "previous":
            return previous_token_target(T).to(device), rows
        if self.target == "diagonal":
            return diagonal_target(T, self.g).to(device), rows
        if not (isinstance(batch, dict) and "attention_target" in batch and "attention_rows" in batch):
            raise CourseValueError("ga_no_batch_target")
        return batch["attention_target"], batch["attention_rows"]

    def extra_loss(self, state: TrainState) -> torch.Tensor | None:
        maps = self.recorder.weights
        if maps is None:
            raise CourseRuntimeError("ga_no_maps", layer=self.layer)
        weight = guidance_weight(state.step, state.total_steps, self.lam, self.decay)
        target, rows = self.target_maps(state.batch, maps.shape[-1], maps.device)
        loss = guidance_loss(maps[:, self.heads], target, rows, self.distance)
        self.history.append(float(loss.detach()))
        self.recorder.weights = None  # the next forward pass records anew
        return weight * loss if weight > 0 else None


class GuidedAttention(Method):
    """Attention supervision on ``heads`` of ``layer``, weighted by a decaying lambda(t).

    target    "previous" | "diagonal" | "batch" (see the module's docstring)
    lam       lambda at the first step; decay "linear" (to 0 at the last step), "cosine" or "constant"
    distance  "kl" (KL(A* || A) per row) or "mse"
    g         the width of the "diagonal" target (Tachibana et al. use 0.2)
    """

    name = "guided_attention"

    def __init__(self, target: str = "previous", lam: float = 1.0, layer: int = 0, heads=(0,), decay: str = "linear",
                 distance: str = "kl", g: float = 0.2):
        for name, value, valid in (("target", target, TARGETS), ("decay", decay, DECAYS),
                                   ("distance", distance, DISTANCES)):
            if value not in valid:
                raise CourseValueError("ga_bad_choice", name=name, value=value, valid=", ".join(valid))
        if not lam >= 0:
            raise CourseValueError("ga_bad_number", name="lam", value=lam, rule="use a number >= 0",
                                   rule_tr="0 ya da daha büyük bir sayı kullanın")
        self.target, self.lam, self.layer, self.heads = target, lam, layer, tuple(heads)
        self.decay, self.distance, self.g = decay, distance, g
        self._installed: list[tuple[nn.Module, nn.Module]] = []
        self.callback: GuidanceCallback | None = None

    def setup(self, model: nn.Module, task, config) -> list:
        recorder, replaced = install_recorder(model, self.layer)
        if replaced is not None:
            self._installed.append((transformer_blocks(model)[self.layer].attn, replaced))
        self.callback = GuidanceCallback(recorder, self.layer, self.heads, self.target, self.lam, self.decay,
                                         self.distance, self.g)
        return [self.callback]

    def settings(self) -> dict:
        values = super().settings()
        values.pop("callback", None)
        return values

    def teardown(self, model: nn.Module) -> None:
        """Put the fused attention core back (the maps were only needed for the loss)."""
        while self._installed:
            attention, original = self._installed.pop()
            attention.attend = original
