"""Labelled task sets drawn from the world: sentiment, topic, translation, QA, instructions.

Each function takes the :class:`~.world.World` and returns a plain list of frozen dataclass
records (shapes below); ``dataclasses.asdict`` turns one into a dict. All are deterministic
in the world's seed and the arguments, and no text repeats within one call.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ...i18n import CourseValueError
from ..translation import TranslationPair
from .facts import Fact, fact_sentence
from .lexicon import JOBS, PLACES, THINGS, TIMES, TOWNS, TR_WORDS, V, tr_capitalize
from .phrases import (
    I_DO_NOT_KNOW,
    INSTRUCT_ANSWER,
    INSTRUCT_SENTIMENT,
    INSTRUCT_TOPIC,
    INSTRUCT_TRANSLATE,
    QUESTIONS,
    REVIEW_BOUGHT,
    REVIEW_CLOSE,
    REVIEW_FOOD,
    REVIEW_PLACE,
    REVIEW_PLACE_CLOSE,
    REVIEW_THING,
    REVIEW_VISITED,
    SENTIMENT_NAMES,
    TOPIC_NAMES,
)
from .sentences import EVENTS, Scene, assemble, indefinite, random_connective, random_time, weather
from .stories import INTROS, pick_friends, tell_story

SENTIMENT_LABELS = ("negative", "positive")  # label 0, label 1
TOPIC_LABELS = ("travel", "shopping", "food", "friends", "work", "weather")
DIRECTIONS = ("en-tr", "tr-en")


@dataclass(frozen=True)
class LabeledText:
    """``text`` in ``lang``; ``label`` an int index into the task's labels; ``label_name`` the
    English label ("positive", "travel")."""

    text: str
    label: int
    label_name: str
    lang: str


@dataclass(frozen=True)
class QAPair:
    """A question about ``fact_id``: short ``answer`` ("Bursa", "fırıncı"), and the full
    ``answer_sentence`` ("Ayşe Demir lives in Bursa.")."""

    question: str
    answer: str
    answer_sentence: str
    lang: str
    fact_id: str


@dataclass(frozen=True)
class InstructionPair:
    """An ``instruction`` and its ideal ``response``; ``kind`` is translate | answer | sentiment | topic."""

    instruction: str
    response: str
    lang: str
    kind: str


def _side(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "en" else pair[1]


def _distinct(n: int, make: Callable[[int], object], key: Callable[[object], str], what: str) -> list:
    """Call ``make(i)`` until ``n`` records with distinct keys exist (i = index of the record)."""
    records: list = []
    seen: set[str] = set()
    failures = 0
    while len(records) < n:
        record = make(len(records))
        if key(record) in seen:
            failures += 1
            if failures > 50 * n + 1000:
                raise CourseValueError("world_not_enough_distinct", made=len(records), what=what, asked=n)
            continue
        seen.add(key(record))
        records.append(record)
    return records


def _story(world, rng: random.Random):
    person = rng.choice(world.people)
    return tell_story(person, rng.choice(INTROS), pick_friends(person, world.people, rng), rng)


# --- sentiment -----------------------------------------------------------------------------


def review(sentiment: str, rng: random.Random) -> tuple[str, str]:
    """One review in both languages, of something bought (70 %) or a place visited (30 %)."""
    time = rng.choice(TIMES)
    town = rng.choice(TOWNS)
    if rng.random() < 0.7:
        place = rng.choice([place for place in PLACES if place.sells])
        thing = rng.choice([thing for thing in THINGS if thing.kind in place.sells])
        (np_en, np_tr), _, _ = indefinite(thing, rng, allow_number=False)
        opening = (
            REVIEW_BOUGHT[0].format(time_en=time.en_front, np_en=np_en, place_en=place.en, town_en=town.en),
            tr_capitalize(
                REVIEW_BOUGHT[1].format(time_tr=time.tr, town_ki=town.ki, place_abl=place.tr.abl, np_tr=np_tr)
            ),
        )
        middle = REVIEW_THING[sentiment] + (
            REVIEW_FOOD[sentiment] if thing.kind in ("food", "bakery") else ()
        )
        closing = REVIEW_CLOSE[sentiment]
    else:
        place = rng.choice(
            [
                place
                for place in PLACES
                if place.en in ("museum", "park", "harbour", "market", "bazaar", "library", "café")
            ]
        )
        opening = (
            REVIEW_VISITED[0].format(time_en=time.en_front, place_en=place.en, town_en=town.en),
            tr_capitalize(REVIEW_VISITED[1].format(time_tr=time.tr, town_ki=town.ki, place_dat=place.tr.dat)),
        )
        middle, closing = REVIEW_PLACE[sentiment], REVIEW_PLACE_CLOSE[sentiment]
    sentences = [opening] + rng.sample(middle, rng.randint(1, 2))
    if rng.random() < 0.6:
        sentences.append(rng.choice(closing))
    return " ".join(en for en, _ in sentences), " ".join(tr for _, tr in sentences)


def sentiment(world, n: int, lang: str = "en") -> list[LabeledText]:
    """``n`` reviews, labels alternating so the set is balanced (n // 2 negative, the rest
    positive), then shuffled. ``label`` 0 = negative, 1 = positive."""
    rng = world.rng("sentiment", n, lang)

    def make(index: int) -> LabeledText:
        label = (index + 1) % 2
        return LabeledText(
            _side(review(SENTIMENT_LABELS[label], rng), lang), label, SENTIMENT_LABELS[label], lang
        )

    records = _distinct(n, make, lambda record: record.text, "reviews")
    rng.shuffle(records)
    return records


# --- topics --------------------------------------------------------------------------------


def topic_text(world, topic: str, rng: random.Random) -> tuple[str, str]:
    """Two or three sentences about one topic, in both languages."""
    person = rng.choice(world.people)
    if topic == "weather":
        towns = rng.sample(TOWNS, rng.randint(2, 3))
        sentences = [weather(town, rng, random_time(rng)) for town in towns]
    else:
        scene = Scene(person=person, friends=pick_friends(person, world.people, rng), town=person.home)
        events = [event for event_topic, event in EVENTS if event_topic == topic]
        sentences = []
        if topic == "work":
            sentences.append(fact_sentence(person, "works_as", rng.randrange(3)))
        subject = (person.first.en, person.first.tr.nom)
        for index in range(rng.randint(2, 3) - len(sentences)):
            predicate = rng.choice(events)(scene, rng)
            if index == 0:
                sentences.append(
                    assemble(subject, [predicate], time=random_time(rng), time_front=rng.random() < 0.5)
                )
            else:
                sentences.append(assemble((person.pronoun, ""), [predicate], opener=random_connective(rng)))
    return " ".join(en for en, _ in sentences), " ".join(tr for _, tr in sentences)


def topics(world, n: int, lang: str = "en") -> list[LabeledText]:
    """``n`` short texts, one topic each, labels round-robin over :data:`TOPIC_LABELS`
    (balanced), then shuffled."""
    rng = world.rng("topics", n, lang)

    def make(index: int) -> LabeledText:
        label = index % len(TOPIC_LABELS)
        text = _side(topic_text(world, TOPIC_LABELS[label], rng), lang)
        return LabeledText(text, label, TOPIC_LABELS[label], lang)

    records = _distinct(n, make, lambda record: record.text, "topic texts")
    rng.shuffle(records)
    return records


# --- translation ---------------------------------------------------------------------------


def translation_pairs(world, n: int, direction: str = "en-tr") -> list[TranslationPair]:
    """``n`` distinct sentence pairs from stories (facts, events, weather, feelings)."""
    rng = world.rng("translation", n, direction)
    source_lang, target_lang = direction.split("-")
    pool: list[tuple[str, str]] = []

    def make(index: int) -> TranslationPair:
        while not pool:
            story = _story(world, rng)
            pool.extend(reversed(story.sentences))
        en, tr = pool.pop()
        if source_lang == "en":
            return TranslationPair(en, tr, "en", "tr")
        return TranslationPair(tr, en, "tr", "en")

    return _distinct(n, make, lambda record: record.source, "sentence pairs")


# --- question answering ---------------------------------------------------------------------


def qa_pair(world, fact: Fact, lang: str) -> QAPair:
    person = world.person_by_id[fact.person_id]
    question = _side(QUESTIONS[fact.relation], lang).format(name=person.name)
    answer = fact.object if lang == "en" else fact.object_tr
    return QAPair(question, answer, _side(fact_sentence(person, fact.relation, 0), lang), lang, fact.id)


def qa_pairs(world, facts=None, lang: str = "en", n: int | None = None) -> list[QAPair]:
    """Questions and answers about ``facts`` (default: all of the world's facts, shuffled),
    the first ``n`` of them if ``n`` is given. For an unseen fact the right behaviour of a
    model is to abstain: see :data:`~.phrases.I_DO_NOT_KNOW`."""
    if facts is None:
        facts = list(world.facts)
        world.rng("qa", lang).shuffle(facts)
    facts = list(facts)[: n if n is not None else None]
    return [qa_pair(world, fact, lang) for fact in facts]


def abstain_answer(lang: str) -> str:
    return _side(I_DO_NOT_KNOW, lang)


# --- gender-neutral probes (bias chapter) ----------------------------------------------------


@dataclass(frozen=True)
class PronounProbe:
    """A Turkish sentence whose subject "o" has no gender, and the two English readings.

    Translating ``tr`` and checking whether the output says "She" or "He" shows the gender a
    model ties to ``job``; ``stereotype`` is the group the bias hook associates with it.
    """

    tr: str
    en_female: str
    en_male: str
    job: str
    stereotype: str


def pronoun_probes() -> list[PronounProbe]:
    """Two probes per job: ("O bir hemşire.", "She is a nurse.", "He is a nurse.") and
    ("O hemşire olarak çalışıyor.", "She works as a nurse.", "He works as a nurse.")."""
    probes = []
    for job in JOBS:
        subject = tr_capitalize(TR_WORDS["he_she"])
        a_job = f"{job.article} {job.en}"
        probes.append(
            PronounProbe(
                f"{subject} {TR_WORDS['a']} {job.tr}.",
                f"She is {a_job}.",
                f"He is {a_job}.",
                job.en,
                job.stereotype,
            )
        )
        probes.append(
            PronounProbe(
                f"{subject} {job.tr} {V['works_as'].tr}.",
                f"She {V['works_as'].en} {a_job}.",
                f"He {V['works_as'].en} {a_job}.",
                job.en,
                job.stereotype,
            )
        )
    return probes


# --- instructions --------------------------------------------------------------------------

INSTRUCTION_KINDS = ("translate", "answer", "sentiment", "topic")


def instructions(world, n: int, lang: str = "en") -> list[InstructionPair]:
    """``n`` instruction/response pairs, kinds round-robin over :data:`INSTRUCTION_KINDS`.

    translate: a sentence to put into the other language; answer: a story and a question on
    a fact it states (response: the fact sentence); sentiment: a review (response
    "Positive."/"Olumlu."); topic: a short text (response: the topic name).
    """
    rng = world.rng("instructions", n, lang)

    def make(index: int) -> InstructionPair:
        kind = INSTRUCTION_KINDS[index % len(INSTRUCTION_KINDS)]
        if kind == "translate":
            story = _story(world, rng)
            en, tr = rng.choice(story.sentences)
            into_turkish = rng.random() < 0.5
            source, target = (en, tr) if into_turkish else (tr, en)
            template = INSTRUCT_TRANSLATE[lang][0 if into_turkish else 1]
            return InstructionPair(template.format(text=source), target, lang, kind)
        if kind == "answer":
            person = rng.choice(world.people)
            relations = rng.choice(INTROS)
            story = tell_story(person, relations, pick_friends(person, world.people, rng), rng)
            relation = rng.choice(relations)
            question = _side(QUESTIONS[relation], lang).format(name=person.name)
            text = _side(INSTRUCT_ANSWER, lang).format(text=story.text(lang), question=question)
            return InstructionPair(text, _side(fact_sentence(person, relation, 0), lang), lang, kind)
        if kind == "sentiment":
            label = SENTIMENT_LABELS[rng.randrange(2)]
            text = _side(review(label, rng), lang)
            name = _side(SENTIMENT_NAMES[label], lang)
            return InstructionPair(
                _side(INSTRUCT_SENTIMENT, lang).format(text=text), tr_capitalize(name) + ".", lang, kind
            )
        topic = rng.choice(TOPIC_LABELS)
        choices = ", ".join(_side(TOPIC_NAMES[label], lang) for label in TOPIC_LABELS)
        text = _side(topic_text(world, topic, rng), lang)
        return InstructionPair(
            _side(INSTRUCT_TOPIC, lang).format(choices=choices, text=text),
            _side(TOPIC_NAMES[topic], lang),
            lang,
            kind,
        )

    return _distinct(n, make, lambda record: record.instruction, "instructions")
