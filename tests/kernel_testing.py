"""Helpers to test a kernel against its reference: forward value and every gradient, and proof
that the Triton kernels really launched.

The candidate runs in the dtype it is given; the reference runs on fp32 copies of the same values,
so a fp16 kernel is judged against the exact answer, not against another rounding of it.
Tolerances: fp32 atol 1e-5 / rtol 1e-4; fp16 atol/rtol 1e-2; bf16 (GPU only) atol 5e-2 / rtol 2e-2.
Where the kernels run (tests/conftest.py): on a CUDA GPU, compiled; elsewhere on the CPU under
TRITON_INTERPRET=1. The test_kernels_* suites are skipped only where Triton is not installed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import pytest
import torch

from course_lib.kernels.runtime import interpreter_on, triton

_FLOAT32_TOLERANCE = {"atol": 1e-5, "rtol": 1e-4}
_FLOAT16_TOLERANCE = {"atol": 1e-2, "rtol": 1e-2}
_BFLOAT16_TOLERANCE = {"atol": 5e-2, "rtol": 2e-2}  # 8 mantissa bits: ~4e-3 per rounding, sums add up

# Where kernel tests run: a CUDA GPU (compiled), else the CPU interpreter; None without Triton.
KERNEL_DEVICE = (
    None if triton is None else torch.device("cuda" if torch.cuda.is_available() and not interpreter_on() else "cpu")
)


def tolerance(dtype: torch.dtype) -> dict[str, float]:
    """Tolerances the kernels tests use: fp32 near machine precision; fp16 1e-2; bf16 5e-2 / 2e-2."""
    if dtype == torch.float32:
        return _FLOAT32_TOLERANCE
    return _BFLOAT16_TOLERANCE if dtype == torch.bfloat16 else _FLOAT16_TOLERANCE


def half_dtype_params():
    """fp32, fp16 and bf16 as pytest params; bf16 skipped under the interpreter, which computes bf16
    dots wrongly."""
    skip_bf16 = pytest.mark.skipif(
        interpreter_on(), reason="the Triton interpreter computes bf16 wrongly; bf16 runs in the GPU tests"
    )
    return [torch.float32, torch.float16, pytest.param(torch.bfloat16, marks=skip_bf16)]


def transposed_copy(t: torch.Tensor) -> torch.Tensor:
    """The same values of a (B, H, T, D) tensor laid out as (B, T, H, D) memory, as a GPT produces."""
    return t.transpose(1, 2).contiguous().transpose(1, 2)


def strided_copy(t: torch.Tensor) -> torch.Tensor:
    """The same values in a NON-contiguous layout (every other element of a wider buffer)."""
    wide = torch.zeros(*t.shape[:-1], 2 * t.shape[-1], dtype=t.dtype, device=t.device)
    view = wide[..., ::2]
    view.copy_(t)
    return view


def forward_backward(
    fn: Callable,
    inputs: Sequence,
    dtype: torch.dtype,
    grad_output: torch.Tensor,
    trainable: Sequence[bool],
    layout: Callable | None = None,
):
    """Run ``fn`` on copies of ``inputs`` in ``dtype``; return (output, grads of the trainable inputs)."""
    leaves, used = [], []
    for t, flag in zip(inputs, trainable):
        if isinstance(t, torch.Tensor) and t.is_floating_point():
            leaf = t.detach().clone().to(dtype).requires_grad_(flag)
            leaves.append(leaf)
            used.append(layout(leaf) if layout is not None else leaf)  # gradients flow back through it
        else:
            leaves.append(t)
            used.append(t)
    output = fn(*used)
    output.backward(grad_output.to(output.dtype))
    grads = [leaf.grad if flag else None for leaf, flag in zip(leaves, trainable)]
    return output.detach(), grads


def assert_matches_reference(
    candidate: Callable,
    reference: Callable,
    inputs: Sequence,
    dtype: torch.dtype,
    trainable: Sequence[bool],
    *,
    layout: Callable | None = None,
    device: torch.device | None = None,
    seed: int = 0,
    expect_launches: Sequence[str] | None = None,
    atol: float | None = None,
    rtol: float | None = None,
) -> None:
    """Assert ``candidate`` equals ``reference`` in value and in the gradient of every trainable input.

    ``inputs`` are fp32 (or integer) tensors, moved to ``device`` if given; ``layout`` (e.g. :func:`strided_copy`) is applied to
    the candidate's floating inputs to test non-contiguous memory. The upstream gradient is random.
    ``expect_launches`` names the ``@triton.jit`` kernels that must have launched during the call
    (default: at least one; ``()`` for an op without Triton kernels).
    """
    tol = tolerance(dtype)
    atol = tol["atol"] if atol is None else atol
    rtol = tol["rtol"] if rtol is None else rtol
    # The reference sees the candidate's rounded inputs, so only the kernel's own error is measured.
    if device is not None:
        inputs = [t.to(device) if isinstance(t, torch.Tensor) else t for t in inputs]
    rounded = [
        t.to(dtype).float() if isinstance(t, torch.Tensor) and t.is_floating_point() else t for t in inputs
    ]
    grad_output = _random_like(reference, rounded, seed)
    expected, expected_grads = forward_backward(reference, rounded, torch.float32, grad_output, trainable)
    with counting_launches() as launches:
        got, got_grads = forward_backward(candidate, rounded, dtype, grad_output, trainable, layout)
    # A candidate that ran PyTorch instead of its kernels would make this comparison hollow.
    if expect_launches is None:
        assert sum(launches.values()) > 0, "no Triton kernel launched: the candidate ran something else"
    else:
        missing = [name for name in expect_launches if launches[name] == 0]
        assert not missing, f"these Triton kernels never launched: {missing} (launched: {dict(launches)})"
    assert got.dtype == dtype or got.dim() == 0, f"output dtype {got.dtype}, expected {dtype}"
    torch.testing.assert_close(got.float(), expected, atol=atol, rtol=rtol, msg=lambda m: f"forward: {m}")
    for index, (g, e, flag) in enumerate(zip(got_grads, expected_grads, trainable)):
        if not flag:
            continue
        assert g is not None, f"input {index} got no gradient"
        torch.testing.assert_close(
            g.float(), e, atol=atol, rtol=rtol, msg=lambda m, i=index: f"grad of input {i}: {m}"
        )


def _random_like(reference, inputs, seed):
    with torch.no_grad():
        probe = reference(
            *[
                t.detach().float() if isinstance(t, torch.Tensor) and t.is_floating_point() else t
                for t in inputs
            ]
        )
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(probe.shape, generator=generator).to(probe.device)


@contextmanager
def counting_launches() -> Iterator[Counter]:
    """Count launches of every ``@triton.jit`` kernel, by function name, while inside.

    ``kernel[grid](...)`` goes through ``KernelInterface.__getitem__`` both compiled and under the
    interpreter; a launch is counted when it returned without an error.
    """
    launches: Counter = Counter()
    if triton is None:  # nothing can launch: an empty count
        yield launches
        return
    from triton.runtime.jit import KernelInterface

    original = KernelInterface.__getitem__

    def counting(self, grid):
        launch = original(self, grid)

        def counted(*args, **kwargs):
            result = launch(*args, **kwargs)
            launches[self.fn.__name__] += 1
            return result

        return counted

    KernelInterface.__getitem__ = counting
    try:
        yield launches
    finally:
        KernelInterface.__getitem__ = original
