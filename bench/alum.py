"""Chapter 07's table in the cpu profile: plain fine-tuning against ALUM, clean and robust.

World topic (Turkish, 30 % flipped training labels), 3 seeds, through the harness: ``full``, ALUM
with the paper's defaults (relative to the embedding RMS), and ALUM with the chapter's radius
(``alum_epsilon`` RMS units, step = radius). Each trained run is scored on the dev set clean, with
diacritics stripped, with typos, with word swaps, and under an embedding PGD attack
(``pgd_epsilon`` RMS units, ``pgd_steps`` steps). Time per run against full fine-tuning (the same
number of steps, so also the cost per step). Prints CPU seconds beside wall time: the shared
machine these numbers were taken on was heavily loaded.

    COURSE_PROFILE=cpu PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 python bench/alum.py
"""

from __future__ import annotations

import os
import time

import pandas as pd

os.environ.setdefault("COURSE_PROFILE", "cpu")

from course_lib.assets import load_base_model  # noqa: E402
from course_lib.finetune import Full, compare, world_topic  # noqa: E402
from course_lib.finetune.compare import FinetuneConfig  # noqa: E402
from course_lib.methods.alum import ALUM  # noqa: E402
from course_lib.methods.alum_claims import judge_alum, verdict_lines  # noqa: E402
from course_lib.profile import sizes  # noqa: E402
from course_lib.risks.robust_runs import Measured, robust_table  # noqa: E402


def main() -> None:
    s = sizes("07_alum")
    base = load_base_model()
    task = world_topic("tr", n_train=s.task_n_train, n_dev=s.task_n_dev, label_noise=s.label_noise)
    config = FinetuneConfig.from_sizes(s, device="cpu")
    eps = s.alum_epsilon
    more = (0.02, 0.05, 0.2)  # the attack's radius decides everything: a few more, for the README
    methods = [Measured(m, base.tokenizer, task, pgd_epsilon=s.pgd_epsilon, pgd_steps=s.pgd_steps,
                        max_length=s.max_length, more_epsilons=more)
               for m in (Full(), ALUM(), ALUM(epsilon=eps, step_size=eps))]
    wall, cpu = time.perf_counter(), time.process_time()
    result = compare(base, task, methods, seeds=tuple(s.seeds), config=config, cache_dir=False)
    robust = robust_table(methods)
    table = pd.DataFrame({"clean": result.table["accuracy"], "clean std": result.table["accuracy std"]})
    for column in ("diacritics", "typos", "swaps", "pgd", *(f"pgd {e:g}" for e in more)):
        table[column], table[f"{column} std"] = robust[column], robust[f"{column} std"]
    table["time s"] = result.table["time s"]
    table["time / full"] = result.table["time s"] / result.table.loc["full", "time s"]
    print(f"## {task!r}, seeds {s.seeds}, PGD eps {s.pgd_epsilon} RMS x {s.pgd_steps} steps; "
          f"wall {time.perf_counter() - wall:.0f} s, CPU {time.process_time() - cpu:.0f} s\n")
    print(table.round(3).to_markdown())
    records = [record for method in methods for record in method.records]
    print()
    for line in verdict_lines(judge_alum(result.runs, records, plain="full", alum=methods[2].name)):
        print(line)


if __name__ == "__main__":
    main()
