"""Export to Hugging Face: the fast tokenizer gives exactly our ids, on real TR and EN text."""

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.tokenizer import BPETokenizer, to_hf_tokenizer, to_hf_tokenizers
from course_lib.tokenizer.hf_export import bytes_to_unicode

pytest.importorskip("tokenizers")
pytest.importorskip("transformers")

SPECIALS = ["<|endoftext|>", "<|pad|>"]


@cache
def trained(shared_data):
    tr = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")
    en = (shared_data / "tinyshakespeare.txt").read_text(encoding="utf-8")
    tok = BPETokenizer.train(tr[:60_000] + en[:60_000], vocab_size=1024, special_tokens=SPECIALS)
    return tok, tr, en


def test_gpt2_byte_table():
    table = bytes_to_unicode()
    assert len(set(table.values())) == 256
    assert table[ord(" ")] == "Ġ" and table[ord("\n")] == "Ċ" and table[ord("A")] == "A"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_hf_fast_tokenizer_gives_our_ids_on_real_text(shared_data, language):
    tok, tr, en = trained(shared_data)
    text = tr if language == "tr" else en
    text = text[200_000:400_000]  # text the merges were not learned from
    fast = to_hf_tokenizer(tok)
    ours = tok.encode(text)
    assert fast(text)["input_ids"] == ours
    assert fast.decode(ours) == text


def test_special_tokens_keep_their_ids(shared_data):
    tok, _, _ = trained(shared_data)
    fast = to_hf_tokenizer(tok)
    text = "Kitabı okudu.<|endoftext|>She read it.<|pad|><|pad|>"
    assert fast(text)["input_ids"] == tok.encode(text)
    assert fast.eos_token_id == tok.special_id("<|endoftext|>") == 256
    assert fast.pad_token_id == tok.special_id("<|pad|>") == 257
    assert len(fast) == tok.vocab_size


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_hf_equal_on_arbitrary_unicode(text):
    tok = _small()
    assert to_hf_tokenizers_cached().encode(text).ids == tok.encode(text)


@cache
def _small():
    text = "Ayşe'nin kitabı İstanbul'da. Don't stop; 1227'de 3,14! Çiçek ağaç ılık öğün şüphe. " * 20
    return BPETokenizer.train(text, vocab_size=330, special_tokens=["<|endoftext|>"])


@cache
def to_hf_tokenizers_cached():
    return to_hf_tokenizers(_small())


def test_save_pretrained_and_reload_with_autotokenizer(tmp_path):
    from transformers import AutoTokenizer

    tok = _small()
    to_hf_tokenizer(tok).save_pretrained(tmp_path / "hf")
    reloaded = AutoTokenizer.from_pretrained(tmp_path / "hf")
    text = "Ayşe'nin kitabı İstanbul'da.<|endoftext|>Don't stop."
    assert reloaded(text)["input_ids"] == tok.encode(text)
    assert reloaded.eos_token_id == tok.special_id("<|endoftext|>")
