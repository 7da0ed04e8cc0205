"""Train a tiny model once, then load it: a run's key and its safetensors file.

A run is named by :func:`run_key`, a hash of everything that defines it (its data, sizes, seed,
the weights it starts from), so a changed setting is a new file and never a stale one. Each caller
still says what defines its run; only the hashing and the load-or-train step live here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

KEY_LENGTH = 24  # hex digits: 96 bits, far beyond the few thousand runs a cache ever holds


def run_key(payload) -> str:
    """The name of a run: SHA-256 of ``payload`` (JSON-able: everything that defines the run) written
    as JSON with sorted keys, so the order a dict was built in does not matter."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:KEY_LENGTH]


def load_or_train(path: Path | None, model, train_fn: Callable[[], object]) -> bool:
    """Fill ``model`` (any ``nn.Module``) with the weights kept at ``path``, or train it and keep them.

    If ``path`` is a file, its weights are loaded into ``model`` (strictly: every name must match)
    and True is returned. Otherwise ``train_fn()`` is called (it trains ``model`` in place), then
    ``model``'s weights are written to ``path`` (atomically) unless ``path`` is None (no cache),
    and False is returned. To keep two models in one file, pass an ``nn.ModuleDict`` of them.
    """
    from safetensors.torch import load_file

    from ..assets.files import write_safetensors  # here, not at the top: assets imports this package

    if path is not None and Path(path).is_file():
        model.load_state_dict(load_file(str(path)))
        return True
    train_fn()
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_safetensors({name: t.detach().contiguous() for name, t in model.state_dict().items()}, Path(path))
    return False
