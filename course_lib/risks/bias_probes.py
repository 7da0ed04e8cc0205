"""Measuring what a model learned about jobs and gender, from its own next-token probabilities.

- :func:`lm_she_rates`: P_model(she | job) from a language model, at the sentence start that
  follows "The nurse went to Bursa." (" She" against " He"), averaged over a few such prompts.
- :func:`translation_she_rates`: the same from a TR→EN translator, on "O bir hemşire." (the
  world's gender-neutral probes, ``pronoun_probes()``): P(" She") against P(" He") as the first
  English word.
- :func:`bias_amplification`: P_model(stereotyped gender | job) − p, averaged over jobs (after
  Zhao et al. 2017, arXiv 1707.09457, who compare a model's predictions with its training rate).
- :func:`minimal_pair_rate`: CrowS-Pairs' measure (Nangia et al. 2020, arXiv 2010.00133): the
  share of minimal pairs where the model finds the stereotypical sentence more likely; 0.5 is
  the ideal.

Each probability is a ratio of two continuations' probabilities, so it does not depend on
how likely the prompt itself was. Sampling would show the same rates only after many draws;
greedy decoding shows a sharper one (always the likelier word), which :func:`greedy_share` counts.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

import torch

from ..data.world import World, pronoun_probes
from ..data.world.lexicon import JOBS
from ..data.world.sentences import assemble
from ..i18n import CourseValueError
from . import bias_messages  # noqa: F401  (registers this module's texts)
from .bias_corpora import BiasCorpus, BiasDoc, draw_events

FEMALE, MALE = " She", " He"
TRANSLATION_PROMPT = "Türkçe: {tr}\nEnglish:"


def translation_text(tr: str, en: str) -> str:
    """One training example of the TR→EN fine-tune: the prompt, then the English sentence."""
    return TRANSLATION_PROMPT.format(tr=tr) + " " + en


@torch.no_grad()
def continuation_logprob(model, tokenizer, prompt: str, continuation: str) -> float:
    """log P(continuation | prompt) under ``model``: the sum over the continuation's tokens."""
    context = tokenizer.encode(prompt)
    target = tokenizer.encode(continuation)
    if not target:
        raise CourseValueError("bias_empty_continuation", prompt=prompt)
    ids = (context + target)[-model.config.block_size - 1:]
    device = next(model.parameters()).device
    x = torch.tensor([ids[:-1]], device=device)
    was_training = model.training
    model.eval()
    logits = model(x).logits[0].float()
    model.train(was_training)
    logprobs = torch.log_softmax(logits[-len(target):], dim=-1)
    return float(logprobs.gather(1, torch.tensor(ids[-len(target):], device=device)[:, None]).sum())


def she_probability(model, tokenizer, prompt: str, female: str = FEMALE, male: str = MALE) -> float:
    """P(female | prompt) / (P(female | prompt) + P(male | prompt))."""
    lf = continuation_logprob(model, tokenizer, prompt, female)
    lm = continuation_logprob(model, tokenizer, prompt, male)
    return 1.0 / (1.0 + math.exp(lm - lf))


def lm_prompts(n_per_job: int, seed: int = 1, world: World | None = None) -> dict[str, list[str]]:
    """Per job, ``n_per_job`` opening sentences "The nurse went to Bursa." (events the training
    corpus may not contain, drawn with their own seed)."""
    world = world if world is not None else World(seed=0)
    rng = random.Random(f"bias-prompts/{seed}/{n_per_job}")
    prompts = {}
    for job in JOBS:
        people = [person for person in world.people if person.job is job]
        prompts[job.en] = [
            assemble((f"The {job.en}", ""), [draw_events(world, rng.choice(people), rng, 1)[0]])[0]
            for _ in range(n_per_job)
        ]
    return prompts


def lm_she_rates(model, tokenizer, prompts: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Per job, the mean P(" She") / (P(" She") + P(" He")) over its prompts."""
    return {job: sum(she_probability(model, tokenizer, p) for p in ps) / len(ps) for job, ps in prompts.items()}


def translation_probes() -> dict[str, str]:
    """Per job, the gender-neutral Turkish sentence "O bir hemşire." (the world's first probe form)."""
    return {probe.job: probe.tr for probe in pronoun_probes() if probe.en_female.startswith("She is ")}


def translation_she_rates(model, tokenizer, probes: Mapping[str, str] | None = None) -> dict[str, float]:
    """Per job, P(" She") against P(" He") as the translator's first English word."""
    probes = translation_probes() if probes is None else probes
    return {job: she_probability(model, tokenizer, TRANSLATION_PROMPT.format(tr=tr)) for job, tr in probes.items()}


def stereotype_rates(she_rates: Mapping[str, float]) -> dict[str, float]:
    """P(the job's stereotyped gender | job) from P(she | job)."""
    stereotypes = {job.en: job.stereotype for job in JOBS}
    return {job: rate if stereotypes[job] == "female" else 1.0 - rate for job, rate in she_rates.items()}


def bias_amplification(she_rates: Mapping[str, float], p: float) -> float:
    """Mean over jobs of P_model(stereotyped gender | job) − p. Positive: the model exaggerates the
    corpus's association; 0: it reproduces it; negative: it weakens it."""
    if not she_rates:
        raise CourseValueError("bias_no_jobs")
    rates = stereotype_rates(she_rates)
    return sum(rates.values()) / len(rates) - p


def greedy_share(she_rates: Mapping[str, float]) -> float:
    """The share of jobs whose likelier pronoun is the stereotyped one: what greedy decoding says."""
    rates = stereotype_rates(she_rates)
    return sum(rate > 0.5 for rate in rates.values()) / len(rates)


def minimal_pairs(corpus: BiasCorpus, lang: str) -> list[tuple[str, str]]:
    """(stereotypical, anti-stereotypical) texts: each job-first document of ``corpus`` written for
    both genders, identical but for the pronouns and the name (only the name, in Turkish)."""
    pairs = []
    for doc in corpus.docs:
        if doc.kind != "job_first":
            continue
        stereo = doc if doc.stereotyped else doc.flipped()
        pairs.append((stereo.text(lang), stereo.flipped().text(lang)))
    return pairs


def minimal_pair_rate(logp_stereo: Sequence[float], logp_anti: Sequence[float]) -> float:
    """CrowS-Pairs: the share of pairs whose stereotypical sentence is strictly more likely
    (a tie counts for neither side)."""
    if len(logp_stereo) != len(logp_anti) or not logp_stereo:
        raise CourseValueError("bias_pair_lengths", stereo=len(logp_stereo), anti=len(logp_anti))
    return sum(s > a for s, a in zip(logp_stereo, logp_anti)) / len(logp_stereo)


def pair_logprobs(model, tokenizer, pairs: Iterable[tuple[str, str]]) -> tuple[list[float], list[float]]:
    """log P of each whole text, after the end-of-text token, for both sides of every pair."""
    start = "<|endoftext|>"
    stereo, anti = [], []
    for s, a in pairs:
        stereo.append(continuation_logprob(model, tokenizer, start, s))
        anti.append(continuation_logprob(model, tokenizer, start, a))
    return stereo, anti


def model_minimal_pair_rate(model, tokenizer, pairs: Sequence[tuple[str, str]]) -> float:
    return minimal_pair_rate(*pair_logprobs(model, tokenizer, pairs))


__all__ = [
    "BiasDoc", "bias_amplification", "continuation_logprob", "greedy_share", "lm_prompts", "lm_she_rates",
    "minimal_pair_rate", "minimal_pairs", "model_minimal_pair_rate", "pair_logprobs", "she_probability",
    "stereotype_rates", "translation_probes", "translation_she_rates", "translation_text",
]
