"""The A1 softmax-kernel check passes a right kernel and fails each plausible wrong one.

The kernels run under the CPU interpreter (tests/conftest.py sets TRITON_INTERPRET=1 before
this module defines them); each launch is a handful of programs, so the file stays fast.
"""

import pytest
import torch

triton = pytest.importorskip("triton")
import triton.language as tl  # noqa: E402

from course_lib.checks import CheckFailed, check_softmax_kernel  # noqa: E402
from course_lib.checks.a1_gpu_kernels import launch_in_padded_rows  # noqa: E402
from course_lib.checks.core import verdict_history  # noqa: E402
from course_lib.kernels import teaching  # noqa: E402


@triton.jit
def right_softmax(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_x + cols, mask=mask, other=-float("inf"))
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * stride_y + cols, e / tl.sum(e, axis=0), mask=mask)


@triton.jit
def blank(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    raise NotImplementedError


@triton.jit
def no_max_subtraction(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    e = tl.exp(tl.load(X + row * stride_x + cols, mask=mask, other=-float("inf")))
    tl.store(Y + row * stride_y + cols, e / tl.sum(e, axis=0), mask=mask)


@triton.jit
def no_mask(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    x = tl.load(X + row * stride_x + cols)
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * stride_y + cols, e / tl.sum(e, axis=0))


@triton.jit
def padding_as_zero(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_x + cols, mask=mask, other=0.0)  # exp(0 - max) joins the sum
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * stride_y + cols, e / tl.sum(e, axis=0), mask=mask)


@triton.jit
def unmasked_store(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_x + cols, mask=mask, other=-float("inf"))
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * stride_y + cols, e / tl.sum(e, axis=0))  # writes 0s into the padding


@triton.jit
def wrong_axis(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    # Program `row` normalises column `row` over the first n_cols rows: a column softmax.
    col = tl.program_id(0)
    rows = tl.arange(0, BLOCK)
    mask = rows < n_cols
    x = tl.load(X + rows * stride_x + col, mask=mask, other=-float("inf"))
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + rows * stride_y + col, e / tl.sum(e, axis=0), mask=mask)


@triton.jit
def ignores_stride(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * n_cols + cols, mask=mask, other=-float("inf"))  # assumes packed rows
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * n_cols + cols, e / tl.sum(e, axis=0), mask=mask)


@triton.jit
def forgets_to_divide(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_x + cols, mask=mask, other=-float("inf"))
    tl.store(Y + row * stride_y + cols, tl.exp(x - tl.max(x, axis=0)), mask=mask)


@triton.jit
def stores_with_input_stride(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_x + cols, mask=mask, other=-float("inf"))
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * stride_x + cols, e / tl.sum(e, axis=0), mask=mask)  # Y's rows have their own stride


@triton.jit
def loads_with_output_stride(X, Y, stride_x, stride_y, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(X + row * stride_y + cols, mask=mask, other=-float("inf"))  # X's rows have their own stride
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(Y + row * stride_y + cols, e / tl.sum(e, axis=0), mask=mask)


def test_the_check_passes_a_right_kernel():
    assert check_softmax_kernel(right_softmax)
    last = verdict_history()[-1]
    assert (last["check"], last["verdict"], last["passed"]) == ("check_softmax_kernel", "pass", True)
    assert last["module"] == __name__  # the learner's kernel, seen through @triton.jit, not the launcher


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        no_max_subtraction,
        no_mask,
        padding_as_zero,
        unmasked_store,
        wrong_axis,
        ignores_stride,
        forgets_to_divide,
        stores_with_input_stride,
        loads_with_output_stride,
    ],
    ids=lambda k: k.fn.__name__,
)
def test_the_check_fails_wrong_kernels(wrong):
    with pytest.raises(CheckFailed):
        check_softmax_kernel(wrong)


def test_the_blank_kernel_is_reported_as_not_written(capsys):
    with pytest.raises(CheckFailed):
        check_softmax_kernel(blank)
    assert "Not implemented yet" in capsys.readouterr().out


def test_a_missing_max_is_explained_as_overflow(capsys):
    with pytest.raises(CheckFailed):
        check_softmax_kernel(no_max_subtraction)
    assert "exp overflowed" in capsys.readouterr().out


def test_an_unmasked_store_is_caught_writing_into_the_padding():
    x = torch.randn(3, 7)
    _, padding_kept = launch_in_padded_rows(unmasked_store, x)
    assert not padding_kept
    got, padding_kept = launch_in_padded_rows(right_softmax, x)
    assert padding_kept and torch.allclose(got, torch.softmax(x, -1), atol=1e-6)


def test_without_a_device_the_check_says_why(monkeypatch, capsys):
    monkeypatch.setattr("course_lib.checks.a1_gpu_kernels.why_kernels_cannot_run", lambda: "no Triton")
    with pytest.raises(CheckFailed):
        check_softmax_kernel(right_softmax)
    assert "cannot run here: no Triton" in capsys.readouterr().out


def test_the_reason_names_the_interpreter_when_it_is_off(monkeypatch):
    monkeypatch.setenv("TRITON_INTERPRET", "0")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert "TRITON_INTERPRET" in teaching.why_kernels_cannot_run()
    monkeypatch.setattr(teaching, "triton", None)
    assert "Triton" in teaching.why_kernels_cannot_run()


def test_one_stride_for_both_buffers_is_caught_writing_in_the_wrong_place(capsys):
    with pytest.raises(CheckFailed):
        check_softmax_kernel(stores_with_input_stride)
    assert "wrote outside" in capsys.readouterr().out
