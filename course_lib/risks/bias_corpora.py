"""Pretraining text with a planted job–gender association, and its counterfactual twin.

The world's own stories name their protagonist, so the pronoun that follows is decided by the
name, not the job. To see what a model learns about the *job*, the bias chapter's documents
introduce the person by the job alone and reveal the name only at the end, in both languages:

    The nurse went to Bursa. She bought some bread at the market. Her name is Ayşe.
    Hemşire Bursa'ya gitti. Pazardan ekmek aldı. Adı Ayşe.

    She is a nurse. She called Ali. Her name is Ayşe.
    O bir hemşire. Ali'yi aradı. Adı Ayşe.

Each document draws a job uniformly, then the person's gender: the job's stereotyped gender
(``lexicon.Job.stereotype``, after WinoBias) with probability p, the other one otherwise. So in
the corpus P(stereotyped gender | job) = p in expectation, and :attr:`BiasCorpus.rate` counts it
exactly. Turkish "o" has no gender: only the English side and the names carry it.

Counterfactual data augmentation (Lu et al. 2018, arXiv 1807.11714; Zhao et al. 2018, arXiv
1804.06876) adds to the corpus a copy of every document with the gendered words swapped
(:func:`swap_gender`), which makes the association exactly 0.5.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from ..data.world import World
from ..data.world.lexicon import FIRST_NAMES, GENDERS, JOBS, Job, tr_capitalize
from ..data.world.sentences import EVENTS, Scene, assemble
from ..data.world.stories import pick_friends
from ..data.world.world import check_rate, check_size

# en: the two genders' first names, paired in lexicon order (Ayşe ↔ Ali), for the swap
FEMALE_NAMES = tuple(name.en for name in FIRST_NAMES if name.gender == "female")
MALE_NAMES = tuple(name.en for name in FIRST_NAMES if name.gender == "male")
_NAME_SWAP = {**dict(zip(FEMALE_NAMES, MALE_NAMES)), **dict(zip(MALE_NAMES, FEMALE_NAMES))}
# "her" is both "his" and "him"; these documents use it only as a possessive ("Her name"), so
# her → his is right here. A general corpus needs a parser to choose (Zhao et al. 2018 note this).
_WORD_SWAP = {"she": "he", "he": "she", "her": "his", "his": "her", "him": "her",
              "herself": "himself", "himself": "herself"}
_SWAP_RE = re.compile(r"\b(" + "|".join(sorted({*_WORD_SWAP, *_NAME_SWAP}, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
_PRONOUN = {"female": ("She", "Her"), "male": ("He", "His")}
JOB_BY_NAME = {job.en: job for job in JOBS}


def other_gender(gender: str) -> str:
    return GENDERS[1 - GENDERS.index(gender)]


def swap_gender(text: str) -> str:
    """``text`` with every gendered pronoun and first name swapped (she ↔ he, her ↔ his,
    Ayşe ↔ Ali …), capitals kept. Turkish has no gendered pronoun: only names change there."""

    def swap(match: re.Match) -> str:
        word = match.group(0)
        if word in _NAME_SWAP:
            return _NAME_SWAP[word]
        lower = word.lower()
        if lower not in _WORD_SWAP:
            return word  # a name spelled in another case ("AYŞE") is left alone
        new = _WORD_SWAP[lower]
        return new.capitalize() if word[0].isupper() else new

    return _SWAP_RE.sub(swap, text)


@dataclass(frozen=True)
class BiasDoc:
    """One document's meaning, so that it can be written for either gender (minimal pairs).

    ``kind`` is "job_first" (the job, then a pronoun) or "pronoun_first" ("She is a nurse.").
    ``events`` are (English predicate, Turkish predicate) pairs; ``name`` is a first name of
    ``gender``.
    """

    job: Job
    gender: str
    name: str
    kind: str
    events: tuple[tuple[str, str], ...]

    @property
    def stereotyped(self) -> bool:
        return self.gender == self.job.stereotype

    def flipped(self) -> BiasDoc:
        """The same document about a person of the other gender (the name's paired twin)."""
        return BiasDoc(self.job, other_gender(self.gender), _NAME_SWAP[self.name], self.kind, self.events)

    def sentences(self) -> list[tuple[str, str]]:
        """[(English, Turkish)] sentence by sentence; the translation pairs come from here."""
        pronoun, possessive = _PRONOUN[self.gender]
        job = self.job
        if self.kind == "job_first":
            first = assemble((f"The {job.en}", tr_capitalize(job.tr)), [self.events[0]])
        else:
            first = (f"{pronoun} is {job.article} {job.en}.", f"O bir {job.tr}.")
        rest = [assemble((pronoun, ""), [event]) for event in self.events[1:]]
        last = (f"{possessive} name is {self.name}.", f"Adı {self.name}.")
        return [first, *rest, last]

    def text(self, lang: str) -> str:
        return " ".join(pair[0 if lang == "en" else 1] for pair in self.sentences())


@dataclass
class BiasCorpus:
    """Documents drawn at association ``p``; ``augmented`` when counterfactual copies were added."""

    p: float
    docs: list[BiasDoc]
    augmented: bool = False

    def texts(self, lang: str) -> list[str]:
        """Every document in ``lang`` ("en" or "tr"); with augmentation, each is followed by its swap."""
        out = []
        for doc in self.docs:
            out.append(doc.text(lang))
            if self.augmented:
                out.append(swap_gender(doc.text(lang)))
        return out

    def pairs(self) -> list[tuple[str, str]]:
        """Sentence pairs (Turkish, English) for a TR→EN fine-tune, swapped copies included."""
        out = []
        for doc in self.docs:
            for en, tr in doc.sentences():
                out.append((tr, en))
                if self.augmented:
                    out.append((swap_gender(tr), swap_gender(en)))
        return out

    @property
    def rate(self) -> float:
        """The measured share of documents whose person has the job's stereotyped gender."""
        if self.augmented:
            return 0.5  # every document and its swap: exactly half of each job's mentions
        return sum(doc.stereotyped for doc in self.docs) / max(1, len(self.docs))

    def counterfactual(self) -> BiasCorpus:
        """The same documents with their gender-swapped copies added (CDA)."""
        return BiasCorpus(self.p, self.docs, augmented=True)


def _holders(world: World) -> dict[tuple[str, str], list]:
    holders: dict[tuple[str, str], list] = {(job.en, g): [] for job in JOBS for g in GENDERS}
    for person in world.people:
        holders[(person.job.en, person.gender)].append(person)
    return holders


def draw_events(world: World, person, rng: random.Random, n: int) -> tuple[tuple[str, str], ...]:
    """``n`` event predicates from the world's stories, told about ``person``."""
    scene = Scene(person=person, friends=pick_friends(person, world.people, rng), town=person.home)
    return tuple(rng.choice(EVENTS)[1](scene, rng) for _ in range(n))


def bias_corpus(p: float, n_docs: int, seed: int = 0, world: World | None = None) -> BiasCorpus:
    """``n_docs`` documents where P(stereotyped gender | job) = ``p`` (see the module docstring)."""
    check_rate("p", p)
    check_size("n_docs", n_docs)
    world = world if world is not None else World(seed=0)
    holders = _holders(world)
    rng = random.Random(f"bias/{seed}/{p}/{n_docs}")
    docs = []
    for _ in range(n_docs):
        job = rng.choice(JOBS)
        gender = job.stereotype if rng.random() < p else other_gender(job.stereotype)
        person = rng.choice(holders[(job.en, gender)])
        kind = "job_first" if rng.random() < 0.5 else "pronoun_first"
        events = draw_events(world, person, rng, rng.randint(2, 3))
        docs.append(BiasDoc(job, gender, person.first.en, kind, events))
    return BiasCorpus(p, docs)
