"""The carbon chapter's tables, on numbers worked out by hand."""

from types import SimpleNamespace

import pytest

from course_lib.risks.carbon_data import PUBLISHED, Device
from course_lib.risks.carbon_report import published_beside_ours, side_by_side


def test_the_ratio_splits_into_power_and_time():
    device = Device("toy", tdp_w=50.0, peak_flops=1e10, source="")
    # 1e12 FLOPs at 50 % of 1e10 FLOP/s: 200 s estimated, at 50 W and PUE 1.2: 0.0033 kWh
    meter = SimpleNamespace(seconds=800.0, kwh=20.0 * 800 * 1.2 / 3.6e6, g_co2e=1.0)  # 20 W for 800 s
    row = side_by_side(meter, 1e12, device, utilisation=0.5, pue=1.2)
    assert row["estimated s"] == pytest.approx(200.0)
    assert row["estimated kWh"] == pytest.approx(50 * 200 * 1.2 / 3.6e6)
    assert row["mean power W"] == pytest.approx(20.0)
    assert row["power factor"] == pytest.approx(0.4) and row["time factor"] == pytest.approx(4.0)
    assert row["measured / estimated"] == pytest.approx(row["power factor"] * row["time factor"])
    assert row["achieved utilisation"] == pytest.approx(1e12 / (800 * 1e10))
    assert row["disagree"] is False  # 1.6 × is within the 3 × band


def test_a_gap_beyond_three_times_is_flagged_and_nothing_measured_is_none():
    device = Device("toy", tdp_w=10.0, peak_flops=1e10, source="")
    far = SimpleNamespace(seconds=1000.0, kwh=10 * 1000 / 3.6e6, g_co2e=1.0)  # 10 W for 1000 s vs 100 s estimated
    assert side_by_side(far, 1e12, device, utilisation=1.0, pue=1.0)["disagree"] is True
    none = SimpleNamespace(seconds=1.0, kwh=None, g_co2e=None)
    row = side_by_side(none, 1e12, device, utilisation=1.0, pue=1.0)
    assert row["measured / estimated"] is None and row["disagree"] is None and row["power factor"] is None


def test_published_runs_are_scaled_by_six_n_d():
    rows = published_beside_ours(our_kwh=2.0, our_flops=1e15)
    gpt3 = rows[0]
    assert gpt3["their MWh"] == PUBLISHED[0].mwh
    assert gpt3["MWh at our kWh/FLOP"] == pytest.approx(2.0 / 1e15 * 6 * 175e9 * 300e9 / 1000)
    assert gpt3["ours / theirs"] == pytest.approx(gpt3["MWh at our kWh/FLOP"] / 1287.0)
    nas = rows[-1]
    assert nas["6·N·D"] is None and nas["ours / theirs"] is None  # Strubell et al. give no token count
