"""Character-level tokenizer: alphabet, round trips, specials, files."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.i18n import CourseValueError
from course_lib.tokenizer import CharTokenizer


def test_alphabet_is_the_sorted_distinct_characters():
    tok = CharTokenizer.train("kitap ağaç")
    assert tok.alphabet == sorted(set("kitap ağaç"))
    assert tok.vocab_size == len(set("kitap ağaç"))
    assert tok.encode("ağaç") == [tok.alphabet.index(c) for c in "ağaç"]


def test_round_trip_tiny_shakespeare(shared_data):
    text = (shared_data / "tinyshakespeare.txt").read_text(encoding="utf-8")
    tok = CharTokenizer.train(text)
    assert tok.vocab_size == 65  # the alphabet nanoGPT's shakespeare_char reports
    ids = tok.encode(text)
    assert len(ids) == len(text)
    assert tok.decode(ids) == text


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1))
def test_round_trip_on_its_own_alphabet(text):
    tok = CharTokenizer.train(text)
    assert tok.decode(tok.encode(text)) == text


def test_special_tokens_get_ids_after_the_alphabet(tmp_path):
    tok = CharTokenizer.train("abc<|endoftext|>cba", special_tokens=["<|endoftext|>"])
    assert tok.alphabet == ["a", "b", "c"]  # the special token's characters are not in the alphabet
    assert tok.special_id("<|endoftext|>") == 3
    ids = tok.encode("ab<|endoftext|>c")
    assert ids == [0, 1, 3, 2]
    assert tok.decode(ids) == "ab<|endoftext|>c"
    loaded = CharTokenizer.load(tok.save(tmp_path / "char.json"))
    assert loaded.alphabet == tok.alphabet and loaded.special_tokens == tok.special_tokens
    assert loaded.encode("ab<|endoftext|>c") == ids


def test_unknown_character_names_it_and_its_position():
    tok = CharTokenizer.train("abc")
    with pytest.raises(CourseValueError) as error:
        tok.encode("abğc")
    assert "'ğ'" in error.value.en and "position 2" in error.value.en
    assert "'ğ'" in error.value.tr and "2. konumda" in error.value.tr
