"""The :class:`World`: its people and facts, and the corpora drawn from them.

Everything is a function of ``seed`` and the arguments: each method seeds its own
``random.Random`` from a string naming the seed, the method and its arguments, so calls do
not disturb each other and never touch global random state.
"""

from __future__ import annotations

import operator
import random
from collections.abc import Mapping
from dataclasses import dataclass

from ...i18n import CourseValueError
from . import (
    messages,  # noqa: F401  (registers this package's messages)
    tasks,
)
from .corpus import Corpus, CorpusBuilder
from .entities import MAX_PEOPLE, MIN_PEOPLE, Person, make_people
from .facts import RELATIONS, TEMPLATES_PER_RELATION, Fact, fact_sentence, facts_of
from .hooks import make_canaries
from .lexicon import GENDERS, JOBS
from .stories import INTROS, pick_friends, tell_story

LANG_CHOICES = ("en", "tr", "both")


@dataclass(frozen=True)
class WorldConfig:
    """The world's size and the risk-chapter hooks, all off by default.

    - ``n_people``: inhabitants (between 40 and 1,800).
    - ``group_job_association``: None (off) or p in [0, 1]: in every corpus, P(the job's
      stereotyped gender | job) = p for each job mention (bias chapter).
    - ``canaries``: None (off) or {repeats r: number of canaries}, e.g.
      ``{r: 2 for r in (1, 2, 4, 8, 16, 32)}``: fake TC kimlik + phone records, each written in
      exactly r user-log lines (privacy chapter).
    - ``planted_instructions``: None (off) or a rate in [0, 1]: the share of story documents
      that carry one injected instruction (security chapter).
    """

    n_people: int = 600
    group_job_association: float | None = None
    canaries: Mapping[int, int] | None = None
    planted_instructions: float | None = None

    def __post_init__(self):
        if not isinstance(self.n_people, int) or not MIN_PEOPLE <= self.n_people <= MAX_PEOPLE:
            raise CourseValueError("world_bad_people", value=self.n_people, low=MIN_PEOPLE, high=MAX_PEOPLE)
        check_rate("group_job_association", self.group_job_association)
        check_rate("planted_instructions", self.planted_instructions)
        if self.canaries is not None and not _is_count_map(self.canaries):
            raise CourseValueError("world_bad_canaries", value=self.canaries)


def check_rate(name: str, value) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise CourseValueError("world_bad_rate", name=name, value=value)


def _as_int(value) -> int | None:
    """``value`` as a Python int if it is an integer of any kind (numpy included), else None."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)
    except TypeError:
        return None


def check_size(name: str, value) -> int:
    number = _as_int(value)
    if number is None or number < 0:
        raise CourseValueError("world_bad_size", name=name, value=value)
    return number


def check_lang(value, valid=LANG_CHOICES, name: str = "lang") -> str:
    if value not in valid:
        raise CourseValueError("world_bad_language", name=name, value=value, valid=", ".join(valid))
    return value


def _is_count_map(mapping) -> bool:
    if not isinstance(mapping, Mapping):
        return False
    for key, count in mapping.items():
        if isinstance(key, bool) or not isinstance(key, int) or key < 1:
            return False
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            return False
    return True


def _langs(lang: str) -> tuple[str, ...]:
    return ("en", "tr") if lang == "both" else (lang,)


@dataclass
class FactCorpus:
    """A corpus where chosen facts appear an exact number of times (hallucination chapter).

    - ``corpus``: the :class:`Corpus` (its ledger counts every fact sentence, filler included).
    - ``seen``: {fact: f} — each fact stated exactly f times per language; its subject's full
      name appears nowhere else in the text.
    - ``unseen``: facts of people whose full name never appears in the text.
    """

    corpus: Corpus
    seen: dict[Fact, int]
    unseen: list[Fact]


class World:
    """A seeded invented world. ``World(seed=0, config=WorldConfig())``.

    ``people`` and ``facts`` are fixed by the seed and ``n_people``; the hooks change only
    which people the corpora talk about and what is planted in them.
    """

    def __init__(self, seed: int = 0, config: WorldConfig | None = None):
        if _as_int(seed) is None or _as_int(seed) < 0:
            raise CourseValueError("bad_seed", value=seed)
        self.seed = _as_int(seed)
        self.config = config if config is not None else WorldConfig()
        self.people: list[Person] = make_people(self.config.n_people, random.Random(f"{seed}/people"))
        self.person_by_id = {person.id: person for person in self.people}
        self.facts: list[Fact] = [fact for person in self.people for fact in facts_of(person)]
        self.fact_by_id = {fact.id: fact for fact in self.facts}

    def rng(self, *purpose) -> random.Random:
        """A private generator for one call: the same purpose gives the same numbers."""
        return random.Random("/".join(str(part) for part in (self.seed, *purpose)))

    # --- who a story is about -----------------------------------------------------------

    def _picker(self, exclude: set[str]):
        eligible = [person for person in self.people if person.id not in exclude]
        holders = {(job.en, gender): [] for job in JOBS for gender in GENDERS}
        for person in eligible:
            holders[(person.job.en, person.gender)].append(person)
        p = self.config.group_job_association
        if p is not None and any(not group for group in holders.values()):
            raise CourseValueError("world_too_few_people", have=len(eligible), need=len(exclude) + MIN_PEOPLE)

        def pick(rng: random.Random, mentions_job: bool) -> Person:
            if p is None or not mentions_job:
                return rng.choice(eligible)
            job = rng.choice(JOBS)
            other = GENDERS[1 - GENDERS.index(job.stereotype)]
            group = job.stereotype if rng.random() < p else other
            return rng.choice(holders[(job.en, group)])

        return eligible, pick

    def _fill_with_stories(
        self, builder: CorpusBuilder, n_chars: int, rng: random.Random, exclude=()
    ) -> None:
        eligible, pick = self._picker(set(exclude))
        failures = 0
        while builder.chars < n_chars:
            relations = rng.choice(INTROS)
            person = pick(rng, "works_as" in relations)
            friends = pick_friends(person, eligible, rng)
            story = tell_story(person, relations, friends, rng)
            if not builder.add("story", story.sentences, story.fact_ids, story.job_mention):
                failures += 1
                if failures > 1000:  # cannot happen at sane sizes; guards an endless loop
                    raise CourseValueError(
                        "world_not_enough_distinct", made=len(builder.units), what="stories", asked=n_chars
                    )

    def _canaries(self, rng: random.Random):
        if not self.config.canaries:
            return []
        return make_canaries(dict(self.config.canaries), [person.name for person in self.people], rng)

    # --- corpora ------------------------------------------------------------------------

    def corpus(self, n_chars: int, lang: str = "en") -> Corpus:
        """Stories about the world, at least ``n_chars`` characters (less than one more story).

        ``lang``: "en", "tr", or "both" (each story in English then in Turkish, same
        ``pair_id``). With ``lang="both"``, ``n_chars`` counts both languages.
        No document repeats. The hooks of ``config`` apply; their plants are extra text.
        """
        n_chars = check_size("n_chars", n_chars)
        check_lang(lang)
        langs = _langs(lang)
        rng = self.rng("corpus", n_chars, lang)
        builder = CorpusBuilder(langs)
        self._fill_with_stories(builder, n_chars, rng)
        return builder.finish(rng, self._canaries(rng), self.config.planted_instructions)

    def fact_corpus(
        self,
        frequencies: Mapping[int, int],
        unseen: int = 0,
        lang: str = "en",
        filler_chars: int = 0,
        sentences_per_document: int = 5,
    ) -> FactCorpus:
        """A corpus where ``frequencies[f]`` facts are each stated exactly f times.

        Each chosen fact belongs to its own person, whose full name appears only in those f
        sentences (wordings vary among the relation's templates). ``unseen`` more people are
        never named: their facts are in ``FactCorpus.unseen``. ``filler_chars`` of stories about
        the other people surround the fact sentences. Example for the hallucination chapter:
        ``world.fact_corpus({f: 20 for f in range(1, 17)}, unseen=50, filler_chars=200_000)``.
        """
        if not _is_count_map(frequencies):
            raise CourseValueError("world_bad_frequencies", value=frequencies)
        check_size("unseen", unseen)
        check_size("filler_chars", filler_chars)
        check_size("sentences_per_document", sentences_per_document)
        check_lang(lang)
        langs = _langs(lang)
        n_tested = sum(frequencies.values()) + unseen
        if n_tested + MIN_PEOPLE > len(self.people):
            raise CourseValueError("world_too_few_people", have=len(self.people), need=n_tested + MIN_PEOPLE)
        rng = self.rng(
            "fact_corpus", sorted(frequencies.items()), unseen, lang, filler_chars, sentences_per_document
        )
        chosen = rng.sample(self.people, n_tested)
        seen: dict[Fact, int] = {}
        mentions: list[tuple[Person, str]] = []
        index = 0
        for f in sorted(frequencies):
            for _ in range(frequencies[f]):
                person = chosen[index]
                relation = RELATIONS[index % len(RELATIONS)]
                index += 1
                seen[self.fact_by_id[f"{person.id}:{relation}"]] = f
                mentions += [(person, relation)] * f
        unseen_facts = [fact for person in chosen[index:] for fact in facts_of(person)]
        rng.shuffle(mentions)
        builder = CorpusBuilder(langs)
        size = max(1, sentences_per_document)
        for start in range(0, len(mentions), size):
            group = mentions[start : start + size]
            sentences = [
                fact_sentence(person, relation, rng.randrange(TEMPLATES_PER_RELATION))
                for person, relation in group
            ]
            fact_ids = [f"{person.id}:{relation}" for person, relation in group]
            job = [(person.job.en, person.gender) for person, relation in group if relation == "works_as"]
            builder.units.append({"kind": "facts", "sentences": sentences, "fact_ids": tuple(fact_ids)})
            for lang_ in langs:
                builder.ledger.fact_counts[lang_].update(fact_ids)
                builder.ledger.job_mentions[lang_].update(job)
        self._fill_with_stories(builder, filler_chars, rng, exclude={person.id for person in chosen})
        rng.shuffle(builder.units)
        corpus = builder.finish(rng, self._canaries(rng), self.config.planted_instructions)
        return FactCorpus(corpus, seen, unseen_facts)

    # --- labelled task sets (shapes in tasks.py) -----------------------------------------

    def sentiment(self, n: int, lang: str = "en") -> list[tasks.LabeledText]:
        """Balanced positive/negative reviews: ``LabeledText(text, label 0|1, label_name, lang)``."""
        return tasks.sentiment(self, check_size("n", n), check_lang(lang, ("en", "tr")))

    def topics(self, n: int, lang: str = "en") -> list[tasks.LabeledText]:
        """Balanced topic texts over ``tasks.TOPIC_LABELS``: ``LabeledText``."""
        return tasks.topics(self, check_size("n", n), check_lang(lang, ("en", "tr")))

    def translation_pairs(self, n: int, direction: str = "en-tr") -> list[tasks.TranslationPair]:
        """Distinct sentence pairs: ``TranslationPair(source, target, source_lang, target_lang)``."""
        if direction not in tasks.DIRECTIONS:
            raise CourseValueError("world_bad_direction", value=direction)
        return tasks.translation_pairs(self, check_size("n", n), direction)

    def qa_pairs(self, facts=None, lang: str = "en", n: int | None = None) -> list[tasks.QAPair]:
        """``QAPair(question, answer, answer_sentence, lang, fact_id)`` for ``facts`` (default: all)."""
        if n is not None:
            check_size("n", n)
        return tasks.qa_pairs(self, facts, check_lang(lang, ("en", "tr")), n)

    def instructions(self, n: int, lang: str = "en") -> list[tasks.InstructionPair]:
        """``InstructionPair(instruction, response, lang, kind)``, kinds round-robin."""
        return tasks.instructions(self, check_size("n", n), check_lang(lang, ("en", "tr")))
