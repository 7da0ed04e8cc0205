"""Benchmark the fused kernels against eager PyTorch, torch.compile and Liger-Kernel.

    python bench/kernels.py              # needs a CUDA GPU; prints one table per op and an end-to-end step
    python bench/kernels.py --dry-run    # tiny shapes on the CPU under TRITON_INTERPRET=1: checks the script
                                         # runs, its numbers mean nothing

Per op and implementation: median time of forward + backward, and the peak memory the step allocates
beyond its inputs; ratios are against eager PyTorch (the op's ``*_reference``) measured in the same
process. "liger" rows appear when ``liger_kernel`` is installed and has that op.
Goals on an H100 (issue 5): fused CE at vocab 32k x 8k tokens <= 1/3 of eager peak memory and
>= eager speed; LayerNorm fwd+bwd >= 1.5x eager; attention within 1.3x of SDPA (flash);
end-to-end training step >= 1.3x eager.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

if "--dry-run" in sys.argv:
    os.environ.setdefault("TRITON_INTERPRET", "1")  # before any kernel is defined

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from course_lib.kernels import apply, attention, bias_gelu, cross_entropy, layer_norm, lora_linear  # noqa: E402

# Dense bf16/fp16 tensor-core peaks from NVIDIA's data sheets, for MFU (None: unknown GPU).
PEAK_FLOPS = {"H200": 989e12, "H100": 989e12, "A100": 312e12, "L4": 121e12, "A10": 125e12, "T4": 65e12}


@dataclass
class OpCase:
    """One op at one size: how to make fresh inputs, and the implementations to compare."""

    op: str
    size: str
    make: Callable[[], tuple[list, torch.Tensor | None]]  # -> (inputs, upstream gradient or None)
    implementations: dict[str, Callable] = field(default_factory=dict)


def _leaf(t: torch.Tensor, trainable: bool = True) -> torch.Tensor:
    return t.detach().requires_grad_(trainable)


def build_cases(device: torch.device, dtype: torch.dtype, tiny: bool) -> list[OpCase]:
    """The benchmark shapes: GPT-2-small-like on a GPU, tiny for a dry run."""
    tokens, width, vocab = (40, 32, 300) if tiny else (8192, 768, 32000)
    batch, heads, seq, head_dim = (1, 2, 20, 16) if tiny else (8, 12, 1024, 64)
    rank = 4 if tiny else 16

    def randn(*shape, scale=1.0):
        return torch.randn(*shape, device=device, dtype=dtype) * scale

    def ln_inputs():
        x = _leaf(randn(tokens, width))
        return [x, _leaf(randn(width)), _leaf(randn(width)), 1e-5], randn(tokens, width)

    def ce_inputs():
        targets = torch.randint(0, vocab, (tokens,), device=device)
        targets[::10] = -100
        return [_leaf(randn(tokens, vocab)), targets, -100], None

    def attention_inputs():
        q, k, v = (_leaf(randn(batch, heads, seq, head_dim)) for _ in range(3))
        return [q, k, v], randn(batch, heads, seq, head_dim)

    def gelu_inputs():
        return [_leaf(randn(tokens, 4 * width)), _leaf(randn(4 * width))], randn(tokens, 4 * width)

    def lora_inputs():
        x = _leaf(randn(tokens, width))
        weight, bias = (
            _leaf(randn(3 * width, width, scale=width**-0.5), False),
            _leaf(randn(3 * width), False),
        )
        lora_a, lora_b = (
            _leaf(randn(rank, width, scale=width**-0.5)),
            _leaf(randn(3 * width, rank, scale=0.1)),
        )
        return [x, weight, bias, lora_a, lora_b, 2.0], randn(tokens, 3 * width)

    def wide_ln_inputs():  # Liger and the Triton tutorial measure LayerNorm at widths like this
        wide = 4 * width
        return [_leaf(randn(tokens, wide)), _leaf(randn(wide)), _leaf(randn(wide)), 1e-5], randn(tokens, wide)

    return [
        OpCase("layer_norm", f"{tokens} x {width}", ln_inputs),
        OpCase("layer_norm", f"{tokens} x {4 * width}", wide_ln_inputs),
        OpCase("cross_entropy", f"{tokens} tokens x vocab {vocab}", ce_inputs),
        OpCase("attention", f"B{batch} H{heads} T{seq} D{head_dim} causal", attention_inputs),
        OpCase("bias_gelu", f"{tokens} x {4 * width}", gelu_inputs),
        OpCase("lora_linear", f"{tokens} x {width} -> {3 * width}, r={rank}", lora_inputs),
    ]


def _liger_functions() -> dict[str, Callable]:
    """Liger-Kernel's equivalents with our signatures, if it is installed."""
    try:
        from liger_kernel.transformers.functional import liger_cross_entropy, liger_layer_norm
    except Exception:
        return {}
    return {
        "layer_norm": lambda x, w, b, eps: liger_layer_norm(x, w, b, eps),
        "cross_entropy": lambda logits, t, ignore_index=-100: liger_cross_entropy(
            logits, t, ignore_index=ignore_index
        ),
    }


def add_implementations(cases: list[OpCase], with_compile: bool) -> None:
    modules = {
        "layer_norm": layer_norm,
        "cross_entropy": cross_entropy,
        "attention": attention,
        "bias_gelu": bias_gelu,
        "lora_linear": lora_linear,
    }
    liger = _liger_functions()
    for case in cases:
        module = modules[case.op]
        reference = getattr(module, f"{case.op}_reference")
        case.implementations["eager"] = reference
        case.implementations["triton"] = getattr(module, f"{case.op}_triton")
        if with_compile:
            case.implementations["torch.compile"] = torch.compile(reference)
        if case.op in liger:
            case.implementations["liger"] = liger[case.op]


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def measure(
    fn: Callable, make: Callable, device: torch.device, warmup: int, iters: int
) -> tuple[float, float]:
    """(median ms of forward + backward, peak MB allocated beyond the inputs)."""
    times, peaks = [], []
    for i in range(warmup + iters):
        inputs, grad = make()  # fresh: the fused cross-entropy overwrites its logits
        _sync(device)
        if device.type == "cuda":
            base = torch.cuda.memory_allocated(device)
            torch.cuda.reset_peak_memory_stats(device)
        start = time.perf_counter()
        out = fn(*inputs)
        out.backward(grad)
        _sync(device)
        elapsed = (time.perf_counter() - start) * 1e3
        if i >= warmup:
            times.append(elapsed)
            if device.type == "cuda":
                peaks.append((torch.cuda.max_memory_allocated(device) - base) / 2**20)
        del inputs, grad, out
    return statistics.median(times), (max(peaks) if peaks else float("nan"))


def run_ops(device, dtype, tiny, with_compile, warmup, iters) -> None:
    cases = build_cases(device, dtype, tiny)
    add_implementations(cases, with_compile)
    print(f"\n## Ops, forward + backward, {dtype} ({iters} timed runs, median)\n")
    print("| op | size | implementation | ms | speed-up vs eager | peak MB | memory vs eager |")
    print("|---|---|---|---:|---:|---:|---:|")
    for case in cases:
        baseline = None
        for name, fn in case.implementations.items():
            try:
                ms, peak = measure(fn, case.make, device, warmup, iters)
            except Exception as error:  # one broken implementation must not hide the others
                print(
                    f"| {case.op} | {case.size} | {name} | failed: {type(error).__name__}: "
                    f"{str(error).splitlines()[0][:80] if str(error) else ''} | | | |"
                )
                continue
            baseline = baseline or (ms, peak)
            speed = baseline[0] / ms
            if math.isnan(peak):  # no allocator statistics on the CPU
                peak_text, memory_text = "n/a", "n/a"
            else:
                memory_text = f"{peak / baseline[1]:.2f}x" if baseline[1] > 0 else "n/a"
                peak_text = f"{peak:.1f}"
            print(
                f"| {case.op} | {case.size} | {name} | {ms:.3f} | {speed:.2f}x | {peak_text} | {memory_text} |"
            )


def _gpt_config(tiny: bool):
    from course_lib.model import GPTConfig

    if tiny:
        return GPTConfig(vocab_size=300, block_size=32, n_layer=2, n_head=2, n_embd=32), 2
    # GPT-2 small with a 32k vocabulary (the size a gpu-profile pretraining run uses), 8 x 1024 tokens.
    return GPTConfig(vocab_size=32768, block_size=1024, n_layer=12, n_head=12, n_embd=768), 8


def _flops_per_token(config) -> float:
    """Kaplan et al. (2020) training FLOPs per token, counting the output layer."""
    try:
        from course_lib.model import flops_per_token

        return float(flops_per_token(config, include_output_layer=True))
    except Exception:
        n = 12 * config.n_layer * config.n_embd**2
        forward = (
            2 * n
            + 2 * config.n_layer * config.block_size * config.n_embd
            + 2 * config.n_embd * config.vocab_size
        )
        return 3.0 * forward


def run_end_to_end(device, tiny, with_compile, warmup, iters) -> None:
    try:
        from course_lib.model import GPT
    except ImportError:
        print("\n(end-to-end step skipped: course_lib.model.GPT is not in this checkout yet)")
        return
    from course_lib.device import precision_policy

    config, batch = _gpt_config(tiny)
    policy = precision_policy(device)
    tokens = batch * config.block_size
    peak_flops = next(
        (
            v
            for k, v in PEAK_FLOPS.items()
            if device.type == "cuda" and k in torch.cuda.get_device_name(device)
        ),
        None,
    )
    print(
        f"\n## End-to-end training step: GPT {config.n_layer}L {config.n_embd}d vocab {config.vocab_size}, "
        f"{batch} x {config.block_size} tokens, autocast {policy.autocast_dtype}\n"
    )
    print("| kernels | tokens/s | speed-up vs torch | peak MB | MFU |")
    print("|---|---:|---:|---:|---:|")
    variants = [("torch", False, False), ("triton (kernels.apply)", True, False)]
    if with_compile:
        variants.append(("torch + torch.compile", False, True))
    baseline = None
    for label, fused, compiled in variants:
        torch.manual_seed(0)
        model = GPT(config).to(device)
        if fused:
            apply(model)
        optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, fused=device.type == "cuda")
        step_model = torch.compile(model) if compiled else model
        # Training asks for the loss only, so the fused cross-entropy may reuse the logits' memory.
        loss_kwargs = {"return_logits": False}
        idx = torch.randint(0, config.vocab_size, (batch, config.block_size), device=device)
        targets = torch.roll(idx, -1, dims=1)
        times = []
        if device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(device)
        for i in range(warmup + iters):
            _sync(device)
            start = time.perf_counter()
            with policy.autocast():
                loss = step_model(idx, targets=targets, **loss_kwargs).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            _sync(device)
            if i >= warmup:
                times.append(time.perf_counter() - start)
        per_second = tokens / statistics.median(times)
        baseline = baseline or per_second
        peak = torch.cuda.max_memory_allocated(device) / 2**20 if device.type == "cuda" else float("nan")
        mfu = f"{100 * per_second * _flops_per_token(config) / peak_flops:.1f} %" if peak_flops else "n/a"
        peak_text = f"{peak:.0f}" if not math.isnan(peak) else "n/a"
        print(f"| {label} | {per_second:,.0f} | {per_second / baseline:.2f}x | {peak_text} | {mfu} |")
        del model, optimizer, step_model


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dry-run", action="store_true", help="tiny shapes on the CPU interpreter (checks the script)"
    )
    parser.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float16", "float32"])
    parser.add_argument("--iters", type=int, default=20)
    parser.add_argument("--no-compile", action="store_true", help="skip the torch.compile rows")
    args = parser.parse_args(argv)

    if args.dry_run:
        device, dtype, warmup, iters, with_compile = torch.device("cpu"), torch.float32, 0, 1, False
        print("DRY RUN on the CPU under the Triton interpreter: the numbers below mean nothing.")
    elif not torch.cuda.is_available():
        print(
            "bench/kernels.py measures GPU kernels and needs a CUDA device; none is available here. "
            "Nothing was measured. (Use --dry-run to check that the script runs.)"
        )
        return 0
    else:
        device, dtype = torch.device("cuda"), getattr(torch, args.dtype)
        warmup, iters, with_compile = 5, args.iters, not args.no_compile
        print(f"Device: {torch.cuda.get_device_name(device)}, torch {torch.__version__}")
    run_ops(device, dtype, args.dry_run, with_compile, warmup, iters)
    run_end_to_end(
        device,
        args.dry_run,
        with_compile,
        warmup if not args.dry_run else 0,
        iters if not args.dry_run else 1,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
