"""The small models of the bias chapter: one tiny GPT pretrained on each bias corpus, then
fine-tuned for TR→EN translation on the corpus's own sentence pairs; cached on disk.

A run is keyed by the corpus (every text), the sizes, the tokenizer and the seed, as
``finetune.compare`` keys its runs, so a second run of the notebook loads instead of training.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

import torch
from torch import nn

from ..cache import cache_file, load_or_train, run_key
from ..data.batching import RandomWindows
from ..model import GPT, GPTConfig
from ..train import TrainConfig, train
from .bias_corpora import BiasCorpus
from .bias_probes import translation_text

CACHE_VERSION = 1
END = "<|endoftext|>"


@dataclass(frozen=True)
class TinySizes:
    """The tiny GPT and its two training phases (pretraining, then the TR→EN fine-tune)."""

    n_layer: int = 2
    n_head: int = 2
    n_embd: int = 64
    block_size: int = 64
    batch_size: int = 32
    steps: int = 300
    ft_steps: int = 100
    lr: float = 3e-3


@dataclass
class BiasModels:
    """``lm``: the pretrained model; ``translator``: it, fine-tuned for TR→EN; ``val_loss``: the
    pretrained model's loss on held-out English text drawn at the corpus's own p (before any swap)."""

    lm: GPT
    translator: GPT
    val_loss: float
    n_params: int
    cached: bool

    @property
    def perplexity(self) -> float:
        return float(torch.exp(torch.tensor(self.val_loss)))


def stream(tokenizer, texts: list[str], seed: int) -> torch.Tensor:
    """The texts in a seeded random order, each followed by the end-of-text token, as one tensor."""
    order = list(texts)
    random.Random(seed).shuffle(order)
    return torch.tensor(tokenizer.encode(END.join(order) + END))


def pretraining_texts(corpus: BiasCorpus) -> list[str]:
    return corpus.texts("en") + corpus.texts("tr")


def translation_texts(corpus: BiasCorpus) -> list[str]:
    return [translation_text(tr, en) for tr, en in corpus.pairs()]


@torch.no_grad()
def held_out_loss(model: GPT, tokens: torch.Tensor, block_size: int) -> float:
    """Mean next-token loss over consecutive, non-overlapping windows of ``tokens``."""
    model.eval()
    n = (len(tokens) - 1) // block_size
    x = tokens[: n * block_size].view(n, block_size)
    y = tokens[1 : n * block_size + 1].view(n, block_size)
    loss = model(x, y).loss
    model.train()
    return float(loss)


def _key(corpus: BiasCorpus, held_out: list[str], sizes: TinySizes, tokenizer, seed: int) -> str:
    return run_key({"version": CACHE_VERSION, "texts": pretraining_texts(corpus), "pairs": corpus.pairs(),
                    "held_out": held_out, "sizes": asdict(sizes), "vocab": tokenizer.vocab_size,
                    "probe": tokenizer.encode("O bir hemşire. She He"), "seed": seed})


def _phase(model: GPT, tokens: torch.Tensor, sizes: TinySizes, steps: int, seed: int, progress: bool) -> None:
    generator = torch.Generator().manual_seed(seed)
    batches = RandomWindows(tokens, sizes.block_size, sizes.batch_size, generator)
    config = TrainConfig(max_steps=steps, lr=sizes.lr, warmup_steps=max(1, steps // 20), progress=progress,
                         live_plot_every=None, device="cpu" if not torch.cuda.is_available() else None)
    train(model, batches, config, generator=generator)


def train_bias_models(corpus: BiasCorpus, held_out: list[str], tokenizer, sizes: TinySizes | None = None,
                      seed: int = 0, cache_dir=None, progress: bool = True) -> BiasModels:
    """Pretrain a fresh tiny GPT on ``corpus`` (English and Turkish documents), then fine-tune a
    copy for TR→EN on its sentence pairs. ``held_out``: English texts for the perplexity.
    ``cache_dir``: where runs are kept (default ``bias`` in the course's cache folder,
    ``course_lib.cache.cache_root()``: ``~/.cache/course_lib`` unless set); False: no cache."""
    sizes = sizes if sizes is not None else TinySizes()
    config = GPTConfig(vocab_size=tokenizer.vocab_size, block_size=sizes.block_size, n_layer=sizes.n_layer,
                       n_head=sizes.n_head, n_embd=sizes.n_embd)
    held = stream(tokenizer, held_out, seed=0)
    path = cache_file("bias", f"{_key(corpus, held_out, sizes, tokenizer, seed)}.safetensors", cache_dir)
    torch.manual_seed(seed)
    lm = GPT(config)
    translator = GPT(config)
    n_params = sum(p.numel() for p in lm.parameters())

    def pretrain_then_translate():
        _phase(lm, stream(tokenizer, pretraining_texts(corpus), seed), sizes, sizes.steps, seed, progress)
        translator.load_state_dict(lm.state_dict())  # the translator starts from the pretrained model
        _phase(translator, stream(tokenizer, translation_texts(corpus), seed), sizes, sizes.ft_steps, seed, progress)

    # both models in one file, their weights named "lm.*" and "tr.*"
    both = nn.ModuleDict({"lm": lm, "tr": translator})
    cached = load_or_train(path, both, pretrain_then_translate)
    lm, translator = lm.cpu().eval(), translator.cpu().eval()
    return BiasModels(lm, translator, held_out_loss(lm, held, sizes.block_size), n_params, cached)
