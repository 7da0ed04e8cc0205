"""Chapter 06's claims are computed from the runs, so each can hold or fail."""

from course_lib.methods.distill_claims import judge_distillation


def runs(method, column, values):
    return [{"method": method, "seed": i, column: v} for i, v in enumerate(values)]


def test_claims_hold_and_fail_with_the_numbers():
    task = runs("full", "metric", [0.60, 0.62, 0.61]) + runs("KD(T=2)", "metric", [0.70, 0.71, 0.72])
    lm = (runs("CE only", "perplexity", [300, 310, 305]) + runs("KD forward KL", "perplexity", [200, 205, 210])
          + runs("KD forward KL", "entropy", [4.0, 4.1, 4.05]) + runs("KD reverse KL", "entropy", [3.0, 3.1, 3.05]))
    verdicts = judge_distillation(task, lm, ce="full", kd=["KD(T=2)"])
    assert [v.holds for v in verdicts] == [True, True, True]
    assert "KD(T=2)" in verdicts[0].text
    worse = runs("full", "metric", [0.80, 0.81, 0.82]) + runs("KD(T=2)", "metric", [0.70, 0.71, 0.72])
    lm_worse = (runs("CE only", "perplexity", [200, 201, 202]) + runs("KD forward KL", "perplexity", [300, 301, 302])
                + runs("KD forward KL", "entropy", [3.0, 3.0, 3.0]) + runs("KD reverse KL", "entropy", [4.0, 4.0, 4.0]))
    assert [v.holds for v in judge_distillation(worse, lm_worse, ce="full", kd=["KD(T=2)"])] == [False] * 3


def test_a_difference_inside_the_noise_is_not_a_win():
    task = runs("full", "metric", [0.60, 0.70, 0.65]) + runs("KD(T=2)", "metric", [0.62, 0.72, 0.67])
    assert judge_distillation(task, [], ce="full", kd=["KD(T=2)"])[0].holds is False


def test_missing_runs_are_unknown():
    assert [v.holds for v in judge_distillation([], [], ce="full", kd=["KD(T=2)"])] == [None, None, None]
