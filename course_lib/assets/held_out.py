"""Held-out loss of a base model in bits per byte, per source and language.

Nats per token depend on the tokenizer: a tokenizer with longer tokens makes each prediction
harder but needs fewer of them. Bits per byte divide the total loss (in bits) by the UTF-8
bytes of the text predicted, so models with different tokenizers can be compared on the same
text (the measure of e.g. Gao et al. 2020, "The Pile", section 5).

    held_out_bits_per_byte(model, tokenizer, {"wikipedia_tr": [...], ...})
    # {"wikipedia_tr": {"bits_per_byte": 2.1, "nats_per_token": 5.9, "tokens": 15000, "bytes": 61697}, ...}
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from .recipe import ENDOFTEXT


def part_tokens(tokenizer, documents: list[str]) -> torch.Tensor:
    """The documents of one held-out part as one stream, each followed by ``<|endoftext|>``."""
    return torch.tensor(tokenizer.encode("".join(doc + ENDOFTEXT for doc in documents)), dtype=torch.long)


def target_bytes(tokenizer, targets: torch.Tensor) -> int:
    """UTF-8 bytes that ``targets`` spell; the document separator counts as one byte, like a newline."""
    separator = tokenizer.special_id(ENDOFTEXT)
    lengths = [1 if i == separator else len(tokenizer.token_bytes(i)) for i in range(tokenizer.vocab_size)]
    return int(torch.tensor(lengths)[targets].sum())


@torch.no_grad()
def stream_loss(model, tokens: torch.Tensor, batch_size: int = 16) -> tuple[float, torch.Tensor]:
    """Summed loss (nats) over consecutive, non-overlapping windows of the stream, and their targets.

    Every token but the first of the stream is predicted once, from the tokens before it in its window.
    """
    block = model.config.block_size
    n_windows = (tokens.numel() - 1) // block
    if n_windows == 0:  # shorter than one window: a single shorter one
        inputs, targets = tokens[None, :-1], tokens[None, 1:]
    else:
        inputs = tokens[: n_windows * block].view(n_windows, block)
        targets = tokens[1 : n_windows * block + 1].view(n_windows, block)
    was_training = model.training
    model.eval()
    total = 0.0
    for i in range(0, inputs.shape[0], batch_size):
        logits = model(inputs[i : i + batch_size]).logits.float()
        total += F.cross_entropy(logits.flatten(0, 1), targets[i : i + batch_size].flatten(), reduction="sum").item()
    model.train(was_training)
    return total, targets


def held_out_bits_per_byte(model, tokenizer, parts: dict[str, list[str]]) -> dict[str, dict]:
    """For each held-out part: bits per byte, nats per token, and the tokens and bytes predicted."""
    results = {}
    for name, documents in parts.items():
        if not any(documents):
            continue  # a source the recipe does not use
        nats, targets = stream_loss(model, part_tokens(tokenizer, documents))
        n_bytes = target_bytes(tokenizer, targets)
        results[name] = {
            "bits_per_byte": nats / (math.log(2) * n_bytes),
            "nats_per_token": nats / targets.numel(),
            "tokens": targets.numel(),
            "bytes": n_bytes,
        }
    return results
