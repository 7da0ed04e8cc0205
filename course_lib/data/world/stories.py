"""Short multi-sentence stories about one person, told in both languages at once.

A story opens with one or two facts about its protagonist (full name: "Ayşe Demir lives in
Bursa and works as a baker."), then two to five events in the past tense, sometimes the
weather and how the protagonist felt. Later sentences use a pronoun in English and drop the
subject in Turkish, as each language does. Friends appear by first name only, so a full name
in the text always marks a fact sentence — the ledger counts those exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .entities import Person
from .facts import fact_sentence, predicate
from .sentences import (
    EVENTS,
    Pair,
    Scene,
    assemble,
    ev_work,
    feeling,
    random_connective,
    random_time,
    weather,
)

# Which facts open a story; a job in the opening is a "job mention" for the bias hook.
INTROS: tuple[tuple[str, ...], ...] = (
    ("lives_in",),
    ("works_as",),
    ("born_in",),
    ("lives_in", "works_as"),
    ("born_in", "lives_in"),
    ("works_as", "lives_in"),
)


@dataclass
class Story:
    sentences: list[Pair]
    fact_ids: list[str]  # one entry per fact sentence/clause, repeats allowed
    job_mention: tuple[str, str] | None  # (job, gender) when the story says what the person does

    def text(self, lang: str) -> str:
        return " ".join(pair[0 if lang == "en" else 1] for pair in self.sentences)


def pick_friends(person: Person, people: list[Person], rng: random.Random, k: int = 3) -> list[Person]:
    """``k`` people whose first names differ from the protagonist's and from each other, so
    that "Serkan sold a lamp to Serkan" cannot happen."""
    friends: list[Person] = []
    names = {person.first.en}
    k = min(k, len({other.first.en for other in people} - names))  # tiny worlds: as many as exist
    if k == 0:
        raise ValueError("no one in this world has a first name different from the protagonist's")
    while len(friends) < k:
        candidate = rng.choice(people)
        if candidate.first.en not in names:
            names.add(candidate.first.en)
            friends.append(candidate)
    return friends


def intro_sentence(person: Person, relations: tuple[str, ...], rng: random.Random) -> Pair:
    if len(relations) == 1:
        return fact_sentence(person, relations[0], rng.randrange(3))
    name = (person.name, person.name)
    return assemble(name, [predicate(person, relation) for relation in relations])


def tell_story(
    person: Person, relations: tuple[str, ...], friends: list[Person], rng: random.Random
) -> Story:
    """One story about ``person`` opening with the facts ``relations``."""
    sentences = [intro_sentence(person, relations, rng)]
    scene = Scene(person=person, friends=friends, town=person.home)
    first_name = (person.first.en, person.first.tr.nom)
    pronoun = (person.pronoun, "")
    if rng.random() < 0.2:
        sentences.append(weather(scene.town, rng, random_time(rng)))
        time = None
    else:
        time = random_time(rng)
    n_events = rng.randint(2, 5)
    for index in range(n_events):
        events = rng.sample(EVENTS, 2 if rng.random() < 0.3 else 1)
        predicates = [event(scene, rng) for _, event in events]
        subject = first_name if index == 0 or rng.random() < 0.2 else pronoun
        if index == 0 and time is not None:
            sentences.append(assemble(subject, predicates, time=time, time_front=rng.random() < 0.6))
        else:
            opener = random_connective(rng) if rng.random() < 0.6 else None
            if (
                opener is not None
                and opener[0] not in ("Then", "After that", "Later")
                and any(event is ev_work for _, event in events)
            ):
                opener = None  # "An hour later, she worked all day" would contradict itself
            sentences.append(assemble(subject, predicates, opener=opener))
    if rng.random() < 0.4:
        sentences.append(feeling(pronoun if rng.random() < 0.7 else first_name, rng))
    fact_ids = [f"{person.id}:{relation}" for relation in relations]
    job_mention = (person.job.en, person.gender) if "works_as" in relations else None
    return Story(sentences, fact_ids, job_mention)
