"""Exposure and candidate ranking, against a hand computation and a model whose preferences are known."""

import math

import pytest
import torch

from course_lib.data.world import is_valid_tc_kimlik
from course_lib.i18n import CourseValueError
from course_lib.risks.exposure import (
    canary_rank,
    candidates,
    exposure_from_rank,
    extraction,
    sequence_log_probs,
)
from course_lib.tokenizer.char import CharTokenizer


def test_exposure_is_log2_space_minus_log2_rank():
    assert exposure_from_rank(1, 1024) == 10.0
    assert exposure_from_rank(1024, 1024) == 0.0
    assert exposure_from_rank(3, 1000) == pytest.approx(math.log2(1000 / 3))
    for bad in (0, 1025, 2.0, True):
        with pytest.raises(CourseValueError):
            exposure_from_rank(bad, 1024)


def test_candidates_are_all_valid_and_share_the_known_prefix():
    pool = candidates("10000000146", 3)
    assert len(pool) == 1000 == len(set(pool))
    assert "10000000146" in pool
    assert all(is_valid_tc_kimlik(c) and c.startswith("100000") for c in pool)


class _Prefers(torch.nn.Module):
    """A 'model' that always puts a fixed log-probability table on the next character: its rank
    of any candidate can be computed by hand."""

    def __init__(self, tokenizer, liked: str):
        super().__init__()
        self.config = type("C", (), {"block_size": 64})()
        self.table = torch.full((tokenizer.vocab_size,), -5.0)
        for i, ch in enumerate(liked):
            self.table[tokenizer.encode(ch)[0]] = -0.1 * (i + 1)

    def forward(self, idx, targets=None):
        logits = self.table.expand(*idx.shape, -1).clone()
        return type("O", (), {"logits": logits})()


def test_rank_and_log_probs_match_a_hand_computed_model():
    tokenizer = CharTokenizer.train("0123456789 :ab")
    model = _Prefers(tokenizer, "9876543210")  # prefers 9 most, then 8, ...
    lp = sequence_log_probs(model, tokenizer, "ab: ", ["99", "01"])
    probs = model.table.log_softmax(-1)
    nine, zero, one = (tokenizer.encode(c)[0] for c in "901")
    assert torch.allclose(lp, torch.stack([2 * probs[nine], probs[zero] + probs[one]]))
    # Rank by hand: 1 + the other candidates scored at least as high (ties count against).
    pool = candidates("10000000146", 2)

    def hand(c):
        return sum(float(probs[tokenizer.encode(ch)[0]]) for ch in c[7:])

    for secret in (max(pool, key=hand), min(pool, key=hand), pool[37]):
        expected = sum(hand(c) >= hand(secret) - 1e-5 for c in pool)
        assert canary_rank(model, tokenizer, "ab: ", secret, 2) == (expected, 100)
    assert canary_rank(model, tokenizer, "ab: ", min(pool, key=hand), 2)[0] > 90


def test_extraction_is_greedy_reproduction():
    tokenizer = CharTokenizer.train("0123456789 :ab")
    model = _Prefers(tokenizer, "9")
    assert extraction(model, tokenizer, "ab: ", "999")["greedy"] == 1.0
    assert extraction(model, tokenizer, "ab: ", "998")["greedy"] == 0.0
