"""Turn one meaning into an English and a Turkish sentence.

A story sentence is a subject, one or two predicates ("went to Bursa", "bought some fresh
bread at the market") and perhaps a time or a connective. Each event below picks its
meaning once (which town, which object, which friend) and writes it in both languages from
lexicon forms only, so the two sentences always say the same thing:

    Yesterday, Ayşe went to Bursa and bought some fresh bread at the market.
    Ayşe dün Bursa'ya gitti ve pazardan taze ekmek aldı.

Word order follows each language: English puts the time first or last; Turkish puts it after
the subject, the object before the verb, and drops the subject pronoun ("Sonra pazardan
ekmek aldı" = "Then she bought bread at the market").
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .entities import Person
from .lexicon import (
    ADJECTIVES,
    CONNECTIVES,
    DEGREES,
    FEELINGS,
    NOT_IN_SEASON,
    NUMBERS,
    PLACES,
    THINGS,
    TIMES,
    TOWNS,
    TR_WORDS,
    WEATHER,
    Place,
    Thing,
    TimeWord,
    V,
    tr_capitalize,
)

Pair = tuple[str, str]  # (English, Turkish)

_PLACE = {place.en: place for place in PLACES}
_READABLE = ("book", "newspaper", "letter")


@dataclass
class Scene:
    """What a story knows while it is being told."""

    person: Person
    friends: list[Person]
    town: object  # the lexicon Town where the story happens now
    last_bought: tuple[Thing, str, str] | None = None  # (thing, English adjective, Turkish adjective)
    used: set = field(default_factory=set)


# --- noun phrases --------------------------------------------------------------------------


def _adjective_for(thing: Thing, rng: random.Random):
    choices = [adjective for adjective in ADJECTIVES if thing.kind in adjective.kinds]
    if not choices or rng.random() < 0.3:
        return None
    return rng.choice(choices)


def indefinite(thing: Thing, rng: random.Random, allow_number: bool = True) -> tuple[Pair, str, str]:
    """An indefinite object: ("a new book", "yeni bir kitap"), ("three books", "üç kitap"),
    ("some fresh bread", "taze ekmek"). Also returns the chosen adjective in both languages."""
    adjective = _adjective_for(thing, rng)
    adj_en = adjective.en if adjective else ""
    adj_tr = adjective.tr if adjective else ""
    if not thing.countable:
        en = " ".join(word for word in ("some", adj_en, thing.en) if word)
        tr = " ".join(word for word in (adj_tr, thing.tr.nom) if word)
        return (en, tr), adj_en, adj_tr
    if allow_number and rng.random() < 0.2:
        number_en, number_tr = rng.choice(NUMBERS)
        # Turkish keeps the noun singular after a numeral: "üç kitap" = "three books".
        en = " ".join(word for word in (number_en, adj_en, thing.en_plural) if word)
        tr = " ".join(word for word in (number_tr, adj_tr, thing.tr.nom) if word)
        return (en, tr), "", ""  # a plural is not referred back to as "the book"
    article = adjective.article if adjective else thing.article
    en = " ".join(word for word in (article, adj_en, thing.en) if word)
    tr = " ".join(word for word in (adj_tr, TR_WORDS["a"], thing.tr.nom) if word)
    return (en, tr), adj_en, adj_tr


def definite(thing: Thing, adj_en: str, adj_tr: str) -> Pair:
    """A definite object takes the accusative in Turkish: ("the new book", "yeni kitabı")."""
    en = " ".join(word for word in ("the", adj_en, thing.en) if word)
    tr = " ".join(word for word in (adj_tr, thing.tr.acc) if word)
    return en, tr


# --- events: each returns its predicate in both languages ----------------------------------


def _other_town(scene: Scene, rng: random.Random):
    return rng.choice([town for town in TOWNS if town is not scene.town and town is not scene.person.home])


def ev_go(scene: Scene, rng: random.Random) -> Pair:
    town = _other_town(scene, rng)
    scene.town = town
    return f"{V['go'].en} {town.en}", f"{town.tr.dat} {V['go'].tr}"


def ev_visit_town(scene: Scene, rng: random.Random) -> Pair:
    town = _other_town(scene, rng)
    scene.town = town
    return f"{V['visit'].en} {town.en}", f"{town.tr.acc} {V['visit'].tr}"


def ev_return_home(scene: Scene, rng: random.Random) -> Pair:
    scene.town = scene.person.home
    return V["return_home"].en, V["return_home"].tr


def ev_wait(scene: Scene, rng: random.Random) -> Pair:
    place = _PLACE[rng.choice(("station", "harbour", "post office", "café", "park"))]
    return f"{V['wait'].en} {place.at}", f"{place.tr.loc} {V['wait'].tr}"


def ev_walk(scene: Scene, rng: random.Random) -> Pair:
    place = _PLACE[rng.choice(("park", "harbour"))]
    return f"{V['walk'].en} {place.at}", f"{place.tr.loc} {V['walk'].tr}"


def _buy(scene: Scene, rng: random.Random, kinds: tuple[str, ...]) -> Pair:
    place = rng.choice([place for place in PLACES if set(place.sells) & set(kinds)])
    thing = rng.choice([thing for thing in THINGS if thing.kind in place.sells and thing.kind in kinds])
    (en, tr), adj_en, adj_tr = indefinite(thing, rng)
    if en.split()[0] not in dict(NUMBERS):
        scene.last_bought = (thing, adj_en, adj_tr)
    return f"{V['buy'].en} {en} {place.at}", f"{place.tr.abl} {tr} {V['buy'].tr}"


def ev_buy_goods(scene: Scene, rng: random.Random) -> Pair:
    return _buy(scene, rng, ("paper", "news", "thing", "clothes"))


def ev_buy_food(scene: Scene, rng: random.Random) -> Pair:
    return _buy(scene, rng, ("food", "bakery", "drink"))


def _friend(scene: Scene, rng: random.Random) -> Person:
    return rng.choice(scene.friends)


def ev_sell(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    thing = rng.choice([thing for thing in THINGS if thing.kind in ("thing", "clothes")])
    (en, tr), _, _ = indefinite(thing, rng, allow_number=False)
    return f"{V['sell'].en} {en} to {friend.en}", f"{friend.tr.dat} {tr} {V['sell'].tr}"


def ev_give(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    last = scene.last_bought
    if last is not None and last[0].countable and rng.random() < 0.6:
        en, tr = definite(*last)
        # A definite object comes before the dative in Turkish: "Kitabı Ali'ye verdi."
        return f"{V['give'].en} {en} to {friend.en}", f"{tr} {friend.tr.dat} {V['give'].tr}"
    thing = rng.choice([thing for thing in THINGS if thing.kind in ("thing", "paper", "clothes")])
    (en, tr), _, _ = indefinite(thing, rng, allow_number=False)
    return f"{V['give'].en} {friend.en} {en}", f"{friend.tr.dat} {tr} {V['give'].tr}"


def ev_letter(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    letter = next(thing for thing in THINGS if thing.en == "letter")
    (en, tr), _, _ = indefinite(letter, rng, allow_number=False)
    verb = V[rng.choice(("send", "write"))]
    return f"{verb.en} {en} to {friend.en}", f"{friend.tr.dat} {tr} {verb.tr}"


def ev_read(scene: Scene, rng: random.Random) -> Pair:
    last = scene.last_bought
    if last is not None and last[0].en in _READABLE and rng.random() < 0.7:
        en, tr = definite(*last)
    else:
        wanted = rng.choice(_READABLE)
        thing = next(thing for thing in THINGS if thing.en == wanted)
        (en, tr), _, _ = indefinite(thing, rng, allow_number=False)
    return f"{V['read'].en} {en}", f"{tr} {V['read'].tr}"


def ev_eat(scene: Scene, rng: random.Random) -> Pair:
    last = scene.last_bought
    if last is not None and last[0].en_eat and rng.random() < 0.7:
        thing = last[0]
        en, tr = definite(*last)
    else:
        thing = rng.choice([thing for thing in THINGS if thing.en_eat])
        (en, tr), _, _ = indefinite(thing, rng, allow_number=False)
    return f"{thing.en_eat} {en}", f"{tr} {thing.tr_eat}"


def ev_find(scene: Scene, rng: random.Random) -> Pair:
    place = _PLACE[rng.choice(("park", "station", "library", "café", "harbour", "school"))]
    thing = rng.choice([thing for thing in THINGS if thing.kind in ("thing", "paper", "clothes")])
    (en, tr), _, _ = indefinite(thing, rng, allow_number=False)
    return f"{V['find'].en} {en} {place.at}", f"{place.tr.loc} {tr} {V['find'].tr}"


def ev_see(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    place = rng.choice(PLACES)
    return f"{V['see'].en} {friend.en} {place.at}", f"{place.tr.loc} {friend.tr.acc} {V['see'].tr}"


def ev_meet(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    place = _PLACE[rng.choice(("café", "park", "market", "station", "museum", "harbour", "library"))]
    return (
        f"{V['meet'].en} {friend.en} {place.at}",
        f"{place.tr.loc} {friend.tr.nom} {TR_WORDS['with']} {V['meet'].tr}",
    )


def ev_call(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    return f"{V['call'].en} {friend.en}", f"{friend.tr.acc} {V['call'].tr}"


def ev_visit_friend(scene: Scene, rng: random.Random) -> Pair:
    friend = _friend(scene, rng).first
    return f"{V['visit'].en} {friend.en}", f"{friend.tr.acc} {V['visit'].tr}"


_WORKPLACES = (
    "school",
    "hospital",
    "library",
    "station",
    "harbour",
    "bakery",
    "market",
    "post office",
    "café",
)


def ev_work(scene: Scene, rng: random.Random) -> Pair:
    place: Place = _PLACE[rng.choice(_WORKPLACES)]
    return (
        f"{V['work'].en} {place.at} all day",
        f"{TR_WORDS['all_day']} {place.tr.loc} {V['work'].tr}",
    )


def ev_museum(scene: Scene, rng: random.Random) -> Pair:
    place = _PLACE[rng.choice(("museum", "library", "park", "harbour", "bazaar"))]
    return f"{V['go'].en} the {place.en}", f"{place.tr.dat} {V['go'].tr}"


# Each event with its topic (the topic-classification labels come from here).
EVENTS: tuple[tuple[str, object], ...] = (
    ("travel", ev_go),
    ("travel", ev_visit_town),
    ("travel", ev_return_home),
    ("travel", ev_wait),
    ("leisure", ev_walk),
    ("leisure", ev_museum),
    ("leisure", ev_read),
    ("shopping", ev_buy_goods),
    ("shopping", ev_sell),
    ("food", ev_buy_food),
    ("food", ev_eat),
    ("friends", ev_give),
    ("friends", ev_letter),
    ("friends", ev_see),
    ("friends", ev_meet),
    ("friends", ev_call),
    ("friends", ev_visit_friend),
    ("work", ev_work),
    ("shopping", ev_find),
)


# --- sentence assembly ---------------------------------------------------------------------


def assemble(
    subject: Pair,
    predicates: list[Pair],
    opener: Pair | None = None,
    time: TimeWord | None = None,
    time_front: bool = True,
) -> Pair:
    """Put subject, predicates, connective and time in each language's order.

    ``subject`` is e.g. ("Ayşe", "Ayşe") or ("She", "") — Turkish drops a pronoun subject.
    """
    if opener is not None and time is not None:
        raise ValueError("a sentence takes a connective or a time, not both")
    subject_en, subject_tr = subject
    front_en = ""
    if time is not None and time_front:
        front_en = time.en_front + ", "
    elif opener is not None:
        front_en = opener[0] + (" " if opener[0] == "Then" else ", ")
    if front_en and subject_en in ("She", "He"):
        subject_en = subject_en.lower()
    end_en = f" {time.en_end}" if time is not None and not time_front else ""
    en = f"{front_en}{subject_en} {' and '.join(p[0] for p in predicates)}{end_en}."
    words_tr = [opener[1] if opener is not None else "", subject_tr, time.tr if time is not None else ""]
    words_tr.append(f" {TR_WORDS['and']} ".join(p[1] for p in predicates))
    tr = " ".join(word for word in words_tr if word) + "."
    return en[0].upper() + en[1:], tr_capitalize(tr)


def feeling(subject: Pair, rng: random.Random) -> Pair:
    adjective_en, predicate_tr = rng.choice(FEELINGS)
    degree_en, degree_tr = rng.choice(DEGREES)
    return assemble(subject, [(f"was {degree_en} {adjective_en}", f"{degree_tr} {predicate_tr}")])


def weather(town, rng: random.Random, time: TimeWord | None = None) -> Pair:
    """("Yesterday, it snowed in Bursa.", "Dün Bursa'da kar yağdı.")"""
    season = next((name for name in NOT_IN_SEASON if time is not None and name in time.en_end), None)
    clause_en, clause_tr = rng.choice(
        [w for w in WEATHER if season is None or w[0] not in NOT_IN_SEASON[season]]
    )
    if time is None:
        en = f"{clause_en} in {town.en}."
        tr = f"{town.tr.loc} {clause_tr}."
    else:
        en = f"{time.en_front}, {clause_en} in {town.en}."
        tr = f"{time.tr} {town.tr.loc} {clause_tr}."
    return en[0].upper() + en[1:], tr_capitalize(tr)


def random_time(rng: random.Random) -> TimeWord:
    return rng.choice(TIMES)


def random_connective(rng: random.Random) -> Pair:
    return rng.choice(CONNECTIVES)
