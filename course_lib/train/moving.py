"""Move a batch (a tensor, or tuples/lists/dicts of them) to a device."""

from __future__ import annotations

import torch


def move_to(batch, device: torch.device):
    if isinstance(batch, torch.Tensor):
        return batch.to(device, non_blocking=True)
    if isinstance(batch, dict):
        return {key: move_to(value, device) for key, value in batch.items()}
    if isinstance(batch, tuple | list):
        return type(batch)(move_to(value, device) for value in batch)
    return batch
