"""The privacy claims are computed from the rows given: each flips when its numbers do."""

from course_lib.risks.privacy_claims import claim_lines, judge_privacy_claims


def _rows(exposure, greedy=0.0, perplexity=2.0, mia=0.6):
    """Rows for variants {name: {r: exposure}}, one canary per r."""
    rows = []
    for variant, by_r in exposure.items():
        for r, value in by_r.items():
            rows.append({"variant": variant, "r": r, "space": 1000, "exposure": value,
                         "greedy": greedy if variant == "baseline" else 0.0, "sampled": 0.0,
                         "perplexity": perplexity if variant != "dp" else 10.0,
                         "mia_auroc": mia if variant != "dp" else 0.51, "epsilon": None, "delta": None})
    return rows


def test_claims_hold_and_fail_with_the_numbers():
    good = _rows({"baseline": {1: 2.0, 32: 9.0}, "dedup": {1: 1.5, 32: 3.0}, "scrub": {1: 1.0, 32: 1.5},
                  "dp": {1: 1.0, 32: 2.0}})
    assert [holds for _, holds in judge_privacy_claims(good)] == [True, True, True, True]
    bad = _rows({"baseline": {1: 5.0, 32: 5.5}, "dedup": {1: 5.0, 32: 5.0}, "scrub": {1: 6.0, 32: 6.0},
                 "dp": {1: 5.0, 32: 5.2}})
    assert [holds for _, holds in judge_privacy_claims(bad)] == [False, False, False, False]
    partial = [row for row in good if row["variant"] in ("baseline", "scrub")]
    assert [holds for _, holds in judge_privacy_claims(partial)] == [True, None, True, None]
    assert claim_lines(judge_privacy_claims(partial), lang="tr")[1].startswith("⏭")
