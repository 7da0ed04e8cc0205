"""The recipe of the shipped chat model: how the base model is instruction-tuned, in one place.

A :class:`ChatRecipe` is written into ``chat_config.json`` next to the weights, and
``python -m course_lib.assets.build_chat --preset ship`` rebuilds the model from the same numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from ..i18n import CourseValueError
from . import chat_messages  # noqa: F401  (registers the chat model's messages)


@dataclass(frozen=True)
class ChatRecipe:
    """Supervised fine-tuning of the base model on the built-in world's instructions.

    Data: ``instruction_pairs(World(world_seed), n_train + n_eval, lang, kinds)`` in both
    languages; per kind and language the first ``n_train`` pairs train and the next ``n_eval``
    are held out (pairs longer than the model's context are left out and counted). The kinds in
    ``held_out_kinds`` are never trained on: they measure whether the model follows a kind of
    instruction it has never seen. The loss counts response tokens only. The parameters named in
    ``frozen`` do not train, and the chat model's file leaves them out (they are the base model's).
    """

    world_seed: int = 0  # the world the base model read in pretraining
    kinds: tuple[str, ...] = ("translate", "answer", "sentiment", "topic", "question")
    held_out_kinds: tuple[str, ...] = ("topic", "translate")
    n_train: int = 400  # pairs per (trained) kind and language
    n_eval: int = 25  # held-out pairs per kind and language
    # training (AdamW, warmup + cosine): every parameter but the frozen ones
    frozen: tuple[str, ...] = ("wte", "wpe")  # the embeddings: stored once, in the base model
    train_seed: int = 1234  # the order of the batches
    steps: int = 240
    batch_size: int = 8
    lr: float = 2e-3
    min_lr: float = 2e-4
    warmup_steps: int = 20
    weight_decay: float = 0.0
    grad_clip: float = 1.0
    eval_every: int = 100

    def to_dict(self) -> dict:
        values = asdict(self)
        for name in ("kinds", "held_out_kinds", "frozen"):
            values[name] = list(values[name])
        return values

    @classmethod
    def from_dict(cls, values: dict) -> ChatRecipe:
        values = dict(values)
        for name in ("kinds", "held_out_kinds", "frozen"):
            values[name] = tuple(values[name])
        return cls(**values)


PRESETS = {
    # The shipped chat model (see chat_config.json for the measured build time and scores).
    "ship": ChatRecipe(),
    # Seconds: proves the pipeline runs and is reproducible (tests, CI). No reading comprehension:
    # its stories are longer than a smoke base model's small tokenizer fits into 256 tokens.
    "smoke": ChatRecipe(kinds=("translate", "sentiment", "topic", "question"), n_train=6, n_eval=2, steps=4,
                        batch_size=4, warmup_steps=1, eval_every=2),
}


def chat_preset(name: str, **overrides) -> ChatRecipe:
    """The chat recipe called ``name`` ("ship" or "smoke"), with any field changed by ``overrides``."""
    if name not in PRESETS:
        raise CourseValueError("chat_unknown_preset", name=name, known=", ".join(PRESETS))
    return replace(PRESETS[name], **overrides)
