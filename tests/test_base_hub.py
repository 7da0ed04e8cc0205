"""load_base_model("hub:...") : a causal LM from the Hugging Face Hub, or a clear error offline."""

import pytest
import torch

from course_lib.assets import load_base_model
from course_lib.assets.hub import HubTokenizer
from course_lib.data.world import World
from course_lib.i18n import CourseFileError
from course_lib.tokenizer import BPETokenizer, to_hf_tokenizer


@pytest.fixture
def offline(monkeypatch):
    """A Hub endpoint that refuses connections (port 9, "discard", is closed on test machines)."""
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")


def test_offline_the_hub_model_fails_fast_with_a_clear_message_in_both_languages(offline):
    with pytest.raises(CourseFileError) as caught:
        load_base_model("hub:course-lib-tests/no-such-model")
    assert "course-lib-tests/no-such-model" in caught.value.en and "network" in caught.value.en
    assert "load_base_model()" in caught.value.en
    assert "ağ bağlantısı" in caught.value.tr and "course-lib-tests/no-such-model" in caught.value.tr


def test_a_saved_gpt2_folder_loads_through_the_same_function(tmp_path, offline):
    from transformers import GPT2Config, GPT2LMHeadModel

    course_tokenizer = BPETokenizer.train(World(seed=2).corpus(4_000, "both").text, 300, ["<|endoftext|>"])
    torch.manual_seed(0)
    reference = GPT2LMHeadModel(GPT2Config(vocab_size=300, n_positions=32, n_embd=16, n_layer=1, n_head=2)).eval()
    reference.save_pretrained(tmp_path)
    to_hf_tokenizer(course_tokenizer, model_max_length=32).save_pretrained(tmp_path)

    base = load_base_model(f"hub:{tmp_path}")
    assert base.source == f"hub:{tmp_path}" and isinstance(base.tokenizer, HubTokenizer)
    text = "Ayşe Yılmaz Bursa'da yaşıyor."
    ids = base.tokenizer.encode(text)
    assert ids == course_tokenizer.encode(text) and base.tokenizer.decode(ids) == text
    assert base.tokenizer.vocab_size == 300 and base.config["model_type"] == "gpt2"
    batch = torch.tensor([ids])
    with torch.no_grad():
        torch.testing.assert_close(base.model(batch).logits, reference(batch).logits)
    model, tokenizer = base
    assert model is base.model and not model.training
