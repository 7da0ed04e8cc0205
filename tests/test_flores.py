"""The shipped FLORES-200 pairs (via SIB-200): the reader against the real file, and bad input."""

import csv

import pytest

from course_lib.data.corpora import TranslationPair
from course_lib.data.flores import SIB200_FILE, flores_pairs, flores_texts
from course_lib.i18n import CourseValueError, set_language


def _rows_of(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_pairs_are_the_shared_files_train_and_dev_rows_in_order(shared_data):
    shared = {(r["split"], r["index_id"]): r for r in _rows_of(shared_data / "sib200_tr_en.tsv")}
    shipped = [r for r in _rows_of(SIB200_FILE)][:200]
    pairs = flores_pairs(200)
    assert len(pairs) == 200
    for pair, row in zip(pairs, shipped):
        reference = shared[(row["split"], row["index_id"])]
        assert pair == TranslationPair(reference["text_en"], reference["text_tr"], "en", "tr")


def test_the_two_sides_are_turkish_and_english():
    pairs = flores_pairs(200)
    turkish_letters = set("çğıöşüÇĞİÖŞÜ")
    assert sum(any(c in turkish_letters for c in p.tr) for p in pairs) > 150
    assert sum(any(c in turkish_letters for c in p.en) for p in pairs) < 20
    assert sum(" the " in f" {p.en.lower()} " for p in pairs) > 100


def test_texts_hold_one_sentence_a_line():
    texts = flores_texts(5)
    pairs = flores_pairs(5)
    assert texts["tr"].split("\n") == [p.tr for p in pairs]
    assert texts["en"].split("\n") == [p.en for p in pairs]


@pytest.mark.parametrize("n", [0, -1, 801, 2.5, True])
def test_bad_n_is_refused_in_both_languages(n):
    with pytest.raises(CourseValueError, match="800"):
        flores_pairs(n)
    set_language("tr")
    with pytest.raises(CourseValueError, match="paralel cümle"):
        flores_pairs(n)
