"""Fused GPU kernels (Triton) with plain-torch references, chosen per call.

One file per op, Liger-Kernel style: ``layer_norm``, ``attention``, ``bias_gelu``,
``cross_entropy``, ``lora_linear``. Each holds its ``@triton.jit`` kernels (if any), a launcher,
an ``autograd.Function``, ``<op>_triton``, ``<op>_reference`` and ``<op>_supported``.

The model never calls a kernel directly: it asks :func:`select` for a :class:`KernelOps`
table once and calls its fields. ``mode`` is "auto" (Triton where the tensor's device
supports it, else torch), "triton" (also under the CPU interpreter) or "torch";
``COURSE_KERNELS=torch`` forces torch. Triton is optional: without it everything is torch.
"""

from .dispatch import TORCH_OPS, KernelOps, select

__all__ = ["KernelOps", "TORCH_OPS", "select"]
