"""Chapter 09's experiment: a small GPT learns key-value retrieval, with and without guided attention.

    run = train_retrieval(guided=True, seed=0, n_pairs=4, steps=600)
    run.steps_to(0.95)        first evaluated step with dev accuracy >= 95 % (None: never)
    run.long_accuracy         accuracy at twice the trained number of pairs
    run.mass_on_key           mean attention of the guided head, last row, on the queried key's pair

The model is a 2-layer GPT trained from scratch on the task's own small vocabulary
(:mod:`course_lib.data.kv_retrieval`). Guidance, when on, is one :class:`GuidedAttention` loss on
head 0 of layer 0: from the last position, look at the queried key's pair. Its weight decays
linearly to 0 over training.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import torch

from ..data.kv_retrieval import VOCAB, make_batch, retrieval_accuracy, retrieval_loss, sequence_length
from ..model import GPT, GPTConfig
from ..train import TrainConfig, train
from .guided_attention import GuidedAttention

GUIDED_LAYER, GUIDED_HEAD = 0, 0


@dataclass
class RetrievalRun:
    """What one training run measured (``model`` is the trained GPT, with its fused attention)."""

    guided: bool
    seed: int
    eval_steps: list[int]
    eval_accuracy: list[float]
    long_accuracy: float
    mass_on_key: float
    seconds: float
    cpu_seconds: float
    steps: int
    model: GPT = field(repr=False, default=None)

    def steps_to(self, threshold: float = 0.95) -> int | None:
        return next((s for s, a in zip(self.eval_steps, self.eval_accuracy) if a >= threshold), None)


def retrieval_model(n_pairs: int, n_embd: int = 64, n_head: int = 2, seed: int = 0) -> GPT:
    """A 2-layer GPT whose context holds twice ``n_pairs`` pairs (for the length test)."""
    torch.manual_seed(seed)
    return GPT(GPTConfig(vocab_size=len(VOCAB), block_size=sequence_length(2 * n_pairs), n_layer=2,
                         n_head=n_head, n_embd=n_embd))


def guidance_methods(lam: float = 1.0) -> list[GuidedAttention]:
    """The queried key's pair, from the last position, in head 0 of layer 0."""
    return [GuidedAttention("batch", lam=lam, layer=GUIDED_LAYER, heads=(GUIDED_HEAD,))]


@torch.no_grad()
def mass_on_queried_key(model: GPT, batch: dict, layer: int = GUIDED_LAYER, head: int = GUIDED_HEAD) -> float:
    """Mean attention weight that ``head`` of ``layer`` puts, from the last position, on the queried pair."""
    out = model(batch["input_ids"], return_attention=True)
    last = out.attentions[layer][:, head, -1]  # (B, T)
    return float(last[torch.arange(len(last)), batch["key_position"]].mean())


def train_retrieval(guided: bool, seed: int = 0, n_pairs: int = 4, steps: int = 600, batch_size: int = 64,
                    lr: float = 3e-3, eval_every: int = 25, n_dev: int = 512, lam: float = 1.0,
                    n_embd: int = 64, progress: bool = False) -> RetrievalRun:
    """Train a fresh model on ``steps`` random batches; evaluate every ``eval_every`` steps."""
    model = retrieval_model(n_pairs, n_embd=n_embd, seed=seed)
    data = torch.Generator().manual_seed(1000 + seed)
    batches = [make_batch(batch_size, n_pairs, data) for _ in range(steps)]
    held_out = torch.Generator().manual_seed(10**6)  # the same dev sets for every run
    dev, dev_long = make_batch(n_dev, n_pairs, held_out), make_batch(n_dev, 2 * n_pairs, held_out)
    methods = guidance_methods(lam) if guided else []
    callbacks = [c for m in methods for c in m.setup(model, None, None)]
    config = TrainConfig(max_steps=steps, lr=lr, weight_decay=0.0, warmup_steps=steps // 20, eval_every=eval_every,
                         progress=progress, live_plot_every=None, device="cpu")
    start, cpu = time.perf_counter(), time.process_time()
    result = train(model, batches, config, loss_fn=retrieval_loss, callbacks=callbacks,
                   eval_fn=lambda m: {"accuracy": retrieval_accuracy(m, dev)})
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    for method in methods:
        method.teardown(model)
    eval_steps, accuracy = result.history.series("eval", "accuracy")
    return RetrievalRun(guided, seed, eval_steps, accuracy, retrieval_accuracy(model, dev_long),
                        mass_on_queried_key(model, dev), seconds, cpu_seconds, result.steps, model)


