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
    "01_tokenization": {
        "smoke": {"world_chars": 40_000, "demo_chars": 3_000, "demo_merges": 30, "exercise_merges": 10,
                  "demo_vocab": 600, "world_vocab_sizes": [300, 600, 1000], "premium_vocab": 600,
                  "real_chars": 30_000, "real_vocab_sizes": [500, 1000]},
        "cpu": {"world_chars": 400_000, "demo_chars": 20_000, "demo_merges": 100, "exercise_merges": 30,
                "demo_vocab": 1000, "world_vocab_sizes": [300, 400, 600, 1000, 1500], "premium_vocab": 1000,
                "real_chars": 300_000, "real_vocab_sizes": [500, 1000, 2000, 4000, 8000]},
        "gpu": {"world_chars": 1_000_000, "demo_chars": 20_000, "demo_merges": 100, "exercise_merges": 30,
                "demo_vocab": 1000, "world_vocab_sizes": [300, 400, 600, 1000, 1500, 2000], "premium_vocab": 1000,
                "real_chars": 680_000, "real_vocab_sizes": [500, 1000, 2000, 4000, 8000, 16000]},
    },
    "A1_gpu_kernels": {
        # demo_*: the tensor the notebook's kernels run on (the CPU interpreter pays ~1 ms per row);
        # bench_*: the softmax timed on a GPU (rows x each width), never on the CPU.
        "smoke": {"demo_rows": 4, "demo_cols": 37, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "cpu": {"demo_rows": 16, "demo_cols": 100, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "gpu": {"demo_rows": 64, "demo_cols": 1000, "bench_rows": 8192, "bench_cols": (256, 1024, 4096, 16384)},
    },
}
