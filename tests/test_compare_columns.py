"""The harness's energy, gCO2e and robust columns, and the results files it writes."""

import importlib

import pandas as pd
import pytest
from test_finetune_compare import setting  # noqa: F401  (the tiny base, task and config)

from course_lib.finetune import Full, LinearProbe, compare
from course_lib.i18n import CourseValueError, both
from course_lib.risks import carbon
from course_lib.risks.carbon_data import GRIDS

compare_module = importlib.import_module("course_lib.finetune.compare")


def test_robust_column_scores_the_noised_dev_set(setting, monkeypatch):  # noqa: F811
    base, task, config = setting
    # with the dev set itself as the "noised" one, robust accuracy must equal accuracy run by run
    monkeypatch.setattr(compare_module, "_robust_task", lambda t: t)
    same = compare(base, task, [Full()], seeds=(0,), config=config, cache_dir=False, progress=False)
    assert [r["robust_metric"] for r in same.runs] == [r["metric"] for r in same.runs]
    monkeypatch.undo()
    real = compare(base, task, [Full()], seeds=(0,), config=config, cache_dir=False, progress=False)
    assert 0 <= real.table.loc["full", "robust accuracy"] <= 1
    assert real.runs[0]["metric"] == same.runs[0]["metric"]  # the clean score does not depend on it


def test_without_robustness_the_column_is_empty_and_says_why(setting, monkeypatch, capsys):  # noqa: F811
    base, task, config = setting
    real_import = __builtins__["__import__"] if isinstance(__builtins__, dict) else __builtins__.__import__

    def no_robustness(name, *args, **kwargs):
        if name.endswith("robustness"):  # `from ..risks.robustness import noisy_task` in the harness
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("builtins.__import__", no_robustness)
    result = compare(base, task, [LinearProbe()], seeds=(0,), config=config, cache_dir=False, progress=False)
    monkeypatch.undo()
    assert both("finetune_no_robustness")["en"] in capsys.readouterr().out
    assert result.runs[0]["robust_metric"] is None and pd.isna(result.table.loc["linear probe", "robust accuracy"])
    assert result.formatted().loc["linear probe", "robust accuracy"] == "—"


def test_energy_is_measured_and_priced_on_the_chosen_grid(setting):  # noqa: F811
    pytest.importorskip("codecarbon")
    base, task, config = setting
    result = compare(base, task, [Full()], seeds=(0, 1), config=config, cache_dir=False, progress=False, grid="FRA")
    assert all(r["energy_kwh"] > 0 and r["energy_source"].startswith("codecarbon") for r in result.runs)
    row = result.table.loc["full"]
    assert row["energy kWh"] == pytest.approx(sum(r["energy_kwh"] for r in result.runs) / 2)
    assert row["gCO2e"] == pytest.approx(row["energy kWh"] * GRIDS["FRA"].g_per_kwh)
    assert "gCO2e (FRA)" in result.formatted().columns


def test_without_codecarbon_energy_is_tdp_times_time(setting, monkeypatch):  # noqa: F811
    base, task, config = setting
    monkeypatch.setattr(carbon, "codecarbon_available", lambda: False)
    run = compare(base, task, [LinearProbe()], seeds=(0,), config=config, cache_dir=False, progress=False).runs[0]
    assert run["energy_source"] == "TDP × time"
    # the meter times the training alone, a hair inside the harness's own clock
    assert run["energy_kwh"] == pytest.approx(carbon.default_power_w() * run["seconds"] / 3.6e6, rel=0.05)


def test_unknown_grid_fails_before_training(setting):  # noqa: F811
    base, task, config = setting
    with pytest.raises(CourseValueError, match="XXX"):
        compare(base, task, [Full()], config=config, cache_dir=False, progress=False, grid="XXX")


def test_results_files_hold_the_table(setting, tmp_path):  # noqa: F811
    base, task, config = setting
    result = compare(base, task, [Full(), LinearProbe()], seeds=(0,), config=config, cache_dir=False,
                     progress=False, results_dir=tmp_path)
    csv, md = tmp_path / f"{task.name}.csv", tmp_path / f"{task.name}.md"
    back = pd.read_csv(csv, index_col=0)
    assert list(back.index) == ["full", "linear probe"]
    assert back["accuracy"].tolist() == pytest.approx(result.table["accuracy"].tolist())
    assert back["energy kWh"].tolist() == pytest.approx(result.table["energy kWh"].tolist())
    lines = md.read_text().splitlines()
    assert lines[0].startswith("| method | accuracy | ood accuracy | robust accuracy |")
    assert len(lines) == 2 + 2 and lines[2].startswith("| full | ")
