"""Bad input gets a clear message in both languages that names the value and the fix."""

import pytest

from course_lib import i18n
from course_lib.i18n import CourseFileError, CourseTypeError, CourseValueError
from course_lib.tokenizer import BPETokenizer, CharTokenizer, fertility

TEXT = "Kitap masada. The book is on the table. " * 5


@pytest.fixture(scope="module")
def tok():
    return BPETokenizer.train(TEXT, vocab_size=280, special_tokens=["<|endoftext|>"])


def test_decode_out_of_range_names_id_and_range(tok):
    with pytest.raises(CourseValueError) as error:
        tok.decode([5, tok.vocab_size + 3])
    assert f"{tok.vocab_size + 3}" in error.value.en and f"0 to {tok.vocab_size - 1}" in error.value.en
    assert f"0 ile {tok.vocab_size - 1}" in error.value.tr
    with pytest.raises(CourseValueError):
        tok.decode([-1])
    with pytest.raises(CourseValueError):
        CharTokenizer.train("ab").decode([2])


def test_decode_non_int_id(tok):
    with pytest.raises(CourseTypeError) as error:
        tok.decode([1.0])
    assert "1.0" in error.value.en and "float" in error.value.en


def test_unknown_special_token_lists_the_known_ones(tok):
    with pytest.raises(CourseValueError) as error:
        tok.special_id("<|pad|>")
    assert "'<|pad|>'" in error.value.en and "'<|endoftext|>'" in error.value.en
    assert "Bilinmeyen özel token" in error.value.tr


@pytest.mark.parametrize("bad", [b"bytes", None, 3, ["list"]])
def test_encode_needs_a_str(tok, bad):
    with pytest.raises(CourseTypeError) as error:
        tok.encode(bad)
    assert type(bad).__name__ in error.value.en
    with pytest.raises(CourseTypeError):
        CharTokenizer.train("ab").encode(bad)


def test_vocab_size_too_small_says_the_minimum():
    with pytest.raises(CourseValueError) as error:
        BPETokenizer.train(TEXT, vocab_size=257, special_tokens=["<|endoftext|>", "<|pad|>"])
    assert "at least 258" in error.value.en and "en az 258" in error.value.tr


@pytest.mark.parametrize("text", ["", "<|endoftext|><|endoftext|>"])
def test_empty_training_text(text):
    with pytest.raises(CourseValueError) as error:
        BPETokenizer.train(text, vocab_size=300, special_tokens=["<|endoftext|>"])
    assert "empty" in error.value.en and "boş" in error.value.tr
    with pytest.raises(CourseValueError):
        CharTokenizer.train(text, special_tokens=["<|endoftext|>"])


@pytest.mark.parametrize("specials", [["<|a|>", "<|a|>"], [""], "<|a|>", [3]])
def test_bad_special_tokens(specials):
    with pytest.raises(CourseValueError):
        BPETokenizer.train(TEXT, vocab_size=300, special_tokens=specials)


def test_load_wrong_or_missing_file(tmp_path, tok):
    with pytest.raises(CourseFileError) as error:
        BPETokenizer.load(tmp_path / "missing.json")
    assert "missing.json" in error.value.en
    char_file = CharTokenizer.train("ab").save(tmp_path / "char.json")
    with pytest.raises(CourseFileError):
        BPETokenizer.load(char_file)
    with pytest.raises(CourseFileError):
        CharTokenizer.load(tok.save(tmp_path / "bpe.json"))
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CourseFileError):
        BPETokenizer.load(tmp_path / "broken.json")


def test_messages_follow_the_learner_language(tok):
    i18n.set_language("tr")
    with pytest.raises(CourseValueError) as error:
        tok.decode([10_000])
    assert str(error.value) == error.value.tr and "aralığın dışında" in str(error.value)


def test_fertility_of_empty_text(tok):
    with pytest.raises(CourseValueError):
        fertility(tok, "   \n")


def test_vocab_size_must_be_an_int():
    with pytest.raises(CourseTypeError) as error:
        BPETokenizer.train(TEXT, vocab_size=4096.0)
    assert "4096.0" in error.value.en and "float" in error.value.tr


def test_damaged_merge_list_is_refused(tmp_path):
    import json

    path = tmp_path / "damaged.json"
    data = {
        "format": "course_lib.byte_bpe",
        "version": 1,
        "special_tokens": [],
        "merges": [[97, 97], [300, 97]],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CourseValueError) as error:
        BPETokenizer.load(path)
    assert "300" in error.value.en
