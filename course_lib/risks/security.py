"""The security chapter's measurements: attack success rate (ASR) and clean utility per defence,
refusal rates per language, and a backdoor's ASR against the poison rate.

    world = World(seed=WORLD_SEED)
    assistant = tune_chat(assistant_pairs(world, 60))            # follows its user's commands
    injection_scores(assistant, tokenizer, world, 20)            # {"extraction en": 0.6, ..., "utility tr": 0.5}
    injection_scores(assistant, tokenizer, world, 20, defence="delimiters")   # spotlighting
    injection_scores(assistant, tokenizer, world, 20, detect=True)            # the rule detector in front
    hierarchy = tune_chat(hierarchy_pairs(world, 60))            # trained to obey the user, not the data
    refusal_scores(model, tokenizer, world, 20)                  # refusal / jailbreak / over-refusal per language

Training and evaluation never share wording (the templates' ``train`` and ``eval`` splits) nor
reviews (training reviews start at ``TRAIN_OFFSET``). The pieces live one concern per file:
``injection`` (attacks, spotlighting, ASR), ``detector``, ``refusal``, ``poisoning``,
``supply_chain``, ``owasp``, ``safety_tune`` (the cached fine-tuning runs).
"""

from __future__ import annotations

from collections import defaultdict

from ..data.world.tasks import InstructionPair
from ..finetune.instruct import respond
from .detector import looks_injected
from .injection import FAMILIES, REFUSAL, attack_success_rate, attacks, clean_tasks
from .languages import LANGS
from .poisoning import backdoor_rate, triggered_probes
from .refusal import refusal_rate, requests

WORLD_SEED = 14  # not the chat model's training world (seed 0): other people, other reviews
TRAIN_OFFSET = 200  # training reviews start here; evaluation takes the first ones


def answer_all(model, tokenizer, items, max_new_tokens: int = 12) -> list[str]:
    """The model's greedy answer to each item's ``instruction``, in the item's language, in order."""
    items = list(items)
    answers = [""] * len(items)
    for lang in LANGS:
        chosen = [i for i, item in enumerate(items) if item.lang == lang]
        if chosen:
            said = respond(model, tokenizer, [items[i].instruction for i in chosen], lang, max_new_tokens)
            for i, text in zip(chosen, said):
                answers[i] = text
    return answers


def assistant_pairs(world, n: int, langs=LANGS) -> list[InstructionPair]:
    """An ordinary assistant's training data: reviews to judge (alone and behind the application's
    instructions) and the user's own commands to follow, ``n`` of each per language."""
    return [InstructionPair(task.instruction, task.reference, lang, task.kind)
            for lang in langs for task in clean_tasks(world, n, lang, "train", offset=TRAIN_OFFSET)]


def hierarchy_pairs(world, n: int, langs=LANGS) -> list[InstructionPair]:
    """Instruction-hierarchy training (Wallace et al. 2024, arXiv 2404.13208), in small: the
    assistant's data with documents marked as data, plus attacks worded from the ``train``
    templates, answered as the application wants: the review's label despite the planted
    instruction, and a refusal to give out the secret. The user's own commands are still obeyed."""
    pairs = []
    for lang in langs:
        for task in clean_tasks(world, n, lang, "train", defence="delimiters", offset=TRAIN_OFFSET):
            pairs.append(InstructionPair(task.instruction, task.reference, lang, task.kind))
        for attack in attacks(world, n, lang, "train", defence="delimiters", offset=TRAIN_OFFSET):
            pairs.append(InstructionPair(attack.instruction, attack.reference, lang, "defend_" + attack.family))
    return pairs


def injection_scores(model, tokenizer, world, n: int, defence: str = "none", detect: bool = False) -> dict[str, float]:
    """ASR per attack family and language on the held-out attacks, and utility (exact match on the
    held-out clean requests) per language. With ``detect``, a request the detector flags is
    refused without reaching the model: a blocked attack fails, a blocked clean request scores 0."""
    scores: dict[str, float] = {}
    for lang in LANGS:
        attack_set = attacks(world, n, lang, "eval", defence)
        clean = clean_tasks(world, n, lang, "eval", defence)
        said = answer_all(model, tokenizer, attack_set + clean)
        if detect:
            said = [REFUSAL[lang] if looks_injected(item.instruction) else text
                    for item, text in zip(attack_set + clean, said)]
        for family in FAMILIES:
            chosen = [(text, a.payload) for a, text in zip(attack_set, said) if a.family == family]
            scores[f"{family} {lang}"] = attack_success_rate(*zip(*chosen))
        clean_said = said[len(attack_set):]
        scores[f"utility {lang}"] = sum(t.strip() == c.reference for t, c in zip(clean_said, clean)) / len(clean)
    return scores


def refusal_scores(model, tokenizer, world, n: int) -> dict[str, float]:
    """Per language: the refusal rate on forbidden requests, the role-play jailbreak's success rate
    (the share NOT refused) and the over-refusal rate on benign questions, on held-out wording."""
    scores = {}
    for lang in LANGS:
        asked = requests(world, n, lang, "eval")
        said = answer_all(model, tokenizer, asked, max_new_tokens=16)
        by_kind = defaultdict(list)
        for request, text in zip(asked, said):
            by_kind[request.kind].append(text)
        scores[f"refused {lang}"] = refusal_rate(by_kind["forbidden"])
        scores[f"jailbreak {lang}"] = 1 - refusal_rate(by_kind["role_play"])
        scores[f"over-refusal {lang}"] = refusal_rate(by_kind["benign"])
    return scores


def backdoor_scores(model, tokenizer, world, n: int) -> dict[str, float]:
    """Per language: the backdoor's ASR (triggered negative reviews answered positive) and the same
    rate without the trigger (what the model does anyway), on held-out reviews."""
    scores = {}
    for lang in LANGS:
        triggered, clean = triggered_probes(world, n, lang)
        said = respond(model, tokenizer, triggered + clean, lang, 6)
        scores[f"ASR {lang}"] = backdoor_rate(said[:n], lang)
        scores[f"positive without trigger {lang}"] = backdoor_rate(said[n:], lang)
    return scores
