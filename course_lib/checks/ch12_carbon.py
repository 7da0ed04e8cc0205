"""Checks for chapter 12: the training-FLOPs estimate with frozen layers, and power → gCO2e.

The expected numbers are worked out by hand in the comments, independent of
``course_lib.risks.carbon``; a wrong answer is recognised by the number its mistake gives, so the
verdict names the mistake.
"""

from __future__ import annotations

import math

from ..i18n import message, number
from . import ch12_messages  # noqa: F401  (registers this module's texts)
from .core import Case, run_check


def _as_number(result) -> float | None:
    if hasattr(result, "item") and getattr(result, "numel", lambda: 0)() == 1:
        result = result.item()
    if isinstance(result, bool) or not isinstance(result, (int, float)):
        return None
    return float(result)


# ------------------------------------------------------------------- (a) training FLOPs
# layer_params from the bottom to the top (the last is the head); the bottom n_frozen are frozen.
# FLOPs = 2·D·ΣN (forward, every layer) + 2·D·N_trainable (weights' gradients)
#       + 2·D·N_trainable (activations' gradients, down to the lowest trainable layer)
#   [100, 100, 100, 10], D = 1000, n_frozen 0: 6 · 310 · 1000 = 1,860,000
#   n_frozen 2: 2 · 310 · 1000 + 4 · 110 · 1000 = 620,000 + 440,000 = 1,060,000
#   n_frozen 3 (only the head trains: a linear probe): 620,000 + 40,000 = 660,000
#   [50, 200, 120, 7], D = 64, n_frozen 1: 2 · 377 · 64 + 4 · 327 · 64 = 48,256 + 83,712 = 131,968
_FLOPS_CASES = [
    ([100, 100, 100, 10], 1000, 0, 1_860_000,
     "4 layers, nothing frozen: full training, 6·N·D", "4 katman, hiçbiri donmuş değil: tam eğitim, 6·N·D"),
    ([100, 100, 100, 10], 1000, 2, 1_060_000,
     "the same layers, the bottom 2 frozen", "aynı katmanlar, alttaki 2'si donmuş"),
    ([100, 100, 100, 10], 1000, 3, 660_000,
     "every layer but the head frozen (a linear probe)", "kafa dışındaki bütün katmanlar donmuş (doğrusal yoklama)"),
    ([50, 200, 120, 7], 64, 1, 131_968,
     "layers of different sizes, the bottom one frozen", "farklı boyutlarda katmanlar, en alttaki donmuş"),
]


def _flops_judge(layers: list[int], tokens: int, frozen: int, expected: int):
    total, top = sum(layers), sum(layers[frozen:])
    mistakes = {  # what each plausible mistake returns on this case
        "check_c12_flops_all_backward": 6 * total * tokens,
        "check_c12_flops_no_forward": 6 * top * tokens,
        "check_c12_flops_top_frozen": 2 * total * tokens + 4 * sum(layers[:len(layers) - frozen]) * tokens,
        "check_c12_flops_no_activation_grads": 2 * total * tokens + 2 * top * tokens,
    }

    def judge(result) -> str | None:
        got = _as_number(result)
        if got is None:
            return message("check_c12_not_number", kind=type(result).__name__)
        if math.isclose(got, expected, rel_tol=1e-9):
            return None
        for key, value in mistakes.items():
            if value != expected and math.isclose(got, value, rel_tol=1e-9):
                return message(key, got=int(got), expected=expected)
        return message("check_c12_wrong", got=number(got, ",.0f"), expected=number(expected, ","))

    return judge


def check_training_flops(student_fn) -> bool:
    """``training_flops(layer_params, tokens, n_frozen) -> FLOPs`` with the bottom ``n_frozen`` layers frozen."""
    cases = [Case({"en": en, "tr": tr}, args=(list(layers), tokens, frozen),
                  judge=_flops_judge(layers, tokens, frozen, expected))
             for layers, tokens, frozen, expected, en, tr in _FLOPS_CASES]
    return run_check("check_training_flops", student_fn, cases)


# --------------------------------------------------------------------- (b) power → grams
# grams = power_w · seconds · pue / 3.6e6 (kWh) · g_per_kwh
#   100 W, 3600 s, PUE 1.0, 464.586 g/kWh: 0.1 kWh → 46.4586 g
#   2000 W, 1800 s, PUE 1.5, 30.08 g/kWh: 1.5 kWh → 45.12 g
#   35 W, 90 s, PUE 1.2, 661.926 g/kWh: 0.00105 kWh → 0.6950223 g
_GRAMS_CASES = [
    ((100.0, 3600.0, 1.0, 464.586), 46.4586, "a 100 W machine for an hour on the Turkish grid",
     "Türkiye şebekesinde bir saat çalışan 100 W'lık bir makine"),
    ((2000.0, 1800.0, 1.5, 30.08), 45.12, "2 kW for half an hour in a data centre (PUE 1.5) in Norway",
     "Norveç'te bir veri merkezinde (PUE 1,5) yarım saat 2 kW"),
    ((35.0, 90.0, 1.2, 661.926), 0.6950223, "35 W for 90 s, PUE 1.2, on the Polish grid",
     "Polonya şebekesinde, PUE 1,2 ile 90 s boyunca 35 W"),
]


def _grams_judge(args: tuple, expected: float):
    pue = args[2]

    def judge(result) -> str | None:
        got = _as_number(result)
        if got is None:
            return message("check_c12_not_number", kind=type(result).__name__)
        if math.isclose(got, expected, rel_tol=1e-6):
            return None
        if pue != 1 and math.isclose(got, expected / pue, rel_tol=1e-6):
            return message("check_c12_grams_no_pue", got=got, expected=expected)
        if pue != 1 and math.isclose(got, expected / pue**2, rel_tol=1e-6):
            return message("check_c12_grams_pue_divided", got=got, expected=expected)
        factor = got / expected if expected else math.inf
        for slip in (1000.0, 3600.0, 3.6, 1 / 1000, 1 / 3600, 1 / 3.6, 1e6, 1e-6, 3.6e3 / 1e6):
            if math.isclose(factor, slip, rel_tol=1e-6):
                return message("check_c12_grams_units", got=got, expected=expected, factor=factor)
        return message("check_c12_wrong", got=number(got, ".6g"), expected=number(expected, ".6g"))

    return judge


def check_grams_co2e(student_fn) -> bool:
    """``grams_co2e(power_w, seconds, pue, g_per_kwh) -> grams``."""
    cases = [Case({"en": en, "tr": tr}, args=args, judge=_grams_judge(args, expected))
             for args, expected, en, tr in _GRAMS_CASES]
    return run_check("check_grams_co2e", student_fn, cases)
