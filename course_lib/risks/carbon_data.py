"""The published numbers the carbon chapter prices against: grid intensities, devices, and the
large models' own reported energy and emissions.

Every number here is someone else's, with its source and year, so that the chapter can quote them
as theirs and put its own measurements beside them (never in their place).
"""

from __future__ import annotations

from dataclasses import dataclass

# The grid intensities are the 2023 national electricity mixes (Ember and Our World in Data) as
# codecarbon 3.3 bundles them in data/private_infra/global_energy_mix.json: the numbers the
# measured column uses too, so measured and priced-on-a-grid rows agree. Other sources give
# Türkiye between about 390 and 465 gCO2e/kWh depending on the year and on whether they count
# life-cycle emissions; tests/test_carbon.py reads the installed codecarbon file to keep these equal.
GRID_SOURCE = "Ember / Our World in Data, 2023 mix (as bundled with codecarbon 3.3)"


@dataclass(frozen=True)
class Grid:
    """One electricity grid: ISO 3166-1 alpha-3 code, names, gCO2e per kWh, source and year."""

    code: str
    name_en: str
    name_tr: str
    g_per_kwh: float
    year: int
    source: str = GRID_SOURCE


GRIDS: dict[str, Grid] = {
    grid.code: grid
    for grid in (
        Grid("TUR", "Türkiye", "Türkiye", 464.586, 2023),
        Grid("FRA", "France", "Fransa", 56.039, 2023),
        Grid("POL", "Poland", "Polonya", 661.926, 2023),
        Grid("USA", "United States (average)", "ABD (ortalama)", 369.473, 2023),
        Grid("NOR", "Norway", "Norveç", 30.08, 2023),
    )
}


@dataclass(frozen=True)
class Device:
    """What the FLOPs estimate needs of a device: its power at full load (TDP, watts) and the
    peak throughput of its matrix units (FLOP/s) in the precision training uses."""

    name: str
    tdp_w: float
    peak_flops: float
    source: str


# Vendors' data sheets: NVIDIA T4 (70 W, 65 TFLOPS fp16 tensor cores), A100 SXM 40 GB (400 W,
# 312 TFLOPS bf16 dense), V100 SXM2 (300 W, 125 TFLOPS fp16 tensor cores; GPT-3 was trained on V100s).
DEVICES: dict[str, Device] = {
    "T4": Device("NVIDIA T4", 70.0, 65e12, "NVIDIA T4 data sheet (fp16 tensor cores)"),
    "V100": Device("NVIDIA V100 SXM2", 300.0, 125e12, "NVIDIA V100 data sheet (fp16 tensor cores)"),
    "A100": Device("NVIDIA A100 SXM", 400.0, 312e12, "NVIDIA A100 data sheet (bf16 dense)"),
}


@dataclass(frozen=True)
class Published:
    """A large model's training as its authors reported it (None where they gave no figure)."""

    model: str
    params: float
    tokens: float | None
    mwh: float | None
    t_co2e: float
    source: str
    note_en: str
    note_tr: str


PUBLISHED: tuple[Published, ...] = (
    Published("GPT-3", 175e9, 300e9, 1287.0, 552.0, "Patterson et al. 2021, arXiv 2104.10350",
              "V100s in a Microsoft data centre, PUE 1.10, 429 gCO2e/kWh",
              "bir Microsoft veri merkezinde V100'ler, PUE 1,10, 429 gCO2e/kWh"),
    Published("BLOOM (176B)", 176e9, 366e9, 433.0, 24.7, "Luccioni et al. 2022, arXiv 2211.02001",
              "dynamic power only, French grid (57 gCO2e/kWh); 50.5 t with idle power and manufacturing",
              "yalnızca dinamik güç, Fransa şebekesi (57 gCO2e/kWh); boşta güç ve üretimle 50,5 t"),
    Published("Transformer big + NAS", 213e6, None, None, 284.0, "Strubell et al. 2019, arXiv 1906.02243",
              "626,155 lbs CO2e for a neural architecture search, priced on the US average grid",
              "bir sinir mimarisi araması için 626.155 lbs CO2e, ABD ortalama şebekesiyle hesaplanmış"),
)
