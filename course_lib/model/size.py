"""How big a GPT is and how much compute it costs: counts a learner can check by hand.

Parameter counts follow the GPT in :mod:`course_lib.model.gpt` exactly (tied input/output
embeddings, so the output layer adds nothing). "Non-embedding" parameters leave out the token
and position embeddings, as Kaplan et al. 2020 ("Scaling Laws for Neural Language Models",
arXiv 2001.08361, Table 1) do; with d = n_embd they are ≈ 12 · n_layer · d².

FLOPs per token follow the same table: a forward pass costs 2 FLOPs (a multiply and an add)
per non-embedding parameter, plus the attention term 2 · n_layer · n_ctx · d for scoring the
context; training (forward + backward) costs three times the forward pass, hence the "6·N"
rule: C ≈ 6 · N · D for D training tokens.
"""

from __future__ import annotations

from torch import nn


def parameter_breakdown(config) -> dict[str, int]:
    """Parameters of ``GPT(config)`` by part; the values add up to :func:`parameter_count`."""
    d, n_layer = config.n_embd, config.n_layer
    b = 1 if config.bias else 0  # one bias per output feature, or none
    return {
        "token_embedding": config.vocab_size * d,
        "position_embedding": config.block_size * d,
        # query, key and value in one (d → 3d) matrix, then the output projection (d → d)
        "attention": n_layer * ((d * 3 * d + b * 3 * d) + (d * d + b * d)),
        # up to 4d, GELU, back down to d
        "mlp": n_layer * ((d * 4 * d + b * 4 * d) + (4 * d * d + b * d)),
        # two LayerNorms per block and one at the end, each a scale (and a shift) per feature
        "layer_norms": (2 * n_layer + 1) * (d + b * d),
        # the output layer reuses the token embedding matrix (weight tying)
        "output_layer": 0,
    }


def parameter_count(config, include_embeddings: bool = True) -> int:
    """Number of parameters of ``GPT(config)``.

    ``include_embeddings=False`` gives Kaplan et al.'s N: every parameter except the token and
    position embeddings.
    """
    parts = parameter_breakdown(config)
    if not include_embeddings:
        parts.pop("token_embedding")
        parts.pop("position_embedding")
    return sum(parts.values())


def count_parameters(module: nn.Module, trainable_only: bool = False) -> int:
    """Parameters of a built module; a tied weight counts once (``module.parameters()`` dedups)."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


def flops_per_token(
    config,
    n_ctx: int | None = None,
    training: bool = True,
    include_attention: bool = True,
    include_output_layer: bool = False,
) -> int:
    """FLOPs to process one token, after Kaplan et al. 2020, Table 1.

    forward  = 2 · N + 2 · n_layer · n_ctx · n_embd     (N: non-embedding parameters)
    training = 3 · forward                              (the backward pass costs about twice the forward)

    ``n_ctx`` is the context length the token attends over (default: ``block_size``).
    ``include_attention=False`` gives the bare 2·N (forward) or 6·N (training) rule.
    ``include_output_layer=True`` adds the output layer's 2 · n_embd · vocab_size, which Kaplan
    et al. leave out but which is a large share of the cost of a small model with a big vocabulary.
    """
    n_ctx = config.block_size if n_ctx is None else n_ctx
    forward = 2 * parameter_count(config, include_embeddings=False)
    if include_attention:
        forward += 2 * config.n_layer * n_ctx * config.n_embd
    if include_output_layer:
        forward += 2 * config.n_embd * config.vocab_size
    return 3 * forward if training else forward


def training_flops(config, n_tokens: int, **kwargs) -> int:
    """FLOPs to train on ``n_tokens`` tokens: ``flops_per_token(config, **kwargs) · n_tokens``."""
    return flops_per_token(config, training=True, **kwargs) * n_tokens
