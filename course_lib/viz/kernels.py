"""Pictures for the GPU-kernels appendix (A1): the roofline of a GPU and where ops sit on it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ..i18n import get_language
from ..kernels.roofline import Machine

_LABELS = {
    "en": {
        "x": "arithmetic intensity (FLOPs per byte)",
        "y": "attainable TFLOP/s",
        "ridge": "ridge",
        "title": "Roofline (vendor datasheet peaks)",
    },
    "tr": {
        "x": "aritmetik yoğunluk (bayt başına FLOP)",
        "y": "ulaşılabilir TFLOP/s",
        "ridge": "sırt noktası",
        "title": "Roofline (üretici veri sayfası değerleri)",
    },
}


def _group_close(ops: dict[str, float], ratio: float = 1.1) -> dict[float, list[str]]:
    """Ops whose intensities are within ``ratio`` of each other share one line (and one label)."""
    groups: dict[float, list[str]] = {}
    for name, intensity in sorted(ops.items(), key=lambda item: item[1]):
        near = next((key for key in groups if intensity <= key * ratio), None)
        groups.setdefault(near if near is not None else intensity, []).append(name)
    return groups


def plot_roofline(machines: tuple[Machine, ...], ops: dict[str, float], title: str | None = None):
    """Log-log roofline of each machine, with a vertical line at each op's intensity."""
    words = _LABELS[get_language()]
    fig, ax = plt.subplots(figsize=(8, 5))
    intensities = np.logspace(-1, 3.5, 200)
    for machine in machines:
        attainable = [machine.attainable_flops(i) / 1e12 for i in intensities]
        (line,) = ax.loglog(intensities, attainable, label=machine.name)
        ax.axvline(machine.ridge_point, color=line.get_color(), linestyle=":", linewidth=1)
        ax.annotate(
            f"{words['ridge']} ≈ {machine.ridge_point:.0f}",
            (machine.ridge_point, machine.peak_flops / 1e12),
            textcoords="offset points",
            xytext=(4, -12),
            fontsize=8,
            color=line.get_color(),
        )
    for intensity, names in _group_close(ops).items():
        ax.axvline(intensity, color="grey", linewidth=0.8, alpha=0.6)
        ax.text(
            intensity, ax.get_ylim()[0] * 1.3, " " + ", ".join(names), rotation=90, fontsize=8, va="bottom"
        )
    ax.set_xlabel(words["x"])
    ax.set_ylabel(words["y"])
    ax.set_title(title or words["title"])
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
