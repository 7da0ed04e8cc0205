"""The whole hallucination experiment for one seed, and its summary over seeds (the chapter's table).

    runs = [run_seed(config, seed, settings) for seed in seeds]    # one dict per seed
    table = summary_table(runs)                                    # mean ± std of every number
    judge_hallucination(mean_summary(runs))                        # hallucination_claims.py

One seed: pretrain a tiny GPT on the exposure corpus (cached), ask every seen and unseen fact
(greedy answer + ``samples`` sampled answers), score the three uncertainty scores by AUROC over the
seen facts, ask again with the fact's sentence in the prompt (retrieval), tune two copies on half
of the facts, one with "I do not know" examples for half of the unseen people, and ask the other
half. Used by the notebook and by ``bench/hallucination.py``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .abstention import abstain_examples, abstention_scores, finetune_abstain, split_facts
from .hallucination import (
    UNSEEN,
    accuracy_by_exposure,
    answer_probes,
    error_rate,
    exposure_probes,
    make_probe,
)
from .hallucination import singleton_rate as singleton_rate_of
from .hallucination_exposure import ExposureConfig, train_exposure_model
from .uncertainty import auroc

SCORES = ("entropy", "inconsistency", "disagreement")


@dataclass(frozen=True)
class StudySettings:
    """What one seed's probing and tuning use besides the exposure model."""

    samples: int = 8
    max_new_tokens: int = 6
    tune_steps: int = 200
    tune_lr: float = 5e-4
    tune_batch_size: int = 16


def score_aurocs(rows: Sequence[dict]) -> dict[str, float]:
    """AUROC of each uncertainty score for predicting a wrong answer, over the seen facts
    (NaN when every answer is right or every answer is wrong)."""
    seen = [row for row in rows if row["exposure"] != UNSEEN]
    wrong = [not row["correct"] for row in seen]
    if all(wrong) or not any(wrong):
        return {name: math.nan for name in SCORES}
    return {name: auroc([row[name] for row in seen], wrong) for name in SCORES if not math.isnan(seen[0][name])}


def run_seed(config: ExposureConfig, seed: int, settings: StudySettings = StudySettings(), cache_dir=None,
             progress: bool = True, exposed=None) -> dict:
    """Every number of the chapter for one seed (``exposed``: an already trained model for this seed)."""
    exposed = exposed or train_exposure_model(config, seed, cache_dir=cache_dir, progress=progress)
    probes = exposure_probes(exposed)
    rows = answer_probes(exposed.model, exposed.tokenizer, probes, samples=settings.samples,
                         max_new_tokens=settings.max_new_tokens, seed=seed, progress=progress)
    retrieved = answer_probes(exposed.model, exposed.tokenizer, probes, samples=0, retrieval=True,
                              max_new_tokens=settings.max_new_tokens)
    seen_rows = [row for row in rows if row["exposure"] != UNSEEN]
    seen_retrieved = [row for row in retrieved if row["exposure"] != UNSEEN]
    tune, test = split_facts(exposed)
    test_probes = [make_probe(exposed.world, fact, exposure) for fact, exposure in test]
    tuned = {}
    for name, abstain in (("plain", False), ("idk", True)):
        model, info = finetune_abstain(exposed, abstain_examples(exposed, tune, abstain), steps=settings.tune_steps,
                                       lr=settings.tune_lr, batch_size=settings.tune_batch_size, seed=seed,
                                       progress=progress)
        test_rows = answer_probes(model, exposed.tokenizer, test_probes, samples=0,
                                  max_new_tokens=settings.max_new_tokens + 2)
        tuned[name] = {**abstention_scores(test_rows), "cpu_seconds": info["cpu_seconds"], "rows": test_rows}
    before = abstention_scores([row for row in rows if (row["fact_id"], row["exposure"]) in
                                {(fact.id, exposure) for fact, exposure in test}])
    return {
        "seed": seed, "rows": rows, "retrieved_rows": retrieved, "tuned": tuned, "exposed": exposed,
        "accuracy": accuracy_by_exposure(rows),
        "invent_unseen": abstention_scores(rows)["invent_unseen"],
        "auroc": score_aurocs(rows),
        "retrieval": {"without": sum(r["correct"] for r in seen_rows) / len(seen_rows),
                      "with": sum(r["correct"] for r in seen_retrieved) / len(seen_retrieved)},
        "abstain": {"pretrained": before["abstain_unseen"], "plain": tuned["plain"]["abstain_unseen"],
                    "idk": tuned["idk"]["abstain_unseen"]},
        "accuracy_tuned": {"pretrained": before["accuracy_seen"], "plain": tuned["plain"]["accuracy_seen"],
                           "idk": tuned["idk"]["accuracy_seen"]},
        "error_rate": error_rate(rows), "singleton_rate": singleton_rate_of(exposed.corpus.seen),
        "pretrain_cpu_seconds": exposed.info.get("cpu_seconds", 0.0),
    }


def _mean(values: list[float]) -> float:
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def _std(values: list[float]) -> float:
    values = [v for v in values if not math.isnan(v)]
    if len(values) < 2:
        return 0.0
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))


def flat_numbers(run: dict) -> dict[str, float]:
    """One seed's numbers as {name: value}: "accuracy f=1", …, "AUROC entropy", "retrieval with", …"""
    numbers = {f"accuracy f={f}": a for f, a in run["accuracy"].items()}
    numbers["answered (unseen)"] = run["invent_unseen"]
    numbers.update({f"AUROC {name}": value for name, value in run["auroc"].items()})
    numbers.update({f"retrieval {key}": value for key, value in run["retrieval"].items()})
    numbers.update({f"abstain unseen ({key})": value for key, value in run["abstain"].items()})
    numbers.update({f"accuracy seen ({key})": value for key, value in run["accuracy_tuned"].items()})
    numbers["error rate (seen)"] = run["error_rate"]
    numbers["singleton rate"] = run["singleton_rate"]
    return numbers


def summary_table(runs: Sequence[dict]):
    """A pandas table: one row per number, columns mean, std, and one per seed."""
    import pandas as pd

    flats = [flat_numbers(run) for run in runs]
    names = list(flats[0])
    frame = pd.DataFrame({f"seed {run['seed']}": [flat.get(n, math.nan) for n in names]
                          for run, flat in zip(runs, flats)}, index=names)
    frame.insert(0, "std", [_std([flat.get(n, math.nan) for flat in flats]) for n in names])
    frame.insert(0, "mean", [_mean([flat.get(n, math.nan) for flat in flats]) for n in names])
    return frame


def mean_summary(runs: Sequence[dict]) -> dict:
    """The seeds' mean of each number, in the shape :func:`~.hallucination_claims.judge_hallucination` reads."""
    def mean_of(key):
        return {k: _mean([run[key][k] for run in runs]) for k in runs[0][key]}

    return {"accuracy": mean_of("accuracy"), "invent_unseen": _mean([run["invent_unseen"] for run in runs]),
            "abstain": mean_of("abstain"), "accuracy_tuned": mean_of("accuracy_tuned"),
            "auroc": {k: v for k, v in mean_of("auroc").items() if not math.isnan(v)},
            "retrieval": mean_of("retrieval"),
            "error_rate": _mean([run["error_rate"] for run in runs]),
            "singleton_rate": _mean([run["singleton_rate"] for run in runs])}
