"""Every chapter's sizes under each profile, in one table a teacher can read and tune.

Each entry maps a profile to a dict; the three dicts of a chapter must have the same keys
(tests/test_profile.py checks this). ``smoke`` keeps a notebook to seconds on a 2-core
CPU, ``cpu`` to a few minutes, ``gpu`` gives real results on a Colab T4 or better.
"""

CHAPTER_SIZES: dict[str, dict[str, dict]] = {
    "00_introduction": {
        "smoke": {"samples": 200, "generate_tokens": 40},
        "cpu": {"samples": 5_000, "generate_tokens": 200},
        "gpu": {"samples": 5_000, "generate_tokens": 200},
    },
    "A1_gpu_kernels": {
        # demo_*: the tensor the notebook's kernels run on (the CPU interpreter pays ~1 ms per row);
        # bench_*: the softmax timed on a GPU (rows x each width), never on the CPU.
        "smoke": {"demo_rows": 4, "demo_cols": 37, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "cpu": {"demo_rows": 16, "demo_cols": 100, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "gpu": {"demo_rows": 64, "demo_cols": 1000, "bench_rows": 8192, "bench_cols": (256, 1024, 4096, 16384)},
    },
}
