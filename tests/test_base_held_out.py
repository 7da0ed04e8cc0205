"""Held-out bits per byte (course_lib.assets.held_out) against an independent computation."""

import math

import torch

from course_lib.assets.held_out import held_out_bits_per_byte, part_tokens
from course_lib.data.world import World
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.tokenizer import BPETokenizer

SPECIALS = ["<|endoftext|>", "<|pad|>"]


def tiny_model(block_size: int):
    tokenizer = BPETokenizer.train(World(seed=4).corpus(6_000, "both").text, 320, SPECIALS)
    torch.manual_seed(5)
    config = GPTConfig(vocab_size=tokenizer.vocab_size, block_size=block_size, n_layer=1, n_head=2, n_embd=16)
    return GPT(config).eval(), tokenizer


def test_one_window_matches_the_hf_loss_and_the_utf8_byte_count():
    model, tokenizer = tiny_model(block_size=128)
    text = "Çiğdem Öztürk İzmir'de öğretmen. Şu an Ankara'da yaşıyor."
    result = held_out_bits_per_byte(model, tokenizer, {"tr": [text]})["tr"]
    ids = part_tokens(tokenizer, [text])
    assert len(ids) <= 128  # one window: every token after the first is predicted once
    with torch.no_grad():
        hf_loss = float(to_hf(model).eval()(ids[None], labels=ids[None]).loss)  # HF shifts the labels itself
    # Predicted: everything but the first token; the closing <|endoftext|> counts as one byte.
    predicted_bytes = len(text.encode("utf-8")) - len(tokenizer.token_bytes(int(ids[0]))) + 1
    assert result["tokens"] == len(ids) - 1 and result["bytes"] == predicted_bytes
    torch.testing.assert_close(result["nats_per_token"], hf_loss, rtol=1e-5, atol=1e-6)
    expected = hf_loss * (len(ids) - 1) / (math.log(2) * predicted_bytes)
    torch.testing.assert_close(result["bits_per_byte"], expected, rtol=1e-5, atol=1e-6)


def test_long_text_is_cut_into_windows_and_every_byte_counts_once():
    model, tokenizer = tiny_model(block_size=16)
    documents = [doc.text for doc in World(seed=9).corpus(3_000, "tr").documents]
    result = held_out_bits_per_byte(model, tokenizer, {"world_tr": documents, "unused": []})
    assert set(result) == {"world_tr"}  # an empty part is skipped
    ids = part_tokens(tokenizer, documents)
    n_windows = (len(ids) - 1) // 16
    assert result["world_tr"]["tokens"] == n_windows * 16
    targets = ids[1 : n_windows * 16 + 1].tolist()
    separator = tokenizer.special_id("<|endoftext|>")
    expected_bytes = sum(1 if t == separator else len(tokenizer.token_bytes(t)) for t in targets)
    assert result["world_tr"]["bytes"] == expected_bytes
    # An untrained model is about uniform: log2(V) bits per token, spread over the bytes.
    uniform = math.log2(tokenizer.vocab_size) * n_windows * 16 / expected_bytes
    assert 0.9 * uniform < result["world_tr"]["bits_per_byte"] < 1.1 * uniform
