"""What every kernel file shares: Triton (optional), block-size helpers, and where kernels can run.

Triton is optional: the kernel files import ``triton`` and ``tl`` from here, so that
``import course_lib.kernels`` works on a machine with no Triton at all: ``jit`` then leaves the
kernel as a plain (never called) Python function, and :func:`why_not_here` says why.

Where a kernel can run:
  * CUDA: compute capability >= 8.0, which Triton officially supports, and 7.5 (a T4) for
    fp16/fp32 only, with small blocks; bf16 needs >= 8.0;
  * CPU: only under Triton's interpreter (``TRITON_INTERPRET=1``, set before any kernel is
    defined), in fp32/fp16: it computes bf16 matrix products wrongly;
  * nowhere else (e.g. Apple's MPS).
"""

import functools
import os
import types

import torch

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the messages)

try:
    import triton
    import triton.language as tl
except ImportError:  # Triton is optional; the references always work.
    triton = None
    tl = types.SimpleNamespace(constexpr=int)  # lets the kernels' signatures be defined


def jit(fn):
    """``triton.jit`` when Triton is installed, else the function unchanged (never launched)."""
    return triton.jit(fn) if triton is not None else fn


_FAST_DTYPES = (torch.float32, torch.float16)


def interpreter_on() -> bool:
    """True when ``TRITON_INTERPRET`` asks Triton to run kernels on the CPU."""
    return os.environ.get("TRITON_INTERPRET", "0").strip().lower() not in ("", "0", "false")


def next_power_of_2(n: int) -> int:
    return 1 << max(0, int(n) - 1).bit_length()


def cdiv(a: int, b: int) -> int:
    """ceil(a / b) for positive integers: how many blocks of size b cover a."""
    return -(-a // b)


def capability(device: torch.device) -> tuple[int, int]:
    """The CUDA compute capability of ``device`` ((0, 0) for the CPU interpreter)."""
    if device.type != "cuda":
        return (0, 0)
    return _cuda_capability(device.index if device.index is not None else torch.cuda.current_device())


@functools.cache
def _cuda_capability(index: int) -> tuple[int, int]:
    return torch.cuda.get_device_capability(index)  # asked on every call: cache it


@functools.cache
def multiprocessor_count(index: int) -> int:
    """Streaming multiprocessors of CUDA device ``index`` (how many programs run at once)."""
    return torch.cuda.get_device_properties(index).multi_processor_count


def small_blocks(device: torch.device) -> bool:
    """Use small tiles before Ampere (a T4 gives a block at most 65,536 bytes of shared memory,
    Triton's "Hardware limit: 65536") and under the interpreter, which pays per tile element."""
    return device.type != "cuda" or capability(device) < (8, 0)


def why_not_here(device: torch.device, dtype: torch.dtype = torch.float32) -> str | None:
    """None when the Triton kernels can run on ``device`` in ``dtype``, else the reason (a message key)."""
    if triton is None:
        return "kernels_reason_no_triton"
    if device.type == "cpu":
        if not interpreter_on():
            return "kernels_reason_no_interpreter"
        return None if dtype in _FAST_DTYPES else "kernels_reason_interpreter_dtype"
    if device.type != "cuda":
        return "kernels_reason_device"
    cc = capability(device)
    if cc < (7, 5):
        return "kernels_reason_capability"
    if dtype == torch.bfloat16 and cc < (8, 0):
        return "kernels_reason_bf16"
    return None


def refuse(op: str, *args) -> None:
    """Raise a clear error for arguments the kernel of ``op`` was called with but does not handle."""
    parts = [
        f"{tuple(a.shape)} {str(a.dtype).replace('torch.', '')}"
        if isinstance(a, torch.Tensor)
        else (a if isinstance(a, str) else repr(a))
        for a in args
    ]
    raise CourseValueError("kernels_unsupported", op=op, details=", ".join(parts))


def contiguous_rows(x: torch.Tensor) -> torch.Tensor:
    """``x`` as a contiguous (rows, last dim) matrix; copies only when the layout needs it."""
    return x.reshape(-1, x.shape[-1]).contiguous()
