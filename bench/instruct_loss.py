"""Forward + backward time of the response-only loss: all logits (instruction_loss) or only the scored ones (response_loss).

Both run on the shipped real-text base model with the same batches of the world's instructions,
interleaved in one process (each repetition times one, then the other), so the ratio compares
like with like on a busy machine too. The gradients are equal (tests/test_finetune_instruct.py).

    PYTHONPATH=. python bench/instruct_loss.py [--batch 8] [--repeats 10] [--threads 1]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from course_lib.assets import load_shipped_base
from course_lib.assets.build_chat import BASE_DIR, instruction_splits
from course_lib.assets.chat_recipe import chat_preset
from course_lib.finetune.instruct import (
    InstructionBatches,
    encode_pairs,
    end_id,
    instruction_loss,
    response_loss,
)


def step_seconds(model, loss_fn, batch) -> float:
    model.zero_grad(set_to_none=True)
    start = time.perf_counter()
    result = loss_fn(model, batch)
    (result[0] if isinstance(result, tuple) else result).mean().backward()
    return time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    base = load_shipped_base(folder=BASE_DIR)
    model, tokenizer = base.model.train(), base.tokenizer
    pairs = instruction_splits(chat_preset("ship"), tokenizer, model.config.block_size + 1)["train"]
    batches = InstructionBatches(encode_pairs(tokenizer, pairs), args.batch, end_id(tokenizer),
                                 generator=torch.Generator().manual_seed(0))
    chosen = [batch for batch, _ in zip(batches, range(args.repeats))]
    scored = sum(int((labels[:, 1:] != -100).sum()) for _, labels in chosen)
    total = sum(labels[:, 1:].numel() for _, labels in chosen)
    times = {"instruction_loss (all logits)": [], "response_loss (scored logits)": []}
    for batch in [chosen[0]] + chosen:  # the first batch once more as a warm-up
        times["instruction_loss (all logits)"].append(step_seconds(model, instruction_loss, batch))
        times["response_loss (scored logits)"].append(step_seconds(model, response_loss, batch))
    baseline = statistics.median(times["instruction_loss (all logits)"][1:])
    print(f"{args.repeats} batches of {args.batch}; {scored} of {total} positions scored "
          f"({100 * scored / total:.0f} %); vocabulary {model.config.vocab_size}; threads {args.threads}")
    print(f"{'loss':32s} {'median ms':>10s} {'ratio':>7s}")
    for name, values in times.items():
        median = statistics.median(values[1:])
        print(f"{name:32s} {1000 * median:10.1f} {median / baseline:7.2f}")


if __name__ == "__main__":
    main()
