"""Fused GPU kernels (Triton) with plain-torch references, swapped into a built model.

One file per op, Liger-Kernel style: ``layer_norm``, ``attention``, ``bias_gelu``,
``cross_entropy``, ``lora_linear``. Each holds its ``@triton.jit`` kernels (if any), a launcher,
an ``autograd.Function``, ``<op>_triton``, ``<op>_reference`` and ``<op>_supported``.

The GPT itself is plain PyTorch. :func:`apply` replaces its modules (or those of a Hugging Face
``GPT2LMHeadModel``) by the modules of ``modules.py``, which call the kernels; where the kernels
cannot run, it keeps PyTorch and says so once. Triton is optional: without it nothing is replaced.
"""

from .apply import OPS, KernelNotice, apply

__all__ = ["OPS", "KernelNotice", "apply"]
