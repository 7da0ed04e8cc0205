"""The recipes of the shipped base models: every number needed to build them again, in one place.

A :class:`Recipe` is written into ``base_config.json`` next to the weights, so the file says
how it was made (data sources and seeds, tokenizer, model shape, optimiser, steps), and
``python -m course_lib.assets.build_base --preset ship`` rebuilds it from the same numbers.

Two models are shipped (see ``course_lib/assets/models/``):
  ship   the default of the fine-tuning chapters: Turkish Wikipedia + Tatoeba TR/EN + the world
  world  the first shipped model, pretrained on the built-in world alone (chapter 02's kind of model)
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
    """How to build a base model, start to finish (the defaults are the world-only model).

    Data: ``World(world_seed).corpus(corpus_chars, lang="both")``, each story in English then
    Turkish; documents end with ``<|endoftext|>``; the last ``val_fraction`` of the documents
    is held out. ``sources`` may add the real corpora of :mod:`.corpus_mix` ("wikipedia",
    "tatoeba"), each with its own held-out ``val_fraction``, split and shuffled with
    ``split_seed``; ``real_chars`` caps each real source (None: all of it; the smoke preset).
    The tokenizer also reads ``task_examples`` examples of each world task (both languages), so
    words that only the fine-tuning tasks use still get a token of their own; the model never
    trains on those task texts.
    """

    sources: tuple[str, ...] = ("world",)
    split_seed: int = 0
    pairs_per_document: int = 16  # Tatoeba pairs per training document
    real_chars: int | None = None
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
    weights_dtype: str = "float32"  # how the weights are stored ("float16" halves the file)

    def to_dict(self) -> dict:
        values = asdict(self)
        values["special_tokens"] = list(self.special_tokens)
        values["sources"] = list(self.sources)
        return values

    @classmethod
    def from_dict(cls, values: dict) -> Recipe:
        values = dict(values)
        values["special_tokens"] = tuple(values.get("special_tokens", SPECIAL_TOKENS))
        values["sources"] = tuple(values.get("sources", ("world",)))
        return cls(**values)

    def model_fields(self) -> dict:
        """The GPTConfig fields this recipe fixes (all but vocab_size)."""
        return dict(block_size=self.block_size, n_layer=self.n_layer, n_head=self.n_head, n_embd=self.n_embd)


WORLD = Recipe()
REAL_SOURCES = ("wikipedia", "tatoeba", "world")
# The real-text model. Vocabulary 8,192: on this mix it packs 4.1 bytes of held-out Wikipedia
# into a token against 3.4 at 4,096 (measured), so a 128-token window holds more text, and
# Turkish word stems and suffixes get tokens of their own; 8,192 x 256 embeddings are 2.1 M of
# the 5.3 M parameters, which fp16 storage keeps at ~11 MB. 460 steps x 16 x 128 = 0.94 M tokens,
# about 1.2 passes over the 0.81 M training tokens: what a ~25-minute CPU build affords. Measured:
# 1,495 s wall (1,423 s training), torch 2.13 CPU, 2 threads on 2 cores shared with other jobs.
# During training the held-out loss is taken on the first ``eval_batches`` held-out windows, which
# are Wikipedia's; the per-source numbers (bits per byte) are measured once at the end.
SHIP = replace(
    WORLD, sources=REAL_SOURCES, corpus_chars=1_000_000, vocab_size=8192, block_size=128, n_layer=4,
    n_head=4, n_embd=256, steps=460, batch_size=16, lr=2e-3, min_lr=2e-4, warmup_steps=30,
    eval_every=100, eval_batches=4, weights_dtype="float16",
)

PRESETS = {
    "ship": SHIP,
    # The same data and steps, a smaller model (1.46 M parameters): the second point of the size
    # trend in the README. Measured: 812 s wall.
    "small": replace(SHIP, n_layer=2, n_head=4, n_embd=128),
    # The first shipped model: 2.27 M parameters, 240 steps x 16 x 256 tokens. Measured: about 10
    # minutes of CPU time (18.6 minutes wall while other jobs shared the 2 cores), torch 2.13 CPU.
    "world": WORLD,
    # A few seconds: proves the pipeline runs and is reproducible (tests, CI); the world alone,
    # so it runs without the real corpora.
    "smoke": replace(
        WORLD, corpus_chars=20_000, task_examples=10, vocab_size=400, block_size=32, n_layer=1, n_head=2,
        n_embd=16, steps=20, batch_size=4, warmup_steps=2, eval_every=10, eval_batches=2,
    ),
}
# The real-text pipeline in seconds: a slice of each corpus (tests that have the corpora).
PRESETS["mix-smoke"] = replace(PRESETS["smoke"], sources=REAL_SOURCES, real_chars=30_000, vocab_size=500)


def preset(name: str, **overrides) -> Recipe:
    """The recipe called ``name`` (a key of ``PRESETS``), with any field changed by ``overrides``."""
    if name not in PRESETS:
        raise CourseValueError("base_unknown_preset", name=name, known=", ".join(PRESETS))
    return replace(PRESETS[name], **overrides)
