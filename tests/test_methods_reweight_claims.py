"""Chapter 08's verdicts are computed from the runs: each claim holds or fails as the numbers say."""

import pytest

from course_lib.i18n import set_language
from course_lib.methods.reweight_claims import gap_share, judge_reweighting, per_step_seconds


def _runs(plain, reweight, seconds=(1.0, 3.0), steps=10):
    runs = []
    for seed, (p, r) in enumerate(zip(plain, reweight)):
        runs.append({"method": "full", "seed": seed, "metric": p, "seconds": seconds[0] * steps, "steps": steps})
        runs.append({"method": "reweight", "seed": seed, "metric": r, "seconds": seconds[1] * steps, "steps": steps})
    return runs


ORACLE = [{"method": "full", "seed": s, "metric": m} for s, m in enumerate([0.90, 0.92, 0.91])]


def _holds(runs, aurocs):
    verdicts, line = judge_reweighting(runs, ORACLE, aurocs, plain="full", reweight="reweight", noise=0.4)
    return {v.key: v.holds for v in verdicts}, line


def test_every_claim_holds_on_a_table_that_shows_them():
    holds, line = _holds(_runs([0.60, 0.62, 0.61], [0.80, 0.81, 0.79]), [0.85, 0.90, 0.88])
    assert holds == {"beats": True, "separates": True, "cost": True}
    assert "63 %" in line  # (0.80 - 0.61) / (0.91 - 0.61)


@pytest.mark.parametrize(
    "runs, aurocs, failing",
    [
        (_runs([0.60, 0.70, 0.65], [0.66, 0.70, 0.68]), [0.85, 0.9, 0.88], "beats"),  # within the noise
        (_runs([0.60, 0.62, 0.61], [0.80, 0.81, 0.79]), [0.50, 0.55, 0.45], "separates"),
        (_runs([0.60, 0.62, 0.61], [0.80, 0.81, 0.79], seconds=(1.0, 6.0)), [0.85, 0.9, 0.88], "cost"),
    ],
)
def test_a_claim_the_table_contradicts_fails(runs, aurocs, failing):
    holds, _ = _holds(runs, aurocs)
    assert holds[failing] is False
    assert sum(holds.values()) == 2


def test_gap_share_and_cost_per_step_and_turkish_lines():
    assert gap_share(0.6, 0.75, 0.9) == pytest.approx(0.5)
    assert gap_share(0.9, 0.8, 0.85) is None
    assert per_step_seconds(_runs([0.6], [0.7], seconds=(2.0, 5.0)), "reweight") == pytest.approx(5.0)
    set_language("tr")
    _, line = _holds(_runs([0.60, 0.62, 0.61], [0.80, 0.81, 0.79]), [0.85, 0.90, 0.88])
    assert "kapattığı pay: %63" in line
