"""Bits per byte: a language model's loss in a unit that does not depend on its tokenizer.

A loss in nats per token cannot be compared across tokenizers or languages: a tokenizer with
longer tokens predicts fewer, harder tokens. Dividing the total loss of a text by the number of
UTF-8 bytes it covers, and converting nats to bits, gives

    bits/byte = total nats / (ln 2 · UTF-8 bytes)

which is how the GPT-2 paper (Radford et al. 2019, table 3: enwik8, text8) and The Pile
(Gao et al. 2020, arXiv 2101.00027) compare models with different vocabularies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the training messages)


@dataclass(frozen=True)
class BitsPerByte:
    """The total loss ``nats`` over ``tokens`` predicted tokens that spell ``n_bytes`` UTF-8 bytes."""

    nats: float
    tokens: int
    n_bytes: int

    @property
    def bits_per_byte(self) -> float:
        return bits_per_byte(self.nats, self.n_bytes)

    @property
    def nats_per_token(self) -> float:
        return self.nats / self.tokens


def bits_per_byte(total_nats: float, n_bytes: int) -> float:
    """``total_nats / (ln 2 · n_bytes)``."""
    if n_bytes <= 0:
        raise CourseValueError("train_bpb_no_bytes", value=n_bytes)
    return total_nats / (math.log(2) * n_bytes)


@torch.no_grad()
def text_bits_per_byte(model, tokenizer, text: str, block_size: int) -> BitsPerByte:
    """The loss of ``model`` on ``text``, every token but the first predicted once.

    The token ids are cut into windows of ``block_size + 1`` that overlap by one token, so each
    window predicts ``block_size`` new tokens from the ones before it in the window. The bytes
    counted are those of the predicted tokens (``tokenizer.token_bytes``), so nats and bytes
    cover exactly the same text.
    """
    ids = tokenizer.encode(text)
    if len(ids) < 2:
        raise CourseValueError("train_bpb_too_short", tokens=len(ids))
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    windows = [ids[start:start + block_size + 1] for start in range(0, len(ids) - 1, block_size)]
    nats = 0.0
    try:
        for window in windows:  # one at a time: the last window is shorter
            x = torch.tensor(window[:-1], device=device).unsqueeze(0)
            y = torch.tensor(window[1:], device=device)
            logits = model(x).logits[0].float()
            nats += F.cross_entropy(logits, y, reduction="sum").item()
    finally:
        model.train(was_training)
    n_bytes = sum(len(tokenizer.token_bytes(t)) for t in ids[1:])
    return BitsPerByte(nats=nats, tokens=len(ids) - 1, n_bytes=n_bytes)
