"""Checks for chapter 04: a LoRA linear layer's forward pass, merging B A into the weight, and
counting the parameters LoRA trains.

Every expectation is computed here from the formula of Hu et al. (2021, arXiv 2106.09685, eq. 3),
h = W₀x + b + (α/r)·B A x, with plain tensor products (not with ``course_lib.methods.lora``), on
shapes chosen so that a transposed factor or a swapped scale cannot pass: in ≠ out ≠ r, and
α/r ≠ r/α ≠ 1.
"""

from __future__ import annotations

import torch
from torch import nn

from ..i18n import message, number, register
from .core import Case, run_check

MESSAGES = register(
    {
        "check_lora_shape": {
            "en": "the output has shape {got}; expected {expected} (x's leading dimensions, then out_features)",
            "tr": "çıktının biçimi {got}; {expected} bekleniyordu (x'in baştaki boyutları, ardından out_features)",
        },
        "check_lora_values": {
            "en": "the output differs from x Wᵀ + b + (alpha / r) · (x Aᵀ) Bᵀ by up to {diff:.3g}{hint}",
            "tr": "çıktı x Wᵀ + b + (alpha / r) · (x Aᵀ) Bᵀ değerinden {diff:.3g} kadar ayrılıyor{hint}",
        },
        "check_lora_hint_scale": {
            "en": " — it matches with scale {scale}: the scale is alpha / r",
            "tr": " — {scale} ölçeğiyle eşleşiyor: ölçek alpha / r olmalı",
        },
        "check_lora_hint_bias": {
            "en": " — it matches without the bias b: add it (when it is not None)",
            "tr": " — b yanlılığı olmadan eşleşiyor: (None değilse) onu da ekleyin",
        },
        "check_lora_not_tensor": {
            "en": "returned a {kind}; expected a torch.Tensor",
            "tr": "dönen değer bir {kind}; torch.Tensor bekleniyordu",
        },
        "check_lora_changed_input": {
            "en": "your function changed the weight it was given (in place): return a new tensor and leave "
                  "W₀ as it is, so that the adapter can be taken out again",
            "tr": "fonksiyonunuz kendisine verilen ağırlığı yerinde değiştirdi: yeni bir tensör döndürün ve W₀'ı "
                  "olduğu gibi bırakın, böylece adaptör yeniden çıkarılabilsin",
        },
        "check_lora_merge_values": {
            "en": "the merged weight differs from W + (alpha / r) · B A by up to {diff:.3g}{hint}",
            "tr": "birleştirilmiş ağırlık W + (alpha / r) · B A değerinden {diff:.3g} kadar ayrılıyor{hint}",
        },
        "check_lora_hint_transposed": {
            "en": " — it matches (B A)ᵀ: B is (out × r) and A is (r × in), so B @ A is already (out × in)",
            "tr": " — (B A)ᵀ ile eşleşiyor: B (out × r), A (r × in) boyutunda; B @ A zaten (out × in) olur",
        },
        "check_lora_count": {
            "en": "returned {got}; expected {expected}{hint}",
            "tr": "dönen değer {got}; beklenen {expected}{hint}",
        },
        "check_lora_hint_full": {
            "en": " — {got} is r · in · out: LoRA trains A (r × in) and B (out × r), r · (in + out) numbers",
            "tr": " — {got}, r · in · out demek: LoRA A (r × in) ve B (out × r) matrislerini, yani r · (in + out) "
                  "sayıyı eğitir",
        },
        "check_lora_hint_names": {
            "en": " — count every nn.Linear whose name is a target or ends with \".\" + a target "
                  "(\"c_proj\" matches both attn.c_proj and mlp.c_proj)",
            "tr": " — adı bir hedefe eşit olan ya da \".\" + hedef ile biten her nn.Linear katmanını sayın "
                  "(\"c_proj\" hem attn.c_proj hem mlp.c_proj ile eşleşir)",
        },
        "check_lora_hint_bias_count": {
            "en": " — LoRA adds no bias: only A and B",
            "tr": " — LoRA yanlılık eklemez: yalnızca A ve B",
        },
    }
)


def _tensors(seed: int, batch: tuple, n_in: int, n_out: int, r: int, bias: bool):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(*batch, n_in, generator=generator)
    weight = torch.randn(n_out, n_in, generator=generator)
    b = torch.randn(n_out, generator=generator) if bias else None
    lora_a = torch.randn(r, n_in, generator=generator)
    lora_b = torch.randn(n_out, r, generator=generator)  # non-zero: a trained B, not a fresh one
    return x, weight, b, lora_a, lora_b


def _by_formula(x, weight, bias, lora_a, lora_b, scale):
    out = x @ weight.T + scale * (x @ lora_a.T) @ lora_b.T
    return out if bias is None else out + bias


def _tensor_verdict(result, expected: torch.Tensor, values_key: str, hint_for) -> str | None:
    """None when ``result`` is a tensor of ``expected``'s shape and values (to a relative 1e-4);
    else what is wrong: the type, the shape, or the largest difference with ``hint_for(result)``,
    the known mistake it matches ("" when none). Both LoRA checks judge their tensor this way."""
    if not isinstance(result, torch.Tensor):
        return message("check_lora_not_tensor", kind=type(result).__name__)
    if tuple(result.shape) != tuple(expected.shape):
        return message("check_lora_shape", got=tuple(result.shape), expected=tuple(expected.shape))
    diff = (result.double() - expected.double()).abs().max().item()
    if diff <= 1e-4 * (1 + expected.abs().max().item()):
        return None
    return message(values_key, diff=diff, hint=hint_for(result))


# ------------------------------------------------------------------------- (a) LoRA forward
def _forward_judge(x, weight, bias, lora_a, lora_b, alpha, r):
    expected = _by_formula(x, weight, bias, lora_a, lora_b, alpha / r)

    def hint_for(result) -> str:
        hint = ""
        for scale in (1.0, alpha, r / alpha, 1 / r):
            if torch.allclose(result, _by_formula(x, weight, bias, lora_a, lora_b, scale), atol=1e-4, rtol=1e-4):
                hint = message("check_lora_hint_scale", scale=number(scale, "g"))
        if bias is not None and torch.allclose(result, expected - bias, atol=1e-4, rtol=1e-4):
            hint = message("check_lora_hint_bias")
        return hint

    def judge(result) -> str | None:
        return _tensor_verdict(result, expected, "check_lora_values", hint_for)

    return judge


def _forward_case(seed, batch, n_in, n_out, r, alpha, bias, en, tr) -> Case:
    x, weight, b, lora_a, lora_b = _tensors(seed, batch, n_in, n_out, r, bias)
    return Case({"en": en, "tr": tr}, args=(x, weight, b, lora_a, lora_b, alpha, r),
                judge=_forward_judge(x, weight, b, lora_a, lora_b, alpha, r))


def check_lora_forward(student_fn) -> bool:
    """``lora_forward(x, weight, bias, lora_A, lora_B, alpha, r)`` = x Wᵀ + b + (alpha/r)·(x Aᵀ) Bᵀ."""
    cases = [
        _forward_case(0, (4,), 6, 5, 2, 8, True, "x (4 × 6), W (5 × 6), r = 2, alpha = 8: scale 4",
                      "x (4 × 6), W (5 × 6), r = 2, alpha = 8: ölçek 4"),
        _forward_case(1, (2, 3), 7, 9, 3, 16, True, "a batch of sequences x (2 × 3 × 7), r = 3, alpha = 16",
                      "dizilerden oluşan bir yığın x (2 × 3 × 7), r = 3, alpha = 16"),
        _forward_case(2, (5,), 4, 4, 1, 0.5, False, "no bias (bias=None), r = 1, alpha = 0.5",
                      "yanlılık yok (bias=None), r = 1, alpha = 0,5"),
    ]
    return run_check("check_lora_forward", student_fn, cases)


# ------------------------------------------------------------------------------- (b) merge
def _merge_judge(weight, lora_a, lora_b, alpha, r):
    original = weight.clone()
    expected = weight + (alpha / r) * lora_b @ lora_a

    def hint_for(result) -> str:
        hint = ""
        square = lora_b.shape[0] == lora_a.shape[1]
        if square and torch.allclose(result, original + (alpha / r) * (lora_b @ lora_a).T, atol=1e-4, rtol=1e-4):
            hint = message("check_lora_hint_transposed")
        for scale in (1.0, alpha, r / alpha):
            if torch.allclose(result, original + scale * lora_b @ lora_a, atol=1e-4, rtol=1e-4):
                hint = message("check_lora_hint_scale", scale=number(scale, "g"))
        return hint

    def judge(result) -> str | None:
        if not torch.equal(weight, original):
            return message("check_lora_changed_input")
        return _tensor_verdict(result, expected, "check_lora_merge_values", hint_for)

    return judge


def _merge_case(seed, n_in, n_out, r, alpha, en, tr) -> Case:
    _, weight, _, lora_a, lora_b = _tensors(seed, (1,), n_in, n_out, r, False)
    return Case({"en": en, "tr": tr}, args=(weight, lora_a, lora_b, alpha, r),
                judge=_merge_judge(weight, lora_a, lora_b, alpha, r))


def check_lora_merge(student_fn) -> bool:
    """``merge_lora_weight(weight, lora_A, lora_B, alpha, r)`` = W + (alpha/r)·B A, W left unchanged."""
    cases = [
        _merge_case(3, 6, 5, 2, 8, "W (5 × 6), r = 2, alpha = 8", "W (5 × 6), r = 2, alpha = 8"),
        _merge_case(4, 5, 5, 3, 16, "a square W (5 × 5), where a transposed B A has the right shape",
                    "kare bir W (5 × 5): burada transpozu alınmış B A da doğru biçimdedir"),
        _merge_case(5, 8, 3, 1, 2, "W (3 × 8), r = 1, alpha = 2", "W (3 × 8), r = 1, alpha = 2"),
    ]
    return run_check("check_lora_merge", student_fn, cases)


# ---------------------------------------------------------------------- (c) count parameters
class TinyGPTShape(nn.Module):
    """Two blocks named like GPT-2's (attn.c_attn, attn.c_proj, mlp.c_fc, mlp.c_proj) and a head.

    Widths d = 6, MLP 4d = 24, head 6 → 3. Per block: c_attn 6 → 18, attn.c_proj 6 → 6,
    c_fc 6 → 24, mlp.c_proj 24 → 6.
    """

    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList()
        for _ in range(2):
            block = nn.Module()
            block.attn, block.mlp = nn.Module(), nn.Module()
            block.attn.c_attn, block.attn.c_proj = nn.Linear(6, 18), nn.Linear(6, 6)
            block.mlp.c_fc, block.mlp.c_proj = nn.Linear(6, 24), nn.Linear(24, 6)
            self.blocks.append(block)
        self.head = nn.Linear(6, 3)


# (r, targets) -> the count by hand: r · (in + out) per matched layer, 2 blocks.
#   c_attn: 2 · r · 24;  attn.c_proj: 2 · r · 12;  c_fc: 2 · r · 30;  mlp.c_proj: 2 · r · 30
COUNT_CASES = [
    (8, ("c_attn",), 2 * 8 * 24),
    (4, ("c_attn", "c_proj"), 2 * 4 * (24 + 12 + 30)),
    (2, ("attn.c_proj", "c_fc"), 2 * 2 * (12 + 30)),
]


def _count_judge(model, r, targets, expected):
    def judge(result) -> str | None:
        if result == expected and isinstance(result, int) and not isinstance(result, bool):
            return None
        linears = [(name, m) for name, m in model.named_modules() if isinstance(m, nn.Linear)]
        chosen = [m for name, m in linears if any(name == t or name.endswith("." + t) for t in targets)]
        hint = ""
        if result == sum(r * m.in_features * m.out_features for m in chosen):
            hint = message("check_lora_hint_full", got=result)
        elif result == expected + sum(m.out_features for m in chosen):
            hint = message("check_lora_hint_bias_count")
        elif isinstance(result, int):
            hint = message("check_lora_hint_names")
        return message("check_lora_count", got=result, expected=expected, hint=hint)

    return judge


def check_count_lora_params(student_fn) -> bool:
    """``count_lora_params(model, r, targets)``: r · (in + out) summed over the matched nn.Linear layers."""
    cases = []
    for r, targets, expected in COUNT_CASES:
        model = TinyGPTShape()
        names = ", ".join(targets)
        cases.append(Case({"en": f"r = {r}, targets = {names} (2 blocks, d = 6)",
                           "tr": f"r = {r}, hedefler = {names} (2 blok, d = 6)"},
                          args=(model, r, targets), judge=_count_judge(model, r, targets, expected)))
    return run_check("check_count_lora_params", student_fn, cases)
