"""Parameter and FLOP counts against hand computation and against built models."""

import pytest

from course_lib.i18n import CourseValueError
from course_lib.model import (
    GPT,
    GPTConfig,
    count_parameters,
    flops_per_token,
    parameter_breakdown,
    parameter_count,
    training_flops,
)

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=4, n_embd=32)


def test_tiny_count_by_hand():
    # d = 32, L = 2, V = 50, T = 16, with biases.
    d, L, V, T = 32, 2, 50, 16
    per_block = (2 * d) + (3 * d * d + 3 * d) + (d * d + d) + (2 * d) + (4 * d * d + 4 * d) + (4 * d * d + d)
    by_hand = V * d + T * d + L * per_block + 2 * d
    assert by_hand == 27_584
    config = GPTConfig(**TINY)
    assert parameter_count(config) == by_hand
    assert config.n_params() == by_hand
    assert parameter_count(config, include_embeddings=False) == by_hand - V * d - T * d


@pytest.mark.parametrize("bias", [True, False])
def test_count_matches_built_model(bias):
    config = GPTConfig(**TINY, bias=bias)
    model = GPT(config)
    assert count_parameters(model) == parameter_count(config)
    assert model.n_params() == parameter_count(config)
    assert model.n_params(include_embeddings=False) == parameter_count(config, include_embeddings=False)
    assert sum(parameter_breakdown(config).values()) == parameter_count(config)


def test_bias_free_count_by_hand():
    d, L = 32, 2
    per_block = d + 3 * d * d + d * d + d + 4 * d * d + 4 * d * d  # two LayerNorm scales, four matrices
    assert parameter_count(GPTConfig(**TINY, bias=False), include_embeddings=False) == L * per_block + d


def test_gpt2_small_is_124m():
    # GPT-2 small has 124,439,808 parameters with tied embeddings (the number Hugging Face's
    # GPT2LMHeadModel reports); 85,056,000 without the token and position embeddings.
    config = GPTConfig.preset("gpt2")
    assert parameter_count(config) == 124_439_808
    non_embedding = parameter_count(config, include_embeddings=False)
    assert non_embedding == 124_439_808 - 50257 * 768 - 1024 * 768 == 85_056_000
    # Kaplan's approximation 12 · L · d² is within 0.2 % (it ignores biases and LayerNorms).
    assert abs(non_embedding - 12 * 12 * 768**2) / non_embedding < 0.002


def test_trainable_only_counts_unfrozen():
    model = GPT(GPTConfig(**TINY))
    for p in model.parameters():
        p.requires_grad_(False)
    for p in model.blocks[-1].parameters():
        p.requires_grad_(True)
    assert count_parameters(model, trainable_only=True) == sum(
        p.numel() for p in model.blocks[-1].parameters()
    )
    assert model.n_params(trainable_only=True) == count_parameters(model, trainable_only=True)


def test_flops_per_token_by_hand():
    config = GPTConfig(**TINY)
    N = parameter_count(config, include_embeddings=False)
    attention = 2 * 2 * 16 * 32  # 2 · n_layer · n_ctx · d
    assert flops_per_token(config, training=False, include_attention=False) == 2 * N
    assert flops_per_token(config, training=True, include_attention=False) == 6 * N
    assert flops_per_token(config, training=False) == 2 * N + attention
    assert flops_per_token(config) == 3 * (2 * N + attention)
    assert flops_per_token(config, n_ctx=8, training=False) == 2 * N + attention // 2
    assert (
        flops_per_token(config, training=False, include_output_layer=True) == 2 * N + attention + 2 * 32 * 50
    )
    assert training_flops(config, 1000) == 1000 * flops_per_token(config)


def test_gpt2_small_flops():
    # Kaplan et al. 2020 Table 1 for GPT-2 small at n_ctx = 1024: 2N + 2·12·1024·768 per token forward.
    config = GPTConfig.preset("gpt2")
    assert flops_per_token(config, training=False) == 2 * 85_056_000 + 2 * 12 * 1024 * 768


def test_presets_and_overrides():
    assert GPTConfig.preset("gpt2-xl").n_embd == 1600
    assert GPTConfig.preset("gpt2", block_size=256).block_size == 256
    with pytest.raises(CourseValueError, match="gpt2-medium"):
        GPTConfig.preset("gpt3")
