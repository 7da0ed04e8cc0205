"""Chapter 07's claims are computed from the runs, so each can hold or fail."""

from course_lib.methods.alum_claims import judge_alum


def runs(method, values, seconds, steps=10):
    return [{"method": method, "seed": i, "metric": v, "seconds": seconds, "steps": steps} for i, v in enumerate(values)]


def records(method, pgd, diacritics):
    return [{"method": method, "pgd": p, "diacritics": d} for p, d in zip(pgd, diacritics)]


def test_claims_hold_and_fail_with_the_numbers():
    task = runs("full", [0.80, 0.81, 0.82], 1.0) + runs("ALUM", [0.81, 0.82, 0.83], 2.5)
    robust = records("full", [0.2, 0.21, 0.22], [0.5, 0.5, 0.5]) + records("ALUM", [0.4, 0.41, 0.42], [0.6, 0.6, 0.6])
    assert [v.holds for v in judge_alum(task, robust, plain="full", alum="ALUM")] == [True] * 4
    task = runs("full", [0.80, 0.81, 0.82], 1.0) + runs("ALUM", [0.60, 0.61, 0.62], 3.5)
    robust = records("full", [0.4, 0.41, 0.42], [0.6, 0.6, 0.6]) + records("ALUM", [0.4, 0.41, 0.42], [0.5, 0.5, 0.5])
    assert [v.holds for v in judge_alum(task, robust, plain="full", alum="ALUM")] == [False] * 4


def test_cost_is_per_step_and_missing_runs_are_unknown():
    task = runs("full", [0.8], 1.0, steps=10) + runs("ALUM", [0.8], 5.0, steps=20)  # 2.5x per step
    assert judge_alum(task, [], plain="full", alum="ALUM")[3].holds is True
    assert [v.holds for v in judge_alum([], [], plain="full", alum="ALUM")] == [None] * 4
