"""Flash-style causal attention Triton kernels against SDPA(is_causal=True): output, dq, dk, dv.

Under the interpreter the kernels use 16 x 16 tiles, so T = 17, 20, 37 end in a partial block and
T = 1 is a single query.
Tolerances and devices: tests/kernel_testing.py.
"""

import functools

import pytest
import torch
from kernel_testing import KERNEL_DEVICE as DEVICE
from kernel_testing import assert_matches_reference, half_dtype_params, strided_copy, transposed_copy

from course_lib.i18n import CourseValueError
from course_lib.kernels.attention import attention_reference, attention_supported, attention_triton

pytestmark = pytest.mark.triton
assert_matches_reference = functools.partial(
    assert_matches_reference,
    expect_launches=(
        "_attention_forward_kernel",
        "_attention_backward_delta_kernel",
        "_attention_backward_dkdv_kernel",
        "_attention_backward_dq_kernel",
    ),
)


def _inputs(batch, heads, seq, head_dim, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(batch, heads, seq, head_dim, generator=g) for _ in range(3)]


@pytest.mark.parametrize(
    "batch,heads,seq,head_dim",
    [(1, 1, 1, 16), (1, 2, 37, 32), (2, 1, 20, 64), (1, 1, 17, 128), (1, 1, 32, 32)],
)
@pytest.mark.parametrize("dtype", half_dtype_params())
def test_attention_matches_reference(batch, heads, seq, head_dim, dtype):
    assert_matches_reference(
        attention_triton,
        attention_reference,
        _inputs(batch, heads, seq, head_dim),
        dtype,
        [True, True, True],
        device=DEVICE,
    )


@pytest.mark.parametrize("layout", [transposed_copy, strided_copy], ids=["gpt_transpose", "strided_last_dim"])
def test_attention_non_contiguous_inputs(layout):
    assert_matches_reference(
        attention_triton,
        attention_reference,
        _inputs(2, 2, 19, 32),
        torch.float32,
        [True, True, True],
        layout=layout,
        device=DEVICE,
    )


@pytest.mark.parametrize("block_m,block_n", [(32, 16), (16, 32)])
def test_attention_with_unequal_tiles(block_m, block_n, monkeypatch):
    """GPUs use BLOCK_M != BLOCK_N (e.g. 128 x 64); the diagonal bookkeeping must not assume equal tiles."""
    from course_lib.kernels import attention as attention_module

    monkeypatch.setattr(attention_module, "_blocks", lambda q, backward: (block_m, block_n, 4))
    assert_matches_reference(
        attention_triton,
        attention_reference,
        _inputs(1, 2, 37, 16),
        torch.float32,
        [True, True, True],
        device=DEVICE,
    )


def test_attention_is_causal():
    """Changing a later key/value must not change earlier outputs."""
    q, k, v = (t.to(DEVICE) for t in _inputs(1, 1, 20, 16))
    before = attention_triton(q, k, v)
    k2, v2 = k.clone(), v.clone()
    k2[..., 10:, :] += 5.0
    v2[..., 10:, :] -= 3.0
    after = attention_triton(q, k2, v2)
    torch.testing.assert_close(after[..., :10, :], before[..., :10, :])
    assert not torch.allclose(after[..., 10:, :], before[..., 10:, :])


def test_attention_refuses_what_it_cannot_do():
    q, k, v = _inputs(1, 1, 8, 16)
    assert attention_supported(q, k, v)
    assert not attention_supported(q, k, v, dropout_p=0.1)  # no dropout in the kernel: SDPA does it
    q48 = torch.randn(1, 1, 8, 48)
    assert not attention_supported(q48, q48, q48)  # head dims are 16, 32, 64, 128
    assert not attention_supported(q, k[..., :4, :], v)
    with pytest.raises(CourseValueError, match="dropout_p=0.1") as caught:
        attention_triton(q, k, v, dropout_p=0.1)
    assert "PyTorch" in caught.value.en and "PyTorch" in caught.value.tr
    with pytest.raises(CourseValueError, match=r"\(1, 1, 8, 48\) float32"):
        attention_triton(q48, q48, q48)


@pytest.mark.gpu
@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32])
@pytest.mark.parametrize("head_dim", [32, 64, 128])
@pytest.mark.parametrize("seq", [1, 255, 1024])
def test_attention_gpu(seq, head_dim, dtype):
    inputs = [t.cuda() for t in _inputs(2, 4, seq, head_dim)]
    # fp32 dots run in TF32 (10 mantissa bits) on Ampere and later: fp16-like accuracy.
    tf32 = {"atol": 3e-2, "rtol": 3e-2} if dtype == torch.float32 else {}
    assert_matches_reference(
        attention_triton, attention_reference, inputs, dtype, [True, True, True], **tf32, device=DEVICE
    )
