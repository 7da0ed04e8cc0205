"""When a Triton kernel may run, and what happens when it cannot.

Triton is optional: without it (or without a GPU and without ``TRITON_INTERPRET=1``) every op
uses its plain-torch reference. The kernel files import ``triton`` and ``tl`` from here, so that
``import course_lib.kernels`` works on a machine with no Triton at all: ``jit`` then leaves the
kernel as a plain (never called) Python function.

Decisions (DESIGN.md §5):
  * "torch" mode or ``COURSE_KERNELS=torch``: always the reference;
  * CUDA tensors: Triton on compute capability >= 8.0 (officially supported), and on 7.5
    (T4) for fp16/fp32 only, with small blocks; bf16 needs >= 8.0;
  * CPU tensors: Triton only in "triton" mode with the interpreter on (tests);
  * a kernel that raises while compiling or launching is reported once per op
    (``warnings.warn``) and replaced by the reference from then on: never a crash.
"""

import functools
import os
import types
import warnings

import torch

from ..i18n import CourseValueError, message
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


MODES = ("auto", "triton", "torch")
_FAST_DTYPES = (torch.float32, torch.float16)

_broken_ops: set[str] = set()


def interpreter_on() -> bool:
    """True when ``TRITON_INTERPRET`` asks Triton to run kernels on the CPU."""
    return os.environ.get("TRITON_INTERPRET", "0").strip().lower() not in ("", "0", "false")


def forced_torch() -> bool:
    return os.environ.get("COURSE_KERNELS", "").strip().lower() == "torch"


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
    """Use small tiles: pre-Ampere GPUs have 48 KB shared memory per block, the interpreter is slow."""
    return device.type != "cuda" or capability(device) < (8, 0)


def can_run(mode: str, op: str, *tensors: torch.Tensor | None) -> bool:
    """May the Triton kernel of ``op`` run on these tensors in ``mode``? (Sizes are each op's own check.)"""
    if mode == "torch" or forced_torch() or triton is None or op in _broken_ops:
        return False
    present = [t for t in tensors if t is not None]
    if not present or any(t.device != present[0].device for t in present):
        return False
    device = present[0].device
    dtypes = {t.dtype for t in present if t.is_floating_point()}
    return device_allows(mode, device.type, capability(device), dtypes, interpreter_on())


def device_allows(mode: str, device_type: str, cc: tuple[int, int], dtypes: set, interpreter: bool) -> bool:
    """The device and dtype rule of the module docstring, as a pure function (tested as a table)."""
    if device_type == "cuda":
        if cc < (7, 5):
            return False
        allowed = (*_FAST_DTYPES, torch.bfloat16) if cc >= (8, 0) else _FAST_DTYPES  # T4: no bf16
    elif device_type == "cpu":
        if mode != "triton" or not interpreter:
            return False
        allowed = _FAST_DTYPES  # the interpreter computes bf16 dots wrongly (DESIGN.md §5)
    else:
        return False
    return all(dtype in allowed for dtype in dtypes)


def report_failure(op: str, error: BaseException) -> None:
    """Warn once that ``op``'s kernel failed, and use the reference for it from now on."""
    if op not in _broken_ops:
        _broken_ops.add(op)
        summary = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        warnings.warn(message("kernels_fallback", op=op, error=summary[:200]), RuntimeWarning, stacklevel=3)


def refuse(op: str, *args) -> None:
    """Raise a clear error for arguments the kernel of ``op`` was called with but does not handle."""
    parts = [
        f"{tuple(a.shape)} {str(a.dtype).replace('torch.', '')}"
        if isinstance(a, torch.Tensor)
        else (a if isinstance(a, str) else repr(a))
        for a in args
    ]
    raise CourseValueError("kernels_unsupported", op=op, details=", ".join(parts))


def reset_failures() -> None:
    """Forget earlier kernel failures (tests; or after fixing the environment)."""
    _broken_ops.clear()


def reference_gradients(reference, inputs, grad_output):
    """Gradients of ``reference(*inputs)`` for the inputs that need them (None for the rest).

    A kernel's backward calls this when its own kernel fails, so that a failure in the backward
    pass also ends in a notice and a correct result rather than a crash.
    """
    with torch.enable_grad():
        leaves = [
            t.detach().requires_grad_(True) if isinstance(t, torch.Tensor) and t.is_floating_point() else t
            for t in inputs
        ]
        output = reference(*leaves)
        wanted = [t for t in leaves if isinstance(t, torch.Tensor) and t.requires_grad]
        grads = iter(torch.autograd.grad(output, wanted, grad_output, allow_unused=True))
    return [next(grads) if isinstance(t, torch.Tensor) and t.requires_grad else None for t in leaves]


def contiguous_rows(x: torch.Tensor) -> torch.Tensor:
    """``x`` as a contiguous (rows, last dim) matrix; copies only when the layout needs it."""
    return x.reshape(-1, x.shape[-1]).contiguous()
