"""Short, cached instruction-tuning runs from the chat model: the security chapter's one way to train.

    model = tune_chat(pairs, TuneSettings(steps=60))            # starts from load_chat_model()
    model = tune_chat(clean_pairs, settings, start=poisoned)    # or from another tuned model

Each run is chapter 03's instruction tuning as the chat model was built with it
(``course_lib.assets.build_chat.tune``: response-only loss, embeddings frozen, ``train()``), only
shorter. A finished run's weights are kept as safetensors under ``$COURSE_CACHE_DIR`` (default
``~/.cache/course_lib``), sub-folder ``security``, named by a hash of everything that defines it:
the starting weights, the training pairs and the settings. A rerun of the notebook loads them.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from safetensors.torch import load_file

from ..assets import load_chat_model
from ..assets.build_chat import tune
from ..assets.chat_recipe import ChatRecipe
from ..assets.files import write_safetensors
from ..finetune.compare import CACHE_ENV, DEFAULT_CACHE, weights_digest
from ..finetune.instruct import fitting

CACHE_VERSION = 1  # bump when a change here changes what a cached run means


@dataclass(frozen=True)
class TuneSettings:
    """A short run: AdamW with warmup and cosine decay, ``steps`` batches of ``batch_size``."""

    steps: int = 60
    batch_size: int = 8
    lr: float = 1e-3
    seed: int = 0


def _recipe(settings: TuneSettings) -> ChatRecipe:
    return ChatRecipe(steps=settings.steps, batch_size=settings.batch_size, lr=settings.lr, min_lr=settings.lr / 10,
                      warmup_steps=max(1, settings.steps // 10), train_seed=settings.seed, eval_every=settings.steps)


def run_key(start_digest: str, pairs, settings: TuneSettings) -> str:
    """The hash that names a run: starting weights, every training pair, the settings."""
    record = {"version": CACHE_VERSION, "start": start_digest, "settings": asdict(settings),
              "pairs": [[p.instruction, p.response, p.lang, p.kind] for p in pairs]}
    return hashlib.sha256(json.dumps(record, ensure_ascii=False).encode()).hexdigest()[:24]


def _cache_dir(cache_dir) -> Path | None:
    """``False``: no cache; None: ``$COURSE_CACHE_DIR/security`` (the harness's cache root); else the folder given."""
    if cache_dir is False:
        return None
    path = Path(cache_dir or Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE) / "security").expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def tune_chat(pairs, settings: TuneSettings = TuneSettings(), start=None, cache_dir=None, progress: bool = True):
    """The model ``start`` (default: a fresh chat model) instruction-tuned on ``pairs``; returns it in eval mode.

    ``start`` is left untouched: the run trains a copy. ``cache_dir=False`` turns the cache off.
    """
    chat = load_chat_model()
    model, tokenizer = chat.model, chat.tokenizer
    if start is not None:
        model.load_state_dict(start.state_dict())
    folder = _cache_dir(cache_dir)
    path = folder / f"{run_key(weights_digest(model), pairs, settings)}.safetensors" if folder else None
    if path is not None and path.is_file():
        model.load_state_dict(load_file(str(path)))
        return model.eval()
    model.train()
    pairs = fitting(tokenizer, pairs, model.config.block_size + 1)  # the few longer than the context are left out
    splits = {"train": pairs, "eval_seen": pairs[:8]}
    tune(_recipe(settings), model, tokenizer, splits, progress)
    if path is not None:
        write_safetensors({name: t.detach().contiguous() for name, t in model.state_dict().items()}, path)
    return model.eval()
