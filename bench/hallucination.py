"""Chapter 13's numbers over several seeds, printed as tables (the README's results section).

    PYTHONPATH=. python bench/hallucination.py --profile cpu --seeds 0 1 2 [--cache DIR]

For each seed: pretrain (or load from the cache) the tiny exposure GPT, ask every fact, score the
uncertainty scores, ask again with retrieval, tune with and without "I do not know" and ask the held-out
half. Then chapter 03's chat model answers world questions it was not tuned on, with and without the fact. Prints the mean ± std and each seed of every number, the claims' verdicts, and the CPU-seconds
(time.process_time) beside the wall time of each part: on a shared machine the wall time says more
about the other users than about this code.
"""

from __future__ import annotations

import argparse
import os
import time

from course_lib.chapter_sizes import CHAPTER_SIZES
from course_lib.finetune.claims import verdict_lines
from course_lib.risks.hallucination_claims import judge_hallucination
from course_lib.risks.hallucination_exposure import ExposureConfig, train_exposure_model
from course_lib.risks.hallucination_study import StudySettings, mean_summary, run_seed, summary_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="cpu", choices=sorted(CHAPTER_SIZES["13_hallucination"]))
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--cache", default=None, help="where the pretrained exposure models are kept")
    args = parser.parse_args()
    sizes = CHAPTER_SIZES["13_hallucination"][args.profile]
    config = ExposureConfig.from_sizes(sizes)
    settings = StudySettings(samples=sizes["samples"], max_new_tokens=sizes["max_new_tokens"],
                             tune_steps=sizes["tune_steps"], tune_lr=sizes["tune_lr"],
                             tune_batch_size=sizes["tune_batch_size"])
    print(f"profile {args.profile}, seeds {args.seeds}, torch threads {os.environ.get('OMP_NUM_THREADS', 'default')}")
    print(config)
    runs, timings = [], []
    for seed in args.seeds:
        cpu, wall = time.process_time(), time.perf_counter()
        exposed = train_exposure_model(config, seed, cache_dir=args.cache, progress=False)
        pretrain = (time.process_time() - cpu, time.perf_counter() - wall, exposed.info["cached"])
        run = run_seed(config, seed, settings, progress=False, exposed=exposed)
        runs.append(run)
        timings.append((seed, exposed.info.get("cpu_seconds", 0.0), pretrain, time.process_time() - cpu,
                        time.perf_counter() - wall))
    table = summary_table(runs)
    print("\n" + table.round(3).to_string())
    print("\nclaims (mean over seeds):")
    for line in verdict_lines(judge_hallucination(mean_summary(runs))):
        print("  " + line)
    chat_probe(sizes["chat_questions"])
    print("\nseed | pretraining CPU-s (when trained) | this run: CPU-s, wall s | cached")
    for seed, trained_cpu, (_, _, cached), cpu, wall in timings:
        print(f"{seed:>4} | {trained_cpu:>9.1f} | {cpu:>7.1f}, {wall:>7.1f} | {cached}")


def chat_probe(n_questions: int) -> None:
    """Chapter 03's chat model on world questions it was not tuned on (past the first 400 + 25 of each language)."""
    from course_lib.assets import load_chat_model
    from course_lib.data.world import World
    from course_lib.risks.chat_probe import ask_chat, share_named

    chat, world = load_chat_model(), World(seed=0)
    print(f"\nchat model, {n_questions} questions per language: share naming the truth, closed-book / open-book")
    for lang in ("en", "tr"):
        rows = ask_chat(chat.model, chat.tokenizer, world.qa_pairs(lang=lang, n=425 + n_questions)[425:], lang)
        print(f"  {lang}: {share_named(rows, 'closed'):.3f} / {share_named(rows, 'open'):.3f}   e.g. {rows[0]['closed']!r}")


if __name__ == "__main__":
    main()
