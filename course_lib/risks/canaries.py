"""The canary corpus of the privacy chapter, its mitigated variants, and the tiny models trained on them.

The world plants fake T.C. kimlik numbers and phones in synthetic user logs, each record in
exactly r log lines (``WorldConfig(canaries={r: n})``). From one such corpus this file makes

- ``baseline``: the text as it is;
- ``dedup``: each record's repeated log lines kept once (a line's record is what follows its
  timestamp and event: Kandpal et al. 2022, arXiv 2202.06539, deduplicate to cut memorisation);
- ``scrub``: every TCKN, phone, e-mail and IBAN replaced by a placeholder (``pii.scrub``);

and trains a tiny character-level GPT on each (``dp`` trains on ``baseline`` with DP-SGD). A
character model reads a TCKN as 11 digit tokens, so a candidate's log-likelihood is the sum of
11 digit log-probabilities. Models are cached in ``privacy`` under the course's cache folder
(``course_lib.cache.cache_root()``, default ``~/.cache/course_lib``), keyed by every setting that shapes them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import torch

from ..cache import cache_file, load_or_train, run_key
from ..data.world import Canary, World, WorldConfig
from ..i18n import CourseValueError
from ..model import GPT, GPTConfig
from ..tokenizer.char import CharTokenizer
from ..train import TrainConfig, train
from . import privacy_messages  # noqa: F401  (registers this package's texts)
from .dp_sgd import DPSGD, PoissonBatches, epsilon, noise_for_epsilon
from .pii import PLACEHOLDERS, scrub

VARIANTS = ("baseline", "dedup", "scrub", "dp")
CACHE_VERSION = 1
_LOG_HEAD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d \| [^|]+\| ")  # "2025-03-04 12:33 | kayıt | "


@dataclass
class CanaryCorpus:
    """Training text with planted canaries, held-out text of the same kind, and the ground truth.

    ``member_text`` is the training stories without the logs: the members a membership attack is
    scored on, so that members and held-out non-members are the same kind of text.
    """

    train_text: str
    held_out_text: str
    canaries: list[Canary]
    lang: str
    member_text: str = ""


def canary_corpus(n_chars: int, repeats=(1, 2, 4, 8, 16, 32), per_repeat: int = 2, lang: str = "tr",
                  seed: int = 0) -> CanaryCorpus:
    """A world corpus of about ``n_chars`` story characters plus the canary logs; every 8th story
    is held out (never trained on: the perplexity and membership-inference texts)."""
    world = World(seed=seed, config=WorldConfig(n_people=100, canaries={r: per_repeat for r in repeats}))
    corpus = world.corpus(n_chars, lang)
    train_docs, held_docs = [], []
    for i, document in enumerate(corpus.documents):
        (held_docs if document.kind != "user_log" and i % 8 == 7 else train_docs).append(document)
    members = "\n\n".join(d.text for d in train_docs if d.kind != "user_log")
    return CanaryCorpus("\n\n".join(d.text for d in train_docs), "\n\n".join(d.text for d in held_docs),
                        corpus.ledger.canaries, lang, members)


def deduplicate_records(text: str) -> str:
    """Keep the first log line of each record (the line without its timestamp and event); other text stays."""
    seen, kept = set(), []
    for line in text.split("\n"):
        head = _LOG_HEAD.match(line)
        if head:
            record = line[head.end() :]
            if record in seen:
                continue
            seen.add(record)
        kept.append(line)
    return "\n".join(kept)


def variant_text(corpus: CanaryCorpus, variant: str) -> str:
    """The training text of ``variant`` (``dp`` trains on the baseline text)."""
    if variant not in VARIANTS:
        raise CourseValueError("privacy_bad_variant", value=variant, valid=", ".join(VARIANTS))
    if variant == "dedup":
        return deduplicate_records(corpus.train_text)
    if variant == "scrub":
        return scrub(corpus.train_text)
    return corpus.train_text


def corpus_tokenizer(corpus: CanaryCorpus) -> CharTokenizer:
    """One character vocabulary for every variant: the texts' characters and the placeholders'."""
    return CharTokenizer.train(corpus.train_text + corpus.held_out_text + "".join(PLACEHOLDERS.values()))


def examples(tokenizer: CharTokenizer, text: str, block_size: int) -> torch.Tensor:
    """The text cut into non-overlapping rows of ``block_size + 1`` tokens (N, block_size + 1): the
    training examples, the unit that DP-SGD protects."""
    ids = torch.tensor(tokenizer.encode(text))
    n = len(ids) // (block_size + 1)
    return ids[: n * (block_size + 1)].view(n, block_size + 1)


@dataclass
class TrainedVariant:
    model: GPT
    variant: str
    n_examples: int
    noise_multiplier: float | None = None
    epsilon: float | None = None
    delta: float | None = None


def tiny_model(vocab_size: int, sizes: dict) -> GPT:
    config = GPTConfig(vocab_size=vocab_size, block_size=sizes["block_size"], n_layer=sizes["n_layer"],
                       n_head=sizes["n_head"], n_embd=sizes["n_embd"], dropout=0.0)
    torch.manual_seed(sizes.get("seed", 0))
    return GPT(config)


def train_variant(corpus: CanaryCorpus, variant: str, sizes: dict, cache_dir=None,
                  progress: bool = True) -> TrainedVariant:
    """Train (or load from the cache) the tiny GPT of ``variant``.

    ``sizes``: block_size, n_layer, n_head, n_embd, batch_size (the expected Poisson batch), steps,
    lr; for ``dp`` also dp_epsilon, dp_delta, dp_clip, dp_lr.
    """
    tokenizer = corpus_tokenizer(corpus)
    rows = examples(tokenizer, variant_text(corpus, variant), sizes["block_size"])
    q = min(1.0, sizes["batch_size"] / len(rows))
    steps = sizes["steps"]
    model = tiny_model(tokenizer.vocab_size, sizes)
    result = TrainedVariant(model, variant, len(rows))
    if variant == "dp":
        result.delta = sizes["dp_delta"]
        result.noise_multiplier = noise_for_epsilon(sizes["dp_epsilon"], q, steps, result.delta)
        result.epsilon = epsilon(q, result.noise_multiplier, steps, result.delta)

    dp = variant == "dp"
    config = TrainConfig(max_steps=steps, lr=sizes["dp_lr"] if dp else sizes["lr"], warmup_steps=steps // 20,
                         weight_decay=0.0 if dp else 0.1, grad_clip=None if dp else 1.0,
                         progress=progress, live_plot_every=None, device="cpu")
    callbacks = [DPSGD(sizes["dp_clip"], result.noise_multiplier, q * len(rows), seed=sizes.get("seed", 0))] if dp else []
    batches = PoissonBatches(rows, q, steps, seed=sizes.get("seed", 0))
    path = cache_file("privacy", f"{_cache_key(corpus, tokenizer, variant, sizes)}.safetensors", cache_dir)
    load_or_train(path, model, lambda: train(model, batches, config, callbacks=callbacks))
    model.eval()
    return result


def _cache_key(corpus: CanaryCorpus, tokenizer: CharTokenizer, variant: str, sizes: dict) -> str:
    wanted = ("block_size", "n_layer", "n_head", "n_embd", "batch_size", "steps", "lr", "seed")
    if variant == "dp":
        wanted += ("dp_epsilon", "dp_delta", "dp_clip", "dp_lr")
    record = {
        "version": CACHE_VERSION, "variant": variant, "torch": torch.__version__,
        "sizes": {k: sizes.get(k) for k in wanted},
        "text": hashlib.sha256(variant_text(corpus, variant).encode()).hexdigest(),
        "alphabet": tokenizer.alphabet,
    }
    return run_key(record)
