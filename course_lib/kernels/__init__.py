"""Fused GPU kernels (Triton) with plain-torch references, chosen per call.

The model never calls a kernel directly: it asks :func:`select` for a :class:`KernelOps`
table once and calls its fields. ``mode`` is "auto" (Triton where the tensor's device
supports it, else torch), "triton" or "torch"; ``COURSE_KERNELS=torch`` forces torch.
"""

from .dispatch import KernelOps, select

__all__ = ["KernelOps", "select"]
