"""The carbon chapter's tables: one run measured beside its estimate (and why they differ), the
run priced on every grid, and the published large-model figures beside ours scaled by 6·N·D."""

from __future__ import annotations

from .carbon import EnergyMeter, Estimate, estimate_energy, ratio, training_flops
from .carbon_data import PUBLISHED, Device

GAP = 3.0  # measured and estimated "disagree" beyond this factor either way (the chapter explains why)


def side_by_side(meter: EnergyMeter, flops: float, device: Device, utilisation: float, pue: float,
                 grid: str = "TUR") -> dict:
    """Measured and estimated energy of one run, their ratio, and the ratio split into its two
    factors: measured / estimated = (mean power / TDP) × (measured time / estimated time)."""
    estimate: Estimate = estimate_energy(flops, device, utilisation, pue, grid)
    power_w = None if meter.kwh is None else meter.kwh * 3.6e6 / (meter.seconds * pue)
    return {
        "flops": flops,
        "measured s": meter.seconds,
        "estimated s": estimate.seconds,
        "measured kWh": meter.kwh,
        "estimated kWh": estimate.kwh,
        "measured / estimated": ratio(meter.kwh, estimate.kwh),
        "measured gCO2e": meter.g_co2e,
        "estimated gCO2e": estimate.g_co2e,
        "mean power W": power_w,
        "TDP W": device.tdp_w,
        "power factor": None if power_w is None else power_w / device.tdp_w,
        "time factor": meter.seconds / estimate.seconds,
        "assumed utilisation": utilisation,
        "achieved utilisation": flops / (meter.seconds * device.peak_flops),
        "disagree": None if meter.kwh is None else not (1 / GAP <= meter.kwh / estimate.kwh <= GAP),
    }


def published_beside_ours(our_kwh: float, our_flops: float) -> list[dict]:
    """Each published training run as its authors reported it, and what it would have drawn at our
    energy per FLOP (our kWh / our FLOPs × their 6·N·D), with the ratio of the two."""
    per_flop = our_kwh / our_flops
    rows = []
    for item in PUBLISHED:
        flops = None if item.tokens is None else training_flops(item.params, item.tokens)
        ours_mwh = None if flops is None else per_flop * flops / 1000
        rows.append({"model": item.model, "params": item.params, "tokens": item.tokens, "6·N·D": flops,
                     "their MWh": item.mwh, "their tCO2e": item.t_co2e, "source": item.source,
                     "MWh at our kWh/FLOP": ours_mwh,
                     "ours / theirs": None if ours_mwh is None or item.mwh is None else ours_mwh / item.mwh})
    return rows
