"""The PII scrubber against independent ground truth: published valid numbers, the world's ledger
of planted canaries, and a benchmark whose spans are known by construction."""

import pytest

from course_lib.data.world import World, WorldConfig
from course_lib.i18n import CourseValueError
from course_lib.risks.pii import (
    find_pii,
    iban_tr,
    is_valid_iban_tr,
    pii_benchmark,
    precision_recall,
    scrub,
)


def test_iban_check_accepts_the_registry_example_and_rejects_a_changed_digit():
    # The SWIFT IBAN registry's example for Türkiye.
    assert is_valid_iban_tr("TR330006100519786457841326")
    assert is_valid_iban_tr("TR33 0006 1005 1978 6457 8413 26")
    assert not is_valid_iban_tr("TR330006100519786457841327")
    assert not is_valid_iban_tr("DE89370400440532013000")


def test_iban_builder_reproduces_the_registry_check_digits():
    assert iban_tr("00061", "0519786457841326").replace(" ", "") == "TR330006100519786457841326"
    with pytest.raises(CourseValueError):
        iban_tr("0006", "0519786457841326")


def test_finds_each_kind_with_exact_spans():
    text = "TC: 10000000146, tel +90 532 418 27 90, e-posta ayse.demir@ornek.com.tr, IBAN TR33 0006 1005 1978 6457 8413 26."
    spans = find_pii(text)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [
        ("tckn", "10000000146"), ("phone", "+90 532 418 27 90"), ("email", "ayse.demir@ornek.com.tr"),
        ("iban", "TR33 0006 1005 1978 6457 8413 26"),
    ]
    assert scrub(text) == "TC: <TCKN>, tel <TELEFON>, e-posta <EPOSTA>, IBAN <IBAN>."


def test_checksum_rejects_look_alikes_that_the_shape_alone_accepts():
    text = "Sipariş 10000000147 ve 10000000146"  # the first fails the TCKN checksum
    assert [text[s.start:s.end] for s in find_pii(text)] == ["10000000146"]
    assert len(find_pii(text, use_checksums=False)) == 2


def test_no_piece_of_a_longer_number():
    assert find_pii("kod 910000000146 ve 0532418279012") == []


def test_recalls_every_planted_canary_of_the_world():
    world = World(seed=1, config=WorldConfig(n_people=60, canaries={1: 3, 5: 2}))
    corpus = world.corpus(8_000, "both")
    found = {corpus.text[s.start:s.end] for s in find_pii(corpus.text)}
    for canary in corpus.ledger.canaries:
        assert canary.tc_kimlik in found and canary.phone in found
    assert all(c.tc_kimlik not in scrub(corpus.text) for c in corpus.ledger.canaries)


def test_benchmark_scores_checksums_above_shapes_and_misses_the_hard_forms():
    items = pii_benchmark(200, seed=3)
    with_sums = precision_recall(items)
    shapes = precision_recall(items, lambda text: find_pii(text, use_checksums=False))
    assert with_sums["all"]["true"] == 100
    assert with_sums["tckn"]["precision"] == 1.0 and with_sums["iban"]["precision"] == 1.0
    assert shapes["all"]["precision"] < with_sums["all"]["precision"]
    # Numbers written without their leading 0 and "[at]" e-mails are planted but not caught.
    assert with_sums["phone"]["recall"] < 1.0 or with_sums["email"]["recall"] < 1.0


def test_bad_kinds_is_a_bilingual_error():
    with pytest.raises(CourseValueError) as error:
        find_pii("x", kinds=("passport",))
    assert "passport" in error.value.en and "passport" in error.value.tr
