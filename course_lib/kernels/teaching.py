"""Small helpers for the GPU-kernels appendix (A1): where a learner's Triton kernel can run,
an unfused softmax to compare with, and GPU timing.

The notebook's own kernels and their launcher are written in the notebook, where the learner
reads them; this module holds only what the notebook and its check share.
"""

from __future__ import annotations

import inspect
import types

import torch

from ..i18n import message
from . import messages  # noqa: F401  (registers the messages)
from .runtime import interpreter_on, triton


def triton_available() -> bool:
    """True when the ``triton`` package can be imported here."""
    return triton is not None


def triton_stand_ins():
    """(triton, tl) stand-ins for a machine without Triton: ``@triton.jit`` leaves the function
    as it is and ``tl.constexpr`` can annotate its parameters, so the notebook's kernel cells can
    still be defined (they are never launched there)."""
    return types.SimpleNamespace(jit=lambda fn: fn), types.SimpleNamespace(constexpr=int)


def kernel_device() -> torch.device:
    """Where the notebook's kernels run: the GPU when there is one, else the CPU interpreter."""
    return torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")


def why_kernels_cannot_run() -> str | None:
    """None when a Triton kernel can be launched here, else the reason, in the learner's language."""
    if not triton_available():
        return message("kernels_teaching_no_triton")
    if not torch.cuda.is_available() and not interpreter_on():
        return message("kernels_teaching_no_interpreter")
    return None


def is_blank(kernel) -> bool:
    """True when the kernel's source still holds the exercise's ``raise NotImplementedError``.

    A compiled Triton kernel cannot raise (the compiler refuses a ``raise`` statement), so the
    blank exercise is recognised from its source before any launch.
    """
    function = getattr(kernel, "fn", kernel)  # the Python function behind @triton.jit
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return "raise NotImplementedError" in source


def raised_not_implemented(error: BaseException) -> bool:
    """True when ``error`` is, or was caused by, NotImplementedError (the interpreter wraps it)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, NotImplementedError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def naive_softmax(x: torch.Tensor) -> torch.Tensor:
    """Softmax over the last dim in five separate eager ops: each one reads and writes memory.

    ``torch.softmax`` is itself a single fused kernel; this is what it would cost without fusion.
    """
    row_max = x.amax(dim=-1, keepdim=True)  # read x, write one number per row
    shifted = x - row_max  # read x and the maxima, write a full tensor
    numerator = torch.exp(shifted)  # read it, write another
    denominator = numerator.sum(dim=-1, keepdim=True)  # read it, write one number per row
    return numerator / denominator  # read both, write the result


def time_on_gpu(fn, *args, warmup: int = 25, repeats: int = 100) -> float:
    """Median milliseconds of ``fn(*args)`` on the current CUDA device.

    Uses ``triton.testing.do_bench`` when Triton is installed (it flushes the L2 cache between
    runs, so that a small tensor is not served from cache), else CUDA events.
    """
    if triton is not None:
        from triton.testing import do_bench

        return float(do_bench(lambda: fn(*args), warmup=warmup, rep=repeats, return_mode="median"))
    for _ in range(3):
        fn(*args)
    times = []
    for _ in range(max(repeats // 10, 5)):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn(*args)
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    return float(torch.tensor(times).median())


def gigabytes_per_second(bytes_moved: int, milliseconds: float) -> float:
    """Bandwidth in GB/s (10**9 bytes per second), the unit of the datasheets."""
    return bytes_moved / (milliseconds * 1e-3) / 1e9
