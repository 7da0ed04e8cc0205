"""The privacy chapter's tables: exposure and extraction of planted fake TCKNs against the repeat
count r, for a tiny character-level GPT trained on the canary logs as they are, after
deduplication, after PII scrubbing, and with DP-SGD (epsilon at the stated delta); each with its
held-out perplexity and the loss-threshold membership-inference AUROC; and the scrubber's
precision and recall (with and without checksums) on planted and random data.

Sizes are the chapter's cpu profile (course_lib/chapter_sizes.py, "15_privacy"); the seed
changes the model's initialisation and its batches, not the corpus. Each variant's wall time and
CPU time (time.process_time) are printed beside the numbers; the machine may be loaded, so the
CPU seconds are the figure to compare. Models are cached (COURSE_CACHE_DIR; --no-cache to retrain).

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 python bench/privacy_canaries.py --seeds 0 [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import time

from course_lib.profile import sizes as chapter_sizes
from course_lib.risks.canaries import VARIANTS, canary_corpus, train_variant
from course_lib.risks.pii import find_pii, precision_recall
from course_lib.risks.pii import pii_benchmark as benchmark
from course_lib.risks.privacy import by_repeats, evaluate_variant, variant_summary


def planted_scrubber_scores(corpus) -> dict:
    """Recall of the scrubber on the world's planted TCKNs and phones (the ledger is the truth)."""
    text = corpus.train_text
    found = {text[s.start:s.end] for s in find_pii(text)}
    truth = {c.tc_kimlik for c in corpus.canaries} | {c.phone for c in corpus.canaries}
    return {"planted": len(truth), "recalled": len(truth & found), "extra_finds": len(found - truth)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--profile", default="cpu")
    parser.add_argument("--json", default=None)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    base = dict(chapter_sizes("15_privacy", args.profile))
    corpus = canary_corpus(base["corpus_chars"], base["repeats"], base["per_repeat"])
    all_rows, timings = [], []
    for seed in args.seeds:  # seed outer, variant inner: the variants interleave in one process
        sizes = {**base, "seed": seed}
        for variant in VARIANTS:
            wall, cpu = time.time(), time.process_time()
            trained = train_variant(corpus, variant, sizes, cache_dir=False if args.no_cache else None, progress=False)
            rows = evaluate_variant(trained, corpus, sizes)
            for row in rows:
                row["seed"] = seed
            all_rows += rows
            timings.append({"seed": seed, "variant": variant, "wall_s": time.time() - wall,
                            "cpu_s": time.process_time() - cpu, "examples": trained.n_examples,
                            "sigma": trained.noise_multiplier, "epsilon": trained.epsilon})
            print(timings[-1], flush=True)
    print("\nexposure / extraction by r (mean over seeds and canaries)")
    for row in by_repeats(all_rows):
        print(f"{row['variant']:9s} r={row['r']:3d}  exposure {row['exposure']:6.2f} / {row['max_exposure']:.2f}  "
              f"greedy {row['greedy']:.2f}  sampled {row['sampled']:.3f}")
    print("\nper variant (mean over seeds)")
    for row in variant_summary(all_rows):
        print(row)
    items = benchmark(base["pii_benchmark"], seed=0)
    scrubber = {"checksums": precision_recall(items), "shapes_only": precision_recall(
        items, lambda text: find_pii(text, use_checksums=False)), "planted": planted_scrubber_scores(corpus)}
    print("\nscrubber", json.dumps(scrubber, indent=1))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": all_rows, "timings": timings, "scrubber": scrubber, "sizes": base}, f, indent=1)


if __name__ == "__main__":
    main()
