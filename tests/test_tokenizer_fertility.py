"""Fertility (tokens per word) of the course's tokenizers."""

from course_lib.tokenizer import BPETokenizer, CharTokenizer, fertility


def test_fertility_is_tokens_over_whitespace_words():
    text = "kitap okudu\nkitap"
    char = CharTokenizer.train(text)
    assert fertility(char, text) == len(text) / 3
    tok = BPETokenizer.train(text * 20, vocab_size=300)
    assert fertility(tok, text) == len(tok.encode(text)) / 3


def test_turkish_costs_more_tokens_per_word_than_english(shared_data):
    tr = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")
    en = (shared_data / "tinyshakespeare.txt").read_text(encoding="utf-8")
    tok = BPETokenizer.train(tr[:100_000] + en[:100_000], vocab_size=1024)
    tr_fertility = fertility(tok, tr[300_000:330_000])
    en_fertility = fertility(tok, en[300_000:330_000])
    assert 1.0 < en_fertility < tr_fertility
