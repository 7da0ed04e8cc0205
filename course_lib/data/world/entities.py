"""The people of the world: a name, a gender (the bias chapter's "group"), a home town, a
birthplace and a job, drawn once from the world's seed.

Full names are a first name plus a surname, both from the lexicon; a Turkish case ending
goes on the surname, so a person's inflected name is spelled by the lexicon too
("Ayşe Demir'in", "Ali Kaya'ya").
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .lexicon import FIRST_NAMES, GENDERS, JOBS, SURNAMES, TOWNS, FirstName, Job, Town, TrNoun

MAX_PEOPLE = len(FIRST_NAMES) * len(SURNAMES)
# Every job needs at least one holder of each group, so the bias hook can always pick one.
MIN_PEOPLE = 2 * len(JOBS)


@dataclass(frozen=True)
class Person:
    """One inhabitant. ``id`` is stable for a given seed ("p0042")."""

    id: str
    first: FirstName
    surname: TrNoun
    home: Town
    birthplace: Town
    job: Job

    @property
    def gender(self) -> str:
        return self.first.gender

    @property
    def name(self) -> str:
        """The full name as written in both languages: "Ayşe Demir"."""
        return f"{self.first.tr.nom} {self.surname.nom}"

    def tr(self, case: str) -> str:
        """The full name in a Turkish case ("gen" → "Ayşe Demir'in")."""
        return f"{self.first.tr.nom} {getattr(self.surname, case)}"

    @property
    def pronoun(self) -> str:
        return "She" if self.gender == "female" else "He"


def make_people(n_people: int, rng: random.Random) -> list[Person]:
    """``n_people`` distinct full names; jobs dealt round-robin within each gender.

    Dealing jobs within each gender keeps the world itself balanced (each job has about as
    many women as men), so any association in a corpus comes from the bias hook alone.
    Birthplace and home always differ, so "born in X and lives in Y" never repeats a town.
    """
    by_gender = {}
    for index, gender in enumerate(GENDERS):
        combos = [(first, surname) for first in FIRST_NAMES if first.gender == gender for surname in SURNAMES]
        # Half the world each: the first gender gets the odd one out.
        by_gender[gender] = rng.sample(combos, (n_people + 1 - index) // 2)
    people: list[Person] = []
    for gender in GENDERS:
        jobs = list(JOBS)
        rng.shuffle(jobs)
        for index, (first, surname) in enumerate(by_gender[gender]):
            home, birthplace = rng.sample(TOWNS, 2)
            people.append(Person("", first, surname, home, birthplace, jobs[index % len(jobs)]))
    rng.shuffle(people)
    return [
        Person(f"p{index:04d}", p.first, p.surname, p.home, p.birthplace, p.job)
        for index, p in enumerate(people)
    ]
