"""Hallucination, measured against the world's ground truth: ask a model about facts it read f times
and about people it never read about, and score its answers and its uncertainty.

    exposed = train_exposure_model(ExposureConfig())       # hallucination_exposure.py
    probes = exposure_probes(exposed)                      # one Probe per fact: seen f times, or unseen
    rows = answer_probes(exposed.model, exposed.tokenizer, probes, samples=8)
    accuracy_by_exposure(rows)                             # {1: 0.17, 2: 0.5, ..., 16: 0.92, "unseen": 0.0}

A question is the fact's sentence cut before its object ("Ayşe Demir lives in"), the cloze probe
of LAMA (Petroni et al. 2019, arXiv 1909.01066): a base model answers by continuing the text, so
no instruction tuning is needed to ask it. The answer is the continuation up to the first full
stop, scored by exact match after normalisation (answers.py). With ``retrieval=True`` the prompt
starts with the fact stated in another wording, as a retriever would put a found passage in front
of the question (retrieval-augmented generation, Lewis et al. 2020, arXiv 2005.11401).

Each answer carries three uncertainty scores (uncertainty.py): the mean entropy of the greedy
answer's tokens, and from ``samples`` answers sampled at temperature 1, the share that differ from
the greedy answer as strings and after normalisation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from ..data.world.facts import fact_sentence
from ..data.world.lexicon import V
from ..i18n import CourseValueError
from . import hallucination_messages  # noqa: F401  (registers this package's texts)
from .answers import exact_match, first_clause
from .uncertainty import disagreement, inconsistency

UNSEEN = "unseen"
# The verb phrase that ends a cloze prompt; the object follows it in the fact's first wording.
CLOZE_VERBS = {"lives_in": V["lives_in"].en, "works_as": V["works_as"].en, "born_in": V["born_in"].en}
CONTEXT_TEMPLATE = 1  # the wording of the retrieved sentence ("has a home in", "is a", "birthplace is")


@dataclass(frozen=True)
class Probe:
    """A question about one fact: ``exposure`` is f (times the fact was read) or "unseen"."""

    fact_id: str
    prompt: str
    reference: str
    exposure: int | str
    context: str


def cloze_prompt(fact) -> str:
    """"<subject> <verb phrase>": the fact's first wording, cut before its object."""
    if fact.relation not in CLOZE_VERBS:
        raise CourseValueError("halluc_bad_relation", value=fact.relation, known=", ".join(CLOZE_VERBS))
    return f"{fact.subject} {CLOZE_VERBS[fact.relation]}"


def context_sentence(world, fact) -> str:
    """The fact in another wording than the probe's (what a retriever would find)."""
    return fact_sentence(world.person_by_id[fact.person_id], fact.relation, CONTEXT_TEMPLATE)[0]


def make_probe(world, fact, exposure) -> Probe:
    return Probe(fact.id, cloze_prompt(fact), fact.object, exposure, context_sentence(world, fact))


def exposure_probes(exposed) -> list[Probe]:
    """One probe per seen fact (its exposure f from the corpus) and per unseen fact."""
    fc = exposed.corpus
    probes = [make_probe(exposed.world, fact, f) for fact, f in fc.seen.items()]
    return probes + [make_probe(exposed.world, fact, UNSEEN) for fact in fc.unseen]


@torch.no_grad()
def _continue(model, tokenizer, prompts: Sequence[str], max_new_tokens: int, temperature: float,
              samples: int = 1, generator=None) -> list[list[list[int]]]:
    """For each prompt, ``samples`` continuations as token-id lists (prompts of equal length share a batch)."""
    from ..model import generate  # model is below risks in the package's arrows

    encoded = [tokenizer.encode(prompt) for prompt in prompts]
    groups: dict[int, list[int]] = defaultdict(list)
    for index, ids in enumerate(encoded):
        groups[len(ids)].append(index)
    out: list[list[list[int]]] = [[] for _ in prompts]
    device = next(model.parameters()).device
    for length, indices in groups.items():
        ids = torch.tensor([encoded[i] for i in indices for _ in range(samples)], device=device)
        result = generate(model, ids, max_new_tokens, temperature=temperature, generator=generator)
        for row, index in enumerate(i for i in indices for _ in range(samples)):
            out[index].append(result[row, length:].tolist())
    return out


def _answer_length(tokenizer, ids: list[int]) -> int:
    """How many tokens make the answer: up to and including the first one with a full stop or newline."""
    for position, token in enumerate(ids):
        if any(mark in tokenizer.decode([token]) for mark in ".\n"):
            return position + 1
    return len(ids)


@torch.no_grad()
def answer_entropy(model, tokenizer, prompt: str, answer_ids: list[int]) -> float:
    """Mean entropy (nats) of the next-token distributions that produced ``answer_ids`` after ``prompt``."""
    prompt_ids = tokenizer.encode(prompt)
    ids = torch.tensor([prompt_ids + answer_ids], device=next(model.parameters()).device)
    logits = model(ids).logits[0, len(prompt_ids) - 1 : -1].float()  # the positions that predict the answer
    log_p = torch.log_softmax(logits, dim=-1)
    return float(-(log_p.exp() * log_p).sum(-1).mean())


def answer_probes(model, tokenizer, probes: Sequence[Probe], samples: int = 8, retrieval: bool = False,
                  max_new_tokens: int = 6, seed: int = 0, progress: bool = False) -> list[dict]:
    """Ask every probe; one row each: the greedy answer, whether it is right, and the uncertainty scores.

    ``samples`` answers at temperature 1 feed the two agreement scores (0: no sampling, scores NaN).
    Row keys: fact_id, exposure, prompt, answer, reference, correct, entropy, inconsistency,
    disagreement, samples.
    """
    from tqdm.auto import tqdm

    if not probes:
        raise CourseValueError("halluc_no_prompts", name="probes")
    model.eval()
    prompts = [(probe.context + " " if retrieval else "") + probe.prompt for probe in probes]
    greedy = _continue(model, tokenizer, prompts, max_new_tokens, 0.0)
    sampled = None
    if samples:
        generator = torch.Generator(device=next(model.parameters()).device).manual_seed(seed)
        sampled = _continue(model, tokenizer, prompts, max_new_tokens, 1.0, samples, generator)
    rows = []
    for index, probe in enumerate(tqdm(probes, desc="score", unit="probe", disable=not progress)):
        ids = greedy[index][0]
        ids = ids[: max(1, _answer_length(tokenizer, ids))]
        answer = first_clause(tokenizer.decode(ids))
        texts = [first_clause(tokenizer.decode(s)) for s in sampled[index]] if sampled else []
        rows.append({
            "fact_id": probe.fact_id, "exposure": probe.exposure, "prompt": prompts[index], "answer": answer,
            "reference": probe.reference, "correct": exact_match(answer, probe.reference),
            "entropy": answer_entropy(model, tokenizer, prompts[index], ids),
            "inconsistency": inconsistency(answer, texts) if texts else float("nan"),
            "disagreement": disagreement(answer, texts) if texts else float("nan"),
            "samples": texts,
        })
    return rows


def accuracy_by_exposure(rows: Sequence[dict]) -> dict:
    """{f: share of correct answers} for each exposure f, in increasing order, then "unseen"."""
    totals: dict = defaultdict(lambda: [0, 0])
    for row in rows:
        totals[row["exposure"]][0] += bool(row["correct"])
        totals[row["exposure"]][1] += 1
    keys = sorted(k for k in totals if k != UNSEEN) + ([UNSEEN] if UNSEEN in totals else [])
    return {key: totals[key][0] / totals[key][1] for key in keys}


def singleton_rate(exposures: dict) -> float:
    """Kalai et al. (2025)'s singleton rate over the facts a corpus states: the share stated exactly once."""
    if not exposures:
        raise CourseValueError("halluc_no_prompts", name="exposures")
    return sum(1 for f in exposures.values() if f == 1) / len(exposures)


def error_rate(rows: Sequence[dict], seen_only: bool = True) -> float:
    """The share of wrong answers (over the seen facts only, by default)."""
    chosen = [row for row in rows if not seen_only or row["exposure"] != UNSEEN]
    if not chosen:
        raise CourseValueError("halluc_no_prompts", name="rows")
    return sum(not row["correct"] for row in chosen) / len(chosen)
