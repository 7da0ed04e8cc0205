"""Build a shipped base model, reproducibly.

    python -m course_lib.assets.build_base                      # the real-text model (--data ../shared/data)
    python -m course_lib.assets.build_base --preset world       # the world-only model
    python -m course_lib.assets.build_base --preset smoke --out /tmp/base   # seconds, for a check

Four steps, each a function below:
  1. text       the recipe's sources (corpus_mix.py): the world, and for the real-text model
                Turkish Wikipedia and Tatoeba TR/EN read from ``--data``; a part of each is held out
  2. tokenizer  byte-level BPE on the training documents plus the world's task texts
  3. pretrain   a GPT with ``course_lib.train`` on random windows of the token stream
  4. write      weights (safetensors), tokenizer (JSON), ``base_config.json`` with the recipe, the
                sources and their licences, the losses (held-out bits per byte for each source
                and language, a unigram baseline) and the files' SHA-256; ATTRIBUTION.md for
                a model trained on licensed text

Everything random is seeded from the recipe (the data splits, the world, the initial weights,
the windows), so the same command on the same machine and torch version writes bit-identical weights.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import torch

from ..data.world import World
from ..model import GPT, GPTConfig, generate
from ..tokenizer import BPETokenizer
from ..train import RandomWindows, TrainConfig, evaluate_loss, loss_evaluator, train
from .attribution import MODEL_LICENCE, write_attribution
from .corpus_mix import HELD_OUT_PARTS, SOURCES, mix_texts
from .files import (
    CONFIG_FILE,
    CONFIG_FORMAT,
    CONFIG_VERSION,
    TOKENIZER_FILE,
    WEIGHTS_FILE,
    build_environment,
    file_sha256,
    shipped_dir,
    write_json,
    write_safetensors,
)
from .held_out import held_out_bits_per_byte
from .recipe import ENDOFTEXT, PRESETS, Recipe, preset


# --- 1. text (corpus_mix.py) ---------------------------------------------------------------
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
def round_to_storage(model: GPT, dtype: str) -> None:
    """Round the weights to the storage dtype in place, so that what is measured is what is shipped."""
    with torch.no_grad():
        for tensor in model.state_dict().values():
            tensor.copy_(tensor.to(getattr(torch, dtype)))


def write_weights(model: GPT, path: Path, dtype: str = "float32") -> None:
    """The state dict as safetensors in ``dtype``, atomically (the tied output layer is ``wte``: stored once)."""
    tensors = {
        name: tensor.detach().cpu().to(getattr(torch, dtype)).contiguous() for name, tensor in model.state_dict().items()
    }
    write_safetensors(tensors, path)


def write_tokenizer(tokenizer: BPETokenizer, path: Path) -> None:
    tokenizer.save(path)  # written atomically by course_lib.tokenizer


def build(recipe: Recipe, out: Path, progress: bool = True, log=print, data_dir=None) -> dict:
    """Run the four steps and write the files into ``out``; returns the config JSON written.

    ``data_dir``: the folder of the real corpora (default ``../shared/data`` beside the repository).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    texts = mix_texts(recipe, data_dir)
    val_docs = [doc for part in HELD_OUT_PARTS for doc in texts.held_out.get(part, [])]
    tokenizer = train_tokenizer(recipe, texts.train)
    train_tokens, val_tokens = token_stream(tokenizer, texts.train), token_stream(tokenizer, val_docs)
    val_batches = held_out_batches(val_tokens, recipe.block_size, recipe.batch_size)
    log(f"tokenizer: {tokenizer.vocab_size} tokens; train {train_tokens.numel():,} tokens, "
        f"held out {val_tokens.numel():,} tokens ({time.perf_counter() - started:.1f} s)")

    model = build_model(recipe, tokenizer.vocab_size)
    untrained_val = evaluate_loss(model, val_batches)
    train_started = time.perf_counter()
    result = pretrain(recipe, model, train_tokens, val_batches, progress)
    train_seconds = time.perf_counter() - train_started
    model.eval()
    round_to_storage(model, recipe.weights_dtype)
    last = result.history.train[-10:]
    results = {
        "steps": result.steps,
        "tokens_seen": result.steps * recipe.batch_size * recipe.block_size,
        "train_loss": sum(r["loss"] for r in last) / len(last),  # mean of the last 10 steps
        "val_loss": evaluate_loss(model, val_batches),  # every held-out token once
        "untrained_val_loss": untrained_val,
        "unigram_val_loss": unigram_loss(train_tokens, val_tokens, tokenizer.vocab_size),
        "uniform_loss": math.log(tokenizer.vocab_size),
        "held_out": held_out_bits_per_byte(model, tokenizer, texts.held_out),
        "train_tokens": train_tokens.numel(),
        "val_tokens": val_tokens.numel(),
        "n_params": model.n_params(),
        "train_seconds": round(train_seconds, 1),
        "build_seconds": None,  # filled in below, once everything is measured
        "history_eval": result.history.eval,
    }
    results["build_seconds"] = round(time.perf_counter() - started, 1)

    write_weights(model, out / WEIGHTS_FILE, recipe.weights_dtype)
    write_tokenizer(tokenizer, out / TOKENIZER_FILE)
    real = [name for name in recipe.sources if name in SOURCES]
    config = {
        "format": CONFIG_FORMAT,
        "version": CONFIG_VERSION,
        "model": model.config.to_dict(),
        "tokenizer": {"vocab_size": tokenizer.vocab_size, "special_tokens": list(recipe.special_tokens)},
        "recipe": recipe.to_dict(),
        "data": {
            "train_chars": texts.train_chars,
            "sources": {name: {**vars(SOURCES[name])} for name in real},
        },
        "results": results,
        "built_with": build_environment(),
        "rebuild": "python -m course_lib.assets.build_base --preset <preset> [--data DIR] (see 'recipe')",
        "sha256": {name: file_sha256(out / name) for name in (WEIGHTS_FILE, TOKENIZER_FILE)},
    }
    if real:  # a model trained on CC BY-SA text is a derived work: its licence and credits go with it
        config["licence"] = MODEL_LICENCE
        write_attribution(out, real)
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
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the files (default: the shipped folder of 'ship' and 'world')")
    parser.add_argument("--data", type=Path, default=None,
                        help="folder of the real corpora (default: ../shared/data beside the repository)")
    parser.add_argument("--steps", type=int, default=None, help="override the preset's number of steps")
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's choice)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    out = args.out if args.out is not None else shipped_dir({"ship": "real"}.get(args.preset, args.preset))
    overrides = {"steps": args.steps} if args.steps is not None else {}
    recipe = preset(args.preset, **overrides)
    config = build(recipe, out, progress=not args.no_progress, data_dir=args.data)
    results = config["results"]
    print(f"wrote {out}: {results['n_params']:,} parameters, {results['steps']} steps in "
          f"{results['train_seconds']} s (build {results['build_seconds']} s); train loss "
          f"{results['train_loss']:.3f}, val loss {results['val_loss']:.3f} (unigram "
          f"{results['unigram_val_loss']:.3f}, untrained {results['untrained_val_loss']:.3f})")
    for part, values in results["held_out"].items():
        print(f"  held out {part:13s} {values['bits_per_byte']:.3f} bits/byte ({values['tokens']:,} tokens)")
    from .loading import load_shipped_base  # read back what was written, checksums included

    base = load_shipped_base(folder=out)
    for sample in greedy_samples(base.model, base.tokenizer):
        print("  " + sample)
    return config


if __name__ == "__main__":
    main()
