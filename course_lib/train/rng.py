"""Capture and restore every random-number generator a run uses, so a resumed run draws the same numbers.

Python's ``random``, NumPy's global generator, torch's CPU generator (dropout, init) and every
CUDA device's generator. Tensor states go into safetensors; the rest is plain JSON.
"""

from __future__ import annotations

import random

import numpy as np
import torch


def capture_rng() -> tuple[dict, dict[str, torch.Tensor]]:
    """(JSON-able states, tensor states) of all global generators."""
    version, words, gauss = random.getstate()
    kind, keys, pos, has_gauss, cached = np.random.get_state()
    json_states = {
        "python": {"version": version, "state": list(words), "gauss": gauss},
        "numpy": {"kind": kind, "keys": [int(k) for k in keys], "pos": int(pos),
                  "has_gauss": int(has_gauss), "cached_gaussian": float(cached)},
        "cuda_devices": torch.cuda.device_count() if torch.cuda.is_available() else 0,
    }
    tensors = {"rng.torch_cpu": torch.get_rng_state()}
    for index in range(json_states["cuda_devices"]):
        tensors[f"rng.cuda.{index}"] = torch.cuda.get_rng_state(index)
    return json_states, tensors


def restore_rng(json_states: dict, tensors: dict[str, torch.Tensor]) -> None:
    py = json_states["python"]
    random.setstate((py["version"], tuple(py["state"]), py["gauss"]))
    npy = json_states["numpy"]
    np.random.set_state((npy["kind"], np.array(npy["keys"], dtype=np.uint32), npy["pos"],
                         npy["has_gauss"], npy["cached_gaussian"]))
    torch.set_rng_state(tensors["rng.torch_cpu"])
    # A checkpoint from a GPU machine resumed on a CPU: there is no CUDA generator to restore.
    if torch.cuda.is_available():
        for index in range(min(json_states["cuda_devices"], torch.cuda.device_count())):
            torch.cuda.set_rng_state(tensors[f"rng.cuda.{index}"], index)
