"""Chapter 09's verdicts follow the runs: each claim holds or fails as the numbers say."""

import pytest

from course_lib.methods.guided_claims import judge_guidance
from course_lib.methods.guided_retrieval import RetrievalRun


def _run(guided, reach, long, mass, seed=0):
    steps = [25, 50, 75, 100]
    accuracy = [0.3, 0.6, 0.9, 0.99] if reach is None else [0.99 if s >= reach else 0.5 for s in steps]
    if reach is None:
        accuracy[-1] = 0.9
    return RetrievalRun(guided, seed, steps, accuracy, long, mass, 1.0, 1.0, 100)


def _holds(guided, plain):
    return {v.key: v.holds for v in judge_guidance(guided, plain)}


def test_every_claim_holds_when_guidance_is_faster_longer_and_on_the_key():
    guided = [_run(True, 25, 0.9, 0.95, s) for s in range(3)]
    plain = [_run(False, None, 0.3, 0.2, s) for s in range(3)]
    assert _holds(guided, plain) == {"faster": True, "longer": True, "mass": True}


@pytest.mark.parametrize("failing", ["faster", "longer", "mass"])
def test_each_claim_can_fail(failing):
    guided = [_run(True, 100 if failing == "faster" else 25, 0.3 if failing == "longer" else 0.9,
                   0.2 if failing == "mass" else 0.95, s) for s in range(3)]
    plain = [_run(False, 50, 0.3, 0.2, s) for s in range(3)]
    holds = _holds(guided, plain)
    assert holds[failing] is False and sum(holds.values()) == 2


def test_never_reaching_counts_as_never():
    (verdict, *_) = judge_guidance([_run(True, None, 0.5, 0.5)], [_run(False, None, 0.5, 0.5)])
    assert verdict.holds is False and "never" in verdict.text
