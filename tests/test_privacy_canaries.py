"""The canary corpus and its variants against the world's ledger; a tiny run end to end (smoke sizes)."""

import pytest

from course_lib.i18n import CourseValueError
from course_lib.profile import sizes
from course_lib.risks.canaries import canary_corpus, deduplicate_records, train_variant, variant_text
from course_lib.risks.privacy import by_repeats, evaluate_variant, variant_summary


@pytest.fixture(scope="module")
def corpus():
    return canary_corpus(6_000, repeats=(1, 3, 8), per_repeat=2)


def test_each_canary_appears_exactly_r_times_and_once_after_dedup(corpus):
    dedup = variant_text(corpus, "dedup")
    for canary in corpus.canaries:
        assert corpus.train_text.count(canary.tc_kimlik) == canary.repeats
        assert dedup.count(canary.tc_kimlik) == 1
        assert canary.tc_kimlik not in corpus.held_out_text
    assert len(dedup) < len(corpus.train_text)


def test_scrub_removes_every_canary(corpus):
    scrubbed = variant_text(corpus, "scrub")
    assert all(c.tc_kimlik not in scrubbed and c.phone not in scrubbed for c in corpus.canaries)
    assert "<TCKN>" in scrubbed


def test_dedup_keeps_non_log_lines():
    text = "a story\n2025-01-02 03:04 | kayıt | ad soyad: A | x\n2025-05-06 07:08 | giriş | ad soyad: A | x\na story"
    assert deduplicate_records(text) == "a story\n2025-01-02 03:04 | kayıt | ad soyad: A | x\na story"


def test_unknown_variant_is_an_error(corpus):
    with pytest.raises(CourseValueError):
        variant_text(corpus, "erase")


def test_smoke_run_end_to_end_and_cache(corpus, tmp_path):
    s = dict(sizes("15_privacy", "smoke"))
    dp = train_variant(corpus, "dp", s, cache_dir=tmp_path, progress=False)
    assert dp.epsilon == pytest.approx(s["dp_epsilon"], rel=0.02) and dp.noise_multiplier > 0
    rows = evaluate_variant(dp, corpus, s)
    assert len(rows) == len(corpus.canaries) and all(0 <= r["exposure"] <= 2 * 3.33 for r in rows)
    assert {r["r"] for r in by_repeats(rows)} == {1, 3, 8}
    assert variant_summary(rows)[0]["variant"] == "dp"
    assert len(list(tmp_path.glob("*.safetensors"))) == 1
    again = train_variant(corpus, "dp", s, cache_dir=tmp_path, progress=False)  # from the cache
    for a, b in zip(again.model.parameters(), dp.model.parameters()):
        assert (a == b).all()


def test_members_are_trained_stories_without_logs(corpus):
    assert corpus.member_text and "TC kimlik" not in corpus.member_text
    for paragraph in corpus.member_text.split("\n\n")[:20]:
        assert paragraph in corpus.train_text and paragraph not in corpus.held_out_text
