"""Fused bias + GELU (tanh) Triton kernels against F.gelu(x + b, approximate="tanh") (tolerances
and devices: tests/kernel_testing.py)."""

import functools

import pytest
import torch
from kernel_testing import KERNEL_DEVICE as DEVICE
from kernel_testing import assert_matches_reference, half_dtype_params, strided_copy

from course_lib.kernels.bias_gelu import bias_gelu_reference, bias_gelu_supported, bias_gelu_triton

pytestmark = pytest.mark.triton
assert_matches_reference = functools.partial(
    assert_matches_reference, expect_launches=("_bias_gelu_forward_kernel", "_bias_gelu_backward_kernel")
)


def _inputs(shape, with_bias=True, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=g) * 4  # wide range: both tails of GELU
    bias = torch.randn(shape[-1], generator=g) if with_bias else None
    return [x, bias]


@pytest.mark.parametrize("shape", [(1, 8), (7, 33), (3, 5, 100), (130, 24), (1, 1500)])
@pytest.mark.parametrize("dtype", half_dtype_params())
def test_bias_gelu_matches_reference(shape, dtype):
    assert_matches_reference(
        bias_gelu_triton, bias_gelu_reference, _inputs(shape), dtype, [True, True], device=DEVICE
    )


def test_bias_gelu_without_bias():
    assert_matches_reference(
        bias_gelu_triton,
        bias_gelu_reference,
        _inputs((7, 33), False),
        torch.float32,
        [True, False],
        device=DEVICE,
    )


@pytest.mark.parametrize("dtype", [torch.float32, torch.float16])
def test_bias_gelu_non_contiguous_input(dtype):
    assert_matches_reference(
        bias_gelu_triton,
        bias_gelu_reference,
        _inputs((6, 40)),
        dtype,
        [True, True],
        layout=strided_copy,
        device=DEVICE,
    )


def test_bias_gelu_output_dtype_follows_type_promotion():
    x = torch.randn(3, 8, dtype=torch.float16, device=DEVICE)
    bias = torch.randn(8, device=DEVICE)  # fp32, as a parameter next to an fp16 activation under autocast
    out = bias_gelu_triton(x, bias)
    assert out.dtype == bias_gelu_reference(x, bias).dtype == torch.float32
    torch.testing.assert_close(out, bias_gelu_reference(x.float(), bias), atol=1e-5, rtol=1e-4)


def test_bias_gelu_refuses_a_wrong_bias_shape():
    assert not bias_gelu_supported(torch.randn(3, 8), torch.randn(7))


@pytest.mark.gpu
@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16])
def test_bias_gelu_gpu(dtype):
    inputs = [t.cuda() for t in _inputs((4096, 3072))]
    assert_matches_reference(
        bias_gelu_triton, bias_gelu_reference, inputs, dtype, [True, True], device=DEVICE
    )
