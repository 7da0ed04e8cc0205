"""Chapter 04's checks pass correct solutions and fail the blank exercise and plausible mistakes,
each for the reason a learner should read."""

import pytest
import torch
import torch.nn.functional as F
from check_testing import blank, fails
from torch import nn

from course_lib.checks.ch04_peft import check_count_lora_params, check_lora_forward, check_lora_merge
from course_lib.kernels.lora_linear import lora_linear_reference
from course_lib.methods.lora import count_lora_parameters


# ------------------------------------------------------------------------------ (a) forward
def _forward(x, weight, bias, lora_a, lora_b, alpha, r, scale="right", use_bias=True):
    s = {"right": alpha / r, "none": 1.0, "inverted": r / alpha, "alpha": alpha}[scale]
    out = x @ weight.T + s * (x @ lora_a.T) @ lora_b.T
    return out + bias if (bias is not None and use_bias) else out


def test_forward_check_passes_correct_solutions():
    assert check_lora_forward(_forward)
    # the kernels package's torch reference, written independently of the check
    assert check_lora_forward(lambda x, w, b, a, bb, alpha, r: lora_linear_reference(x, w, b, a, bb, alpha / r))
    assert check_lora_forward(lambda x, w, b, a, bb, alpha, r: F.linear(x, w + alpha / r * bb @ a, b))


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda *a: _forward(*a, scale="none"), "matches with scale 1: the scale is alpha / r"),
        (lambda *a: _forward(*a, scale="inverted"), "matches with scale 0.25: the scale is alpha / r"),
        (lambda *a: _forward(*a, scale="alpha"), "matches with scale 8: the scale is alpha / r"),
        (lambda *a: _forward(*a, use_bias=False), "matches without the bias"),
        (lambda x, w, b, a, bb, alpha, r: x @ w.T + b + alpha / r * (x @ bb) @ a, r"shape|mat1 and mat2"),
        (lambda x, w, b, a, bb, alpha, r: (x @ w.T + b + alpha / r * (x @ a.T) @ bb.T).detach().numpy(),
         "expected a torch.Tensor"),
    ],
    ids=["blank", "no_scale", "r_over_alpha", "alpha_only", "no_bias", "swapped_factors", "numpy"],
)
def test_forward_check_fails_mistakes(wrong, reason):
    fails(check_lora_forward, wrong, reason)


# -------------------------------------------------------------------------------- (b) merge
def test_merge_check_passes_correct_solutions():
    assert check_lora_merge(lambda w, a, b, alpha, r: w + (alpha / r) * b @ a)
    assert check_lora_merge(lambda w, a, b, alpha, r: torch.addmm(w, b, a, alpha=alpha / r))


def _in_place(w, a, b, alpha, r):
    w += (alpha / r) * b @ a
    return w


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda w, a, b, alpha, r: w + (alpha / r) * (b @ a).T, "The size of tensor a"),
        (lambda w, a, b, alpha, r: w + b @ a, "matches with scale 1"),
        (lambda w, a, b, alpha, r: w + (r / alpha) * b @ a, "matches with scale 0.25"),
        (_in_place, "changed the weight it was given"),
        (lambda w, a, b, alpha, r: (alpha / r) * b @ a, "differs from W"),
    ],
    ids=["blank", "transposed", "no_scale", "inverted_scale", "in_place", "delta_only"],
)
def test_merge_check_fails_mistakes(wrong, reason):
    fails(check_lora_merge, wrong, reason)


def test_merge_check_names_the_transpose_on_a_square_weight():
    def transposed_when_square(w, a, b, alpha, r):
        delta = (alpha / r) * b @ a
        return w + (delta.T if delta.shape[0] == delta.shape[1] else delta)

    fails(check_lora_merge, transposed_when_square, r"case 2 of 3.*\n.*\n.*matches \(B A\)ᵀ")


# -------------------------------------------------------------------------------- (c) count
def _matches(name, targets):
    return any(name == t or name.endswith("." + t) for t in targets)


def _count(model, r, targets, rule="suffix", per_layer="lora"):
    total = 0
    for name, module in model.named_modules():
        if not isinstance(module, nn.Linear):
            continue
        hit = _matches(name, targets) if rule == "suffix" else name in targets
        if hit:
            total += {"lora": r * (module.in_features + module.out_features),
                      "full": r * module.in_features * module.out_features,
                      "bias": r * (module.in_features + module.out_features) + module.out_features}[per_layer]
    return total


def test_count_check_passes_correct_solutions():
    assert check_count_lora_params(_count)
    assert check_count_lora_params(count_lora_parameters)  # the library's, written separately


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda m, r, t: _count(m, r, t, per_layer="full"), "is r · in · out"),
        (lambda m, r, t: _count(m, r, t, rule="exact"), r"returned 0; expected 384 — count every nn.Linear"),
        (lambda m, r, t: _count(m, r, t, per_layer="bias"), "LoRA adds no bias"),
        (lambda m, r, t: sum(r * mod.in_features for n, mod in m.named_modules()
                             if isinstance(mod, nn.Linear) and _matches(n, t)), "expected 384"),
        (lambda m, r, t: float(_count(m, r, t)), "returned 384.0; expected 384"),
    ],
    ids=["blank", "full_matrix", "exact_names", "counts_bias", "only_A", "float"],
)
def test_count_check_fails_mistakes(wrong, reason):
    fails(check_count_lora_params, wrong, reason)
