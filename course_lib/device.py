"""Where tensors live and in which precision, and how runs are made repeatable.

Device order: CUDA, then Apple's MPS, then the CPU (``COURSE_DEVICE`` overrides).
Precision policy (why: each GPU generation supports different fast formats):
  * CUDA with compute capability >= 8.0 (A100, H100, RTX 30xx+): bf16 autocast, no scaler
    (bf16 has fp32's exponent range, so gradients do not underflow);
  * older CUDA GPUs such as Colab's T4 (sm_75): fp16 autocast with a GradScaler, because
    fp16's small range lets small gradients underflow to zero unless the loss is scaled;
  * CPU and MPS: plain fp32.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass

import numpy as np
import torch

from .i18n import CourseValueError


def pick_device() -> torch.device:
    """The best available device, or the one named by ``COURSE_DEVICE``."""
    available = ["cpu"]
    if torch.backends.mps.is_available():
        available.insert(0, "mps")
    if torch.cuda.is_available():
        available.insert(0, "cuda")
    wanted = os.environ.get("COURSE_DEVICE", "").strip().lower()
    if wanted:
        if wanted not in available:
            raise CourseValueError("unknown_device", value=wanted, valid=", ".join(available))
        return torch.device(wanted)
    return torch.device(available[0])


@dataclass(frozen=True)
class PrecisionPolicy:
    """How a training step should handle precision on one device."""

    device_type: str
    autocast_dtype: torch.dtype | None  # None: run in fp32, no autocast
    use_grad_scaler: bool

    def autocast(self):
        """A context manager for the forward pass (a no-op in fp32)."""
        if self.autocast_dtype is None:
            return torch.autocast(self.device_type, enabled=False)
        return torch.autocast(self.device_type, dtype=self.autocast_dtype)

    def grad_scaler(self) -> torch.amp.GradScaler:
        return torch.amp.GradScaler(self.device_type, enabled=self.use_grad_scaler)


def precision_policy(device: torch.device | str | None = None) -> PrecisionPolicy:
    device = torch.device(device) if device is not None else pick_device()
    if device.type == "cuda":
        major, _ = torch.cuda.get_device_capability(device)
        if major >= 8:
            return PrecisionPolicy("cuda", torch.bfloat16, use_grad_scaler=False)
        return PrecisionPolicy("cuda", torch.float16, use_grad_scaler=True)
    return PrecisionPolicy(device.type, None, use_grad_scaler=False)


def seed_everything(seed: int) -> torch.Generator:
    """Seed Python, NumPy and torch (all devices); return a CPU generator with the same seed."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise CourseValueError("bad_seed", value=seed)
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


def describe() -> str:
    """One line for a notebook's setup cell: device, precision, profile."""
    from .profile import current_profile

    device = pick_device()
    policy = precision_policy(device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else device.type
    precision = str(policy.autocast_dtype).replace("torch.", "") if policy.autocast_dtype else "float32"
    return f"device={name} precision={precision} profile={current_profile()} torch={torch.__version__}"
