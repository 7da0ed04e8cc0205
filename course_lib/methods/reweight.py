"""Learning to Reweight Examples (Ren, Zeng, Yang & Urtasun, ICML 2018, arXiv 1803.09050).

The seed of this course calls it "IGBI" (iterative gradient-based instance reweighting); that is
not an established name, and this is the established method it describes. Each training step:

1. give the batch's examples weights eps = 0 and take a *virtual* SGD step on sum_i eps_i l_i:
   theta'(eps) = theta - alpha * grad_theta sum_i eps_i l_i(theta);
2. measure the loss of a small *clean* set (trusted labels) at theta'(eps), and differentiate it
   with respect to eps at eps = 0: g_i = d L_clean(theta'(eps)) / d eps_i;
3. an example whose up-weighting would lower the clean loss (g_i < 0) gets weight -g_i, the
   others 0: w_i = max(-g_i, 0), normalised to sum to 1 (all zero when every g_i >= 0);
4. train on sum_i w_i l_i: the loop's ``example_weights`` hook (course_lib/train/callbacks.py).

At eps = 0 the virtual step is zero, so by the chain rule g_i = -alpha * grad L_clean . grad l_i
exactly: an example counts as much as its gradient agrees with the clean set's, and alpha only
scales g, which the normalisation removes. The look-ahead is written with ``torch.func``: ``functional_call``
runs the model on a dict of parameters and ``grad`` differentiates through the virtual step (a
gradient of a gradient), which costs roughly two to three ordinary steps.

    from course_lib.methods.reweight import Reweight
    compare(base, task, [Full(), Reweight(tokenizer=base.tokenizer)])

The clean set comes from the *training* side, never from the dev set that is scored: the
indices ``task.info["clean"]`` when the task names them (:func:`course_lib.methods.reweight_task
.flipped_label_task`), else ``n_clean`` training examples drawn with a fixed seed.
"""

from __future__ import annotations

import random
from functools import partial

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad
from torch.nn.attention import SDPBackend, sdpa_kernel

from ..data.batching import LabelledDataset, collate
from ..finetune.method import Method
from ..i18n import CourseValueError
from ..train.callbacks import Callback
from ..train.state import TrainState
from . import reweight_messages  # noqa: F401  (registers this package's texts)

MIN_CLEAN = 2


def lookahead_gradient(per_example_loss, clean_loss, params: dict, inner_lr: float, batch_size: int) -> torch.Tensor:
    """g (B,): d/d eps of ``clean_loss(theta - inner_lr * grad sum_i eps_i l_i(theta))`` at eps = 0.

    per_example_loss(params) -> (B,) losses of the training batch; clean_loss(params) -> scalar;
    params: a dict of tensors (theta).
    """
    def weighted(theta: dict, eps: torch.Tensor) -> torch.Tensor:
        return (eps * per_example_loss(theta)).sum()

    def clean_after_step(eps: torch.Tensor) -> torch.Tensor:
        step = grad(weighted)(params, eps)  # a function of eps: grad below differentiates through it
        return clean_loss({name: value - inner_lr * step[name] for name, value in params.items()})

    first = next(iter(params.values()))
    return grad(clean_after_step)(torch.zeros(batch_size, dtype=first.dtype, device=first.device))


def clip_and_normalise(gradient: torch.Tensor) -> torch.Tensor:
    """w_i = max(-g_i, 0) / sum_j max(-g_j, 0); all zeros when no example helps (Ren et al. 2018)."""
    clipped = (-gradient).clamp(min=0)
    total = clipped.sum()
    return clipped / total if total > 0 else clipped


def lookahead_weights(per_example_loss, clean_loss, params: dict, inner_lr: float, batch_size: int) -> torch.Tensor:
    """The example weights of one step: the look-ahead gradient, clipped and normalised."""
    return clip_and_normalise(lookahead_gradient(per_example_loss, clean_loss, params, inner_lr, batch_size))


def classifier_losses(model: nn.Module, params: dict, batch: dict) -> torch.Tensor:
    """Per-example cross-entropy (B,) of a classifier run with ``params`` in place of its own."""
    logits = functional_call(model, params, (batch["input_ids"],), {"attention_mask": batch["attention_mask"]})
    return F.cross_entropy(logits.float(), batch["labels"], reduction="none")


def batch_weights(model: nn.Module, batch: dict, clean_batch: dict, inner_lr: float) -> torch.Tensor:
    """Learning-to-Reweight weights (B,) for ``batch`` of a classifier, against ``clean_batch``.

    Only the trainable parameters take the virtual step; frozen ones enter as constants.
    """
    trainable = {name: p.detach() for name, p in model.named_parameters() if p.requires_grad}
    frozen = {name: p.detach() for name, p in model.named_parameters() if not p.requires_grad}
    frozen.update(dict(model.named_buffers()))

    def losses(theta: dict, data: dict) -> torch.Tensor:
        return classifier_losses(model, {**frozen, **theta}, data)

    # The fused attention kernels have no second derivative; the "math" one is plain autograd ops.
    with sdpa_kernel(SDPBackend.MATH):
        return lookahead_weights(partial(losses, data=batch), lambda theta: losses(theta, clean_batch).mean(),
                                 trainable, inner_lr, batch["input_ids"].shape[0])


def _row_key(ids: torch.Tensor, mask: torch.Tensor, label) -> tuple:
    return (*ids[mask.bool()].tolist(), -1, int(label))


class ReweightCallback(Callback):
    """Feeds the loop the look-ahead weights of every micro-batch, and records them per example.

    clean      a :class:`LabelledDataset` of trusted examples
    keys       (token ids..., -1, label) of each training example -> its index in the task, so that
               ``weights`` (the mean weight each training example received) can be read after training
    """

    def __init__(self, clean: LabelledDataset, pad_id: int, inner_lr: float, clean_batch_size: int,
                 keys: dict, seed: int = 0):
        self.clean, self.pad_id, self.inner_lr = clean, pad_id, inner_lr
        self.clean_batch_size = min(clean_batch_size, len(clean))
        self.keys = keys
        self.rng = random.Random(seed)
        self.sums = [0.0] * (1 + max((i for ids in keys.values() for i in ids), default=-1))
        self.counts = [0] * len(self.sums)

    def _clean_batch(self, device) -> dict:
        chosen = self.rng.sample(range(len(self.clean)), self.clean_batch_size)
        batch = collate([self.clean[i] for i in chosen], pad_id=self.pad_id)
        return {name: value.to(device) for name, value in batch.items()}

    def example_weights(self, state: TrainState) -> torch.Tensor:
        batch = state.batch
        with torch.enable_grad():
            weights = batch_weights(state.model, batch, self._clean_batch(state.device), self.inner_lr)
        for ids, mask, label, w in zip(batch["input_ids"].cpu(), batch["attention_mask"].cpu(),
                                       batch["labels"].cpu(), weights.tolist()):
            for index in self.keys.get(_row_key(ids, mask, label), ()):
                self.sums[index] += w
                self.counts[index] += 1
        return weights

    @property
    def weights(self) -> list[float | None]:
        """Mean weight per training example over the run (None for one never seen)."""
        return [s / c if c else None for s, c in zip(self.sums, self.counts)]


class Reweight(Method):
    """Learning to Reweight Examples (Ren et al. 2018) on every parameter the run trains.

    tokenizer         encodes the clean set (None: the shipped base model's, when the vocabulary matches)
    n_clean           clean examples to draw from the training set when the task names none
    inner_lr          alpha of the virtual SGD step (None: the run's learning rate)
    clean_batch_size  clean examples per step (None: the run's batch size)

    After each run trained in this process, ``weight_runs`` holds the mean weight every training
    example received (in task order): what chapter 08 compares with the flipped labels.
    """

    name = "reweight"

    def __init__(self, tokenizer=None, n_clean: int = 64, inner_lr: float | None = None,
                 clean_batch_size: int | None = None):
        if isinstance(n_clean, bool) or not isinstance(n_clean, int) or n_clean < MIN_CLEAN:
            raise CourseValueError("reweight_bad_number", name="n_clean", value=n_clean,
                                   rule=f"use a whole number >= {MIN_CLEAN}",
                                   rule_tr=f"{MIN_CLEAN} ya da daha büyük bir tam sayı kullanın")
        if inner_lr is not None and not inner_lr > 0:
            raise CourseValueError("reweight_bad_number", name="inner_lr", value=inner_lr,
                                   rule="use a positive step size", rule_tr="pozitif bir adım boyu kullanın")
        self._tokenizer = tokenizer
        self.n_clean, self.inner_lr, self.clean_batch_size = n_clean, inner_lr, clean_batch_size
        self.weight_runs: list[list[float | None]] = []
        self._callback = None

    def settings(self) -> dict:
        values = super().settings()
        values.pop("weight_runs")
        return values

    def clean_indices(self, task) -> list[int]:
        """The training examples trusted as clean: the task's own list, else a seeded draw."""
        named = task.info.get("clean") if isinstance(task.info, dict) else None
        if named is not None:
            indices = list(named)
        else:
            indices = sorted(random.Random(0).sample(range(len(task.train)), min(self.n_clean, len(task.train))))
        if len(indices) < MIN_CLEAN:
            raise CourseValueError("reweight_bad_clean", n=len(indices), least=MIN_CLEAN)
        return indices

    def setup(self, model: nn.Module, task, config) -> list:
        tokenizer = self._tokenizer or _shipped_tokenizer(model)
        examples = task.train
        encoded = LabelledDataset.from_texts([e.text for e in examples], [e.label for e in examples], tokenizer,
                                             max_length=config.max_length)
        keys: dict[tuple, list[int]] = {}
        for index, (ids, label) in enumerate(zip(encoded.input_ids, encoded.labels)):
            keys.setdefault((*ids, -1, int(label)), []).append(index)
        chosen = self.clean_indices(task)
        clean = LabelledDataset([encoded.input_ids[i] for i in chosen], [encoded.labels[i] for i in chosen])
        seed = int(torch.initial_seed()) % 2**31  # the harness seeds torch per run: the clean draws follow it
        self._callback = ReweightCallback(clean, getattr(model, "pad_id", 0), self.inner_lr or config.lr,
                                          self.clean_batch_size or config.batch_size, keys, seed)
        return [self._callback]

    def teardown(self, model: nn.Module) -> None:
        if self._callback is not None:
            self.weight_runs.append(self._callback.weights)
            self._callback = None


def _shipped_tokenizer(model: nn.Module):
    """The shipped base model's tokenizer, when ``model``'s vocabulary is that tokenizer's.

    A lazy import, against the usual direction of the arrows (ARCHITECTURE.md): the harness hands a
    method the model and the task but no tokenizer, and the clean set must be encoded.
    """
    from ..assets import load_base_model

    backbone = getattr(model, "backbone", model)
    vocab = backbone.get_input_embeddings().weight.shape[0] if hasattr(backbone, "get_input_embeddings") \
        else backbone.wte.weight.shape[0]
    tokenizer = load_base_model().tokenizer
    if tokenizer.vocab_size != vocab:
        raise CourseValueError("reweight_no_tokenizer", vocab=vocab)
    return tokenizer
