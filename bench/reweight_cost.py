"""Cost of one Learning-to-Reweight step against a plain step, on the real-text base model.

Both steps run on the same classifier and batches, interleaved in one process (plain, reweighted,
plain, ...), so a machine that slows down part-way slows both alike. A plain step is forward,
backward and an optimizer step on the mean loss; a reweighted step first computes the look-ahead
weights (``course_lib.methods.reweight.batch_weights``: a gradient of a gradient through the
model, plus the clean batch) and then does the same on the weighted loss. Reported per step: CPU
seconds (time.process_time, all threads) and wall seconds, with their ratio to the plain step.
REFERENCE expectation: "roughly 3x the cost of a step".

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 python bench/reweight_cost.py [--batch 32 --length 40 --reps 5]
"""

from __future__ import annotations

import argparse
import time

import torch

from course_lib.assets import load_base_model
from course_lib.data.batching import LabelledDataset, collate
from course_lib.finetune import SequenceClassifier
from course_lib.finetune.compare import pad_token_id
from course_lib.finetune.heads import classification_loss
from course_lib.methods.reweight import batch_weights
from course_lib.methods.reweight_task import flipped_label_task


def _step(classifier, optimizer, batch, weights=None):
    optimizer.zero_grad(set_to_none=True)
    losses, _ = classification_loss(classifier, batch)
    loss = losses.mean() if weights is None else (weights * losses).sum()
    loss.backward()
    optimizer.step()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--length", type=int, default=40)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    base = load_base_model()
    task = flipped_label_task("tr", n_noisy=4 * args.batch, n_clean=args.batch, noise=0.4, n_dev=10)
    pad = pad_token_id(base.tokenizer)
    data = LabelledDataset.from_texts([e.text for e in task.train], [e.label for e in task.train], base.tokenizer,
                                      max_length=args.length)
    batches = [collate([data[i] for i in range(s, s + args.batch)], pad_id=pad) for s in range(0, 4 * args.batch, args.batch)]
    clean = collate([data[i] for i in task.info["clean"]], pad_id=pad)
    classifier = SequenceClassifier(base.model, len(task.labels), pad_id=pad).train()
    optimizer = torch.optim.AdamW(classifier.parameters(), lr=1e-4)
    _step(classifier, optimizer, batches[0])  # warm-up
    totals = {"plain": [0.0, 0.0], "reweighted": [0.0, 0.0]}
    for rep in range(args.reps):
        batch = batches[rep % len(batches)]
        for name in ("plain", "reweighted"):
            wall, cpu = time.perf_counter(), time.process_time()
            weights = batch_weights(classifier, batch, clean, 1e-3) if name == "reweighted" else None
            _step(classifier, optimizer, batch, weights)
            totals[name][0] += time.process_time() - cpu
            totals[name][1] += time.perf_counter() - wall
    plain_cpu, plain_wall = (v / args.reps for v in totals["plain"])
    print(f"batch {args.batch} x {args.length} tokens, {args.reps} steps each, torch {torch.__version__}, "
          f"{torch.get_num_threads()} thread(s)")
    print("| step | CPU s | ratio | wall s | ratio |\n|---|---|---|---|---|")
    for name, (cpu, wall) in totals.items():
        cpu, wall = cpu / args.reps, wall / args.reps
        print(f"| {name} | {cpu:.3f} | {cpu / plain_cpu:.2f} | {wall:.3f} | {wall / plain_wall:.2f} |")


if __name__ == "__main__":
    main()
