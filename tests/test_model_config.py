"""GPTConfig: validation with bilingual messages, and the dict round trip."""

import json

import pytest

from course_lib.i18n import CourseValueError
from course_lib.model import GPTConfig

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=4, n_embd=32)


def test_defaults_are_gpt2s():
    config = GPTConfig(**TINY)
    assert (config.dropout, config.bias, config.layer_norm_eps) == (0.0, True, 1e-5)
    assert config.head_dim == 8


def test_dict_round_trip_through_json():
    config = GPTConfig(**TINY, dropout=0.1, bias=False)
    assert GPTConfig.from_dict(json.loads(json.dumps(config.to_dict()))) == config


def test_unknown_keys_are_refused():
    with pytest.raises(CourseValueError, match="n_heads"):
        GPTConfig.from_dict({**TINY, "n_heads": 4})


@pytest.mark.parametrize(
    "field, value",
    [("vocab_size", 0), ("block_size", -3), ("n_layer", 2.5), ("n_head", True), ("n_embd", None)],
)
def test_non_positive_sizes_name_the_field(field, value):
    with pytest.raises(CourseValueError) as error:
        GPTConfig(**{**TINY, field: value})
    assert field in error.value.en and field in error.value.tr
    assert repr(value) in error.value.en and repr(value) in error.value.tr


def test_heads_must_divide_width():
    with pytest.raises(CourseValueError) as error:
        GPTConfig(**{**TINY, "n_embd": 30})
    assert "n_embd=30" in error.value.en and "n_head=4" in error.value.en
    assert "e.g. n_embd=32" in error.value.en  # the suggested fix is a multiple of n_head
    assert "n_embd=30" in error.value.tr and "bölünmüyor" in error.value.tr


@pytest.mark.parametrize("dropout", [-0.1, 1.0, "0.1"])
def test_dropout_range(dropout):
    with pytest.raises(CourseValueError, match="dropout"):
        GPTConfig(**TINY, dropout=dropout)


def test_eps_must_be_positive():
    with pytest.raises(CourseValueError, match="layer_norm_eps"):
        GPTConfig(**TINY, layer_norm_eps=0.0)


def test_message_follows_the_language(monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "tr")
    with pytest.raises(CourseValueError, match="pozitif bir tam sayı"):
        GPTConfig(**{**TINY, "n_layer": 0})


def test_activation_is_gpt2s_tanh_gelu_by_default_and_checked():
    config = GPTConfig(vocab_size=10, block_size=4, n_layer=1, n_head=1, n_embd=4)
    assert config.activation == "gelu_new"
    # A config saved before the field existed loads as what those models were: the tanh GELU.
    values = config.to_dict()
    del values["activation"]
    assert GPTConfig.from_dict(values).activation == "gelu_new"
    with pytest.raises(CourseValueError, match="activation") as error:
        GPTConfig(vocab_size=10, block_size=4, n_layer=1, n_head=1, n_embd=4, activation="relu")
    assert "gelu_new" in error.value.tr
