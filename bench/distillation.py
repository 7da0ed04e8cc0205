"""Chapter 06's two tables in the cpu profile: language-model distillation and task distillation.

1. Language modelling: a 2 x 96 student (the base tokenizer) trained on the base model's own world
   text with cross-entropy alone, forward KL and reverse KL to the base model (T = 1, alpha = 1), 3
   seeds; held-out perplexity and mean next-token entropy; time per run against CE-only.
2. The task (world topic, Turkish, 30 % flipped training labels): the base model fully fine-tuned is
   the teacher; students start from the forward-KL language model (seed 0) and train through the
   harness with CE alone (``full``) and with ``Distill(teacher, T)`` for T in 1, 2, 4, 3 seeds.

Runs interleave (seed outer, variant inner) in one process. Sizes: the cpu profile of
``course_lib/chapter_sizes.py`` ("06_distillation"). Prints CPU seconds (time.process_time) beside
wall time: the shared machine these numbers were taken on was heavily loaded.

    COURSE_PROFILE=cpu PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 python bench/distillation.py
"""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

import pandas as pd

os.environ.setdefault("COURSE_PROFILE", "cpu")

from course_lib.assets import load_base_model  # noqa: E402
from course_lib.finetune import Full, compare, world_topic  # noqa: E402
from course_lib.finetune.compare import FinetuneConfig  # noqa: E402
from course_lib.methods.distill import Distill, task_teacher  # noqa: E402
from course_lib.methods.distill_claims import judge_distillation, verdict_lines  # noqa: E402
from course_lib.methods.distill_lm import lm_comparison  # noqa: E402
from course_lib.profile import sizes  # noqa: E402


def main() -> None:
    s = sizes("06_distillation")
    base = load_base_model()
    wall, cpu = time.perf_counter(), time.process_time()
    lm_runs, students = lm_comparison(base, seeds=s.seeds, steps=s.lm_steps, batch_size=s.lm_batch_size,
                                      block_size=s.block_size, lr=s.lm_lr, n_train_tokens=s.lm_train_tokens,
                                      n_heldout_tokens=s.lm_heldout_tokens, n_layer=s.student_n_layer,
                                      n_embd=s.student_n_embd)
    frame = pd.DataFrame(lm_runs)
    table = frame.groupby("method", sort=False)[["perplexity", "entropy", "seconds"]].agg(["mean", "std"])
    table[("seconds", "ratio to CE only")] = table[("seconds", "mean")] / table.loc["CE only", ("seconds", "mean")]
    print(f"## language modelling ({s.lm_steps} steps x {s.lm_batch_size} x {s.block_size} tokens, "
          f"seeds {s.seeds}); wall {time.perf_counter() - wall:.0f} s, CPU {time.process_time() - cpu:.0f} s\n")
    print(table.round(3).to_markdown())

    wall, cpu = time.perf_counter(), time.process_time()
    config = FinetuneConfig.from_sizes(s, device="cpu")
    task = world_topic("tr", n_train=s.task_n_train, n_dev=s.task_n_dev, label_noise=s.label_noise)
    teacher, teacher_accuracy = task_teacher(base, task, config, seed=0)
    student_base = SimpleNamespace(model=students["KD forward KL"], tokenizer=base.tokenizer, config=base.config)
    methods = [Full()] + [Distill(teacher, temperature=t, alpha=0.5) for t in s.temperatures]
    result = compare(student_base, task, methods, seeds=tuple(s.seeds), config=config, cache_dir=False)
    shown = result.formatted()
    shown.insert(shown.columns.get_loc("time s") + 1, "time / full",
                 [f"{v:.2f}" for v in result.table["time s"] / result.table.loc["full", "time s"]])
    print(f"\n## {task!r}: teacher (base, fully fine-tuned, seed 0) dev accuracy {teacher_accuracy:.3f}; "
          f"wall {time.perf_counter() - wall:.0f} s, CPU {time.process_time() - cpu:.0f} s\n")
    print(shown.drop(columns=["energy kWh", "peak memory MB", "training FLOPs"]).to_markdown())
    print()
    for line in verdict_lines(judge_distillation(result.runs, lm_runs, ce="full", kd=[m.name for m in methods[1:]])):
        print(line)


if __name__ == "__main__":
    main()
