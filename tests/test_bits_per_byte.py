"""Bits per byte against a hand computation and against one full-context cross-entropy."""

import math
from types import SimpleNamespace

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course_lib.i18n import CourseValueError, set_language
from course_lib.model import GPT, GPTConfig
from course_lib.tokenizer import BPETokenizer
from course_lib.train.bits_per_byte import bits_per_byte, text_bits_per_byte

TEXT = "Öğlen Ayşe kafede bekledi. Sonra İzmir'de müzeye gitti. At noon, Ayşe waited at the café. " * 3


@pytest.fixture(scope="module")
def tokenizer():
    return BPETokenizer.train(TEXT, 300)


class UniformModel(nn.Module):
    """Logits all zero: every token costs exactly ln V nats."""

    def __init__(self, vocab_size):
        super().__init__()
        self.vocab_size = vocab_size
        self.anchor = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return SimpleNamespace(logits=torch.zeros(*x.shape, self.vocab_size))


def test_formula_by_hand():
    assert bits_per_byte(10.0, 5) == pytest.approx(10.0 / (0.6931471805599453 * 5))
    assert bits_per_byte(math.log(2) * 8, 8) == pytest.approx(1.0)


def test_uniform_model_costs_log2_v_bits_per_token(tokenizer):
    ids = tokenizer.encode(TEXT)
    result = text_bits_per_byte(UniformModel(tokenizer.vocab_size), tokenizer, TEXT, block_size=7)
    predicted_bytes = len(TEXT.encode("utf-8")) - len(tokenizer.token_bytes(ids[0]))
    assert result.tokens == len(ids) - 1
    assert result.n_bytes == predicted_bytes
    assert result.nats == pytest.approx((len(ids) - 1) * math.log(tokenizer.vocab_size), rel=1e-5)
    assert result.bits_per_byte == pytest.approx((len(ids) - 1) * math.log2(tokenizer.vocab_size) / predicted_bytes,
                                                 rel=1e-5)


def test_one_window_equals_a_full_context_cross_entropy(tokenizer):
    torch.manual_seed(0)
    ids = tokenizer.encode(TEXT)
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, block_size=len(ids), n_layer=1, n_head=2, n_embd=16))
    x = torch.tensor(ids[:-1]).unsqueeze(0)
    with torch.no_grad():
        nats = F.cross_entropy(model(x).logits[0], torch.tensor(ids[1:]), reduction="sum").item()
    result = text_bits_per_byte(model, tokenizer, TEXT, block_size=len(ids))
    assert result.nats == pytest.approx(nats, rel=1e-5)
    assert result.nats_per_token == pytest.approx(nats / (len(ids) - 1), rel=1e-5)


def test_bad_input_is_refused_in_both_languages(tokenizer):
    with pytest.raises(CourseValueError, match="n_bytes = 0"):
        bits_per_byte(1.0, 0)
    set_language("tr")
    with pytest.raises(CourseValueError, match="en az 2 token"):
        text_bits_per_byte(UniformModel(tokenizer.vocab_size), tokenizer, "a", block_size=4)
