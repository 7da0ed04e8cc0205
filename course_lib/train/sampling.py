"""Random windows of a token stream: the batches of language-model pretraining.

Each batch is ``(x, y)`` with ``y`` the text shifted by one token. Batches are drawn from a
``torch.Generator`` of their own; ``train`` checkpoints its state, so a resumed run draws the
very batches the interrupted run would have drawn.
"""

from __future__ import annotations

import torch


class RandomWindows:
    """Endless batches of ``batch_size`` windows of ``block_size`` tokens taken at random offsets.

    Iterating starts from the generator's current state (it is not reset), so pass the same
    generator to ``train(..., generator=...)``. ``fixed=True`` instead re-seeds on every
    ``__iter__`` with ``seed``: every pass yields the same batches (for validation).
    """

    def __init__(self, tokens: torch.Tensor, block_size: int, batch_size: int,
                 generator: torch.Generator | None = None, *, fixed: bool = False, seed: int = 0):
        if tokens.ndim != 1 or tokens.numel() <= block_size:
            raise ValueError(f"need a 1-D token tensor longer than block_size={block_size}, got {tuple(tokens.shape)}")
        # All windows of block_size + 1 tokens as a view (no copy); a batch gathers B of them.
        self.windows = tokens.long().unfold(0, block_size + 1, 1)
        self.batch_size = batch_size
        self.generator = generator if generator is not None else torch.Generator().manual_seed(seed)
        self.fixed, self.seed = fixed, seed

    def __iter__(self):
        if self.fixed:
            self.generator.manual_seed(self.seed)
        while True:
            starts = torch.randint(len(self.windows), (self.batch_size,), generator=self.generator)
            chunk = self.windows[starts]
            yield chunk[:, :-1], chunk[:, 1:]
