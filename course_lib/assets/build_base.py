"""Build the shipped base model from the built-in world, reproducibly.

    python -m course_lib.assets.build_base                     # the shipped model (~10 CPU-minutes)
    python -m course_lib.assets.build_base --preset smoke --out /tmp/base   # seconds, for a check

Four steps, each a function below:
  1. text       ``World(seed).corpus(...)`` in both languages; the last documents are held out
  2. tokenizer  byte-level BPE on the training stories plus the world's task texts
  3. pretrain   a GPT with ``course_lib.train`` on random windows of the token stream
  4. write      weights (safetensors), tokenizer (JSON), and ``base_config.json`` with the recipe,
                the losses (and a unigram baseline to compare them with) and the files' SHA-256

Everything random is seeded from the recipe (the world, the initial weights, the windows), so
the same command on the same machine and torch version writes bit-identical weights.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import time
from pathlib import Path

import torch
from safetensors.torch import save_file

from ..data.world import World
from ..model import GPT, GPTConfig, generate
from ..tokenizer import BPETokenizer
from ..train import RandomWindows, TrainConfig, evaluate_loss, loss_evaluator, train
from .files import (
    ASSETS_DIR,
    CONFIG_FILE,
    CONFIG_FORMAT,
    CONFIG_VERSION,
    TOKENIZER_FILE,
    WEIGHTS_FILE,
    file_sha256,
    write_json,
)
from .recipe import ENDOFTEXT, PRESETS, Recipe, preset


# --- 1. text --------------------------------------------------------------------------------
def world_documents(recipe: Recipe) -> tuple[list[str], list[str]]:
    """The training and held-out documents: one world corpus, split at a story boundary.

    The split keeps an English story and its Turkish twin on the same side, so the held-out
    text is never a translation of a training story.
    """
    documents = World(seed=recipe.world_seed).corpus(recipe.corpus_chars, lang="both").documents
    pair_ids = sorted({doc.pair_id for doc in documents})
    n_val_pairs = max(1, round(len(pair_ids) * recipe.val_fraction))
    held_out = set(pair_ids[-n_val_pairs:])
    train_docs = [doc.text for doc in documents if doc.pair_id not in held_out]
    val_docs = [doc.text for doc in documents if doc.pair_id in held_out]
    return train_docs, val_docs


def task_texts(recipe: Recipe) -> list[str]:
    """Examples of every world task in both languages: only for the tokenizer's vocabulary."""
    world, n = World(seed=recipe.world_seed), recipe.task_examples
    texts = []
    for lang in ("en", "tr"):
        texts += [example.text for example in world.sentiment(n, lang) + world.topics(n, lang)]
        texts += [pair.question + " " + pair.answer_sentence for pair in world.qa_pairs(lang=lang, n=n)]
        texts += [pair.instruction + "\n" + pair.response for pair in world.instructions(n, lang)]
    for direction in ("en-tr", "tr-en"):
        texts += [pair.source + "\n" + pair.target for pair in world.translation_pairs(n, direction)]
    return texts


# --- 2. tokenizer ---------------------------------------------------------------------------
def train_tokenizer(recipe: Recipe, train_docs: list[str]) -> BPETokenizer:
    """Byte-level BPE on the training stories and the task texts (never on held-out text)."""
    text = "\n\n".join(train_docs + task_texts(recipe))
    return BPETokenizer.train(text, recipe.vocab_size, special_tokens=list(recipe.special_tokens))


def token_stream(tokenizer: BPETokenizer, documents: list[str]) -> torch.Tensor:
    """All documents as one stream of ids, each followed by ``<|endoftext|>``."""
    return torch.tensor(tokenizer.encode("".join(doc + ENDOFTEXT for doc in documents)), dtype=torch.long)


def held_out_batches(tokens: torch.Tensor, block_size: int, batch_size: int) -> list[tuple]:
    """The held-out stream cut into consecutive, non-overlapping windows: every token counted once."""
    n_windows = (tokens.numel() - 1) // block_size
    inputs = tokens[: n_windows * block_size].view(n_windows, block_size)
    targets = tokens[1 : n_windows * block_size + 1].view(n_windows, block_size)
    return [(inputs[i : i + batch_size], targets[i : i + batch_size]) for i in range(0, n_windows, batch_size)]


def unigram_loss(train_tokens: torch.Tensor, val_tokens: torch.Tensor, vocab_size: int) -> float:
    """Cross-entropy (nats/token) of the held-out tokens under the training token frequencies.

    The baseline a language model must beat: it knows which tokens are common, nothing about
    order. Add-one smoothing gives tokens never seen in training a small probability.
    """
    counts = torch.bincount(train_tokens, minlength=vocab_size).double() + 1.0
    log_probs = (counts / counts.sum()).log()
    return float(-log_probs[val_tokens].mean())


# --- 3. pretrain ----------------------------------------------------------------------------
def build_model(recipe: Recipe, vocab_size: int) -> GPT:
    """A freshly initialised GPT of the recipe's shape, its weights drawn from ``train_seed``."""
    torch.manual_seed(recipe.train_seed)
    config = GPTConfig(vocab_size=vocab_size, **recipe.model_fields())
    return GPT(config)


def pretrain(recipe: Recipe, model: GPT, train_tokens: torch.Tensor, val_batches: list, progress: bool):
    """Train on random windows of the training stream (CPU, fp32, so that reruns match bit for bit)."""
    generator = torch.Generator().manual_seed(recipe.train_seed)
    windows = RandomWindows(train_tokens, recipe.block_size, recipe.batch_size, generator=generator)
    config = TrainConfig(
        max_steps=recipe.steps,
        lr=recipe.lr,
        min_lr=recipe.min_lr,
        warmup_steps=recipe.warmup_steps,
        weight_decay=recipe.weight_decay,
        grad_clip=recipe.grad_clip,
        eval_every=recipe.eval_every,
        progress=progress,
        live_plot_every=None,
        device="cpu",
    )
    evaluator = loss_evaluator(val_batches[: recipe.eval_batches])
    return train(model, windows, config, eval_fn=evaluator, generator=generator)


# --- 4. write -------------------------------------------------------------------------------
def write_weights(model: GPT, path: Path) -> None:
    """The state dict as safetensors, atomically (the tied output layer is ``wte``: stored once)."""
    tensors = {name: tensor.detach().cpu().contiguous() for name, tensor in model.state_dict().items()}
    temporary = path.with_name(path.name + ".tmp")
    save_file(tensors, str(temporary), metadata={"format": "pt"})
    os.replace(temporary, path)


def write_tokenizer(tokenizer: BPETokenizer, path: Path) -> None:
    tokenizer.save(path)  # written atomically by course_lib.tokenizer


def build(recipe: Recipe, out: Path = ASSETS_DIR, progress: bool = True, log=print) -> dict:
    """Run the four steps and write the three files into ``out``; returns the config JSON written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    train_docs, val_docs = world_documents(recipe)
    tokenizer = train_tokenizer(recipe, train_docs)
    train_tokens, val_tokens = token_stream(tokenizer, train_docs), token_stream(tokenizer, val_docs)
    val_batches = held_out_batches(val_tokens, recipe.block_size, recipe.batch_size)
    log(f"tokenizer: {tokenizer.vocab_size} tokens; train {train_tokens.numel():,} tokens, "
        f"held out {val_tokens.numel():,} tokens ({time.perf_counter() - started:.1f} s)")

    model = build_model(recipe, tokenizer.vocab_size)
    untrained_val = evaluate_loss(model, val_batches)
    train_started = time.perf_counter()
    result = pretrain(recipe, model, train_tokens, val_batches, progress)
    train_seconds = time.perf_counter() - train_started
    model.eval()
    last = result.history.train[-10:]
    results = {
        "steps": result.steps,
        "tokens_seen": result.steps * recipe.batch_size * recipe.block_size,
        "train_loss": sum(r["loss"] for r in last) / len(last),  # mean of the last 10 steps
        "val_loss": evaluate_loss(model, val_batches),  # every held-out token once
        "untrained_val_loss": untrained_val,
        "unigram_val_loss": unigram_loss(train_tokens, val_tokens, tokenizer.vocab_size),
        "uniform_loss": math.log(tokenizer.vocab_size),
        "train_tokens": train_tokens.numel(),
        "val_tokens": val_tokens.numel(),
        "n_params": model.n_params(),
        "train_seconds": round(train_seconds, 1),
        "history_eval": result.history.eval,
    }

    write_weights(model, out / WEIGHTS_FILE)
    write_tokenizer(tokenizer, out / TOKENIZER_FILE)
    config = {
        "format": CONFIG_FORMAT,
        "version": CONFIG_VERSION,
        "model": model.config.to_dict(),
        "tokenizer": {"vocab_size": tokenizer.vocab_size, "special_tokens": list(recipe.special_tokens)},
        "recipe": recipe.to_dict(),
        "results": results,
        "built_with": {
            "torch": torch.__version__,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "torch_threads": torch.get_num_threads(),
        },
        "rebuild": "python -m course_lib.assets.build_base --preset <preset> (see 'recipe')",
        "sha256": {name: file_sha256(out / name) for name in (WEIGHTS_FILE, TOKENIZER_FILE)},
    }
    write_json(out / CONFIG_FILE, config)
    return config


SAMPLE_PROMPTS = ("Ayşe Yılmaz Bursa'da yaşıyor ve", "Ayşe Yılmaz lives in Bursa and")


def greedy_samples(model: GPT, tokenizer: BPETokenizer, prompts=SAMPLE_PROMPTS, n_tokens: int = 40) -> list[str]:
    """Each prompt continued greedily up to the end of its document: a quick look at what was learned."""
    samples = []
    for prompt in prompts:
        ids = torch.tensor(tokenizer.encode(prompt))
        out = generate(model, ids, max_new_tokens=n_tokens, temperature=0, stop_token=tokenizer.special_id(ENDOFTEXT))
        samples.append(tokenizer.decode(out.tolist()).split(ENDOFTEXT)[0])
    return samples


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="ship")
    parser.add_argument("--out", type=Path, default=ASSETS_DIR, help="folder for the three files")
    parser.add_argument("--steps", type=int, default=None, help="override the preset's number of steps")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    overrides = {"steps": args.steps} if args.steps is not None else {}
    recipe = preset(args.preset, **overrides)
    config = build(recipe, args.out, progress=not args.no_progress)
    results = config["results"]
    print(f"wrote {args.out}: {results['n_params']:,} parameters, {results['steps']} steps in "
          f"{results['train_seconds']} s; train loss {results['train_loss']:.3f}, val loss "
          f"{results['val_loss']:.3f} (unigram {results['unigram_val_loss']:.3f}, "
          f"untrained {results['untrained_val_loss']:.3f})")
    from .loading import load_shipped_base  # read back what was written, checksums included

    base = load_shipped_base(folder=args.out)
    for sample in greedy_samples(base.model, base.tokenizer):
        print("  " + sample)
    return config


if __name__ == "__main__":
    main()
