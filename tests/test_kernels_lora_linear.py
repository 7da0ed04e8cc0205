"""LoRA linear autograd Function against F.linear compositions, and against peft's LoRA layer.

Tolerances: fp32 atol 1e-5 / rtol 1e-4; fp16 atol/rtol 1e-2, against an fp32 reference fed the
same rounded inputs. This op has no Triton kernel (see lora_linear.py); it runs anywhere.
"""

import functools

import peft
import pytest
import torch
from kernel_testing import assert_matches_reference, strided_copy

from course_lib.kernels.lora_linear import lora_linear_reference, lora_linear_supported, lora_linear_triton

assert_matches_reference = functools.partial(assert_matches_reference, expect_launches=())  # no Triton here


def _inputs(x_shape=(2, 5, 12), out_features=10, rank=4, with_bias=True, seed=0):
    g = torch.Generator().manual_seed(seed)
    in_features = x_shape[-1]
    x = torch.randn(*x_shape, generator=g)
    weight = torch.randn(out_features, in_features, generator=g) / in_features**0.5
    bias = torch.randn(out_features, generator=g) if with_bias else None
    lora_a = torch.randn(rank, in_features, generator=g) / in_features**0.5
    lora_b = torch.randn(out_features, rank, generator=g)  # non-zero (peft starts at 0) to test every grad
    return [x, weight, bias, lora_a, lora_b, 2.0]


@pytest.mark.parametrize("x_shape", [(1, 12), (2, 5, 12), (37, 12)])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float16])  # bf16: see the autocast test below
def test_lora_linear_matches_reference_with_frozen_weight(x_shape, dtype):
    assert_matches_reference(
        lora_linear_triton,
        lora_linear_reference,
        _inputs(x_shape),
        dtype,
        [True, False, False, True, True, False],
    )


def test_lora_linear_trainable_base_and_no_bias():
    assert_matches_reference(
        lora_linear_triton,
        lora_linear_reference,
        _inputs(with_bias=False),
        torch.float32,
        [True, True, False, True, True, False],
    )
    assert_matches_reference(
        lora_linear_triton,
        lora_linear_reference,
        _inputs(),
        torch.float32,
        [True, True, True, True, True, False],
    )


def test_lora_linear_non_contiguous_input():
    assert_matches_reference(
        lora_linear_triton,
        lora_linear_reference,
        _inputs(),
        torch.float32,
        [True, False, False, True, True, False],
        layout=strided_copy,
    )


def test_lora_linear_under_autocast_matches_reference_under_autocast():
    x, weight, bias, lora_a, lora_b, scale = _inputs()
    results = []
    for fn in (lora_linear_triton, lora_linear_reference):
        a, b = lora_a.clone().requires_grad_(), lora_b.clone().requires_grad_()
        with torch.autocast("cpu", dtype=torch.bfloat16):
            out = fn(x, weight, bias, a, b, scale)
        out.float().sum().backward()
        results.append((out, a.grad, b.grad))
    (out, ga, gb), (ref, ra, rb) = results
    assert out.dtype == ref.dtype == torch.bfloat16 and ga.dtype == torch.float32
    for got, expected in ((out, ref), (ga, ra), (gb, rb)):
        torch.testing.assert_close(got.float(), expected.float(), atol=5e-2, rtol=2e-2)


def test_lora_linear_matches_peft():
    torch.manual_seed(0)
    base = torch.nn.Sequential(torch.nn.Linear(12, 10))
    config = peft.LoraConfig(r=4, lora_alpha=8, target_modules=["0"], lora_dropout=0.0)
    model = peft.get_peft_model(base, config)
    layer = model.base_model.model[0]
    torch.nn.init.normal_(layer.lora_B["default"].weight)  # peft starts B at zero
    x = torch.randn(3, 12)
    expected = model(x)
    got = lora_linear_triton(
        x,
        layer.base_layer.weight,
        layer.base_layer.bias,
        layer.lora_A["default"].weight,
        layer.lora_B["default"].weight,
        layer.scaling["default"],
    )
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-4)


def test_lora_linear_refuses_mismatched_shapes():
    x, weight, bias, lora_a, lora_b, scale = _inputs()
    assert lora_linear_supported(x, weight, bias, lora_a, lora_b, scale)
    assert not lora_linear_supported(x, weight, bias, lora_a, lora_b.t(), scale)
    assert not lora_linear_supported(x[..., :5], weight, bias, lora_a, lora_b, scale)
