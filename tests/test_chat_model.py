"""The shipped chat model: its files, the base model it was tuned from, and what it learned."""

import pytest
import torch
from safetensors.torch import load_file

from course_lib.assets import load_chat_model, load_shipped_base
from course_lib.assets.build_chat import BASE_DIR, instruction_splits
from course_lib.assets.chat_loading import CHAT_DIR
from course_lib.assets.chat_recipe import ChatRecipe
from course_lib.assets.files import BASE_FILES, CHAT_FILES, file_sha256, read_config
from course_lib.finetune.instruct import evaluate_instructions

# Measured on the shipped chat model at build time (chat_config.json, "results"), exact match per
# language: 0.19 (en) and 0.15 (tr) on 150 held-out pairs of the trained kinds (sentiment 0.56 / 0.44,
# reading comprehension and closed-book questions 0: the answers have the right form, not the right
# person); 0.0 on the 100 pairs of the held-out kinds (topic, translation). The test re-scores the
# model and must reproduce those numbers; the thresholds sit about a third below them, so a rebuild on
# another machine that learned as much still passes. For the held-out kinds 0 is all there is to
# keep: at this scale, a kind of instruction never trained on is not followed (see build_chat.py).
THRESHOLDS = {
    "eval_seen": {"en": 0.12, "tr": 0.10},
    "eval_held_out": {"en": 0.0, "tr": 0.0},
}


@pytest.fixture(scope="module")
def chat():
    return load_chat_model()


def test_shipped_chat_files_are_small_and_verified(chat):
    config = read_config(CHAT_DIR, CHAT_FILES)
    for name in (CHAT_FILES.weights, CHAT_FILES.tokenizer):
        assert file_sha256(CHAT_DIR / name) == config["sha256"][name]
    total = sum(path.stat().st_size for path in CHAT_DIR.iterdir())
    assert total <= 10 * 2**20
    assert chat.config == config and chat.source == "shipped:chat"
    model, tokenizer = chat
    assert model.config.to_dict() == config["model"] and tokenizer.vocab_size == model.config.vocab_size
    assert "CC BY-SA 4.0" in (CHAT_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")  # derived from the base


def test_chat_model_is_the_shipped_real_base_model_tuned(chat):
    base_config = read_config(BASE_DIR, BASE_FILES)
    assert (CHAT_DIR / chat.config["base_model"]["folder"]).resolve() == BASE_DIR.resolve()
    assert chat.config["base_model"]["weights_sha256"] == base_config["sha256"][BASE_FILES.weights]
    assert file_sha256(CHAT_DIR / CHAT_FILES.tokenizer) == base_config["sha256"][BASE_FILES.tokenizer]
    base = load_shipped_base(folder=BASE_DIR)
    assert base.model.config == chat.model.config
    assert torch.equal(base.model.wte.weight, chat.model.wte.weight)  # frozen, stored once in the base
    assert not torch.equal(base.model.blocks[-1].mlp.c_fc.weight, chat.model.blocks[-1].mlp.c_fc.weight)
    stored = load_file(str(CHAT_DIR / CHAT_FILES.weights))
    assert sum(t.numel() for t in stored.values()) == chat.config["results"]["n_trained"]


@pytest.mark.slow
@pytest.mark.parametrize("split", ["eval_seen", "eval_held_out"])
def test_held_out_exact_match_per_language(chat, split):
    recipe = ChatRecipe.from_dict(chat.config["recipe"])
    pairs = instruction_splits(recipe, chat.tokenizer, chat.model.config.block_size + 1)[split]
    scores = evaluate_instructions(chat.model, chat.tokenizer, pairs, progress=False)
    recorded = chat.config["results"]["exact_match"][split]
    assert scores.exact_match == pytest.approx(recorded["exact_match"])  # the build's numbers, re-measured
    for lang, threshold in THRESHOLDS[split].items():
        assert scores.exact_match[lang] >= threshold, (lang, scores.table())
