"""Short, cached instruction-tuning runs from the chat model: the security chapter's one way to train.

    model = tune_chat(pairs, TuneSettings(steps=60))            # starts from load_chat_model()
    model = tune_chat(clean_pairs, settings, start=poisoned)    # or from another tuned model

Each run is chapter 03's instruction tuning as the chat model was built with it
(``course_lib.assets.build_chat.tune``: response-only loss, embeddings frozen, ``train()``), only
shorter. A finished run's weights are kept as safetensors in the course's cache folder
(``course_lib.cache.cache_root()``, default ``~/.cache/course_lib``), sub-folder ``security``,
named by a hash of everything that defines it: the starting weights, the training pairs and the
settings. A rerun of the notebook loads them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..assets import load_chat_model
from ..assets.build_chat import tune
from ..assets.chat_recipe import ChatRecipe
from ..cache import cache_file, load_or_train
from ..cache import run_key as hashed_run_key
from ..finetune.compare import weights_digest
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
    return hashed_run_key({"version": CACHE_VERSION, "start": start_digest, "settings": asdict(settings),
                           "pairs": [[p.instruction, p.response, p.lang, p.kind] for p in pairs]})


def tune_chat(pairs, settings: TuneSettings = TuneSettings(), start=None, cache_dir=None, progress: bool = True):
    """The model ``start`` (default: a fresh chat model) instruction-tuned on ``pairs``; returns it in eval mode.

    ``start`` is left untouched: the run trains a copy. ``cache_dir=False`` turns the cache off.
    """
    chat = load_chat_model()
    model, tokenizer = chat.model, chat.tokenizer
    if start is not None:
        model.load_state_dict(start.state_dict())
    path = cache_file("security", f"{run_key(weights_digest(model), pairs, settings)}.safetensors", cache_dir)

    def instruction_tune():
        model.train()
        fitted = fitting(tokenizer, pairs, model.config.block_size + 1)  # the few longer than the context are left out
        tune(_recipe(settings), model, tokenizer, {"train": fitted, "eval_seen": fitted[:8]}, progress)

    load_or_train(path, model, instruction_tune)
    return model.eval()
