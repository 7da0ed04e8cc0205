"""Pretrain a character-level GPT on Tiny Shakespeare four ways, interleaved, and time each step.

    python bench/pretrain_shakespeare.py [--steps N] [--chunk K] [--rows ...] [--compile] [--device cuda] ...

The rows, all in one process, on the same batches (each row draws them from its own generator,
seeded alike), with the same AdamW groups, schedule and clipping, from the same initial weights:

  reference GPT, bare loop   a plain PyTorch GPT of the same shape written below (~40 lines:
                             pre-norm, exact GELU, F.scaled_dot_product_attention, tied
                             embeddings), trained by a hand-written loop. The baseline.
  course GPT, bare loop      course_lib's GPT in the same hand-written loop.
  course GPT, train()        course_lib's GPT in course_lib.train.train (the loop of the course).
  course GPT exact GELU      the course GPT built with GPTConfig(activation="gelu"), the same
                             weights, in the bare loop: the same ops as the reference, so the two
                             rows show what the course model's structure costs, GELU aside.
  HF GPT2LMHeadModel         transformers' GPT-2 converted from the course GPT, in the bare loop.

The rows take turns: ``--chunk`` steps of train(), then ``--chunk`` steps of each bare row, and
so on until every row has taken ``--steps`` steps, so a change in the machine's load (other jobs
on a shared machine) falls on every row alike. The table reports the median step time after the
first ``--skip`` steps, its ratio to the reference row, the ratio of train() to the bare loop with
the same model, and the validation loss at the end (a fixed sample of the last 10 % of the text).
With ``--compile`` every model is compiled in place (``nn.Module.compile``, torch.compile) and the
time of its first steps beyond the median (the compilation) is reported in its own column.

Goals: the course GPT no slower per step than the reference and than HF; train() within 3 % of
the bare loop; validation loss <= 1.75 on the defaults (1,300 steps). The defaults keep nanoGPT's
CPU model (4 layers x 128, context 64) with batch 24, lr 5e-3, 50 warmup steps, cosine decay to
lr/10, AdamW betas (0.9, 0.99), weight decay 0.1 on matrices, clipping at 1.0. nanoGPT's own CPU
recipe (batch 12, 2,000 iterations, lr 1e-3) reaches about 1.88-1.89. Pass ``--threads 1`` when
other jobs share the cores: two threads then wait on each other.

Data: Tiny Shakespeare (1,115,394 characters) from the shared data folder beside the repository
(course_lib.data.local_data), or ``--data PATH``.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
from dataclasses import replace
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from tqdm.auto import tqdm

from course_lib.data.local_data import find_corpus
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.train import Callback, RandomWindows, TrainConfig, build_adamw, evaluate_loss, lr_at, train


# ------------------------------------------------------------------------ the reference model
class ReferenceBlock(nn.Module):
    def __init__(self, d: int, n_head: int):
        super().__init__()
        self.n_head = n_head
        self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.c_attn, self.attn_proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.c_fc, self.mlp_proj = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(C, dim=2)
        q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.attn_proj(y.transpose(1, 2).reshape(B, T, C))
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x))))


class ReferenceGPT(nn.Module):
    """The plainest GPT-2-shaped model PyTorch allows: the speed the course GPT is measured against."""

    def __init__(self, vocab_size: int, block_size: int, n_layer: int, n_head: int, d: int):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(vocab_size, d), nn.Embedding(block_size, d)
        self.h = nn.ModuleList(ReferenceBlock(d, n_head) for _ in range(n_layer))
        self.ln_f = nn.LayerNorm(d)
        self.lm_head = nn.Linear(d, vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight  # tied embeddings

    def forward(self, idx, targets=None):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1], device=idx.device))
        for block in self.h:
            x = block(x)
        logits = self.lm_head(self.ln_f(x))
        loss = None if targets is None else F.cross_entropy(logits.flatten(0, 1), targets.flatten())
        return logits, loss

    def load_gpt2(self, hf_state: dict) -> None:
        """Copy a GPT2LMHeadModel's weights (its Conv1D layers store the transpose of nn.Linear's)."""
        renames = {"attn.c_attn": "c_attn", "attn.c_proj": "attn_proj", "mlp.c_fc": "c_fc", "mlp.c_proj": "mlp_proj"}
        state = {}
        for name, value in hf_state.items():
            name = name.removeprefix("transformer.")
            for old, new in renames.items():
                name = name.replace(old, new)
            conv1d = name.endswith(".weight") and value.ndim == 2 and name.split(".")[-2] in renames.values()
            state[name] = value.t() if conv1d else value
        self.load_state_dict(state)


# ---------------------------------------------------------------------------------- the rows
def course_loss(model, x, y):
    return model(x, targets=y).loss


def reference_loss(model, x, y):
    return model(x, targets=y)[1]


def hf_loss(model, x, y):
    return F.cross_entropy(model(x).logits.flatten(0, 1), y.flatten())


ROW_NAMES = {"reference": "reference GPT, bare loop", "course bare": "course GPT, bare loop",
             "course exact": "course GPT exact GELU, bare", "hf": "HF GPT2LMHeadModel, bare loop"}


class BareRow:
    """A model trained by the hand-written loop every PyTorch tutorial shows, one step per call."""

    def __init__(self, name, model, loss_of, train_tokens, config: TrainConfig, args):
        self.name, self.model, self.loss_of, self.config, self.args = name, model, loss_of, config, args
        self.optimizer = build_adamw(model, config)  # the same parameter groups train() builds
        generator = torch.Generator().manual_seed(args.seed)
        self.batches = iter(RandomWindows(train_tokens, args.block_size, args.batch_size, generator))
        self.step_count, self.times = 0, []

    def step(self) -> None:
        start = now(self.args.device)
        x, y = (t.to(self.args.device) for t in next(self.batches))
        for group in self.optimizer.param_groups:
            group["lr"] = lr_at(self.step_count, self.config, self.args.steps)
        loss = self.loss_of(self.model, x, y)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        self.optimizer.step()
        loss.item()  # a real loop logs its loss; train() reads it too
        self.step_count += 1
        self.times.append(now(self.args.device) - start)


class TakeTurns(Callback):
    """Inside train(): times each of its steps, and every ``chunk`` steps lets the bare rows take theirs."""

    def __init__(self, others: list[BareRow], chunk: int, device: str):
        self.others, self.chunk, self.device = others, chunk, device
        self.times = []

    def on_train_begin(self, state):
        # The bar moves outside the timed stretches, so it costs no row anything.
        self.bar = tqdm(total=state.total_steps, desc="steps per row", unit="step")
        self.last = now(self.device)

    def on_step_end(self, state):
        self.times.append(now(self.device) - self.last)
        if state.step % self.chunk == 0:
            self._others_take(self.chunk)
            self.bar.update(self.chunk)
        self.last = now(self.device)

    def on_train_end(self, state):
        left = state.step % self.chunk
        if left:
            self._others_take(left)
        self.bar.update(left)
        self.bar.close()

    def _others_take(self, steps: int) -> None:
        for row in self.others:
            for _ in range(steps):
                row.step()


def now(device: str) -> float:
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    return time.perf_counter()


def summary(times: list[float], skip: int) -> tuple[float, float]:
    """Median step time after the first ``skip`` steps, and what those first steps took beyond it."""
    timed = times[skip:] or times
    median = statistics.median(timed)
    return median, max(0.0, sum(times[:skip]) - skip * median)


def ratio(value: float, baseline: float) -> str:
    return "-" if baseline != baseline else f"{value / baseline:.3f}x"  # NaN: that row was not run


# ---------------------------------------------------------------------------------- the run
def char_tokens(text: str) -> tuple[torch.Tensor, list[str]]:
    """A minimal character vocabulary (the tokenizer package's CharTokenizer does the same, with checks)."""
    vocab = sorted(set(text))
    index = {ch: i for i, ch in enumerate(vocab)}
    return torch.tensor([index[ch] for ch in text], dtype=torch.long), vocab


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=find_corpus("tinyshakespeare.txt"),
                        help="Tiny Shakespeare (default: the shared data folder beside the repository)")
    parser.add_argument("--n-layer", type=int, default=4)
    parser.add_argument("--n-head", type=int, default=4)
    parser.add_argument("--n-embd", type=int, default=128)
    parser.add_argument("--block-size", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=24)
    parser.add_argument("--steps", type=int, default=1300, help="optimizer steps per row")
    parser.add_argument("--chunk", type=int, default=10, help="steps a row takes before the next row's turn")
    parser.add_argument("--skip", type=int, default=5, help="first steps per row left out of the median")
    parser.add_argument("--lr", type=float, default=5e-3)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--weight-decay", type=float, default=0.1)
    parser.add_argument("--final-eval-batches", type=int, default=200)
    parser.add_argument("--eval-batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--compile", action="store_true", help="torch.compile every model (in place)")
    parser.add_argument("--rows", default="reference,course bare,course exact,hf",
                        help="the rows besides train()'s, comma-separated: " + ", ".join(ROW_NAMES))
    args = parser.parse_args()
    args.rows = [row.strip() for row in args.rows.split(",") if row.strip()]
    if set(args.rows) - set(ROW_NAMES):
        parser.error(f"--rows: choose among {', '.join(ROW_NAMES)}")
    if args.data is None:
        parser.error("no Tiny Shakespeare found beside the repository (../shared/data): pass --data PATH")
    return args


def main() -> None:
    args = parse_args()
    torch.set_num_threads(args.threads)
    text = args.data.read_text(encoding="utf-8")
    tokens, vocab = char_tokens(text)
    split = int(0.9 * len(tokens))
    train_tokens, val_tokens = tokens[:split], tokens[split:]
    config = GPTConfig(vocab_size=len(vocab), block_size=args.block_size, n_layer=args.n_layer,
                       n_head=args.n_head, n_embd=args.n_embd, dropout=0.0)
    train_config = TrainConfig(max_steps=args.steps, lr=args.lr, min_lr=args.lr / 10, warmup_steps=args.warmup,
                               weight_decay=args.weight_decay, betas=(0.9, 0.99), grad_clip=1.0,
                               progress=False, live_plot_every=None, device=args.device)

    # One initialisation for every row: the course GPT's, copied and converted.
    torch.manual_seed(args.seed)
    course = GPT(config)
    # The bench's batches are valid by construction: the bare rows skip the input check, whose
    # read-back of the largest id makes a GPU wait (under torch.compile it is skipped anyway).
    course.check_inputs = False
    exact = GPT(replace(config, activation="gelu"))
    exact.load_state_dict(course.state_dict())
    exact.check_inputs = False
    hf_state = to_hf(course).state_dict()
    reference = ReferenceGPT(len(vocab), args.block_size, args.n_layer, args.n_head, args.n_embd)
    reference.load_gpt2(hf_state)
    models = {"reference": reference, "course bare": copy.deepcopy(course), "course exact": exact,
              "course train": course, "hf": to_hf(course)}
    models = {key: model for key, model in models.items() if key == "course train" or key in args.rows}
    probe = torch.randint(len(vocab), (2, args.block_size), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():  # the reference uses exact GELU, the course GPT GPT-2's tanh form: close, not equal
        gap = (reference(probe)[0] - course(probe).logits).abs().max().item()
    for model in models.values():
        model.to(args.device)
        if args.compile:
            model.compile()

    print(f"data: {args.data.name} ({len(text):,} chars, vocab {len(vocab)}), train {split:,} / val {len(tokens) - split:,}")
    print(f"model: {args.n_layer} layers x {args.n_embd}, {args.n_head} heads, context {args.block_size}, "
          f"{sum(p.numel() for p in course.parameters()):,} parameters; batch {args.batch_size}, "
          f"{args.steps} steps per row in turns of {args.chunk}, lr {args.lr}, device {args.device}, "
          f"torch {torch.__version__}, threads {torch.get_num_threads()}, compile {args.compile}")
    print(f"initial logits, reference vs course GPT: max |difference| {gap:.2e} (exact vs tanh GELU)")

    bare = [BareRow(ROW_NAMES[key], models[key], loss_of, train_tokens, train_config, args)
            for key, loss_of in (("reference", reference_loss), ("course bare", course_loss),
                                 ("course exact", course_loss), ("hf", hf_loss))
            if key in models]
    turns = TakeTurns(bare, args.chunk, args.device)
    generator = torch.Generator().manual_seed(args.seed)
    batches = RandomWindows(train_tokens, args.block_size, args.batch_size, generator)
    started = time.perf_counter()
    train(models["course train"], batches, train_config, generator=generator, callbacks=[turns])
    wall = time.perf_counter() - started

    rows = [(row.name, row.times, row.model) for row in bare]
    rows.insert(min(2, len(rows)), ("course GPT, train()", turns.times, models["course train"]))
    val = RandomWindows(val_tokens, args.block_size, args.eval_batch_size, fixed=True, seed=1234)
    with torch.compiler.set_stance("force_eager"):  # evaluating compiled models eagerly spares a recompile
        losses = {name: evaluate_loss(model, val, max_batches=args.final_eval_batches) for name, _, model in rows}
    stats = {name: summary(times, args.skip) for name, times, _ in rows}
    base = stats.get("reference GPT, bare loop", (float("nan"),))[0]
    course_bare = stats.get("course GPT, bare loop", (float("nan"),))[0]
    header = f"{'row':<32} {'ms/step':>8} {'vs reference':>13} {'train()/bare':>13}"
    header += f" {'compile s':>10}" if args.compile else ""
    print(f"\n{header} {'val loss':>9}")
    for name, _, _ in rows:
        median, first_extra = stats[name]
        line = f"{name:<32} {median * 1e3:>8.1f} {ratio(median, base):>13}"
        line += f" {ratio(median, course_bare):>13}" if name == "course GPT, train()" else f" {'':>13}"
        line += f" {first_extra:>10.1f}" if args.compile else ""
        print(f"{line} {losses[name]:>9.4f}")
    print(f"(median of steps {args.skip + 1}-{args.steps} per row; all rows took {wall:.0f} s together)")


if __name__ == "__main__":
    main()
