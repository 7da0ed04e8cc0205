"""Structured facts about the world, their sentences in both languages, and the ledger.

A :class:`Fact` is ``(subject, relation, object)``: "Ayşe Demir lives_in Bursa". Each
relation has a few paired templates (English and Turkish with the same meaning), so a fact
can be stated several times without the same words each time. The :class:`Ledger` of a
corpus counts how often each fact was stated, per language, which is the ground truth of the
hallucination chapter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .entities import Person
from .lexicon import TR_WORDS, V

RELATIONS = ("lives_in", "works_as", "born_in")


@dataclass(frozen=True)
class Fact:
    """One fact. ``object`` is the English value ("Bursa", "baker"); ``object_tr`` the Turkish one.

    ``id`` is "<person id>:<relation>", e.g. "p0042:lives_in".
    """

    id: str
    subject: str
    relation: str
    object: str
    object_tr: str
    person_id: str


def facts_of(person: Person) -> list[Fact]:
    """The three facts every person has."""
    values = {
        "lives_in": (person.home.en, person.home.tr.nom),
        "works_as": (person.job.en, person.job.tr),
        "born_in": (person.birthplace.en, person.birthplace.tr.nom),
    }
    return [
        Fact(f"{person.id}:{relation}", person.name, relation, *values[relation], person.id)
        for relation in RELATIONS
    ]


def predicate(person: Person, relation: str) -> tuple[str, str]:
    """The fact as a verb phrase without its subject: ("lives in Bursa", "Bursa'da yaşıyor").

    Used to join two facts in one sentence ("... lives in Bursa and works as a baker").
    """
    if relation == "lives_in":
        return f"{V['lives_in'].en} {person.home.en}", f"{person.home.tr.loc} {V['lives_in'].tr}"
    if relation == "works_as":
        job = person.job
        return f"{V['works_as'].en} {job.article} {job.en}", f"{job.tr} {V['works_as'].tr}"
    if relation == "born_in":
        town = person.birthplace
        return f"{V['born_in'].en} {town.en}", f"{town.tr.loc} {V['born_in'].tr}"
    raise KeyError(relation)


def fact_sentence(person: Person, relation: str, template: int) -> tuple[str, str]:
    """One stand-alone sentence stating the fact, in English and Turkish.

    ``template`` picks one of :data:`TEMPLATES_PER_RELATION` paired wordings (taken modulo).
    """
    name = person.name
    template %= TEMPLATES_PER_RELATION
    if template == 0:
        en, tr = predicate(person, relation)
        return f"{name} {en}.", f"{name} {tr}."
    if relation == "lives_in":
        town = person.home
        if template == 1:
            return f"{name} {V['resides'].en} {town.en}.", f"{name} {town.tr.loc} {V['resides'].tr}."
        return f"{name}'s home is in {town.en}.", f"{person.tr('gen')} {TR_WORDS['home_of']} {town.tr.loc}."
    if relation == "works_as":
        job = person.job
        if template == 1:
            return f"{name} is {job.article} {job.en}.", f"{name} {job.tr_is}."
        return (
            f"{name} earns a living as {job.article} {job.en}.",
            f"{name} {job.tr} {TR_WORDS['as']} {TR_WORDS['living']}.",
        )
    if relation == "born_in":
        town = person.birthplace
        if template == 1:
            return (
                f"{name}'s birthplace is {town.en}.",
                f"{person.tr('gen')} {TR_WORDS['birthplace']} {town.tr.nom}.",
            )
        return f"{name} comes from {town.en}.", f"{name} {TR_WORDS['originally']} {town.tr.abl}."
    raise KeyError(relation)


TEMPLATES_PER_RELATION = 3


@dataclass
class Ledger:
    """What a generated corpus contains, counted while it was written.

    - ``fact_counts[lang][fact_id]``: how many sentences of that language state the fact.
    - ``job_mentions[lang][(job, gender)]``: how many times a person of that gender was said
      to hold that job (the bias chapter's P(group | job)).
    - ``canaries``: the planted fake personal records (privacy hook), see ``hooks.Canary``.
    - ``injections``: the planted instructions (security hook), see ``hooks.PlantedInstruction``.
    """

    fact_counts: dict[str, Counter] = field(default_factory=lambda: {"en": Counter(), "tr": Counter()})
    job_mentions: dict[str, Counter] = field(default_factory=lambda: {"en": Counter(), "tr": Counter()})
    canaries: list = field(default_factory=list)
    injections: list = field(default_factory=list)

    def fact_count(self, fact_id: str, lang: str = "en") -> int:
        return self.fact_counts[lang][fact_id]

    def association_rate(self, lang: str = "en") -> float | None:
        """Pooled share of job mentions whose holder belongs to the job's stereotyped group."""
        from .lexicon import JOBS

        stereotype = {job.en: job.stereotype for job in JOBS}
        mentions = self.job_mentions[lang]
        total = sum(mentions.values())
        if total == 0:
            return None
        hits = sum(count for (job, gender), count in mentions.items() if stereotype[job] == gender)
        return hits / total
