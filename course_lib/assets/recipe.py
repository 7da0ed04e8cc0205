"""The recipe of the shipped base model: every number needed to build it again, in one place.

A :class:`Recipe` is written into ``base_config.json`` next to the weights, so the file says
how it was made (data seed, corpus size, tokenizer, model shape, optimiser, steps), and
``python -m course_lib.assets.build_base --preset ship`` rebuilds it from the same numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's messages)

ENDOFTEXT = "<|endoftext|>"  # between documents; the first special token (the HF eos token)
PAD = "<|pad|>"  # padding for batches of unequal length in the fine-tuning chapters
SPECIAL_TOKENS = (ENDOFTEXT, PAD)


@dataclass(frozen=True)
class Recipe:
    """How to build a base model from the built-in world, start to finish.

    Data: ``World(world_seed).corpus(corpus_chars, lang="both")``, each story in English then
    Turkish; documents end with ``<|endoftext|>``; the last ``val_fraction`` of the documents
    is held out. The tokenizer also reads ``task_examples`` examples of each world task (both
    languages), so words that only the fine-tuning tasks use still get a token of their own;
    the model never trains on those task texts.
    """

    world_seed: int = 0
    corpus_chars: int = 3_000_000
    val_fraction: float = 0.05
    task_examples: int = 400
    vocab_size: int = 4096  # an upper bound: BPE stops when the world runs out of pairs to merge
    # model (GPTConfig fields other than vocab_size, which comes from the tokenizer)
    block_size: int = 256
    n_layer: int = 4
    n_head: int = 6
    n_embd: int = 192
    # training
    train_seed: int = 1234  # initial weights and the order of the random windows
    steps: int = 240
    batch_size: int = 16
    lr: float = 3e-3
    min_lr: float = 3e-4
    warmup_steps: int = 20
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    eval_every: int = 60
    eval_batches: int = 4  # batches of held-out windows per evaluation during training
    special_tokens: tuple[str, ...] = field(default=SPECIAL_TOKENS)

    def to_dict(self) -> dict:
        values = asdict(self)
        values["special_tokens"] = list(self.special_tokens)
        return values

    @classmethod
    def from_dict(cls, values: dict) -> Recipe:
        values = dict(values)
        values["special_tokens"] = tuple(values.get("special_tokens", SPECIAL_TOKENS))
        return cls(**values)

    def model_fields(self) -> dict:
        """The GPTConfig fields this recipe fixes (all but vocab_size)."""
        return dict(block_size=self.block_size, n_layer=self.n_layer, n_head=self.n_head, n_embd=self.n_embd)


PRESETS = {
    # The shipped model: 2.27 M parameters, 240 steps x 16 x 256 tokens. Measured: about 10 minutes
    # of CPU time (18.6 minutes wall while other jobs shared the 2 cores), torch 2.13 CPU.
    "ship": Recipe(),
    # A few seconds: proves the pipeline runs and is reproducible (tests, CI).
    "smoke": Recipe(
        corpus_chars=20_000, task_examples=10, vocab_size=400, block_size=32, n_layer=1, n_head=2,
        n_embd=16, steps=20, batch_size=4, warmup_steps=2, eval_every=10, eval_batches=2,
    ),
}


def preset(name: str, **overrides) -> Recipe:
    """The recipe called ``name`` ("ship" or "smoke"), with any field changed by ``overrides``."""
    if name not in PRESETS:
        raise CourseValueError("base_unknown_preset", name=name, known=", ".join(PRESETS))
    return replace(PRESETS[name], **overrides)
