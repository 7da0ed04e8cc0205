"""Chapter 13's claim verdicts follow the numbers they are given, in both languages."""

import pytest

from course_lib.i18n import set_language
from course_lib.risks.hallucination_claims import judge_hallucination

GOOD = {
    "accuracy": {1: 0.1, 4: 0.4, 16: 0.9, "unseen": 0.0}, "invent_unseen": 1.0,
    "abstain": {"plain": 0.0, "idk": 0.6}, "accuracy_tuned": {"plain": 0.5, "idk": 0.45},
    "auroc": {"entropy": 0.8, "inconsistency": 0.55}, "retrieval": {"without": 0.4, "with": 0.9},
    "error_rate": 0.5, "singleton_rate": 0.2,
}


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def _by_key(summary, **kwargs):
    return {v.key: v for v in judge_hallucination(summary, **kwargs)}


def test_each_claim_holds_or_fails_with_its_numbers():
    verdicts = _by_key(GOOD)
    assert verdicts["exposure"].holds and "10% → 90%" in verdicts["exposure"].text
    assert verdicts["invents"].holds and verdicts["idk"].holds and verdicts["retrieval"].holds
    assert verdicts["auroc_entropy"].holds and verdicts["auroc_inconsistency"].holds is False
    assert verdicts["kalai"].holds


def test_margins_decide_small_differences():
    flat = dict(GOOD, accuracy={1: 0.4, 16: 0.5}, retrieval={"without": 0.4, "with": 0.5},
                abstain={"plain": 0.0, "idk": 0.1}, invent_unseen=0.8, error_rate=0.1)
    verdicts = _by_key(flat)
    assert [verdicts[k].holds for k in ("exposure", "retrieval", "idk", "invents", "kalai")] == [False] * 5
    assert _by_key(flat, margin=0.05)["exposure"].holds


def test_missing_numbers_are_not_measured_and_turkish_reads_turkish():
    verdicts = judge_hallucination({})
    assert all(v.holds is None for v in verdicts) and len(verdicts) == 6
    set_language("tr")
    text = _by_key(GOOD)["exposure"].text
    assert "yüzde puan" in text and "%10 → %90" in text
