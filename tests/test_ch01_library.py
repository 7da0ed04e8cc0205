"""Library helpers of chapter 01: the textbook BPE loop, readable views, fertility sweeps, data finders."""

import pytest

from course_lib.data.files import load_text
from course_lib.data.local_data import find_corpus, shared_data_dir
from course_lib.data.parallel import parallel_world_texts
from course_lib.data.world import sample_text
from course_lib.i18n import CourseValueError
from course_lib.tokenizer import BPETokenizer, fertility
from course_lib.tokenizer.fertility_sweep import fertility_sweep, held_out_split, token_premium
from course_lib.tokenizer.naive_bpe import (
    count_pairs,
    merge,
    most_frequent_pairs,
    pair_counts_of_text,
    train_merges,
)
from course_lib.tokenizer.views import (
    segmentation_after,
    segmentations_by_merge,
    show_bytes,
    token_pieces,
    utf8_table,
)


def test_count_pairs_and_merge_by_hand():
    assert count_pairs([1, 2, 3, 1, 2]) == {(1, 2): 2, (2, 3): 1, (3, 1): 1}
    assert count_pairs([]) == {} and count_pairs([4]) == {}
    assert merge([1, 1, 1], (1, 1), 9) == [9, 1]
    assert merge([5, 6, 5, 6, 7], (5, 6), 300) == [300, 300, 7]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_textbook_loop_learns_the_library_merges_on_world_text(lang):
    text = sample_text(lang, 3000)
    assert train_merges(text, 40) == BPETokenizer.train(text, 256 + 40).merges


def test_textbook_loop_learns_the_library_merges_on_real_turkish(shared_data):
    text = load_text(shared_data / "trwiki_sample.txt")[:20_000]
    assert train_merges(text, 25) == BPETokenizer.train(text, 256 + 25).merges


def test_textbook_loop_stops_when_nothing_is_left_to_merge():
    assert train_merges("ab ab", 10) == [(97, 98), (32, 256)]


def test_most_frequent_pairs_breaks_ties_by_smaller_ids():
    assert most_frequent_pairs({(5, 1): 3, (2, 9): 3, (1, 1): 7, (0, 0): 1}, 3) == [((1, 1), 7), ((2, 9), 3), ((5, 1), 3)]


def test_pair_counts_never_span_words():
    counts = pair_counts_of_text("ab ab")
    assert counts == {(97, 98): 2, (32, 97): 1}  # words "ab" and " ab"; no (b, space) pair


def test_show_bytes_and_utf8_table():
    assert show_bytes(b"a b\n") == "a␣b↵"
    assert show_bytes("ş".encode()[:1]) == "<c5>"
    assert utf8_table("aşa") == [("a", 1, "61"), ("ş", 2, "c5 9f")]
    assert all(n == 2 for _, n, _ in utf8_table("çğıöşüÇĞİÖŞÜ"))


def test_segmentation_goes_from_bytes_to_the_full_tokenizer():
    tok = BPETokenizer.train(sample_text("tr", 2000), 256 + 50)
    sentence = "Öğlen Ayşe kafede bekledi."
    assert len(segmentation_after(tok, sentence, 0)) == len(sentence.encode("utf-8"))
    assert segmentation_after(tok, sentence, 50) == token_pieces(tok, sentence)
    rows = segmentations_by_merge(tok, sentence, 50)
    assert len(rows) == 51 and all(len(a) >= len(b) for a, b in zip(rows, rows[1:]))
    assert all("".join(row).replace("␣", " ") == sentence for row in rows if not any("<" in p for p in row))


def test_held_out_split_cuts_at_a_space():
    train, test = held_out_split("one two three four five six seven eight nine ten", 0.2)
    assert train + test == "one two three four five six seven eight nine ten"
    assert test.startswith(" ") and len(test) < len(train)
    with pytest.raises(CourseValueError):
        held_out_split("a b", 1.5)


def test_parallel_world_texts_hold_the_same_stories():
    texts = parallel_world_texts(20_000)
    assert set(texts) == {"tr", "en"}
    assert texts["tr"].count("\n\n") == texts["en"].count("\n\n") > 5
    assert "ş" in texts["tr"] or "ı" in texts["tr"]


def test_fertility_sweep_matches_fertility_and_shows_the_turkish_gap():
    texts = parallel_world_texts(30_000)
    split = {lang: held_out_split(text) for lang, text in texts.items()}
    train, test = {k: v[0] for k, v in split.items()}, {k: v[1] for k, v in split.items()}
    points = fertility_sweep(train, test, [300, 800], source="world")
    assert [(p.vocab_size, p.lang) for p in points] == [(300, "tr"), (300, "en"), (800, "tr"), (800, "en")]
    tok = BPETokenizer.train("\n\n".join(train.values()), 800)
    assert points[2].fertility == pytest.approx(fertility(tok, test["tr"]))
    assert points[2].tokens == len(tok.encode(test["tr"])) and points[2].words == len(test["tr"].split())
    assert points[0].fertility > points[2].fertility  # a bigger vocabulary, fewer tokens per word
    assert all(points[i].fertility > points[i + 1].fertility for i in (0, 2))  # TR > EN


def test_token_premium_follows_the_training_language():
    texts = parallel_world_texts(30_000)
    split = {lang: held_out_split(text) for lang, text in texts.items()}
    test = {k: v[1] for k, v in split.items()}
    premiums = token_premium({"en": split["en"][0], "tr": split["tr"][0]}, test, 600, lang="tr", base="en")
    tok = BPETokenizer.train(split["en"][0], 600)
    assert premiums["en"] == pytest.approx(len(tok.encode(test["tr"])) / len(tok.encode(test["en"])))
    assert premiums["en"] > 1 > premiums["tr"]


def test_find_corpus_uses_the_environment_and_returns_none_otherwise(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_SHARED_DATA", str(tmp_path))
    if shared_data_dir() not in (None, tmp_path):  # ../shared/data exists beside this checkout
        pytest.skip("a real ../shared/data beside the checkout takes over an unmarked folder")
    assert find_corpus("a.txt") is None  # no SOURCES.md: not a data folder
    (tmp_path / "SOURCES.md").write_text("x")
    (tmp_path / "a.txt").write_text("hello")
    assert shared_data_dir() == tmp_path
    assert find_corpus("a.txt") == tmp_path / "a.txt"
    assert find_corpus("missing.txt") is None


def test_find_corpus_finds_the_real_files(shared_data, monkeypatch):
    monkeypatch.setenv("COURSE_SHARED_DATA", str(shared_data))
    assert find_corpus("trwiki_sample.txt") == shared_data / "trwiki_sample.txt"
