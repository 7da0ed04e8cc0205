"""LayerNorm Triton kernels against F.layer_norm: forward, dx, dweight, dbias (tolerances and
devices: tests/kernel_testing.py)."""

import pytest
import torch
from kernel_testing import KERNEL_DEVICE as DEVICE
from kernel_testing import assert_matches_reference, half_dtype_params, strided_copy

from course_lib.kernels.layer_norm import layer_norm_reference, layer_norm_supported, layer_norm_triton

pytestmark = pytest.mark.triton
KERNELS = ("_layer_norm_forward_kernel", "_layer_norm_backward_kernel")


def _inputs(shape, affine=(True, True), seed=0):
    g = torch.Generator().manual_seed(seed)
    width = shape[-1]
    x = torch.randn(*shape, generator=g) * 3 + 1  # an offset mean tests the centring
    weight = torch.randn(width, generator=g) if affine[0] else None
    bias = torch.randn(width, generator=g) if affine[1] else None
    return [x, weight, bias, 1e-5]


def _check(shape, dtype, affine=(True, True), layout=None):
    inputs = _inputs(shape, affine)
    trainable = [True, affine[0], affine[1], False]
    assert_matches_reference(
        layer_norm_triton, layer_norm_reference, inputs, dtype, trainable, layout=layout, device=DEVICE,
        expect_launches=KERNELS,
    )


@pytest.mark.parametrize("shape", [(1, 8), (7, 33), (37, 100), (130, 24), (2, 5, 48)])
@pytest.mark.parametrize("dtype", half_dtype_params())
def test_layer_norm_matches_reference(shape, dtype):
    _check(shape, dtype)


@pytest.mark.parametrize("affine", [(True, False), (False, True), (False, False)])
def test_layer_norm_without_bias_or_weight(affine):
    _check((7, 33), torch.float32, affine)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float16])
def test_layer_norm_non_contiguous_input(dtype):
    _check((6, 40), dtype, layout=strided_copy)


def test_layer_norm_refuses_what_it_cannot_do():
    x = torch.randn(4, 8)
    assert layer_norm_supported(x, torch.ones(8), None)
    assert not layer_norm_supported(x, torch.ones(9), None)  # wrong weight shape: the reference raises
    assert not layer_norm_supported(torch.randn(0, 8), None, None)  # nothing to launch
    assert not layer_norm_supported(torch.randn(2, 70000), None, None)  # a row must fit in registers


@pytest.mark.gpu
@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16])
@pytest.mark.parametrize("shape", [(4096, 768), (1000, 1000), (33, 4097)])
def test_layer_norm_gpu(shape, dtype):
    inputs = [t.cuda() if isinstance(t, torch.Tensor) else t for t in _inputs(shape)]
    assert_matches_reference(
        layer_norm_triton, layer_norm_reference, inputs, dtype, [True, True, True, False], device=DEVICE,
        expect_launches=KERNELS,
    )
