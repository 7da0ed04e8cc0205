"""Pretrain a character-level GPT on Tiny Shakespeare with course_lib.train, and time it.

    python bench/pretrain_shakespeare.py [--data PATH] [--iters N] [--skip-hf] ...

Data: Tiny Shakespeare (1,115,394 characters); the last 10 % is the validation set (as in nanoGPT).
Goal on a 2-core CPU: validation loss <= 1.75 within ~70 s of training. nanoGPT's CPU recipe
(4 layers x 128, context 64, batch 12, 2,000 iterations, lr 1e-3) reaches about 1.88-1.89.
The defaults here keep that model and context but take batch 24 (more tokens per second on
a CPU), 1,300 steps (2.0 M tokens instead of 1.5 M) and lr 5e-3 with 50 warmup steps, cosine
decay to lr/10, AdamW betas (0.9, 0.99), weight decay 0.1 on matrices, clipping at 1.0.
Pass --threads 1 when other jobs share the cores: two threads then wait on each other.

The same loop then trains a Hugging Face GPT2LMHeadModel converted from an identically
initialised course GPT (same weights, same batches), and the table compares the two.
Training wall time excludes the evaluations (they are timed apart).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

import torch

from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.train import Callback, RandomWindows, TrainConfig, evaluate_loss, train

DEFAULT_DATA = Path(os.environ.get("COURSE_SHARED_DATA", "/work/shared/data")) / "tinyshakespeare.txt"


def char_tokens(text: str) -> tuple[torch.Tensor, list[str]]:
    """A minimal character vocabulary (the tokenizer package's CharTokenizer does the same, with checks)."""
    vocab = sorted(set(text))
    index = {ch: i for i, ch in enumerate(vocab)}
    return torch.tensor([index[ch] for ch in text], dtype=torch.long), vocab


class Stopwatch(Callback):
    """Training time without the evaluations (``on_evaluate`` runs inside the step's wall time)."""

    def on_train_begin(self, state):
        self.start, self.eval_seconds = time.perf_counter(), 0.0

    def on_evaluate(self, state, metrics):
        self.eval_seconds += metrics.pop("eval_seconds", 0.0)

    def on_train_end(self, state):
        self.train_seconds = time.perf_counter() - self.start - self.eval_seconds


def timed_val_loss(val_batches, max_batches):
    def eval_fn(model):
        start = time.perf_counter()
        loss = evaluate_loss(model, val_batches, max_batches=max_batches)
        return {"val_loss": loss, "eval_seconds": time.perf_counter() - start}

    return eval_fn


def run(model, name, train_tokens, val_tokens, args) -> dict:
    generator = torch.Generator().manual_seed(args.seed)
    batches = RandomWindows(train_tokens, args.block_size, args.batch_size, generator)
    val = RandomWindows(val_tokens, args.block_size, args.eval_batch_size, fixed=True, seed=1234)
    config = TrainConfig(max_steps=args.iters, lr=args.lr, min_lr=args.lr / 10, warmup_steps=args.warmup,
                         weight_decay=args.weight_decay, betas=(0.9, 0.99), grad_clip=1.0,
                         eval_every=args.eval_every, progress=args.progress, device="cpu")
    watch = Stopwatch()
    torch.manual_seed(args.seed)
    result = train(model, batches, config, generator=generator, callbacks=[watch],
                   eval_fn=timed_val_loss(val, args.eval_batches))
    # The final number: a larger, fixed validation sample than the periodic checks.
    final_val = evaluate_loss(model, val, max_batches=args.final_eval_batches)
    tokens = args.iters * args.batch_size * args.block_size
    return {"name": name, "seconds": watch.train_seconds, "tokens_per_s": tokens / watch.train_seconds,
            "val_loss": final_val, "curve": result.history.eval}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n-layer", type=int, default=4)
    parser.add_argument("--n-head", type=int, default=4)
    parser.add_argument("--n-embd", type=int, default=128)
    parser.add_argument("--block-size", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=24)
    parser.add_argument("--iters", type=int, default=1300)
    parser.add_argument("--lr", type=float, default=5e-3)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--weight-decay", type=float, default=0.1)
    parser.add_argument("--eval-every", type=int, default=325)
    parser.add_argument("--eval-batches", type=int, default=20)
    parser.add_argument("--final-eval-batches", type=int, default=200)
    parser.add_argument("--eval-batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--skip-hf", action="store_true", help="train only the course GPT")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    text = args.data.read_text(encoding="utf-8")
    tokens, vocab = char_tokens(text)
    split = int(0.9 * len(tokens))
    train_tokens, val_tokens = tokens[:split], tokens[split:]
    config = GPTConfig(vocab_size=len(vocab), block_size=args.block_size, n_layer=args.n_layer,
                       n_head=args.n_head, n_embd=args.n_embd, dropout=0.0)
    torch.manual_seed(args.seed)
    ours = GPT(config)
    ours.check_inputs = False  # the bench's batches are valid by construction
    hf = to_hf(ours) if not args.skip_hf else None  # same initial weights, converted before training
    print(f"data: {args.data} ({len(text):,} chars, vocab {len(vocab)}), train {split:,} / val {len(tokens) - split:,}")
    print(f"model: {args.n_layer} layers x {args.n_embd}, {args.n_head} heads, context {args.block_size}, "
          f"{sum(p.numel() for p in ours.parameters()):,} parameters; batch {args.batch_size}, "
          f"{args.iters} steps, lr {args.lr}, torch threads {torch.get_num_threads()}")

    results = [run(ours, "course GPT", train_tokens, val_tokens, args)]
    rss_course = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if hf is not None:
        results.append(run(hf, "HF GPT2LMHeadModel", train_tokens, val_tokens, args))
    rss_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    base = results[0]
    print(f"\n{'model':<20} {'train s':>8} {'tokens/s':>10} {'val loss':>9} {'speed vs course':>16}")
    for r in results:
        print(f"{r['name']:<20} {r['seconds']:>8.1f} {r['tokens_per_s']:>10,.0f} {r['val_loss']:>9.4f} "
              f"{r['tokens_per_s'] / base['tokens_per_s']:>15.2f}x")
    print(f"peak RSS: {rss_course:,.0f} MiB after the course GPT, {rss_all:,.0f} MiB at the end (whole process)")
    print("validation curve (course GPT):", ", ".join(f"{e['step']}: {e['val_loss']:.3f}" for e in base["curve"]))


if __name__ == "__main__":
    main()
