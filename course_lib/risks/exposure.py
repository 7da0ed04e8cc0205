"""Exposure of a canary (Carlini et al., "The Secret Sharer", arXiv 1802.08232) and extraction.

A canary is a secret planted in the training data (here a fake T.C. kimlik number in a user
log). Rank every candidate value of the secret by the model's log-likelihood after the same
prefix; if the true value is at rank k among |R| candidates (rank 1 = the most likely),

    exposure = log2 |R| - log2 k        (0 bits: no better than chance; log2 |R| bits: rank 1)

The candidate space. A TCKN has 9 free digits (the first not 0) and 2 check digits, so there are
9 x 10^8 valid numbers, of the 9 x 10^10 eleven-digit strings that start with 1-9: the checksum
keeps 1 in 100. Ranking 9 x 10^8 candidates with a model is out of reach on a laptop (the paper
extrapolates from samples for spaces this big), so the attacker here knows all but the last
``secret_digits`` of the first nine (as one who knows a person's birth-registry prefix might):
R = every VALID number with that prefix, |R| = 10^secret_digits exactly, ranked exactly.
"""

from __future__ import annotations

import math

import torch

from ..data.world.hooks import tc_kimlik_check_digits
from ..i18n import CourseValueError
from ..model.generate import generate
from . import privacy_messages  # noqa: F401  (registers this package's texts)

ALL_VALID_TCKN = 9 * 10**8  # first digit 1-9, then 8 free digits; the last two are the checksum


def exposure_from_rank(rank: int, space_size: int) -> float:
    """log2 |R| - log2 rank: how many bits better than chance the model ranks the secret."""
    if isinstance(rank, bool) or not isinstance(rank, int) or not 1 <= rank <= space_size:
        raise CourseValueError("privacy_bad_rank", rank=rank, size=space_size)
    return math.log2(space_size) - math.log2(rank)


def candidates(tckn: str, secret_digits: int) -> list[str]:
    """Every valid TCKN that shares ``tckn``'s first ``9 - secret_digits`` digits (the true one among them)."""
    if isinstance(secret_digits, bool) or not isinstance(secret_digits, int) or not 1 <= secret_digits <= 8:
        raise CourseValueError("privacy_bad_digits", value=secret_digits)
    known = tckn[: 9 - secret_digits]
    return [
        known + tail + tc_kimlik_check_digits(known + tail)
        for tail in (f"{i:0{secret_digits}d}" for i in range(10**secret_digits))
    ]


@torch.no_grad()
def sequence_log_probs(model, tokenizer, prompt: str, continuations: list[str], batch_size: int = 2048) -> torch.Tensor:
    """log p(continuation | prompt) under ``model`` for each continuation (all of the same token length)."""
    model.eval()
    prompt_ids = tokenizer.encode(prompt)
    rows = torch.tensor([prompt_ids + tokenizer.encode(c) for c in continuations])
    n_new = rows.shape[1] - len(prompt_ids)
    rows = rows[:, -(model.config.block_size + 1) :]  # a too-long prompt loses its oldest tokens
    scores = []
    for chunk in rows.split(batch_size):
        log_probs = model(chunk[:, :-1]).logits.float().log_softmax(-1)
        picked = log_probs.gather(-1, chunk[:, 1:].unsqueeze(-1)).squeeze(-1)
        scores.append(picked[:, -n_new:].sum(-1))
    return torch.cat(scores)


def _n_tokens(tokenizer, text: str) -> int:
    return len(tokenizer.encode(text))


def canary_rank(model, tokenizer, prompt: str, tckn: str, secret_digits: int) -> tuple[int, int]:
    """(rank of the true TCKN among its candidates, |R|) after ``prompt`` + the known digits."""
    known = tckn[: 9 - secret_digits]
    pool = candidates(tckn, secret_digits)
    scores = sequence_log_probs(model, tokenizer, prompt + known, [c[len(known) :] for c in pool])
    true_score = scores[pool.index(tckn)]
    # Ties count against the model: rank = 1 + every other candidate scored at least as high, where
    # "as high" allows 1e-5 nats of float32 summation noise (equal sums of digits can differ by ~1e-7).
    rank = int((scores >= true_score - 1e-5).sum())
    return rank, len(pool)


@torch.no_grad()
def extraction(model, tokenizer, prompt: str, secret: str, samples: int = 0,
               generator: torch.Generator | None = None) -> dict[str, float]:
    """Does the model write ``secret`` right after ``prompt``?

    ``greedy``: 1.0 if greedy decoding reproduces it exactly, else 0.0; ``sampled``: the share of
    ``samples`` completions at temperature 1 that reproduce it (absent when samples=0).
    """
    ids = torch.tensor(tokenizer.encode(prompt))[-model.config.block_size :]
    n_new = _n_tokens(tokenizer, secret)
    result = {}
    greedy = generate(model, ids, n_new, temperature=0)
    result["greedy"] = float(tokenizer.decode(greedy[len(ids) :].tolist()) == secret)
    if samples:
        batch = ids.unsqueeze(0).repeat(samples, 1)
        drawn = generate(model, batch, n_new, temperature=1.0, generator=generator)
        texts = [tokenizer.decode(row[len(ids) :].tolist()) for row in drawn]
        result["sampled"] = sum(text == secret for text in texts) / samples
    return result
