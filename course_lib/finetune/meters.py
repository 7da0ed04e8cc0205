"""What a run costs, measured while it trains: peak memory and training FLOPs (as callbacks).

Peak memory: on a GPU, ``torch.cuda.max_memory_allocated`` over the run (exact, the tensors
alone). On the CPU, the process's resident memory (RSS) sampled at the two fullest moments of
every step (after the forward pass, when the activations are held, and after the backward pass,
when the gradients are), minus the RSS at the start: the memory the run added.

Training FLOPs: an estimate in the spirit of 6·N·D (Kaplan et al. 2020, arXiv 2001.08361): per
token, 2·N for the forward pass over the N weights of matrix multiplies; in the backward pass,
2·N_w for the weight gradients of the trainable matrices and 2·N_a for the activation gradients,
which flow only from the top down to the lowest trainable layer. So a linear probe costs about
2·N per token and full fine-tuning 6·N. Attention-score FLOPs and embeddings are left out.
"""

from __future__ import annotations

import torch
from torch import nn

from ..train.callbacks import Callback
from .layout import layout_of


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


class PeakMemory(Callback):
    """``.peak_mb`` after training: see the module's docstring."""

    def __init__(self):
        self.peak_mb, self._start = 0.0, 0.0

    def on_train_begin(self, state) -> None:
        if state.device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(state.device)
        else:
            self._start = _rss_mb()

    def _sample(self, state) -> None:
        if state.device.type != "cuda":
            self.peak_mb = max(self.peak_mb, _rss_mb() - self._start)

    def on_before_backward(self, state, loss) -> None:
        self._sample(state)

    def on_after_backward(self, state) -> None:
        self._sample(state)

    def on_train_end(self, state) -> None:
        if state.device.type == "cuda":
            self.peak_mb = torch.cuda.max_memory_allocated(state.device) / 2**20


def _matmul_params(module: nn.Module) -> int:
    """Weights used in matrix multiplies: every >= 2-D parameter that is not an embedding table."""
    embeddings = {id(m.weight) for m in module.modules() if isinstance(m, nn.Embedding)}
    return sum(p.numel() for p in module.parameters() if p.ndim >= 2 and id(p) not in embeddings)


class TrainingFlops(Callback):
    """``.flops`` after training: the estimate of the module's docstring, summed over the steps."""

    def __init__(self, model: nn.Module):
        layout = layout_of(model)
        self.blocks = list(model.get_submodule(layout.blocks))
        self.block_params = [_matmul_params(block) for block in self.blocks]
        self.total = _matmul_params(model)
        self.above = self.total - sum(self.block_params)  # head (and untied output layers) on top
        self.flops = 0

    def on_after_backward(self, state) -> None:
        trainable_blocks = [i for i, b in enumerate(self.blocks) if any(p.grad is not None for p in b.parameters())]
        embeddings_train = any(
            p.grad is not None for m in state.model.modules() if isinstance(m, nn.Embedding) for p in m.parameters()
        )
        lowest = 0 if embeddings_train else (trainable_blocks[0] if trainable_blocks else len(self.blocks))
        activation = self.above + sum(self.block_params[lowest:])
        weights = sum(p.numel() for p in state.model.parameters()
                      if p.grad is not None and p.ndim >= 2) - self._trainable_embedding_numel(state.model)
        batch = state.batch
        tokens = batch["input_ids"].numel() if isinstance(batch, dict) else batch[0].numel()
        steps = max(1, state.config.grad_accum_steps)
        self.flops += steps * tokens * 2 * (self.total + activation + max(0, weights))

    @staticmethod
    def _trainable_embedding_numel(model: nn.Module) -> int:
        return sum(m.weight.numel() for m in model.modules() if isinstance(m, nn.Embedding) and m.weight.grad is not None)
