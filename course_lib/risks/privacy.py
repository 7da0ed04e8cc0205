"""The privacy experiment of chapter 15: exposure, extraction, perplexity and membership inference
of tiny models trained on canary logs, as they are and after each mitigation.

    corpus = canary_corpus(sizes["corpus_chars"])
    rows = privacy_experiment(corpus, sizes)          # one row per (variant, repeat count r)
    summary = variant_summary(rows)                   # one row per variant

Pieces: canaries.py (corpus, variants, tiny models), exposure.py (rank, exposure, extraction),
pii.py (the scrubber), dp_sgd.py (DP-SGD and its epsilon), membership.py (the loss attack).
"""

from __future__ import annotations

import math
from collections import defaultdict

import torch

from .canaries import VARIANTS, CanaryCorpus, corpus_tokenizer, examples, train_variant
from .exposure import canary_rank, exposure_from_rank, extraction
from .membership import example_losses, loss_attack_auroc


def evaluate_variant(trained, corpus: CanaryCorpus, sizes: dict) -> list[dict]:
    """Per canary: exposure (exact rank), greedy and sampled extraction; plus the model's held-out
    perplexity and membership-inference AUROC, repeated on every row of the variant."""
    model, tokenizer = trained.model, corpus_tokenizer(corpus)
    block = sizes["block_size"]
    held = examples(tokenizer, corpus.held_out_text, block)
    # Members: windows of the trained stories (every variant trains on them; the logs are left out,
    # since held-out text has no logs and their digits would make members look unlike non-members).
    members = examples(tokenizer, corpus.member_text, block)
    generator = torch.Generator().manual_seed(0)
    n = min(len(held), len(members), sizes["mia_rows"])
    pick = torch.randperm(len(members), generator=generator)[:n]
    mia = loss_attack_auroc(model, members[pick], held[:n])
    perplexity = math.exp(float(example_losses(model, held).mean()))
    rows = []
    for canary in corpus.canaries:
        prompt = canary.prompt(corpus.lang)
        rank, size = canary_rank(model, tokenizer, prompt, canary.tc_kimlik, sizes["secret_digits"])
        found = extraction(model, tokenizer, prompt, canary.tc_kimlik, sizes["samples"], generator)
        rows.append({
            "variant": trained.variant, "canary": canary.id, "r": canary.repeats, "rank": rank, "space": size,
            "exposure": exposure_from_rank(rank, size), "greedy": found["greedy"], "sampled": found.get("sampled", 0.0),
            "perplexity": perplexity, "mia_auroc": mia, "epsilon": trained.epsilon, "delta": trained.delta,
            "noise_multiplier": trained.noise_multiplier,
        })
    return rows


def privacy_experiment(corpus: CanaryCorpus, sizes: dict, variants=VARIANTS, cache_dir=None,
                       progress: bool = True) -> list[dict]:
    """Train (or load) each variant's model and measure it: one row per (variant, canary)."""
    rows = []
    for variant in variants:
        trained = train_variant(corpus, variant, sizes, cache_dir=cache_dir, progress=progress)
        rows += evaluate_variant(trained, corpus, sizes)
    return rows


def by_repeats(rows: list[dict]) -> list[dict]:
    """Mean exposure and extraction per (variant, r)."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["variant"], row["r"])].append(row)
    table = []
    for (variant, r), group in groups.items():
        table.append({
            "variant": variant, "r": r, "canaries": len(group),
            "exposure": sum(g["exposure"] for g in group) / len(group),
            "max_exposure": math.log2(group[0]["space"]),
            "greedy": sum(g["greedy"] for g in group) / len(group),
            "sampled": sum(g["sampled"] for g in group) / len(group),
        })
    return table


def variant_summary(rows: list[dict]) -> list[dict]:
    """One row per variant: mean exposure over all canaries and over the most repeated ones,
    extraction, perplexity, membership AUROC, and epsilon for DP-SGD."""
    table = []
    for variant in dict.fromkeys(row["variant"] for row in rows):
        group = [row for row in rows if row["variant"] == variant]
        top = max(row["r"] for row in group)
        most = [row for row in group if row["r"] == top]
        # Perplexity, AUROC and epsilon belong to a model: every row of a model repeats them, and each
        # seed's model has as many rows, so their mean over rows is their mean over seeds.
        mean = {key: sum(g[key] for g in group) / len(group) for key in ("perplexity", "mia_auroc")}
        first = group[0]
        table.append({
            "variant": variant,
            "exposure": sum(g["exposure"] for g in group) / len(group),
            "exposure_top_r": sum(g["exposure"] for g in most) / len(most),
            "greedy": sum(g["greedy"] for g in group) / len(group),
            "sampled": sum(g["sampled"] for g in group) / len(group),
            "perplexity": mean["perplexity"], "mia_auroc": mean["mia_auroc"],
            "epsilon": first["epsilon"], "delta": first["delta"],
        })
    return table
