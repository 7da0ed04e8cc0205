"""Chapter 11's measurement, end to end: bias corpora at p ∈ {0.5, 0.7, 0.9}, a tiny model on
each (and on its counterfactual twin), and every probe, in one table.

    from course_lib.risks.bias import measure_bias
    results = measure_bias(tokenizer, p_values=(0.5, 0.7, 0.9), sizes=TinySizes(), n_docs=800)
    results.rows            # one dict per (p, augmented): amplification, translation, pairs, perplexity
    results.translation     # {(p, augmented): {job: P(she | "O bir <job>.")}}

The pieces live in bias_corpora.py (the text), bias_probes.py (the measures), bias_models.py
(training and cache) and bias_claims.py (which literature claims the table shows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..train.progress import tqdm
from .bias_corpora import BiasCorpus, bias_corpus
from .bias_models import BiasModels, TinySizes, train_bias_models
from .bias_probes import (
    bias_amplification,
    greedy_share,
    lm_prompts,
    lm_she_rates,
    minimal_pairs,
    model_minimal_pair_rate,
    stereotype_rates,
    translation_she_rates,
)


@dataclass
class BiasResults:
    """``rows``: one per (p, augmented); ``translation`` / ``lm``: P(she | job) per job for each."""

    rows: list[dict] = field(default_factory=list)
    translation: dict = field(default_factory=dict)
    lm: dict = field(default_factory=dict)
    models: dict = field(default_factory=dict)

    def row(self, p: float, augmented: bool) -> dict | None:
        return next((r for r in self.rows if r["p"] == p and r["augmented"] == augmented), None)


def measure_one(corpus: BiasCorpus, models: BiasModels, tokenizer, prompts, pairs: dict) -> tuple[dict, dict, dict]:
    """The row of one trained pair of models, and its per-job she-rates (LM, translator)."""
    lm = lm_she_rates(models.lm, tokenizer, prompts)
    tr = translation_she_rates(models.translator, tokenizer)
    row = {
        "p": corpus.p, "augmented": corpus.augmented, "corpus_rate": corpus.rate,
        "lm_stereotype": sum(stereotype_rates(lm).values()) / len(lm),
        "lm_amplification": bias_amplification(lm, corpus.rate),
        "translation_stereotype": sum(stereotype_rates(tr).values()) / len(tr),
        "translation_amplification": bias_amplification(tr, corpus.rate),
        "translation_greedy": greedy_share(tr),
        "pairs_en": model_minimal_pair_rate(models.lm, tokenizer, pairs["en"]),
        "pairs_tr": model_minimal_pair_rate(models.lm, tokenizer, pairs["tr"]),
        "perplexity": models.perplexity, "n_params": models.n_params,
    }
    return row, lm, tr


def measure_bias(tokenizer, p_values=(0.5, 0.7, 0.9), augment=(0.7, 0.9), sizes: TinySizes | None = None,
                 n_docs: int = 800, n_held_out: int = 200, n_prompts: int = 4, n_pairs: int = 120,
                 seed: int = 0, cache_dir=None, progress: bool = True) -> BiasResults:
    """Train (or load) the models for every p in ``p_values``, and for each p in ``augment`` also on
    the counterfactually augmented corpus; measure each. The perplexity of both is read on the
    same held-out text drawn at p, so the augmented model's rise is the cost of the swap."""
    sizes = sizes if sizes is not None else TinySizes()
    results = BiasResults()
    prompts = lm_prompts(n_prompts, seed=seed + 1)
    runs = [(p, False) for p in p_values] + [(p, True) for p in augment]
    bar = tqdm(runs, desc="bias models", disable=not progress)
    for p, augmented in bar:
        corpus = bias_corpus(p, n_docs, seed=seed)
        if augmented:
            corpus = corpus.counterfactual()
        held_out = bias_corpus(p, n_held_out, seed=seed + 1000).texts("en")
        probe_docs = bias_corpus(p, n_pairs, seed=seed + 2000)
        pairs = {lang: minimal_pairs(probe_docs, lang) for lang in ("en", "tr")}
        models = train_bias_models(corpus, held_out, tokenizer, sizes, seed=seed, cache_dir=cache_dir,
                                   progress=False)
        row, lm, tr = measure_one(corpus, models, tokenizer, prompts, pairs)
        results.rows.append(row)
        results.lm[(p, augmented)], results.translation[(p, augmented)] = lm, tr
        results.models[(p, augmented)] = models
    return results
