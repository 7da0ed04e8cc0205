"""Forward + backward time of the course GPT against Hugging Face's GPT2LMHeadModel.

Both models hold the same weights (converted with ``to_hf``) and see the same batch, in the
same process, so the ratios compare like with like. Rows:
  course GPT             the fast path: attention through the kernels table (fused SDPA / Triton)
  course GPT + weights   return_attention=True: the explicit softmax path that forms (T × T)
  HF GPT2LMHeadModel     transformers' own implementation (SDPA attention)

    PYTHONPATH=. python bench/bench_model.py [--device cuda] [--steps 20]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from course_lib.model import GPT, GPTConfig, to_hf


def median_ms(step, device, steps: int) -> float:
    for _ in range(3):  # warm-up: allocator, kernel selection
        step()
    times = []
    for _ in range(steps):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        step()
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    device = torch.device(args.device)
    big = device.type == "cuda"
    config = GPTConfig(
        vocab_size=4096 if big else 512,
        block_size=512 if big else 128,
        n_layer=6 if big else 4,
        n_head=8 if big else 4,
        n_embd=512 if big else 128,
    )
    batch = 16 if big else 8
    torch.manual_seed(0)
    model = GPT(config).to(device)
    hf = to_hf(model)
    idx = torch.randint(0, config.vocab_size, (batch, config.block_size), device=device)
    targets = torch.roll(idx, -1, dims=1)

    def course(return_attention=False):
        def step():
            model.zero_grad(set_to_none=True)
            model(idx, targets, return_attention=return_attention).loss.backward()

        return step

    def huggingface():
        hf.zero_grad(set_to_none=True)
        hf(idx, labels=idx).loss.backward()

    rows = [
        ("HF GPT2LMHeadModel", median_ms(huggingface, device, args.steps)),
        ("course GPT", median_ms(course(), device, args.steps)),
        ("course GPT + weights", median_ms(course(True), device, args.steps)),
    ]
    baseline = rows[0][1]
    print(f"device {device}, {model.n_params():,} parameters, batch {batch} × {config.block_size} tokens")
    print(f"{'model':<24}{'fwd+bwd ms':>12}{'vs HF':>8}")
    for name, ms in rows:
        print(f"{name:<24}{ms:>12.2f}{ms / baseline:>8.2f}")


if __name__ == "__main__":
    main()
