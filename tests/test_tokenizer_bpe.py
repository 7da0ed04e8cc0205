"""Byte-level BPE: round trips, determinism, merge order against a naive reference, specials, files."""

from __future__ import annotations

from collections import Counter
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.tokenizer import BPETokenizer, MergeStep
from course_lib.tokenizer.pretokenize import split_words

SPECIALS = ["<|endoftext|>", "<|pad|>"]

# A small mixed Turkish/English text that does not depend on ../shared (runs in a learner's clone).
SMALL_TEXT = (
    "Kitap masada. Kitabı Ayşe'ye verdim; Ayşe kitaba baktı ve kitaptan bir sayfa okudu. "
    "Öğretmenimiz ılık bir günde İstanbul'dan İzmir'e gitti. Çiçekler, ağaçlar, şarkılar! "
    "The quick brown fox jumps over the lazy dog. The dog's owner didn't mind; they'll walk again.\n\n"
    "Sayılar: 1227, 2020 ve 3,14. Numbers: 42 and 1,000.\n"
) * 3


@cache
def small_tokenizer() -> BPETokenizer:
    return BPETokenizer.train(SMALL_TEXT, vocab_size=256 + len(SPECIALS) + 120, special_tokens=SPECIALS)


# ------------------------------------------------------------------------------- naive reference
def naive_bpe(text: str, n_specials: int, vocab_size: int) -> tuple[list[tuple[int, int]], dict[tuple, int]]:
    """Textbook BPE: recount every pair after every merge. Same tie rule: most frequent, then smallest pair.

    Returns the merges in order and, for each merge, the id it produced (a merge whose bytes
    already exist reuses that token's id, as in HF ``tokenizers``).
    """
    words = Counter(tuple(word.encode("utf-8")) for word in split_words(text))
    token_bytes = {i: bytes([i]) for i in range(256)}
    next_id = 256 + n_specials
    merges, produced = [], {}
    while next_id < vocab_size:
        pairs = Counter()
        for word, count in words.items():
            for pair in zip(word, word[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merged_bytes = token_bytes[best[0]] + token_bytes[best[1]]
        existing = [i for i, b in token_bytes.items() if b == merged_bytes]
        if existing:
            new_id = existing[0]
        else:
            new_id = next_id
            token_bytes[new_id] = merged_bytes
            next_id += 1
        merges.append(best)
        produced[best] = new_id
        new_words = Counter()
        for word, count in words.items():
            out, i = [], 0
            while i < len(word):
                if word[i : i + 2] == best:
                    out.append(new_id)
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            new_words[tuple(out)] += count
        words = new_words
    return merges, produced


def naive_encode(text: str, merges, produced) -> list[int]:
    """Encode by replaying the merges in training order on each word (no ranks, no cache)."""
    ids = []
    for word in split_words(text):
        tokens = list(word.encode("utf-8"))
        for left, right in merges:
            out, i = [], 0
            while i < len(tokens):
                if i + 1 < len(tokens) and tokens[i] == left and tokens[i + 1] == right:
                    out.append(produced[(left, right)])
                    i += 2
                else:
                    out.append(tokens[i])
                    i += 1
            tokens = out
        ids.extend(tokens)
    return ids


def test_same_merges_and_ids_as_naive_reference():
    vocab_size = 256 + len(SPECIALS) + 120
    merges, produced = naive_bpe(SMALL_TEXT, len(SPECIALS), vocab_size)
    tok = small_tokenizer()
    assert tok.merges == merges
    assert {pair: tok.merge_id(*pair) for pair in tok.merges} == produced
    held_out = "Ayşe kitabı okudu ve İzmir'e döndü. The fox didn't walk; 2021 çiçek."
    assert tok.encode(held_out) == naive_encode(held_out, merges, produced)


def test_naive_reference_on_real_turkish(shared_data):
    text = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")[:4000]
    merges, produced = naive_bpe(text, 0, 256 + 60)
    tok = BPETokenizer.train(text, vocab_size=256 + 60)
    assert tok.merges == merges
    sample = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")[4000:6000]
    assert tok.encode(sample) == naive_encode(sample, merges, produced)


def test_each_byte_string_has_one_id(shared_data):
    # The HF export maps token strings to ids, so no two ids may spell the same bytes.
    text = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")[:100_000]
    tok = BPETokenizer.train(text, vocab_size=1024, special_tokens=SPECIALS)
    byte_strings = [tok.token_bytes(i) for i in range(tok.vocab_size)]
    assert len(byte_strings) == len(set(byte_strings))


# ---------------------------------------------------------------------------------- round trips
@settings(max_examples=200, deadline=None)
@given(st.text())
def test_round_trip_arbitrary_unicode(text):
    tok = small_tokenizer()
    assert tok.decode(tok.encode(text)) == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(SPECIALS)), max_size=8))
def test_round_trip_with_special_tokens_mixed_in(pieces):
    tok = small_tokenizer()
    text = "".join(pieces)
    assert tok.decode(tok.encode(text)) == text


def test_round_trip_real_turkish_file(shared_data):
    text = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")
    tok = BPETokenizer.train(text[:60_000], vocab_size=512)
    ids = tok.encode(text)
    assert tok.decode(ids) == text
    # 512 tokens learned from 60 kB already give well under one token per character.
    assert len(ids) < 0.6 * len(text), "merges learned on Turkish should compress Turkish"


def test_turkish_letters_and_suffixes_stay_inside_words():
    assert split_words("Ağustos'ta İstanbul’da ılık şöyle çiçek üzüm") == [
        "Ağustos",
        "'ta",  # GPT-2's pattern would give "'t", "a"
        " İstanbul",
        "’da",
        " ılık",
        " şöyle",
        " çiçek",
        " üzüm",
    ]
    assert split_words("They'll say don't.") == ["They", "'ll", " say", " don", "'t", "."]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_pieces_join_back_into_the_text(text):
    assert "".join(split_words(text)) == text


# ------------------------------------------------------------------------- training properties
def test_training_is_deterministic():
    first = BPETokenizer.train(SMALL_TEXT, vocab_size=400, special_tokens=SPECIALS)
    second = BPETokenizer.train(SMALL_TEXT, vocab_size=400, special_tokens=SPECIALS)
    assert first.merges == second.merges
    assert first.encode(SMALL_TEXT) == second.encode(SMALL_TEXT)


def test_vocab_layout_bytes_then_specials_then_merges():
    tok = small_tokenizer()
    assert tok.vocab_size == 256 + 2 + 120
    assert tok.special_tokens == {"<|endoftext|>": 256, "<|pad|>": 257}
    assert [tok.token_bytes(i) for i in (0, 65, 255)] == [b"\x00", b"A", b"\xff"]
    first_left, first_right = tok.merges[0]
    assert tok.merge_id(first_left, first_right) == 258
    assert tok.token_bytes(258) == tok.token_bytes(first_left) + tok.token_bytes(first_right)


def test_on_merge_reports_every_merge_in_order():
    steps: list[MergeStep] = []
    tok = BPETokenizer.train(SMALL_TEXT, vocab_size=300, on_merge=steps.append)
    assert [(s.left, s.right) for s in steps] == tok.merges
    assert [s.rank for s in steps] == list(range(len(tok.merges)))
    counts = [s.count for s in steps]
    assert counts[0] == max(counts) and all(c >= 1 for c in counts)
    assert all(s.text == tok.token_bytes(s.new_id) for s in steps)


def test_training_stops_when_no_pair_is_left():
    tok = BPETokenizer.train("aaaa", vocab_size=1000)
    assert tok.merges == [(97, 97), (256, 256)]  # a+a, then aa+aa
    assert tok.encode("aaaa") == [257]


# ------------------------------------------------------------------------------ special tokens
def test_special_tokens_are_single_ids_and_never_merged():
    tok = small_tokenizer()
    eot, pad = tok.special_id("<|endoftext|>"), tok.special_id("<|pad|>")
    ids = tok.encode("Kitap<|endoftext|><|pad|>masada.<|endoftext|>")
    assert ids.count(eot) == 2 and ids.count(pad) == 1
    assert ids[: len(tok.encode("Kitap"))] == tok.encode("Kitap")
    # Training text full of specials: no learned token contains a special token's bytes.
    text = "<|endoftext|>".join(["kitap okudu"] * 50)
    trained = BPETokenizer.train(text, vocab_size=300, special_tokens=["<|endoftext|>"])
    for token_id in range(257, trained.vocab_size):
        assert b"<|" not in trained.token_bytes(token_id) and b"|>" not in trained.token_bytes(token_id)


def test_special_token_text_without_specials_is_plain_text():
    tok = BPETokenizer.train(SMALL_TEXT, vocab_size=300)
    ids = tok.encode("<|endoftext|>")
    assert len(ids) > 1 and tok.decode(ids) == "<|endoftext|>"


# --------------------------------------------------------------------------------- save, load
def test_save_load_round_trip(tmp_path):
    tok = small_tokenizer()
    path = tok.save(tmp_path / "tok.json")
    assert path.read_text(encoding="utf-8").startswith('{"format": "course_lib.byte_bpe"')
    loaded = BPETokenizer.load(path)
    assert loaded.merges == tok.merges
    assert loaded.special_tokens == tok.special_tokens
    assert loaded.vocab_size == tok.vocab_size
    assert loaded.encode(SMALL_TEXT + "<|pad|>") == tok.encode(SMALL_TEXT + "<|pad|>")


def test_decode_accepts_tensors_and_numpy_ints():
    import numpy as np
    import torch

    tok = small_tokenizer()
    ids = tok.encode("Kitabı okudu.")
    assert tok.decode(torch.tensor(ids)) == "Kitabı okudu."
    assert tok.decode([np.int64(i) for i in ids]) == "Kitabı okudu."


def test_tokens_shows_readable_pieces():
    tok = small_tokenizer()
    pieces = tok.tokens("Kitabı okudu.<|pad|>")
    assert "".join(pieces) == "Kitabı okudu.<|pad|>"
    assert pieces[-1] == "<|pad|>" and len(pieces) == len(tok.encode("Kitabı okudu.<|pad|>"))
