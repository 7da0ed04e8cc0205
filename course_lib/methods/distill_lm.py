"""The language-model half of chapter 06: a small student, the text to distil on, and what to measure.

    student = small_student(base, n_layer=2, n_embd=96)        # the base tokenizer, a much smaller GPT
    tokens, held_out = distillation_text(base, n_train_tokens=60_000, n_heldout_tokens=4096, block_size=64)
    distill_language_model(student, base.model, RandomWindows(tokens, 64, 16, g), TrainConfig(max_steps=200))
    perplexity(student, held_out), mean_entropy(student, held_out)

The text is the base model's own pretraining text: the built-in world's part of its recipe, the
training side for distillation and the held-out side (which the base never trained on) for
perplexity. The real-text parts of the recipe are not shipped, so a learner's notebook distils on
the world alone, and the chapter says so.
"""

from __future__ import annotations

import math

import torch

from ..finetune.forgetting import heldout_batches, lm_loss
from ..model import GPT, GPTConfig
from ..train.losses import logits_of


def small_student(base, n_layer: int = 2, n_embd: int = 96, n_head: int = 2, block_size: int = 64,
                  seed: int = 0) -> GPT:
    """A fresh GPT with the base model's vocabulary (its tokenizer) and a much smaller body."""
    torch.manual_seed(seed)
    vocab = base.model.config.vocab_size
    return GPT(GPTConfig(vocab_size=vocab, block_size=block_size, n_layer=n_layer, n_head=n_head, n_embd=n_embd))


def distillation_text(base, n_train_tokens: int, n_heldout_tokens: int, block_size: int):
    """(training tokens, held-out batches): the first ``n_train_tokens`` of the world text the base
    model was pretrained on, and ``n_heldout_tokens`` of its held-out world text as windows."""
    from ..assets.corpus_mix import split_world
    from ..assets.recipe import Recipe

    recipe = Recipe.from_dict((getattr(base, "config", None) or {}).get("recipe") or Recipe().to_dict())
    train_docs, _ = split_world(recipe.world_seed, recipe.corpus_chars, recipe.val_fraction)
    text, ids = "", []
    for doc in train_docs:  # about 4 characters per token: stop encoding once there is enough
        text += doc.text + "<|endoftext|>"
        if len(text) > 6 * n_train_tokens:
            break
    ids = base.tokenizer.encode(text)[:n_train_tokens]
    return torch.tensor(ids, dtype=torch.long), heldout_batches(base, n_heldout_tokens, block_size)


def perplexity(model, batches) -> float:
    """exp(mean next-token loss) on ``batches``: the held-out perplexity."""
    return math.exp(lm_loss(model, batches))


@torch.no_grad()
def mean_entropy(model, batches) -> float:
    """Mean entropy (nats) of the model's next-token distributions on ``batches``: low = sure,
    mode seeking; high = spread out, mode covering."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for inputs, _ in batches:
        log_p = torch.log_softmax(logits_of(model(inputs.to(device))).float(), dim=-1)
        total += float(-(log_p.exp() * log_p).sum(-1).sum())
        count += inputs.numel()
    model.train(was_training)
    return total / count


@torch.no_grad()
def next_token_probs(model, tokenizer, context: str) -> torch.Tensor:
    """The model's distribution over the next token after ``context`` (vocabulary-sized)."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    ids = torch.tensor([tokenizer.encode(context)[-model.config.block_size:]], device=device)
    probs = torch.softmax(logits_of(model(ids))[0, -1].float(), dim=-1).cpu()
    model.train(was_training)
    return probs


# The three language-model students of chapter 06: the same small GPT, the same text, the same
# steps; only the loss differs.
LM_VARIANTS = {
    "CE only": dict(alpha=0.0),
    "KD forward KL": dict(alpha=1.0, kl="forward"),
    "KD reverse KL": dict(alpha=1.0, kl="reverse"),
}


def lm_comparison(base, *, seeds=(0, 1, 2), steps: int = 60, batch_size: int = 8, block_size: int = 64,
                  lr: float = 3e-3, n_train_tokens: int = 60_000, n_heldout_tokens: int = 4096,
                  n_layer: int = 2, n_embd: int = 96, variants=None, progress: bool = True):
    """Train one small student per variant and seed on the base's text; measure each.

    Returns ``(runs, students)``: one dict per run (``method``, ``seed``, ``perplexity``,
    ``entropy``, ``seconds``) and the students of the first seed, by variant name, for plots."""
    import time

    from tqdm.auto import tqdm

    from ..data.batching import RandomWindows
    from ..train import TrainConfig
    from .distill import distill_language_model

    variants = LM_VARIANTS if variants is None else variants
    tokens, held_out = distillation_text(base, n_train_tokens, n_heldout_tokens, block_size)
    config = TrainConfig(max_steps=steps, lr=lr, warmup_steps=max(1, steps // 10), progress=False,
                         live_plot_every=None, device="cpu")
    runs, students = [], {}
    bar = tqdm(total=len(seeds) * len(variants), desc="distillation", disable=not progress, leave=False)
    for seed in seeds:  # seeds outer: a machine that slows down part-way slows every variant alike
        for name, settings in variants.items():
            student = small_student(base, n_layer=n_layer, n_embd=n_embd, block_size=block_size, seed=seed)
            generator = torch.Generator().manual_seed(seed)
            start = time.perf_counter()
            distill_language_model(student, base.model, RandomWindows(tokens, block_size, batch_size, generator),
                                   config, generator=generator, **settings)
            runs.append({"method": name, "seed": seed, "perplexity": perplexity(student, held_out),
                         "entropy": mean_entropy(student, held_out), "seconds": time.perf_counter() - start})
            if seed == seeds[0]:
                students[name] = student.eval()
            bar.update(1)
    bar.close()
    return runs, students
