"""Forgetting: how much fine-tuning damaged what pretraining taught.

Measured as the rise of the base model's next-token loss on held-out pretraining text, after
fine-tuning, through its own (tied) language-modelling output layer: 0 means the model still
predicts pretraining text exactly as well as before ("catastrophic forgetting": McCloskey &
Cohen 1989). The task head is not involved; only the backbone's weights can have moved.

The held-out text is the base model's own: ``base.heldout_text`` when the base model carries
one, otherwise the held-out world documents of the recipe it was built from (the same split
``course_lib.assets.corpus_mix.split_world`` gives ``build_base``, so the model never trained on them).
"""

from __future__ import annotations

from functools import lru_cache

import torch
from torch import nn

from ..train.evaluate import evaluate_loss
from ..train.losses import language_model_loss

ENDOFTEXT = "<|endoftext|>"


@lru_cache(maxsize=4)
def _world_heldout_text(recipe_items: tuple) -> str:
    from ..assets.corpus_mix import split_world
    from ..assets.recipe import Recipe

    recipe = Recipe.from_dict(dict(recipe_items))
    # The world part of the recipe's held-out split: the only held-out pretraining text a learner
    # has offline (the real corpora are not shipped), and the split build_base never trained on.
    _, held_out = split_world(recipe.world_seed, recipe.corpus_chars, recipe.val_fraction)
    return "".join(doc.text + ENDOFTEXT for doc in held_out)


def heldout_text(base) -> str:
    """Held-out pretraining text of ``base`` (see the module's docstring)."""
    text = getattr(base, "heldout_text", None)
    if text:
        return text
    from ..assets.recipe import Recipe

    recipe = (getattr(base, "config", None) or {}).get("recipe") or Recipe().to_dict()
    items = tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in recipe.items())
    return _world_heldout_text(items)


def heldout_batches(base, n_tokens: int = 4096, block_size: int = 128, batch_size: int = 8) -> list[tuple]:
    """The first ``n_tokens`` of held-out text as consecutive (inputs, targets) windows."""
    text = heldout_text(base)
    # Encode only as much text as needed (about 3 characters per token is plenty on both languages).
    ids = torch.tensor(base.tokenizer.encode(text[: 6 * n_tokens]), dtype=torch.long)[: n_tokens + 1]
    block_size = min(block_size, _context(base.model))
    n_windows = (ids.numel() - 1) // block_size
    inputs = ids[: n_windows * block_size].view(n_windows, block_size)
    targets = ids[1: n_windows * block_size + 1].view(n_windows, block_size)
    return [(inputs[i: i + batch_size], targets[i: i + batch_size]) for i in range(0, n_windows, batch_size)]


def _context(model: nn.Module) -> int:
    config = model.config
    return int(getattr(config, "block_size", None) or config.n_positions)


def lm_loss(language_model: nn.Module, batches: list[tuple]) -> float:
    """Mean next-token loss of ``language_model`` (course GPT or HF causal LM) on ``batches``."""
    return evaluate_loss(language_model, batches, language_model_loss)
