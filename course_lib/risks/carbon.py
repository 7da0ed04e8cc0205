"""Energy and emissions of a training run: measured (codecarbon) and estimated (FLOPs), side by side.

    energy (kWh) = power (W) × time (s) × PUE / 3.6e6
    emissions (gCO2e) = energy (kWh) × grid intensity (gCO2e/kWh)

**Measured.** :class:`EnergyMeter` wraps codecarbon's ``OfflineEmissionsTracker`` (no network),
with the country (``TUR``) and the PUE always passed explicitly: codecarbon's own PUE default is
1.0, which is right for a laptop and wrong for a data centre. Where the CPU exposes Intel RAPL
counters codecarbon reads the energy; on a VM, a Mac or a CPU without RAPL it *estimates* CPU power
from the CPU model's TDP (or 4 W per thread when the model is unknown) and the measured load, and
RAM power from its size. On an NVIDIA GPU it reads NVML, the GPU's own power meter. Without
codecarbon the meter still times the run and says, in the learner's language, that nothing was measured.

**Estimated, always.** :func:`training_flops` counts the work (6·N·D for full training, less when
layers are frozen), :func:`estimate_energy` turns FLOPs into time with the device's peak throughput
and a utilisation figure, and time into energy with its TDP.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ..i18n import CourseValueError, message
from . import carbon_messages  # noqa: F401  (registers this module's texts)
from .carbon_data import GRIDS, Device

JOULES_PER_KWH = 3.6e6
DEFAULT_COUNTRY = "TUR"
# A laptop or a desktop has no data-centre overhead; pass the PUE of the place you train in
# (Google reports a fleet average near 1.1, the Uptime Institute's 2023 survey an average of 1.58).
DEFAULT_PUE = 1.0


def _number(name: str, value, rule: str = "≥ 0", rule_tr: str = "≥ 0 olan", positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or value < 0 or (positive and value == 0):
        raise CourseValueError("carbon_bad_number", name=name, value=value, rule=rule, rule_tr=rule_tr)
    return float(value)


def energy_kwh(power_w: float, seconds: float, pue: float = DEFAULT_PUE) -> float:
    """Energy drawn from the grid: power × time × PUE, in kWh (1 kWh = 3.6e6 J)."""
    _number("power_w", power_w)
    _number("seconds", seconds)
    _number("pue", pue, "≥ 1", "≥ 1 olan")
    if pue < 1:
        raise CourseValueError("carbon_bad_number", name="pue", value=pue, rule="≥ 1", rule_tr="≥ 1 olan")
    return power_w * seconds * pue / JOULES_PER_KWH


def intensity(grid) -> float:
    """gCO2e/kWh of ``grid``: a code of :data:`GRIDS` ("TUR", "FRA", ...) or a number."""
    if isinstance(grid, str):
        if grid.upper() not in GRIDS:
            raise CourseValueError("carbon_unknown_grid", value=grid, known=", ".join(GRIDS))
        return GRIDS[grid.upper()].g_per_kwh
    return _number("grid", grid)


def emissions_g(kwh: float, grid=DEFAULT_COUNTRY) -> float:
    """Grams of CO2-equivalent for ``kwh`` drawn from ``grid`` (a code or gCO2e/kWh)."""
    return _number("kwh", kwh) * intensity(grid)


def training_flops(n_params: int, tokens: int, *, trainable: int | None = None,
                   backprop: int | None = None) -> float:
    """FLOPs of training ``n_params`` matrix weights on ``tokens`` tokens (Kaplan et al. 2020).

    Per token: 2·N for the forward pass; 2·N_trainable for the weights' gradients; 2·N_backprop
    for the activations' gradients, which flow from the top down to the lowest trainable layer.
    Full training: N_trainable = N_backprop = N, so 6·N·D. Frozen bottom layers: both are the
    top layers' weights (the default of ``backprop`` is ``trainable``). Adapters in every layer
    (LoRA): N_trainable is the adapters, but the gradient still crosses every layer, so pass
    ``backprop=n_params``.
    """
    n = _number("n_params", n_params)
    d = _number("tokens", tokens)
    trainable = n if trainable is None else _number("trainable", trainable)
    backprop = trainable if backprop is None else _number("backprop", backprop)
    for name, value in (("trainable", trainable), ("backprop", backprop)):
        if value > n:
            raise CourseValueError("carbon_trainable_too_big", name=name, value=int(value), total=int(n))
    return 2 * n * d + 2 * trainable * d + 2 * backprop * d


@dataclass(frozen=True)
class Estimate:
    """A run's energy estimated from its FLOPs: seconds on the device, kWh, gCO2e on ``grid``."""

    flops: float
    seconds: float
    kwh: float
    g_co2e: float
    grid: str


def estimate_energy(flops: float, device: Device, utilisation: float, pue: float = DEFAULT_PUE,
                    grid=DEFAULT_COUNTRY) -> Estimate:
    """FLOPs → time at ``utilisation`` × the device's peak → energy at its TDP → emissions.

    ``utilisation`` is the fraction of peak FLOP/s the run achieves (model FLOPs utilisation,
    MFU): large models on good hardware reach 0.3-0.5, a small model on a CPU far less.
    """
    _number("flops", flops)
    _number("utilisation", utilisation, "in (0, 1]", "(0, 1] aralığında", positive=True)
    if utilisation > 1:
        raise CourseValueError("carbon_bad_number", name="utilisation", value=utilisation, rule="in (0, 1]",
                               rule_tr="(0, 1] aralığında")
    seconds = flops / (device.peak_flops * utilisation)
    kwh = energy_kwh(device.tdp_w, seconds, pue)
    return Estimate(flops, seconds, kwh, emissions_g(kwh, grid), grid if isinstance(grid, str) else "custom")


def measure_matmul_flops(size: int = 256, seconds: float = 0.3) -> float:
    """FLOP/s this machine reaches on fp32 matrix products of ``size``² (a practical peak for a CPU,
    whose data sheet gives no training throughput)."""
    import torch

    a, b = torch.randn(size, size), torch.randn(size, size)
    a @ b  # warm-up: the first product allocates
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        a @ b
        count += 1
    return 2 * size**3 * count / (time.perf_counter() - start)


WATTS_PER_THREAD = 4.0  # codecarbon's own figure for a CPU it does not know


def _threads() -> int:
    import os

    import torch

    return torch.get_num_threads() or os.cpu_count() or 1


def default_power_w() -> float:
    """The power assumed for this machine's CPU when nothing is measured: threads × 4 W."""
    return _threads() * WATTS_PER_THREAD


def cpu_device(threads: int | None = None, watts_per_thread: float = WATTS_PER_THREAD,
               peak_flops: float | None = None) -> Device:
    """This machine's CPU as a :class:`Device`: TDP = threads × ``watts_per_thread`` (codecarbon's
    own fallback for an unknown CPU is 4 W per thread), peak = :func:`measure_matmul_flops`."""
    threads = threads or _threads()
    return Device(f"CPU ({threads} threads)", threads * watts_per_thread,
                  peak_flops or measure_matmul_flops(), "measured matmul throughput; 4 W per thread")


def codecarbon_available() -> bool:
    try:
        import codecarbon  # noqa: F401
    except ImportError:
        return False
    return True


def _tracker(country: str, pue: float, interval_s: float):
    """codecarbon's offline tracker, writing no file and logging only errors."""
    import logging

    from codecarbon import OfflineEmissionsTracker

    logging.getLogger("codecarbon").setLevel(logging.ERROR)  # its start-up notes come before log_level applies
    options = dict(country_iso_code=country, pue=pue, measure_power_secs=interval_s, log_level="error",
                   tracking_mode="process")
    try:
        return OfflineEmissionsTracker(output_methods=[], **options)  # codecarbon >= 3.3
    except TypeError:
        return OfflineEmissionsTracker(save_to_file=False, **options)


class EnergyMeter:
    """Measure the energy of the code inside ``with EnergyMeter() as meter:``.

    After the block: ``meter.seconds`` (wall), ``meter.cpu_seconds`` (this process's CPU time),
    ``meter.kwh`` (measured by codecarbon, PUE included; None without codecarbon),
    ``meter.g_co2e`` (on ``country``'s grid), ``meter.cpu_w`` / ``meter.gpu_w`` / ``meter.ram_w``
    (mean power), ``meter.how`` (how codecarbon got the CPU power: e.g. "intel_rapl" measured,
    "cpu_load" or "constant" estimated from the TDP).
    """

    def __init__(self, country: str = DEFAULT_COUNTRY, pue: float = DEFAULT_PUE, interval_s: float = 1.0,
                 quiet: bool = False):
        self.country, self.pue, self.interval_s, self.quiet = country.upper(), pue, interval_s, quiet
        intensity(self.country)  # fail early on an unknown code
        energy_kwh(0.0, 0.0, pue)  # and on a bad PUE
        self.seconds = self.cpu_seconds = None
        self.kwh = self.g_co2e = None
        self.cpu_w = self.gpu_w = self.ram_w = None
        self.how = None
        self._tracker = None

    def __enter__(self) -> EnergyMeter:
        if codecarbon_available():
            self._tracker = _tracker(self.country, self.pue, self.interval_s)
            self._tracker.start()
        elif not self.quiet:
            print(message("carbon_no_codecarbon"))
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self._wall
        self.cpu_seconds = time.process_time() - self._cpu
        if self._tracker is None:
            return
        self._tracker.stop()
        data = self._tracker.final_emissions_data
        self.kwh = float(data.energy_consumed)
        self.g_co2e = 1000.0 * float(data.emissions)
        self.cpu_w, self.gpu_w, self.ram_w = float(data.cpu_power), float(data.gpu_power), float(data.ram_power)
        self.how = next((getattr(h, "_mode", None) for h in getattr(self._tracker, "_hardware", [])
                         if type(h).__name__ == "CPU"), None)
        self._tracker = None

    @property
    def measured(self) -> bool:
        if self.seconds is None:
            raise CourseValueError("carbon_meter_not_run")
        return self.kwh is not None


def on_grids(kwh: float, codes=None) -> list[dict]:
    """The same energy priced on each grid: one dict per grid (code, name, year, g/kWh, gCO2e)."""
    from ..i18n import pick

    rows = []
    for code in codes or GRIDS:
        grid = GRIDS[code]
        rows.append({"grid": code, "name": pick(grid.name_en, grid.name_tr), "year": grid.year,
                     "gCO2e/kWh": grid.g_per_kwh, "gCO2e": emissions_g(kwh, code)})
    return rows


def ratio(measured: float | None, estimated: float) -> float | None:
    """measured / estimated, or None when nothing was measured (or the estimate is 0)."""
    if measured is None or not estimated:
        return None
    return measured / estimated
