"""Checks for appendix A1: a fused row-softmax kernel written in Triton.

The learner's kernel has the signature ``softmax_kernel(X, Y, stride_x, stride_y, n_cols,
BLOCK: tl.constexpr)`` and is launched with one program per row. The check launches it itself,
on the GPU or under the CPU interpreter, with rows laid out in a padded buffer: each row is
followed by columns that are not part of the input (filled with a finite number) and the output
buffer's padding holds a sentinel. So a kernel that forgets its mask reads the padding and gives
wrong sums instead of reading unowned memory, and one that stores without a mask is caught
changing the sentinel. Widths 1, 7, 37 and 130 are not powers of two (except 1), inputs near
1000 overflow ``exp`` unless the row maximum is subtracted first, and the row stride is not the
width, so ``row * n_cols`` instead of ``row * stride_x`` is caught too. The output buffer's rows are
wider than the input's, so a kernel that uses one stride for both (``Y + row * stride_x``) fails.
"""

from __future__ import annotations

import torch

from ..i18n import message
from ..kernels.runtime import next_power_of_2
from ..kernels.teaching import (
    is_blank,
    kernel_device,
    raised_not_implemented,
    triton_available,
    why_kernels_cannot_run,
)
from .core import Case, run_check, skip_check

_PADDING_INPUT = 3.0  # what an unmasked load reads past the row: finite, and large enough to matter
_SENTINEL = -123.0  # what the output padding holds before the launch, and must hold after it


def launch_in_padded_rows(kernel, x: torch.Tensor) -> tuple[torch.Tensor, bool]:
    """Run ``kernel`` on ``x`` (rows, cols) in padded buffers; return (softmax rows, padding kept).

    The buffers have spare rows and columns, so that a wrong kernel's stray loads and stores
    stay inside memory this function owns (the interpreter does not catch them).
    """
    if is_blank(kernel):
        raise NotImplementedError
    rows, cols = x.shape
    block = next_power_of_2(cols)
    stride_x = block + 3  # wider than a block and not a power of two
    stride_y = block + 8  # differs from stride_x: each buffer must be walked with its own stride
    spare_rows = max(rows, block) + 1  # room for a kernel that walks the wrong axis
    device = kernel_device()
    x_buffer = torch.full((spare_rows, stride_x), _PADDING_INPUT, dtype=torch.float32, device=device)
    x_buffer[:rows, :cols] = x.to(device)
    y_buffer = torch.full((spare_rows, stride_y), _SENTINEL, dtype=torch.float32, device=device)
    x_view, y_view = x_buffer[:rows, :cols], y_buffer[:rows, :cols]
    try:
        kernel[(rows,)](x_view, y_view, x_view.stride(0), y_view.stride(0), cols, BLOCK=block)
    except Exception as error:
        if raised_not_implemented(error):
            raise NotImplementedError from error
        raise
    padding = y_buffer.clone()
    padding[:rows, :cols] = _SENTINEL
    return y_view.cpu(), bool((padding == _SENTINEL).all())


def _judge_softmax(x: torch.Tensor):
    expected = torch.softmax(x.double(), dim=-1).float()

    def judge(result) -> str | None:
        got, padding_kept = result
        if not padding_kept:
            return message("check_kernel_wrote_outside", cols=x.shape[1])
        if not torch.isfinite(got).all():
            return message("check_softmax_not_finite")
        if torch.allclose(got, expected, atol=1e-5, rtol=1e-4):
            return None
        sums = got.double().sum(-1)
        if not torch.allclose(sums, torch.ones_like(sums), atol=1e-4):
            return message("check_softmax_rows_not_one", sums=[round(s, 4) for s in sums.tolist()][:6])
        return message("check_expected_got", expected=_rows(expected), got=_rows(got))

    return judge


def _rows(t: torch.Tensor) -> str:
    return str([[round(v, 4) for v in row[:6]] for row in t[:2].tolist()])


def _case(en: str, tr: str, x: torch.Tensor, kernel) -> Case:
    return Case({"en": en, "tr": tr}, args=(kernel, x), judge=_judge_softmax(x))


# The checks that can only judge where Triton is installed: elsewhere (macOS, Windows) they
# report "skip" rather than fail, and the exercise tests expect exactly that there.
NEEDS_TRITON = ("check_softmax_kernel",)


def check_softmax_kernel(kernel) -> bool:
    """The learner's Triton row-softmax kernel must match ``torch.softmax`` (see module docstring)."""
    name = "check_softmax_kernel"
    if not triton_available():
        return skip_check(name, why_kernels_cannot_run(), graded=kernel)
    reason = why_kernels_cannot_run()
    if reason is not None:  # fixable here (e.g. TRITON_INTERPRET unset): the message says how
        cannot = Case(
            {"en": "can a Triton kernel run here?", "tr": "burada bir Triton çekirdeği çalışabiliyor mu?"},
            judge=lambda _: message("check_cannot_run", reason=reason),
        )
        return run_check(name, lambda: None, [cannot], graded=kernel)
    g = torch.Generator().manual_seed(0)

    def randn(rows: int, cols: int) -> torch.Tensor:
        return torch.randn(rows, cols, generator=g)

    cases = [
        _case(
            "7 columns (the block has 8: one padding column)",
            "7 sütun (blok 8'lik: bir dolgu sütunu)",
            randn(5, 7),
            kernel,
        ),
        _case(
            "37 columns, values spread out (×3)", "37 sütun, yayılmış değerler (×3)", 3 * randn(4, 37), kernel
        ),
        _case("1 column: every row is [1.0]", "1 sütun: her satır [1.0] olur", randn(3, 1), kernel),
        _case("130 columns (the block has 256)", "130 sütun (blok 256'lık)", randn(3, 130), kernel),
        _case(
            "all values negative (around -20), 7 columns",
            "bütün değerler negatif (-20 civarı), 7 sütun",
            randn(4, 7) - 20,
            kernel,
        ),
        _case(
            "large values (around 1000): exp(1000) overflows in fp32",
            "büyük değerler (1000 civarı): fp32'de exp(1000) taşar",
            1000 + 5 * randn(3, 37),
            kernel,
        ),
    ]
    return run_check(name, launch_in_padded_rows, cases, graded=kernel)
