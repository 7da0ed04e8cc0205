"""Chapter 11's table: bias amplification at each p before and after counterfactual augmentation,
the translation probe's she/he rate per job, the minimal-pair rate, and the perplexity cost.

It runs exactly what the chapter runs (``measure_bias`` with the ``cpu`` profile's sizes, or
another profile's with --profile) and prints the two tables as Markdown, with the wall time and
the CPU seconds of the process (on a shared machine the CPU seconds are the honest cost).
Models are cached (--cache; delete it to rerun). Measured 2026-12-02 (torch CPU, niced, 2 cores
shared with a load average of ~20): each cpu-profile model with its probes took ~60 CPU-s in a
one-thread process (the five were trained by parallel one-thread runs into the same cache); the
table itself, from the cache, 5 CPU-s. The README's chapter 11 section is this script's output.

    PYTHONPATH=. OMP_NUM_THREADS=2 nice -n 10 python bench/bias_table.py [--profile cpu]
"""

from __future__ import annotations

import argparse
import time

from course_lib.assets import load_base_model
from course_lib.chapter_sizes import CHAPTER_SIZES
from course_lib.data.world.lexicon import JOBS
from course_lib.risks.bias import measure_bias
from course_lib.risks.bias_claims import judge_bias_claims, verdict_lines
from course_lib.risks.bias_corpora import bias_corpus
from course_lib.risks.bias_models import TinySizes

COLUMNS = ("p", "augmented", "corpus_rate", "lm_stereotype", "lm_amplification", "translation_stereotype",
           "translation_amplification", "translation_greedy", "pairs_en", "pairs_tr", "perplexity")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", default="cpu")
    parser.add_argument("--cache", default="runs/bench_bias")
    args = parser.parse_args()
    s = CHAPTER_SIZES["11_bias"][args.profile]
    tiny = TinySizes(n_layer=s["n_layer"], n_head=s["n_head"], n_embd=s["n_embd"], block_size=s["block_size"],
                     batch_size=s["batch_size"], steps=s["steps"], ft_steps=s["ft_steps"], lr=s["lr"])
    tokenizer = load_base_model("world").tokenizer
    wall, cpu = time.perf_counter(), time.process_time()
    results = measure_bias(tokenizer, p_values=s["p_values"], augment=s["augment"], sizes=tiny, n_docs=s["n_docs"],
                           n_held_out=s["n_held_out"], n_prompts=s["n_prompts"], n_pairs=s["n_pairs"],
                           cache_dir=args.cache)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"profile {args.profile}: {len(results.rows)} models of {results.rows[0]['n_params']:,} parameters; "
          f"wall {wall:.0f} s, CPU {cpu:.0f} s (cached runs load instead of training)\n")
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in results.rows:
        print("| " + " | ".join(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in COLUMNS) + " |")
    largest = max(s["p_values"])
    docs = bias_corpus(largest, s["n_docs"]).docs
    print(f"\nTranslation probe at p = {largest}: P(She | 'O bir <job>.')\n")
    print("| job | stereotype | corpus P(she) | translator P(She) | greedy | after CDA |")
    print("|---|---|---|---|---|---|")
    for job in sorted(JOBS, key=lambda j: j.stereotype):
        mentions = [d for d in docs if d.job is job]
        female = sum(d.gender == "female" for d in mentions) / max(1, len(mentions))
        she = results.translation[(largest, False)][job.en]
        after = results.translation.get((largest, True), {}).get(job.en)
        after_text = f"{after:.3f}" if after is not None else "—"
        print(f"| {job.en} | {job.stereotype} | {female:.2f} | {she:.3f} | {'She' if she > 0.5 else 'He'} | "
              f"{after_text} |")
    print()
    for line in verdict_lines(judge_bias_claims(results.rows)):
        print(line)


if __name__ == "__main__":
    main()
