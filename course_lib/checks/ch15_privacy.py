"""Checks for chapter 15: a T.C. kimlik number validator, exposure from a rank, and one DP-SGD step.

Every expectation is written out here, independent of ``course_lib.risks``: the TCKN rule from
its definition (10th digit = (7 x (d1+d3+d5+d7+d9) - (d2+d4+d6+d8)) mod 10, 11th = (d1+...+d10)
mod 10, first digit not 0) with numbers built to break one rule each; exposure = log2|R| - log2
rank (Carlini et al. 2019, arXiv 1802.08232); the DP-SGD step of Abadi et al. 2016 (arXiv
1607.00133) on gradients whose norms are chosen by hand.
"""

from __future__ import annotations

import math

import torch

from ..i18n import message
from . import ch15_messages  # noqa: F401  (registers this chapter's texts)
from .core import Case, run_check


# ------------------------------------------------------------------ (a) the TCKN validator
def _check_digits(nine: str) -> str:
    d = [int(c) for c in nine]
    d10 = (7 * (d[0] + d[2] + d[4] + d[6] + d[8]) - (d[1] + d[3] + d[5] + d[7])) % 10
    return f"{d10}{(sum(d) + d10) % 10}"


def _tckn_cases() -> list[tuple[str, bool, dict]]:
    """(number, is it valid, why) for numbers that each test one rule."""
    good = ["10000000146", "12345678950"]
    good += [n + _check_digits(n) for n in ("538412907", "700000001", "999999999")]
    nine = "538412907"
    right = _check_digits(nine)
    wrong10 = str((int(right[0]) + 3) % 10)
    only_d11 = nine + wrong10 + str((sum(int(c) for c in nine) + int(wrong10)) % 10)  # 11th agrees with a wrong 10th
    only_d10 = nine + right[0] + str((int(right[1]) + 1) % 10)
    zero = "012345678" + _check_digits("012345678")
    cases = [(n, True, {"en": "a valid number", "tr": "geçerli bir numara"}) for n in good]
    cases += [
        (only_d10, False, {"en": "right 10th digit, wrong 11th", "tr": "10. hane doğru, 11. hane yanlış"}),
        (only_d11, False, {"en": "wrong 10th digit (the 11th is the sum with it)",
                           "tr": "10. hane yanlış (11. hane onunla toplanmış)"}),
        (zero, False, {"en": "checksum right but the first digit is 0", "tr": "sağlama doğru ama ilk hane 0"}),
        ("1000000014", False, {"en": "only 10 digits", "tr": "yalnızca 10 hane"}),
        ("100000001460", False, {"en": "12 digits (a valid number with a 0 after it)",
                                 "tr": "12 hane (geçerli bir numaranın sonuna 0 eklenmiş)"}),
        ("1000000014a", False, {"en": "a letter among the digits", "tr": "rakamların arasında bir harf"}),
    ]
    return cases


def check_tckn_validator(is_valid) -> bool:
    """``is_valid(number: str) -> bool``: True only for an 11-digit T.C. kimlik number that
    does not start with 0 and whose two check digits are right."""
    cases = []
    for number, truth, why in _tckn_cases():
        def judge(result, number=number, truth=truth):
            if not isinstance(result, bool):
                return message("check_pv_not_bool", got=result, kind=type(result).__name__)
            if result != truth:
                return message("check_pv_wrong_verdict", number=number, got=result,
                               truth="valid" if truth else "not valid", truth_tr="geçerli" if truth else "geçersiz")
            return None

        cases.append(Case({"en": f"{number}: {why['en']}", "tr": f"{number}: {why['tr']}"}, args=(number,), judge=judge))
    return run_check("check_tckn_validator", is_valid, cases)


# ---------------------------------------------------------------------- (b) exposure from a rank
def check_exposure(exposure) -> bool:
    """``exposure(rank, space_size) -> float``: log2 |R| - log2 rank, rank 1 being the most likely."""
    cases = [
        Case({"en": "rank 1 of 1,024: all 10 bits", "tr": "1.024 adaydan 1. sıra: 10 bitin hepsi"}, args=(1, 1024),
             expected=10.0),
        Case({"en": "last of 1,024: 0 bits", "tr": "1.024 adaydan sonuncusu: 0 bit"}, args=(1024, 1024), expected=0.0),
        Case({"en": "rank 3 of 1,000", "tr": "1.000 adaydan 3. sıra"}, args=(3, 1000), expected=math.log2(1000 / 3)),
        Case({"en": "rank 40 of 10,000", "tr": "10.000 adaydan 40. sıra"}, args=(40, 10_000),
             expected=math.log2(10_000) - math.log2(40)),
    ]
    return run_check("check_exposure", exposure, cases)


# --------------------------------------------------------------------------- (c) one DP-SGD step
def _dp_reference(grads: torch.Tensor, clip: float, sigma: float, seed: int) -> torch.Tensor:
    scale = torch.clamp(clip / grads.norm(dim=1, keepdim=True), max=1.0)
    noise = torch.randn(grads.shape[1], generator=torch.Generator().manual_seed(seed))
    return ((grads * scale).sum(0) + sigma * clip * noise) / grads.shape[0]


def check_dp_sgd_step(dp_sgd_step) -> bool:
    """``dp_sgd_step(per_example_grads (B, D), clip, noise_multiplier, generator) -> (D,)``: clip each
    row to norm ``clip``, sum, add ``noise_multiplier * clip * torch.randn(D, generator=generator)``,
    divide by B."""
    grads = torch.tensor([[3.0, 4.0, 0.0], [0.0, 0.3, 0.4], [1.0, 2.0, 2.0], [0.0, 0.0, 0.0]])  # norms 5, .5, 3, 0
    small = grads[1:2] * 0.5

    def case(description, rows, clip, sigma, seed):
        return Case(description, args=(rows.clone(), clip, sigma, torch.Generator().manual_seed(seed)),
                    expected=_dp_reference(rows, clip, sigma, seed), atol=1e-5)

    cases = [
        case({"en": "noise_multiplier 0: clipping only (norms 5, 0.5, 3 and 0; clip 1)",
              "tr": "noise_multiplier 0: yalnızca kırpma (normlar 5, 0,5, 3 ve 0; kırpma 1)"}, grads, 1.0, 0.0, 0),
        case({"en": "noise_multiplier 0, one gradient already inside the clip",
              "tr": "noise_multiplier 0, kırpma sınırının zaten içinde olan tek bir gradyan"}, small, 1.0, 0.0, 0),
        case({"en": "noise_multiplier 1.5, clip 2, generator seeded with 0",
              "tr": "noise_multiplier 1,5, kırpma 2, üreteç tohumu 0"}, grads, 2.0, 1.5, 0),
    ]
    return run_check("check_dp_sgd_step", dp_sgd_step, cases)
