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
    "04_peft": {
        # world_*, sib_n_train, seeds, epochs, batch_size, lr, max_length, forgetting_tokens: as chapter 03,
        # so that its full fine-tuning row is the same experiment; ranks: the LoRA ranks of the sweep;
        # bottleneck: the Houlsby adapters' width m; timing_repeats: forward passes timed, merged vs not.
        "smoke": {
            "world_task": "topic", "world_n_train": 16, "world_n_dev": 16, "label_noise": 0.3,
            "sib_n_train": 16, "seeds": [0], "epochs": 1, "batch_size": 8, "lr": 1e-3,
            "max_length": 32, "forgetting_tokens": 256, "ranks": [1, 8], "bottleneck": 16, "timing_repeats": 3,
        },
        "cpu": {
            "world_task": "topic", "world_n_train": 96, "world_n_dev": 96, "label_noise": 0.3,
            "sib_n_train": 160, "seeds": [0, 1, 2], "epochs": 4, "batch_size": 32, "lr": 1e-3,
            "max_length": 40, "forgetting_tokens": 4096, "ranks": [1, 2, 4, 8, 16], "bottleneck": 16,
            "timing_repeats": 20,
        },
        "gpu": {
            "world_task": "topic", "world_n_train": 400, "world_n_dev": 400, "label_noise": 0.3,
            "sib_n_train": None, "seeds": [0, 1, 2], "epochs": 8, "batch_size": 32, "lr": 5e-4,
            "max_length": 128, "forgetting_tokens": 8192, "ranks": [1, 2, 4, 8, 16], "bottleneck": 16,
            "timing_repeats": 50,
        },
    },
    "05_prompt_tuning": {
        # as chapter 04 (chapter 03's task sizes); lengths: the prompt lengths p compared; init_p: the
        # prompt length of the initialisation comparison.
        "smoke": {
            "world_task": "topic", "world_n_train": 16, "world_n_dev": 16, "label_noise": 0.3,
            "sib_n_train": 16, "seeds": [0], "epochs": 1, "batch_size": 8, "lr": 1e-3,
            "max_length": 32, "forgetting_tokens": 256, "lengths": [1, 5], "init_p": 5,
        },
        "cpu": {
            "world_task": "topic", "world_n_train": 96, "world_n_dev": 96, "label_noise": 0.3,
            "sib_n_train": 160, "seeds": [0, 1, 2], "epochs": 4, "batch_size": 32, "lr": 1e-3,
            "max_length": 40, "forgetting_tokens": 4096, "lengths": [1, 5, 20], "init_p": 20,
        },
        "gpu": {
            "world_task": "topic", "world_n_train": 400, "world_n_dev": 400, "label_noise": 0.3,
            "sib_n_train": None, "seeds": [0, 1, 2], "epochs": 8, "batch_size": 32, "lr": 5e-4,
            "max_length": 100, "forgetting_tokens": 8192, "lengths": [1, 5, 20], "init_p": 20,
        },
    },
    "06_distillation": {
        # student_*: the small GPT the base model is distilled into (the base tokenizer); lm_*: the
        # language-model distillation (steps, windows per batch, learning rate; tokens of the base's own
        # world text to train on and of its held-out text for perplexity); task_*: the world topic task
        # the classifier students are compared on; epochs .. forgetting_tokens: every fine-tuning run;
        # temperatures: KD's T values; seeds: runs per variant.
        "smoke": {
            "student_n_layer": 2, "student_n_embd": 32, "block_size": 32,
            "lm_steps": 2, "lm_batch_size": 4, "lm_lr": 3e-3, "lm_train_tokens": 2_000, "lm_heldout_tokens": 256,
            "task_n_train": 16, "task_n_dev": 16, "label_noise": 0.3, "epochs": 1, "batch_size": 8, "lr": 3e-3,
            "max_length": 24, "forgetting_tokens": 128, "temperatures": [1.0, 2.0, 4.0], "seeds": [0],
        },
        "cpu": {
            "student_n_layer": 2, "student_n_embd": 96, "block_size": 64,
            "lm_steps": 60, "lm_batch_size": 8, "lm_lr": 3e-3, "lm_train_tokens": 40_000, "lm_heldout_tokens": 2048,
            "task_n_train": 96, "task_n_dev": 96, "label_noise": 0.3, "epochs": 4, "batch_size": 16, "lr": 3e-3,
            "max_length": 40, "forgetting_tokens": 1024, "temperatures": [1.0, 2.0, 4.0], "seeds": [0, 1, 2],
        },
        "gpu": {
            "student_n_layer": 2, "student_n_embd": 128, "block_size": 128,
            "lm_steps": 2_000, "lm_batch_size": 32, "lm_lr": 2e-3, "lm_train_tokens": 1_000_000,
            "lm_heldout_tokens": 16_384,
            "task_n_train": 400, "task_n_dev": 400, "label_noise": 0.3, "epochs": 8, "batch_size": 32, "lr": 1e-3,
            "max_length": 128, "forgetting_tokens": 8192, "temperatures": [1.0, 2.0, 4.0], "seeds": [0, 1, 2],
        },
    },
    "07_alum": {
        # task_*: the world topic task (30 % flipped training labels, as in chapter 03); epochs ..
        # forgetting_tokens: every fine-tuning run; alum_epsilon: the radius (in embedding-RMS units) of
        # the chapter's ALUM run beside the paper's default; sweep_epsilons, sweep_steps: the small sweep
        # (first seed only); pgd_*: the attack that scores robustness (radius in RMS units, steps).
        "smoke": {
            "task_n_train": 16, "task_n_dev": 16, "label_noise": 0.3, "epochs": 1, "batch_size": 8, "lr": 1e-3,
            "max_length": 24, "forgetting_tokens": 128, "seeds": [0], "alum_epsilon": 0.3,
            "sweep_epsilons": [0.1], "sweep_steps": [2], "pgd_epsilon": 0.1, "pgd_steps": 2,
        },
        "cpu": {
            "task_n_train": 96, "task_n_dev": 96, "label_noise": 0.3, "epochs": 4, "batch_size": 32, "lr": 1e-3,
            "max_length": 40, "forgetting_tokens": 1024, "seeds": [0, 1, 2], "alum_epsilon": 0.3,
            "sweep_epsilons": [0.03, 0.1, 1.0], "sweep_steps": [2], "pgd_epsilon": 0.1, "pgd_steps": 5,
        },
        "gpu": {
            "task_n_train": 400, "task_n_dev": 400, "label_noise": 0.3, "epochs": 8, "batch_size": 32, "lr": 5e-4,
            "max_length": 128, "forgetting_tokens": 8192, "seeds": [0, 1, 2], "alum_epsilon": 0.3,
            "sweep_epsilons": [0.01, 0.03, 0.1, 1.0, 3.0], "sweep_steps": [2, 3], "pgd_epsilon": 0.1, "pgd_steps": 10,
        },
    },
    "08_reweighting": {
        # n_noisy: training examples of which label_noise are flipped; n_clean: training examples with
        # trusted labels (the clean set); n_dev: scored examples (true labels); seeds: runs per
        # method; epochs, batch_size, lr, max_length, forgetting_tokens: every run, as in chapter 03.
        "smoke": {"n_noisy": 24, "n_clean": 8, "label_noise": 0.4, "n_dev": 16, "seeds": [0], "epochs": 1,
                  "batch_size": 8, "lr": 1e-3, "max_length": 24, "forgetting_tokens": 256},
        "cpu": {"n_noisy": 96, "n_clean": 48, "label_noise": 0.4, "n_dev": 120, "seeds": [0, 1, 2], "epochs": 3,
                "batch_size": 32, "lr": 1e-3, "max_length": 32, "forgetting_tokens": 512},
        "gpu": {"n_noisy": 800, "n_clean": 100, "label_noise": 0.4, "n_dev": 400, "seeds": [0, 1, 2], "epochs": 6,
                "batch_size": 32, "lr": 5e-4, "max_length": 64, "forgetting_tokens": 4096},
    },
    "09_guided_attention": {
        # n_pairs: key-value pairs per training sequence (the length test uses twice as many);
        # steps, batch_size, lr, eval_every, n_dev: every retrieval run (a fresh 2-layer GPT);
        # lam: the guidance weight at step 0 (it decays linearly to 0); seeds: runs per setting.
        "smoke": {"n_pairs": 4, "steps": 40, "batch_size": 32, "lr": 3e-3, "eval_every": 20, "n_dev": 128,
                  "lam": 1.0, "seeds": [0], "n_embd": 32},
        "cpu": {"n_pairs": 4, "steps": 600, "batch_size": 64, "lr": 3e-3, "eval_every": 25, "n_dev": 512,
                "lam": 1.0, "seeds": [0, 1, 2], "n_embd": 64},
        "gpu": {"n_pairs": 8, "steps": 3000, "batch_size": 128, "lr": 3e-3, "eval_every": 50, "n_dev": 2048,
                "lam": 1.0, "seeds": [0, 1, 2], "n_embd": 128},
    },
    "10_comparison": {
        # world_*, label_noise, sib_n_train: the two tasks (as in chapter 03); seeds: runs per method;
        # epochs, batch_size, lr, max_length, forgetting_tokens: every run; pue: the PUE the energy
        # column assumes (1.0: a laptop); hub_model: the real Turkish GPT-2 (gpu profile, needs a network).
        "smoke": {"world_n_train": 16, "world_n_dev": 16, "label_noise": 0.3, "sib_n_train": 16, "seeds": [0],
                  "epochs": 1, "batch_size": 8, "lr": 1e-3, "max_length": 32, "forgetting_tokens": 256,
                  "pue": 1.0, "hub_model": None},
        "cpu": {"world_n_train": 96, "world_n_dev": 96, "label_noise": 0.3, "sib_n_train": 160, "seeds": [0, 1, 2],
                "epochs": 4, "batch_size": 32, "lr": 1e-3, "max_length": 40, "forgetting_tokens": 4096,
                "pue": 1.0, "hub_model": None},
        "gpu": {"world_n_train": 400, "world_n_dev": 400, "label_noise": 0.3, "sib_n_train": None,
                "seeds": [0, 1, 2], "epochs": 8, "batch_size": 32, "lr": 5e-4, "max_length": 128,
                "forgetting_tokens": 8192, "pue": 1.0, "hub_model": "ytu-ce-cosmos/turkish-gpt2"},
    },
    "11_bias": {
        # p_values: the corpora's job-gender rates; augment: the p values also trained after
        # counterfactual augmentation; n_docs: training documents per corpus; n_held_out: documents
        # the perplexity reads; n_prompts: LM prompts per job; n_pairs: documents made into minimal
        # pairs; n_layer … lr: the tiny GPT and its two phases (steps pretraining, ft_steps TR→EN);
        # chat_probes: neutral sentences the chat model translates; hub_translator: the optional real
        # TR→EN model (gpu profile, needs a network and sentencepiece).
        "smoke": {"p_values": [0.5, 0.9], "augment": [0.9], "n_docs": 120, "n_held_out": 20, "n_prompts": 1,
                  "n_pairs": 20, "n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 48, "batch_size": 8,
                  "steps": 15, "ft_steps": 5, "lr": 3e-3, "chat_probes": 2, "hub_translator": None},
        "cpu": {"p_values": [0.5, 0.7, 0.9], "augment": [0.7, 0.9], "n_docs": 800, "n_held_out": 200,
                "n_prompts": 4, "n_pairs": 120, "n_layer": 2, "n_head": 2, "n_embd": 64, "block_size": 48,
                "batch_size": 32, "steps": 300, "ft_steps": 300, "lr": 4e-3, "chat_probes": 20,
                "hub_translator": None},
        "gpu": {"p_values": [0.5, 0.7, 0.9], "augment": [0.5, 0.7, 0.9], "n_docs": 4000, "n_held_out": 400,
                "n_prompts": 8, "n_pairs": 400, "n_layer": 4, "n_head": 4, "n_embd": 128, "block_size": 128,
                "batch_size": 64, "steps": 3000, "ft_steps": 1000, "lr": 2e-3, "chat_probes": 20,
                "hub_translator": "Helsinki-NLP/opus-mt-tr-en"},
    },
    "12_carbon": {
        # n_train, n_dev, label_noise: the world topic task one measured run fine-tunes on; epochs,
        # batch_size, lr, max_length, forgetting_tokens: that run (as chapter 03's harness runs it);
        # pue: the power usage effectiveness assumed (1.0: a laptop, no data-centre overhead);
        # utilisation: the share of peak FLOP/s the estimate assumes; interval_s: codecarbon's sampling
        # period; selected_k: the blocks "selected layers" trains in the what-reduces-emissions table.
        "smoke": {"n_train": 16, "n_dev": 16, "label_noise": 0.3, "epochs": 1, "batch_size": 8, "lr": 1e-3,
                  "max_length": 32, "forgetting_tokens": 256, "pue": 1.0, "utilisation": 0.3, "interval_s": 1.0,
                  "selected_k": 1},
        "cpu": {"n_train": 96, "n_dev": 96, "label_noise": 0.3, "epochs": 4, "batch_size": 32, "lr": 1e-3,
                "max_length": 40, "forgetting_tokens": 2048, "pue": 1.0, "utilisation": 0.3, "interval_s": 1.0,
                "selected_k": 1},
        "gpu": {"n_train": 400, "n_dev": 400, "label_noise": 0.3, "epochs": 8, "batch_size": 32, "lr": 5e-4,
                "max_length": 128, "forgetting_tokens": 8192, "pue": 1.0, "utilisation": 0.3, "interval_s": 1.0,
                "selected_k": 2},
    },
    "13_hallucination": {
        # The exposure corpus (facts_per_frequency facts stated exactly f times each, for every f in
        # frequencies; unseen_people never named; filler_chars of ordinary stories) and the tiny GPT
        # pretrained on it from random weights (n_layer ... warmup_steps), one per seed, cached;
        # samples: sampled answers per question (self-consistency); tune_*: the two abstention tunings;
        # chat_questions: questions per language put to chapter 03's chat model, without and with the fact.
        "smoke": {
            "frequencies": [1, 2, 4, 8, 16], "facts_per_frequency": 2, "unseen_people": 2, "filler_chars": 0,
            "n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 32, "batch_size": 8, "steps": 20,
            "lr": 3e-3, "warmup_steps": 2, "seeds": [0], "samples": 2, "max_new_tokens": 4,
            "tune_steps": 3, "tune_lr": 5e-4, "tune_batch_size": 8, "chat_questions": 2,
        },
        "cpu": {
            "frequencies": [1, 2, 4, 8, 16], "facts_per_frequency": 12, "unseen_people": 48, "filler_chars": 20_000,
            "n_layer": 2, "n_head": 4, "n_embd": 96, "block_size": 64, "batch_size": 32, "steps": 600,
            "lr": 3e-3, "warmup_steps": 20, "seeds": [0], "samples": 8, "max_new_tokens": 6,
            "tune_steps": 200, "tune_lr": 5e-4, "tune_batch_size": 16, "chat_questions": 24,
        },
        "gpu": {
            "frequencies": [1, 2, 4, 8, 16], "facts_per_frequency": 40, "unseen_people": 60, "filler_chars": 100_000,
            "n_layer": 4, "n_head": 4, "n_embd": 192, "block_size": 128, "batch_size": 64, "steps": 3_000,
            "lr": 2e-3, "warmup_steps": 100, "seeds": [0, 1, 2], "samples": 16, "max_new_tokens": 6,
            "tune_steps": 400, "tune_lr": 5e-4, "tune_batch_size": 32, "chat_questions": 100,
        },
    },
    "14_security": {
        # n_eval: held-out attacks per family and language (and requests per kind); n_train: training
        # examples per kind and language of every defence; steps / safety_steps: the assistant and
        # hierarchy runs / the safety and poisoning runs (from the chat model, cached); poison_rates:
        # shares of poisoned training reviews; n_poison_train: training reviews per language.
        "smoke": {"n_eval": 2, "n_train": 4, "steps": 2, "safety_steps": 2, "batch_size": 4, "lr": 1e-3,
                  "poison_rates": [0.0, 0.25], "n_poison_train": 8},
        "cpu": {"n_eval": 20, "n_train": 40, "steps": 120, "safety_steps": 60, "batch_size": 8, "lr": 1e-3,
                "poison_rates": [0.0, 0.05, 0.2], "n_poison_train": 60},
        "gpu": {"n_eval": 100, "n_train": 200, "steps": 600, "safety_steps": 200, "batch_size": 16, "lr": 1e-3,
                "poison_rates": [0.0, 0.01, 0.03, 0.1, 0.3], "n_poison_train": 300},
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
    "A1_gpu_kernels": {
        # demo_*: the tensor the notebook's kernels run on (the CPU interpreter pays ~1 ms per row);
        # bench_*: the softmax timed on a GPU (rows x each width), never on the CPU.
        "smoke": {"demo_rows": 4, "demo_cols": 37, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "cpu": {"demo_rows": 16, "demo_cols": 100, "bench_rows": 4096, "bench_cols": (256, 1024, 4096)},
        "gpu": {"demo_rows": 64, "demo_cols": 1000, "bench_rows": 8192, "bench_cols": (256, 1024, 4096, 16384)},
    },
}
