"""The whole security experiment at one profile's sizes: every fine-tuning run and every table.

    tables = run_experiment(sizes("14_security"))   # {"injection": DataFrame, "refusal": ..., "poisoning": ...}

The notebook and ``bench/security.py`` both call this, so the README's numbers are the notebook's.
Every run is cached (``safety_tune.tune_chat``), so a second call only evaluates.
"""

from __future__ import annotations

import pandas as pd

from ..assets import load_chat_model
from ..data.world import World
from .poisoning import poison, sentiment_pairs
from .refusal import safety_pairs
from .safety_tune import TuneSettings, tune_chat
from .security import (
    TRAIN_OFFSET,
    WORLD_SEED,
    assistant_pairs,
    backdoor_scores,
    hierarchy_pairs,
    injection_scores,
    refusal_scores,
)

LANGS = ("en", "tr")


def _settings(sizes) -> TuneSettings:
    return TuneSettings(steps=sizes["steps"], batch_size=sizes["batch_size"], lr=sizes["lr"])


def assistant_model(sizes, progress: bool = True):
    """The chat model tuned to judge reviews and follow its user's commands (no defence); cached."""
    return tune_chat(assistant_pairs(World(seed=WORLD_SEED), sizes["n_train"]), _settings(sizes), progress=progress)


def injection_table(sizes, progress: bool = True) -> pd.DataFrame:
    """ASR per family and language and clean utility, one row per model and defence."""
    world, chat = World(seed=WORLD_SEED), load_chat_model()
    assistant = assistant_model(sizes, progress)
    hierarchy = tune_chat(hierarchy_pairs(world, sizes["n_train"]), _settings(sizes), progress=progress)
    n, tok = sizes["n_eval"], chat.tokenizer
    rows = {
        "chat model": injection_scores(chat.model, tok, world, n),
        "assistant": injection_scores(assistant, tok, world, n),
        "assistant + delimiters": injection_scores(assistant, tok, world, n, defence="delimiters"),
        "assistant + detector": injection_scores(assistant, tok, world, n, detect=True),
        "hierarchy fine-tune (+ delimiters)": injection_scores(hierarchy, tok, world, n, defence="delimiters"),
    }
    return pd.DataFrame(rows).T


def refusal_table(sizes, progress: bool = True) -> pd.DataFrame:
    """Refusal, role-play jailbreak and over-refusal per language: before, after English-only and
    after English + Turkish safety data."""
    world, chat = World(seed=WORLD_SEED), load_chat_model()
    settings = TuneSettings(steps=sizes["safety_steps"], batch_size=sizes["batch_size"], lr=sizes["lr"])
    rows = {"chat model": refusal_scores(chat.model, chat.tokenizer, world, sizes["n_eval"])}
    for label, langs in (("safety data: en", ("en",)), ("safety data: en + tr", ("en", "tr"))):
        model = tune_chat(safety_pairs(world, sizes["n_train"], langs), settings, progress=progress)
        rows[label] = refusal_scores(model, chat.tokenizer, world, sizes["n_eval"])
    return pd.DataFrame(rows).T


def poisoning_table(sizes, progress: bool = True) -> pd.DataFrame:
    """The backdoor's ASR per poison rate, and after a further fine-tune on clean data of the most
    poisoned model (the last row)."""
    world, chat = World(seed=WORLD_SEED), load_chat_model()
    settings = TuneSettings(steps=sizes["safety_steps"], batch_size=sizes["batch_size"], lr=sizes["lr"])
    rows, model = {}, None
    for rate in sizes["poison_rates"]:
        pairs = []
        for lang in LANGS:
            pairs += poison(sentiment_pairs(world, sizes["n_poison_train"], lang, TRAIN_OFFSET), rate)[0]
        model = tune_chat(pairs, settings, progress=progress)
        rows[f"{rate:.0%}"] = {"poison rate": rate, **backdoor_scores(model, chat.tokenizer, world, sizes["n_eval"])}
    clean = [pair for lang in LANGS
             for pair in sentiment_pairs(world, sizes["n_poison_train"], lang, TRAIN_OFFSET + sizes["n_poison_train"])]
    cleaned = tune_chat(clean, settings, start=model, progress=progress)
    rows[f"{sizes['poison_rates'][-1]:.0%}, then clean"] = {
        "poison rate": sizes["poison_rates"][-1], **backdoor_scores(cleaned, chat.tokenizer, world, sizes["n_eval"])}
    return pd.DataFrame(rows).T
