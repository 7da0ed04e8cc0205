"""Tasks: the shipped SIB-200 against the real file, the world tasks, label noise, chrF by hand."""

import csv

import pytest

from course_lib.finetune import chrf, sib200, world_sentiment, world_topic, world_translation
from course_lib.finetune.tasks import SIB200_FILE, SIB200_LABELS, add_label_noise
from course_lib.i18n import CourseValueError


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_shipped_sib200_is_the_real_train_and_dev_data(shared_data):
    real = _rows(shared_data / "sib200_tr_en.tsv")
    assert SIB200_FILE.read_bytes() == (shared_data / "sib200_tr_en.tsv").read_bytes()
    for lang in ("tr", "en"):
        for split, count in (("train", 701), ("dev", 99)):
            examples = sib200(lang, split)
            rows = [row for row in real if row["split"] == split]
            assert len(examples) == len(rows) == count
            assert [e.text for e in examples] == [row[f"text_{lang}"] for row in rows]
            assert [SIB200_LABELS[e.label] for e in examples] == [row["category"] for row in rows]
    assert set(SIB200_LABELS) == {row["category"] for row in real}


def test_sib200_task_has_the_other_language_as_ood():
    task = sib200("tr")
    assert (len(task.train), len(task.dev), len(task.ood), len(task.labels)) == (701, 99, 99, 7)
    assert task.ood_lang == "en" and task.metric == "accuracy"
    # the OOD sentences are the English versions of the same dev sentences: same labels, other text
    assert [e.label for e in task.ood] == [e.label for e in task.dev]
    assert task.ood[0].text != task.dev[0].text
    assert SIB200_FILE.with_name("ATTRIBUTION.md").read_text().count("CC BY-SA 4.0") >= 1


def test_sib200_test_split_needs_a_file(tmp_path):
    path = tmp_path / "test.tsv"
    header = "split\tindex_id\tcategory\ttext_tr\ttext_en\n"
    path.write_text(header + "test\t5\tsports\tMaç bitti.\tThe match ended.\n", encoding="utf-8")
    [example] = sib200("en", "test", test_path=path)
    assert example.text == "The match ended." and SIB200_LABELS[example.label] == "sports"
    original = tmp_path / "tur_Latn_test.tsv"  # the SIB-200 repository's own format, CSV-quoted
    original.write_text('index_id\tcategory\ttext\n7\thealth\t"Doktor ""iyi"" dedi."\n', encoding="utf-8")
    [example] = sib200("tr", "test", test_path=original)
    assert example.text == 'Doktor "iyi" dedi.' and SIB200_LABELS[example.label] == "health"
    with pytest.raises(CourseValueError, match="split='val'"):
        sib200("tr", "val")
    with pytest.raises(CourseValueError, match="lang='de'"):
        sib200("de")


def test_world_tasks_split_without_overlap_and_noise_only_train():
    clean = world_sentiment("tr", n_train=40, n_dev=30)
    noisy = world_sentiment("tr", n_train=40, n_dev=30, label_noise=0.25)
    assert [e.text for e in noisy.train] == [e.text for e in clean.train]
    flipped = sum(a.label != b.label for a, b in zip(clean.train, noisy.train))
    assert flipped == 10
    assert noisy.dev == clean.dev and noisy.ood == clean.ood
    assert not {e.text for e in clean.train} & {e.text for e in clean.dev}
    assert clean.ood_lang == "en" and len(clean.ood) == 30
    topic = world_topic("en", n_train=12, n_dev=6)
    assert len(topic.labels) == 6 and topic.ood_lang == "tr"
    translation = world_translation("tr-en", n_train=5, n_dev=3)
    assert translation.kind == "generation" and translation.metric == "chrf"
    assert all(e.target and e.label is None for e in translation.train)


def test_label_noise_flips_to_another_label():
    task = world_topic("tr", n_train=60, n_dev=6)
    noisy = add_label_noise(task.train, 6, 0.5, seed=1)
    changed = [(a.label, b.label) for a, b in zip(task.train, noisy) if a.label != b.label]
    assert len(changed) == 30 and all(0 <= new < 6 for _, new in changed)
    with pytest.raises(CourseValueError, match="label_noise=1.5"):
        add_label_noise(task.train, 6, 1.5)


def test_chrf_matches_a_hand_computation():
    """chrF: P and R averaged over the character n-gram orders present (n <= 6), then F with beta = 2.

    "abc" vs "abd": unigrams 2/3 match, bigrams 1/2, trigrams 0 -> P = R = 7/18 -> F = 7/18.
    "ab" vs "abcd": unigrams P = 1, R = 1/2; bigrams P = 1, R = 1/3 -> P = 1, R = 5/12,
    F_2 = 5 P R / (4 P + R) = 25/53.
    """
    assert chrf(["abc"], ["abd"]) == pytest.approx(100 * 7 / 18)
    assert chrf(["ab"], ["abcd"]) == pytest.approx(100 * 25 / 53)
    assert chrf(["Kedi uyuyor."], ["Kedi uyuyor."]) == pytest.approx(100.0)
