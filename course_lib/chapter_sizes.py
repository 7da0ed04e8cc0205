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
                  "real_chars": 30_000, "real_vocab_sizes": [500, 1000],
                  "flores_pairs": 200, "flores_vocab": 400, "hub_tokenizers": False},
        "cpu": {"world_chars": 400_000, "demo_chars": 20_000, "demo_merges": 100, "exercise_merges": 30,
                "demo_vocab": 1000, "world_vocab_sizes": [300, 400, 600, 1000, 1500], "premium_vocab": 1000,
                "real_chars": 300_000, "real_vocab_sizes": [500, 1000, 2000, 4000, 8000],
                "flores_pairs": 200, "flores_vocab": 1000, "hub_tokenizers": False},
        "gpu": {"world_chars": 1_000_000, "demo_chars": 20_000, "demo_merges": 100, "exercise_merges": 30,
                "demo_vocab": 1000, "world_vocab_sizes": [300, 400, 600, 1000, 1500, 2000], "premium_vocab": 1000,
                "real_chars": 680_000, "real_vocab_sizes": [500, 1000, 2000, 4000, 8000, 16000],
                "flores_pairs": 200, "flores_vocab": 1000, "hub_tokenizers": True},
    },
    "02_pretraining": {
        # demo_*: the tiny model taken apart piece by piece (the same in every profile);
        # the rest: the model the chapter pretrains; scale_*: the small runs of the scaling section.
        "smoke": {
            "demo_block_size": 10, "demo_n_embd": 16, "demo_n_head": 2, "demo_n_layer": 2, "demo_steps": 3,
            "corpus_chars": 30_000, "vocab_size": 300,
            "n_layer": 2, "n_head": 2, "n_embd": 32, "block_size": 32, "batch_size": 8,
            "steps": 30, "lr": 3e-3, "warmup_steps": 3, "eval_every": 15, "eval_batches": 2, "plot_every": 15,
            "generate_tokens": 30,
            "scale_n_layer": 1, "scale_n_head": 2, "scale_n_embd": 16, "scale_block_size": 16,
            "scale_steps": 8, "scale_eval_every": 4, "scale_variants": ["base", "width", "data"],
            "sweep_lrs": [1e-3, 1e-2], "sweep_steps": 3, "bpb_chars": 1_500, "bpb_flores_pairs": 20,
        },
        "cpu": {
            "demo_block_size": 10, "demo_n_embd": 16, "demo_n_head": 2, "demo_n_layer": 2, "demo_steps": 20,
            "corpus_chars": 300_000, "vocab_size": 512,
            "n_layer": 4, "n_head": 4, "n_embd": 128, "block_size": 64, "batch_size": 16,
            "steps": 800, "lr": 2e-3, "warmup_steps": 40, "eval_every": 100, "eval_batches": 10,
            "plot_every": 50, "generate_tokens": 120,
            "scale_n_layer": 2, "scale_n_head": 2, "scale_n_embd": 48, "scale_block_size": 32,
            "scale_steps": 150, "scale_eval_every": 25, "scale_variants": ["base", "width", "depth", "data"],
            "sweep_lrs": [1e-3, 3e-3, 1e-2, 3e-2], "sweep_steps": 150, "bpb_chars": 20_000, "bpb_flores_pairs": 200,
        },
        "gpu": {
            "demo_block_size": 10, "demo_n_embd": 16, "demo_n_head": 2, "demo_n_layer": 2, "demo_steps": 20,
            "corpus_chars": 3_000_000, "vocab_size": 2_048,
            "n_layer": 6, "n_head": 6, "n_embd": 384, "block_size": 256, "batch_size": 64,
            "steps": 2_000, "lr": 1e-3, "warmup_steps": 100, "eval_every": 250, "eval_batches": 20,
            "plot_every": 100, "generate_tokens": 200,
            "scale_n_layer": 4, "scale_n_head": 4, "scale_n_embd": 128, "scale_block_size": 128,
            "scale_steps": 600, "scale_eval_every": 100, "scale_variants": ["base", "width", "depth", "data"],
            "sweep_lrs": [], "sweep_steps": 0, "bpb_chars": 50_000, "bpb_flores_pairs": 200,
        },
    },
    "03_finetuning": {
        # world_*: the world task (label noise on its training labels only, so that the approaches do
        # not all saturate); sib_n_train: SIB-200 training sentences (None: all 701); seeds: runs per
        # approach; epochs, batch_size, lr, max_length (tokens per text), forgetting_tokens (held-out
        # pretraining text the forgetting column reads): every fine-tuning run (gradual unfreezing
        # needs more epochs than blocks to thaw them all); translation_n_dev: translation prompts per
        # direction (chrF); chat_prompts: prompts per language, base vs chat model; hub_model: the
        # real Turkish GPT-2 (gpu profile, needs a network).
        "smoke": {
            "world_task": "topic", "world_n_train": 16, "world_n_dev": 16, "label_noise": 0.3,
            "sib_n_train": 16, "seeds": [0], "epochs": 1, "batch_size": 8, "lr": 1e-3, "selected_k": 1,
            "max_length": 32, "forgetting_tokens": 256,
            "translation_n_dev": 2, "chat_prompts": 1, "generate_tokens": 8,
            "hub_model": None,
        },
        "cpu": {
            "world_task": "topic", "world_n_train": 96, "world_n_dev": 96, "label_noise": 0.3,
            "sib_n_train": 160, "seeds": [0, 1, 2], "epochs": 4, "batch_size": 32, "lr": 1e-3, "selected_k": 1,
            "max_length": 40, "forgetting_tokens": 4096,
            "translation_n_dev": 20, "chat_prompts": 3, "generate_tokens": 32,
            "hub_model": None,
        },
        "gpu": {
            "world_task": "topic", "world_n_train": 400, "world_n_dev": 400, "label_noise": 0.3,
            "sib_n_train": None, "seeds": [0, 1, 2], "epochs": 8, "batch_size": 32, "lr": 5e-4, "selected_k": 2,
            "max_length": 128, "forgetting_tokens": 8192,
            "translation_n_dev": 200, "chat_prompts": 6, "generate_tokens": 48,
            "hub_model": "ytu-ce-cosmos/turkish-gpt2",
        },
    },
    "A1_gpu_kernels": {
        # demo_*: the tensor the notebook's kernels run on (the CPU interpreter pays ~1 ms per row);
        # bench_*: the softmax timed on a GPU (rows x each width), never on the CPU.
        "smoke": {"demo_rows": 4, "demo_cols": 37, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "cpu": {"demo_rows": 16, "demo_cols": 100, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "gpu": {"demo_rows": 64, "demo_cols": 1000, "bench_rows": 8192, "bench_cols": (256, 1024, 4096, 16384)},
    },
    "15_privacy": {
        # corpus_chars: world stories (the canary logs come on top: r in repeats, per_repeat records
        # each); the tiny character-level GPT trained per variant (block_size, n_layer, n_head,
        # n_embd; batch_size = the expected Poisson batch; steps, lr); secret_digits: the unknown
        # digits an exposure ranks over (|R| = 10^secret_digits valid TCKNs); samples: sampled
        # completions per canary; mia_rows: members and non-members of the loss attack; dp_*: DP-SGD.
        "smoke": {
            "corpus_chars": 8_000, "repeats": [1, 4, 16], "per_repeat": 1,
            "block_size": 64, "n_layer": 1, "n_head": 2, "n_embd": 32, "batch_size": 16, "steps": 20,
            "lr": 3e-3, "seed": 0, "secret_digits": 2, "samples": 4, "mia_rows": 40,
            "dp_epsilon": 8.0, "dp_delta": 1e-4, "dp_clip": 1.0, "dp_lr": 3e-3, "pii_benchmark": 100,
        },
        "cpu": {
            "corpus_chars": 60_000, "repeats": [1, 2, 4, 8, 16, 32], "per_repeat": 2,
            "block_size": 64, "n_layer": 2, "n_head": 2, "n_embd": 64, "batch_size": 32, "steps": 600,
            "lr": 3e-3, "seed": 0, "secret_digits": 3, "samples": 20, "mia_rows": 300,
            "dp_epsilon": 8.0, "dp_delta": 1e-4, "dp_clip": 1.0, "dp_lr": 3e-3, "pii_benchmark": 400,
        },
        "gpu": {
            "corpus_chars": 200_000, "repeats": [1, 2, 4, 8, 16, 32], "per_repeat": 4,
            "block_size": 96, "n_layer": 4, "n_head": 4, "n_embd": 128, "batch_size": 64, "steps": 3_000,
            "lr": 2e-3, "seed": 0, "secret_digits": 4, "samples": 50, "mia_rows": 1_000,
            "dp_epsilon": 8.0, "dp_delta": 1e-5, "dp_clip": 1.0, "dp_lr": 2e-3, "pii_benchmark": 1_000,
        },
    },
}
