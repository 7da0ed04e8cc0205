"""Measured(method) scores each trained run: with no attack (ε = 0) its number is exactly the
harness's own dev accuracy of that run, and the noise columns are accuracies of the same model."""

from dataclasses import dataclass

import pytest
from finetune_helpers import PAD, VOCAB, tiny_gpt

from course_lib.finetune import Full, compare, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.risks.robust_runs import Measured, robust_table


class CharTokenizer:
    def encode(self, text):
        return [1 + ord(c) % (VOCAB - 1) for c in text]

    def special_id(self, token):
        return PAD


@dataclass
class TinyBase:
    model: object
    tokenizer: object
    config: dict
    heldout_text: str


def test_measured_runs_match_the_harness_and_fill_every_column(tmp_path):
    task = world_topic("tr", n_train=16, n_dev=12)
    base = TinyBase(tiny_gpt(0), CharTokenizer(), {}, "Ayşe bugün pazara gitti. " * 20)
    config = FinetuneConfig(epochs=2, batch_size=8, lr=3e-2, max_length=15, forgetting_tokens=60,
                            forgetting_block=15, device="cpu")
    measured = Measured(Full(), base.tokenizer, task, pgd_epsilon=0.0, max_length=15, more_epsilons=(0.0, 50.0))
    result = compare(base, task, [measured], seeds=(0, 1), config=config, cache_dir=False, progress=False)
    assert [r["pgd"] for r in measured.records] == pytest.approx([r["metric"] for r in result.runs])
    assert [r["pgd 0"] for r in measured.records] == [r["pgd"] for r in measured.records]
    assert all(r["pgd 50"] <= r["pgd"] for r in measured.records)
    assert [r["seed"] for r in measured.records] == [0, 1]
    table = robust_table([measured])
    assert list(table.index) == ["full"]
    for column in ("diacritics", "typos", "swaps", "pgd"):
        assert 0.0 <= table.loc["full", column] <= 1.0 and f"{column} std" in table.columns
    assert measured.settings() == Full().settings()  # the wrapper never changes a run's cache key
