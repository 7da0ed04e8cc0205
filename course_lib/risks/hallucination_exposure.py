"""Pretraining with controlled exposure: tiny GPTs that read each fact an exact number of times.

    config = ExposureConfig()                        # sizes: course_lib.chapter_sizes "13_hallucination"
    exposed = train_exposure_model(config, seed=0)   # cached: ~/.cache/course_lib/hallucination by default
    exposed.corpus.seen                              # {Fact: f}, f in config.frequencies
    exposed.corpus.unseen                            # facts of people the model never read about

The corpus is ``World.fact_corpus``: ``facts_per_frequency`` facts stated exactly f times each
(three wordings per relation, so repeats are not copies), ``unseen_people`` people never named,
and ``filler_chars`` of ordinary stories about everyone else. It is English only: the probe asks
for the fact's object at the end of a sentence ("Ayşe Demir lives in ___"), and Turkish puts the
place before the verb ("Ayşe Demir Bursa'da yaşıyor"), so a Turkish probe would need a question
format, which a model this small does not learn in the cpu profile's budget.

The model is a fresh GPT (random weights) with the shipped world model's tokenizer: a tokenizer
holds word pieces, not facts, so reusing it leaks nothing, and it saves training one.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from ..cache import cache_file, load_or_train, run_key
from ..data.world import FactCorpus, World
from ..i18n import CourseValueError
from . import hallucination_messages  # noqa: F401  (registers this package's texts)

FREQUENCIES = (1, 2, 4, 8, 16)
CACHE_VERSION = 1  # bump when a change here changes what a cached model means


@dataclass(frozen=True)
class ExposureConfig:
    """The exposure corpus and the tiny model trained on it (defaults: the cpu profile)."""

    frequencies: tuple[int, ...] = FREQUENCIES
    facts_per_frequency: int = 12
    unseen_people: int = 48
    filler_chars: int = 20_000
    world_seed: int = 0
    n_layer: int = 2
    n_head: int = 4
    n_embd: int = 96
    block_size: int = 64
    batch_size: int = 32
    steps: int = 600
    lr: float = 3e-3
    warmup_steps: int = 20

    def __post_init__(self):
        freqs = tuple(self.frequencies)
        if not freqs or any(isinstance(f, bool) or not isinstance(f, int) or f < 1 for f in freqs):
            raise CourseValueError("halluc_bad_frequencies", value=self.frequencies)
        object.__setattr__(self, "frequencies", freqs)
        for name, low in (("facts_per_frequency", 1), ("unseen_people", 0), ("filler_chars", 0), ("steps", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise CourseValueError("halluc_bad_count", name=name, value=value, low=low)

    @classmethod
    def from_sizes(cls, sizes) -> ExposureConfig:
        """The config from a chapter-sizes entry (a dict or a ``Sizes``), ignoring its other keys."""
        values = dict(sizes)
        names = set(cls.__dataclass_fields__)
        return cls(**{key: (tuple(v) if key == "frequencies" else v) for key, v in values.items() if key in names})


def exposure_corpus(config: ExposureConfig) -> FactCorpus:
    """The world's facts at the chosen frequencies, plus people never named (English)."""
    world = World(seed=config.world_seed)
    return world.fact_corpus({f: config.facts_per_frequency for f in config.frequencies},
                             unseen=config.unseen_people, lang="en", filler_chars=config.filler_chars)


def exposure_tokenizer():
    """The shipped world model's tokenizer (its word pieces only; the weights are not used)."""
    from ..assets.files import TOKENIZER_FILE, shipped_dir
    from ..tokenizer import BPETokenizer

    return BPETokenizer.load(shipped_dir("world") / TOKENIZER_FILE)


@dataclass
class ExposedModel:
    """A tiny GPT pretrained on an exposure corpus, with what it read and how long it took."""

    model: torch.nn.Module
    tokenizer: object
    corpus: FactCorpus
    world: World
    config: ExposureConfig
    seed: int
    info: dict = field(default_factory=dict)


def _cache_path(config: ExposureConfig, seed: int, cache_dir) -> Path | None:
    key = run_key({"version": CACHE_VERSION, "config": asdict(config), "seed": seed, "torch": torch.__version__})
    return cache_file("hallucination", f"exposure-{key}.safetensors", cache_dir)


def train_exposure_model(config: ExposureConfig, seed: int = 0, cache_dir=None, progress: bool = True) -> ExposedModel:
    """Pretrain a fresh tiny GPT on :func:`exposure_corpus` (or load it from the cache).

    ``cache_dir``: None for ``hallucination/`` in the course's cache folder
    (``course_lib.cache.cache_root()``: ``~/.cache/course_lib`` unless set); False to always train.
    The cache key is the whole config, the seed and the torch version. ``info`` holds ``cpu_seconds`` and ``wall_seconds`` (0 when loaded) and ``cached``.
    """
    from ..data.batching import RandomWindows
    from ..model import GPT, GPTConfig
    from ..train import TrainConfig, train

    corpus = exposure_corpus(config)
    tokenizer = exposure_tokenizer()
    torch.manual_seed(seed)
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, n_layer=config.n_layer, n_head=config.n_head,
                          n_embd=config.n_embd, block_size=config.block_size, dropout=0.0))
    world = World(seed=config.world_seed)
    info = {"cached": True, "cpu_seconds": 0.0, "wall_seconds": 0.0}  # what a load reports

    def pretrain():
        ids = torch.tensor(tokenizer.encode(corpus.corpus.text))
        generator = torch.Generator().manual_seed(seed)
        cpu, wall = time.process_time(), time.perf_counter()
        result = train(model, RandomWindows(ids, config.block_size, config.batch_size, generator),
                       TrainConfig(max_steps=config.steps, lr=config.lr, warmup_steps=config.warmup_steps,
                                   weight_decay=0.0, progress=progress, live_plot_every=None),
                       generator=generator)
        info.update(cached=False, cpu_seconds=time.process_time() - cpu, wall_seconds=time.perf_counter() - wall,
                    tokens=len(ids), final_loss=result.history.train[-1]["loss"])

    load_or_train(_cache_path(config, seed, cache_dir), model, pretrain)
    return ExposedModel(model.eval(), tokenizer, corpus, world, config, seed, info)
