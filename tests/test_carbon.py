"""The carbon meter: its formulas by hand, its FLOPs count against torch's own FLOP counter, its
grid table against the file codecarbon ships, and the measured path against codecarbon itself."""

import json
import math
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from course_lib.i18n import CourseValueError, both
from course_lib.risks import carbon
from course_lib.risks.carbon import (
    EnergyMeter,
    emissions_g,
    energy_kwh,
    estimate_energy,
    on_grids,
    ratio,
    training_flops,
)
from course_lib.risks.carbon_data import GRIDS, Device


def test_energy_is_power_times_time_times_pue():
    assert energy_kwh(1000, 3600) == pytest.approx(1.0)
    assert energy_kwh(250, 7200, pue=1.5) == pytest.approx(0.75)
    assert energy_kwh(0, 10) == 0.0


def test_emissions_are_energy_times_intensity():
    assert emissions_g(2.0, "TUR") == pytest.approx(2 * 464.586)
    assert emissions_g(2.0, "nor") == pytest.approx(2 * 30.08)
    assert emissions_g(0.5, 400.0) == pytest.approx(200.0)


@pytest.mark.parametrize("call, name", [
    (lambda: energy_kwh(-1, 10), "power_w"),
    (lambda: energy_kwh(10, float("nan")), "seconds"),
    (lambda: energy_kwh(10, 10, pue=0.8), "pue"),
    (lambda: emissions_g(1.0, "XYZ"), "XYZ"),
    (lambda: training_flops(100, 10, trainable=200), "trainable"),
    (lambda: estimate_energy(1e9, Device("d", 10, 1e9, ""), utilisation=1.5), "utilisation"),
    (lambda: EnergyMeter(pue=0.5), "pue"),
])
def test_bad_input_gets_a_bilingual_error_naming_it(call, name):
    with pytest.raises(CourseValueError) as error:
        call()
    assert name in error.value.en and name in error.value.tr


def test_grid_table_is_the_mix_codecarbon_ships():
    codecarbon = pytest.importorskip("codecarbon")
    mix = json.loads((Path(codecarbon.__file__).parent / "data/private_infra/global_energy_mix.json").read_text())
    for code, grid in GRIDS.items():
        assert grid.g_per_kwh == pytest.approx(mix[code]["carbon_intensity"], abs=1e-3), code
        assert grid.year == mix[code]["year"], code


def test_on_grids_prices_the_same_energy_on_every_grid():
    rows = on_grids(0.01)
    assert [r["grid"] for r in rows] == list(GRIDS)
    by_code = {r["grid"]: r["gCO2e"] for r in rows}
    assert by_code["POL"] > by_code["TUR"] > by_code["USA"] > by_code["FRA"] > by_code["NOR"]


def _mlp(widths=(8, 16, 16, 16, 4)):
    torch.manual_seed(0)
    return nn.Sequential(*[nn.Linear(a, b, bias=False) for a, b in zip(widths, widths[1:])])


def _counted_step(model, tokens):
    """FLOPs torch's own counter sees in one forward and backward pass over ``tokens`` rows; the
    input requires grad as a trainable embedding's output would."""
    x = torch.randn(tokens, model[0].in_features, requires_grad=any(p.requires_grad for p in model[0].parameters()))
    with FlopCounterMode(display=False) as counter:
        model(x).sum().backward()
    return counter.get_total_flops()


def test_full_training_is_six_n_d_by_torchs_flop_counter():
    model, tokens = _mlp(), 32
    n = sum(p.numel() for p in model.parameters())
    assert training_flops(n, tokens) == 6 * n * tokens == _counted_step(model, tokens)


@pytest.mark.parametrize("frozen", [1, 2, 3])
def test_frozen_bottom_layers_by_torchs_flop_counter(frozen):
    model, tokens = _mlp(), 32
    for layer in list(model)[:frozen]:
        layer.requires_grad_(False)
    n = sum(p.numel() for p in model.parameters())
    layers = [layer.weight.numel() for layer in model]
    top = sum(layers[frozen:])
    # The formula lets the gradient reach the input of the lowest trainable layer; autograd stops
    # one layer earlier (that input comes from frozen layers): exactly 2·N_lowest·D less.
    exact = training_flops(n, tokens, trainable=top) - 2 * layers[frozen] * tokens
    assert exact == _counted_step(model, tokens)
    assert training_flops(n, tokens, trainable=top) < training_flops(n, tokens)


def test_adapters_still_pay_for_the_backward_pass_through_every_layer():
    n, d, adapters = 1_000_000, 1000, 10_000
    assert training_flops(n, d, trainable=adapters, backprop=n) == 2 * n * d + 2 * adapters * d + 2 * n * d
    assert training_flops(n, d, trainable=0, backprop=0) == 2 * n * d  # nothing trains: a forward pass


def test_estimate_from_flops_by_hand():
    device = Device("toy", tdp_w=100.0, peak_flops=1e12, source="")
    estimate = estimate_energy(1e15, device, utilisation=0.5, pue=1.2, grid="FRA")
    assert estimate.seconds == pytest.approx(2000.0)
    assert estimate.kwh == pytest.approx(100 * 2000 * 1.2 / 3.6e6)
    assert estimate.g_co2e == pytest.approx(estimate.kwh * 56.039)
    assert ratio(None, 1.0) is None and ratio(2.0, 1.0) == 2.0


def _busy(seconds):
    start, x = carbon.time.perf_counter(), 0
    while carbon.time.perf_counter() - start < seconds:
        x += 1
    return x


def test_meter_measures_with_codecarbon_on_the_turkish_grid():
    pytest.importorskip("codecarbon")
    with EnergyMeter(pue=1.5, interval_s=0.5) as meter:
        _busy(1.2)
    assert meter.measured and meter.kwh > 0
    assert meter.seconds >= 1.2 and 0 < meter.cpu_seconds <= meter.seconds * 1.1  # a loaded machine gives this process less than the wall time
    # codecarbon's own emissions / energy is the Turkish intensity: the country reached it
    assert meter.g_co2e / meter.kwh == pytest.approx(GRIDS["TUR"].g_per_kwh, rel=1e-3)


def test_meter_without_codecarbon_says_so_and_still_times(monkeypatch, capsys):
    monkeypatch.setattr(carbon, "codecarbon_available", lambda: False)
    with EnergyMeter() as meter:
        _busy(0.05)
    assert not meter.measured and meter.kwh is None and meter.seconds >= 0.05
    assert both("carbon_no_codecarbon")["en"] in capsys.readouterr().out


def test_meter_read_before_use_is_a_clear_error():
    with pytest.raises(CourseValueError, match="with EnergyMeter"):
        assert EnergyMeter().measured


def test_published_figures_scale_as_six_n_d():
    from course_lib.risks.carbon_data import PUBLISHED

    gpt3 = PUBLISHED[0]
    # Brown et al. 2020 give 3.14e23 training FLOPs for GPT-3; 6·N·D agrees within 1 %
    assert math.isclose(training_flops(gpt3.params, gpt3.tokens), 3.14e23, rel_tol=0.01)
