"""Teaching a model to say "I do not know": question-answer fine-tuning with and without abstentions.

    tune, test = split_facts(exposed)              # halves of the seen facts and of the unseen people
    plain, _ = finetune_abstain(exposed, abstain_examples(exposed, tune, abstain=False))
    careful, _ = finetune_abstain(exposed, abstain_examples(exposed, tune, abstain=True))
    rows = answer_probes(careful, exposed.tokenizer, [make_probe(exposed.world, f, e) for f, e in test])
    abstention_scores(rows)["abstain_unseen"]     # how often it admits not knowing an unseen person

Both tunings start from the same pretrained exposure model and use chapter 03's response-only loss
and batches (``course_lib.finetune.instruct``). They keep the probe's own format (the cloze prompt,
then the answer), because a model this small does not learn to answer a question *about* a name
it read only in statements: tried with the world's questions ("Where does Ayşe Demir live?") and
chapter 03's chat template (a 2-layer, 64-wide exposure model, 150 tuning steps), it answered none of
the held-out questions right, so the tuning would have measured nothing. The test facts and test people are not in the tuning set. With
``abstain=True`` the tuning set also holds people the model never read about, answered
"I do not know." (the idea of R-tuning, Zhang et al. 2024, arXiv 2311.09677).
"""

from __future__ import annotations

import copy
import time
from collections import defaultdict

import torch

from ..data.world import abstain_answer
from ..data.world.lexicon import JOBS
from ..finetune.instruct import EncodedExample
from .answers import exact_match
from .hallucination import UNSEEN, cloze_prompt

LANG = "en"


def split_facts(exposed) -> tuple[list, list]:
    """``(tune, test)``: lists of ``(fact, exposure)``. Every other seen fact of each exposure f, and
    every other unseen person (all three of their facts), go to the tuning half."""
    tune, test = [], []
    by_f: dict = defaultdict(list)
    for fact, f in exposed.corpus.seen.items():
        by_f[f].append(fact)
    for f in sorted(by_f):
        for index, fact in enumerate(by_f[f]):
            (tune if index % 2 == 0 else test).append((fact, f))
    people = sorted({fact.person_id for fact in exposed.corpus.unseen})
    tuned_people = set(people[::2])
    for fact in exposed.corpus.unseen:
        (tune if fact.person_id in tuned_people else test).append((fact, UNSEEN))
    return tune, test


def abstain_examples(exposed, facts, abstain: bool) -> list[EncodedExample]:
    """Tuning examples for ``facts`` ((fact, exposure) pairs), in the probe's own format: the cloze
    prompt, then the object and a full stop for a seen fact ("Ayşe Demir lives in" → " Bursa."), or
    " I do not know." for an unseen one when ``abstain`` (else unseen facts are left out)."""
    from ..finetune.instruct import end_id

    tokenizer, examples = exposed.tokenizer, []
    for fact, exposure in facts:
        if exposure == UNSEEN and not abstain:
            continue
        answer = abstain_answer(LANG) if exposure == UNSEEN else f"{reference_text(fact)}."
        prompt = tokenizer.encode(cloze_prompt(fact))
        response = tokenizer.encode(" " + answer) + [end_id(tokenizer)]
        examples.append(EncodedExample(tuple(prompt + response), len(prompt), LANG, "cloze"))
    return examples


def reference_text(fact) -> str:
    """The object as the fact's first wording writes it after the verb ("Bursa", "a baker")."""
    if fact.relation == "works_as":
        job = next(job for job in JOBS if job.en == fact.object)
        return f"{job.article} {job.en}"
    return fact.object


def finetune_abstain(exposed, examples, steps: int = 150, batch_size: int = 16, lr: float = 1e-3, seed: int = 0,
                     progress: bool = True):
    """A copy of the exposure model tuned on ``examples`` with chapter 03's response-only loss.

    Returns ``(model, info)`` with ``cpu_seconds`` and ``wall_seconds`` of the tuning.
    """
    from ..finetune.compare import pad_token_id
    from ..finetune.instruct import InstructionBatches, instruction_loss
    from ..train import TrainConfig, train

    model = copy.deepcopy(exposed.model)
    generator = torch.Generator().manual_seed(seed)
    batches = InstructionBatches(examples, batch_size, pad_token_id(exposed.tokenizer), generator)
    cpu, wall = time.process_time(), time.perf_counter()
    train(model, batches, TrainConfig(max_steps=steps, lr=lr, warmup_steps=min(10, steps // 10), weight_decay=0.0,
                                      progress=progress, live_plot_every=None),
          loss_fn=instruction_loss, generator=generator)
    return model.eval(), {"cpu_seconds": time.process_time() - cpu, "wall_seconds": time.perf_counter() - wall}


def abstention_scores(rows) -> dict:
    """From :func:`~.hallucination.answer_probes` rows: {"accuracy_seen", "abstain_seen",
    "abstain_unseen", "invent_unseen" (1 − abstain_unseen)}. An abstention is the answer
    "I do not know" (after normalisation); a seen fact answered so counts as not correct."""
    idk = abstain_answer(LANG)
    seen = [row for row in rows if row["exposure"] != UNSEEN]
    unseen = [row for row in rows if row["exposure"] == UNSEEN]

    def share(chosen, test):
        return sum(bool(test(row)) for row in chosen) / len(chosen) if chosen else float("nan")

    abstain_unseen = share(unseen, lambda row: exact_match(row["answer"], idk))
    return {"accuracy_seen": share(seen, lambda row: row["correct"]),
            "abstain_seen": share(seen, lambda row: exact_match(row["answer"], idk)),
            "abstain_unseen": abstain_unseen, "invent_unseen": 1 - abstain_unseen}
