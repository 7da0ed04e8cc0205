"""The Pareto front on hand cases and against a brute-force reference; the guidance read off tables
whose answers are known by construction (and change when the table does)."""

import itertools
import random

import pandas as pd
import pytest

from course_lib.finetune.guidance import cost_column, guidance
from course_lib.finetune.pareto import dominates, pareto_front
from course_lib.i18n import set_language


def test_front_by_hand():
    # (quality, cost): a cheap-weak, b dear-strong, c dominated by b, d equal to b (stays), e NaN
    quality = [0.5, 0.9, 0.8, 0.9, float("nan")]
    cost = [1.0, 5.0, 6.0, 5.0, 0.1]
    assert pareto_front(quality, cost) == [True, True, False, True, False]
    assert dominates((0.9, 5.0), (0.8, 6.0)) and not dominates((0.9, 5.0), (0.9, 5.0))


def test_front_matches_brute_force():
    rng = random.Random(0)
    for _ in range(50):
        n = rng.randint(1, 8)
        points = [(rng.choice([0.1, 0.2, 0.3, rng.random()]), rng.choice([1.0, 2.0, rng.random() * 3])) for _ in range(n)]
        expected = [not any(o[0] >= p[0] and o[1] <= p[1] and o != p and (o[0] > p[0] or o[1] < p[1])
                            for o in points) for p in points]
        assert pareto_front([p[0] for p in points], [p[1] for p in points]) == expected
        # every point off the front is dominated by one on it
        on = [p for p, f in zip(points, expected) if f]
        assert all(any(dominates(o, p) for o in on) for p, f in zip(points, expected) if not f)
        assert list(itertools.compress(points, expected))  # never empty


def _table(rows):
    columns = ["accuracy", "accuracy std", "ood accuracy", "ood accuracy std", "robust accuracy",
               "robust accuracy std", "trainable %", "time s", "forgetting", "forgetting std", "energy kWh"]
    return pd.DataFrame([r[1:] for r in rows], index=pd.Index([r[0] for r in rows], name="method"), columns=columns)


ROWS = [  # name, acc, std, ood, std, robust, std, trainable %, time, forgetting, std, kWh
    ("full", 0.90, 0.01, 0.40, 0.02, 0.70, 0.02, 100.0, 30.0, 0.50, 0.05, 3e-4),
    ("selected", 0.895, 0.01, 0.45, 0.02, 0.72, 0.02, 15.0, 15.0, 0.20, 0.02, 1e-4),
    ("probe", 0.60, 0.02, 0.55, 0.02, 0.50, 0.02, 0.03, 12.0, 0.00, 0.00, 0.9e-4),
    ("lora", 0.85, 0.01, 0.42, 0.02, 0.80, 0.02, 1.0, 20.0, 0.01, 0.01, 2e-4),
]


def test_guidance_reads_the_table():
    lines = guidance(_table(ROWS))
    text = "\n".join(lines)
    assert "Highest accuracy: full (0.900 ± 0.010); within the noise of it: full, selected." in text
    assert "use selected: 0.895 ± 0.010, 1.00e-04 kWh (3.0× less than full)" in text
    assert "probe is the cheapest (9.00e-05 kWh) and scores 0.600 ± 0.020, 0.300 below the best" in text
    assert "probe transfers best: 0.550 ± 0.020; within the noise of it: probe." in text
    assert "lora holds best: 0.800 ± 0.020 (clean 0.850 ± 0.010); within the noise of it: lora." in text
    assert "probe forgets least" in text
    assert "selected trains the fewest parameters among the best (15.00 %)" in text
    assert "(quality against energy kWh): full, selected, probe." in text  # lora: selected beats it on both


def test_guidance_follows_the_numbers_and_the_language():
    rows = [list(r) for r in ROWS]
    rows[3][1] = 0.95  # lora now scores best, alone
    lines = guidance(_table(rows))
    assert lines[0].startswith("Highest accuracy: lora (0.950")
    assert not any("3.0× less than full" in line for line in lines)
    set_language("tr")
    try:
        assert guidance(_table(rows))[0].startswith("En yüksek accuracy: lora")
    finally:
        set_language("en")


def test_no_storage_advice_when_the_best_all_train_everything():
    rows = [list(r) for r in ROWS]
    rows[1][1] = 0.5  # selected drops out of the tie: only full (100 %) is among the best
    assert not any("fewest parameters" in line for line in guidance(_table(rows)))


def test_cost_falls_back_to_time_without_energy():
    rows = [list(r) for r in ROWS]
    rows[0][-1] = float("nan")
    table = _table(rows)
    assert cost_column(table) == "time s" and cost_column(_table(ROWS)) == "energy kWh"
    assert any("(quality against time s)" in line for line in guidance(table))


@pytest.mark.parametrize("n", [1, 2])
def test_small_tables(n):
    assert guidance(_table(ROWS[:n]))


def test_turkish_guidance_writes_decimal_commas(monkeypatch):
    from course_lib import i18n

    monkeypatch.setattr(i18n, "_language", "tr")
    text = "\n".join(guidance(_table(ROWS)))
    assert "full (0,900 ± 0,010)" in text
    assert "selected kullanın: 0,895 ± 0,010, 1,00e-04 kWh (full yönteminden 3,0 kat az)" in text
    assert "en iyinin 0,300 altında" in text and "(%15,00)" in text
