"""Writing text with a GPT: one token at a time, each chosen from the model's next-token scores.

Each step reads the (at most ``block_size``) last tokens, takes the logits at the last position,
reshapes the distribution, and picks a token:
  * temperature T: divide the logits by T. T < 1 sharpens the distribution, T > 1 flattens it,
    T = 0 is the limit where only the best token remains: greedy decoding (argmax);
  * top-k (Fan et al. 2018): keep only the k most likely tokens;
  * top-p, "nucleus" sampling (Holtzman et al. 2020, arXiv 1904.09751): keep the smallest set
    of most likely tokens whose probabilities add up to at least p.
The three filters are small pure functions on logits, so a notebook can show each one alone.
"""

from __future__ import annotations

import torch

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the model's messages)


def apply_temperature(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    """``logits / temperature`` (temperature > 0; use argmax for temperature 0)."""
    if not isinstance(temperature, (int, float)) or temperature <= 0:
        raise CourseValueError("generate_temperature_zero", value=temperature)
    return logits / temperature


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """Keep the ``k`` largest logits in the last dimension; set the others to -inf.

    Exactly k survive even when values tie (``torch.topk`` breaks the tie), so sampling can
    never leave the k best.
    """
    _check_top_k(k)
    k = min(k, logits.shape[-1])
    best_values, best_ids = logits.topk(k, dim=-1)
    filtered = torch.full_like(logits, float("-inf"))
    return filtered.scatter(-1, best_ids, best_values)


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Keep the smallest set of most likely tokens whose total probability is ≥ ``p``; -inf the rest.

    Sort the probabilities from high to low and keep a token if the tokens before it hold less
    than ``p``: then the kept set just reaches ``p``, and the most likely token is always kept.
    """
    _check_top_p(p)
    sorted_logits, order = logits.sort(dim=-1, descending=True)
    sorted_probs = sorted_logits.float().softmax(dim=-1)
    mass_before = sorted_probs.cumsum(dim=-1) - sorted_probs
    keep_sorted = mass_before < p
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))


def next_token(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Pick one token id per row from ``logits`` (B, V) → (B, 1)."""
    if temperature == 0:
        return logits.argmax(dim=-1, keepdim=True)
    logits = apply_temperature(logits.float(), temperature)
    if top_k is not None:
        logits = top_k_filter(logits, top_k)
    if top_p is not None:
        logits = top_p_filter(logits, top_p)
    return torch.multinomial(logits.softmax(dim=-1), num_samples=1, generator=generator)


@torch.no_grad()
def generate(
    model,
    idx: torch.Tensor,
    max_new_tokens: int,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    stop_token: int | None = None,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Continue ``idx`` by up to ``max_new_tokens`` tokens; returns prompt + continuation.

    idx          (B, T) or (T,) token ids; the result has the same number of dimensions
    temperature  0 → greedy (always the most likely token); otherwise sample at this temperature
    top_k/top_p  optional filters applied after the temperature, top-k first (as Hugging Face)
    stop_token   a row ends after it produces this id; rows that ended early are padded with it,
                 and generation stops when every row has ended
    generator    a ``torch.Generator`` on the model's device: the same seed gives the same text

    The model runs in eval mode (no dropout) and is put back in its previous mode afterwards.
    Each step recomputes the whole (cropped) context: simple, and fast enough for small models.
    """
    _check_generate_args(max_new_tokens, temperature, top_k, top_p)
    single = idx.dim() == 1
    if single:
        idx = idx.unsqueeze(0)
    block_size = model.config.block_size
    was_training = model.training
    model.eval()
    try:
        finished = torch.zeros(idx.shape[0], dtype=torch.bool, device=idx.device)
        for _ in range(max_new_tokens):
            context = idx[:, -block_size:]  # the model cannot read further back than block_size
            logits = model(context).logits[:, -1, :]
            token = next_token(logits, temperature, top_k, top_p, generator)
            if stop_token is not None:
                token = token.masked_fill(finished.unsqueeze(1), stop_token)
                finished |= token.squeeze(1) == stop_token
            idx = torch.cat([idx, token.to(idx.dtype)], dim=1)
            if stop_token is not None and bool(finished.all()):
                break
    finally:
        model.train(was_training)
    return idx.squeeze(0) if single else idx


def _check_top_k(k) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise CourseValueError("generate_bad_top_k", value=k)


def _check_top_p(p) -> None:
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 < p <= 1:
        raise CourseValueError("generate_bad_top_p", value=p)


def _check_generate_args(max_new_tokens, temperature, top_k, top_p) -> None:
    if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, int) or max_new_tokens < 0:
        raise CourseValueError("generate_bad_max_new_tokens", value=max_new_tokens)
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or temperature < 0:
        raise CourseValueError("generate_bad_temperature", value=temperature)
    if top_k is not None:
        _check_top_k(top_k)
    if top_p is not None:
        _check_top_p(top_p)
