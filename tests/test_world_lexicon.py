"""The hand-written lexicon is consistent, and generated Turkish uses only its forms.

The lexicon is written by hand; this file re-derives the expected endings with an
independent rule-based checker (vowel harmony, buffer consonants, d/t assimilation,
apostrophes) and lists the few true exceptions explicitly, so a typo in the lexicon fails here.
"""

import re

import pytest

from course_lib.data.world import World
from course_lib.data.world.lexicon import (
    ADJECTIVES,
    FIRST_NAMES,
    JOBS,
    PLACES,
    SURNAMES,
    THINGS,
    TOWNS,
    tr_capitalize,
    tr_lower,
    turkish_vocabulary,
)

VOWELS = "aeıioöuü"
BACK = "aıou"
ROUNDED = "oöuü"
VOICELESS = "çfhkpsşt"
SOFTEN = {"p": "b", "t": "d", "k": "ğ", "ç": "c"}
# Words whose suffixes take front vowels although their last vowel is back (palatal l, Arabic loans).
FRONT_EXCEPTIONS = {"Kemal", "saat"}


def _last_vowel(word: str) -> str:
    return [ch for ch in tr_lower(word) if ch in VOWELS][-1]


def _two_way(word: str) -> str:
    if word in FRONT_EXCEPTIONS:
        return "e"
    return "a" if _last_vowel(word) in BACK else "e"


def _four_way(word: str) -> str:
    vowel = _last_vowel(word)
    if word in FRONT_EXCEPTIONS:
        vowel = "e"
    back, rounded = vowel in BACK, vowel in ROUNDED
    return {(True, False): "ı", (False, False): "i", (True, True): "u", (False, True): "ü"}[(back, rounded)]


def expected_suffix(stem: str, case: str) -> str:
    ends_in_vowel = tr_lower(stem)[-1] in VOWELS
    voiceless = tr_lower(stem)[-1] in VOICELESS
    a, i = _two_way(stem), _four_way(stem)
    d = "t" if voiceless else "d"
    return {
        "acc": ("y" if ends_in_vowel else "") + i,
        "dat": ("y" if ends_in_vowel else "") + a,
        "loc": d + a,
        "abl": d + a + "n",
        "gen": ("n" if ends_in_vowel else "") + i + "n",
    }[case]


def check_noun(nouns, proper: bool):
    for noun in nouns:
        stem = noun.nom
        for case in ("acc", "dat", "loc", "abl", "gen"):
            form = getattr(noun, case)
            suffix = expected_suffix(stem, case)
            if proper:
                # Proper nouns keep their spelling and take an apostrophe; no softening.
                assert form == f"{stem}'{suffix}", (stem, case, form)
            else:
                stems = {stem}
                if suffix[0] in VOWELS and stem[-1] in SOFTEN:
                    stems.add(stem[:-1] + SOFTEN[stem[-1]])  # kitap → kitabı (but süt → sütü)
                assert any(form == s + suffix for s in stems), (stem, case, form)


def test_proper_nouns_have_apostrophes_harmony_and_buffer_consonants():
    check_noun([name.tr for name in FIRST_NAMES], proper=True)
    check_noun(SURNAMES, proper=True)
    check_noun([town.tr for town in TOWNS], proper=True)
    for town in TOWNS:
        assert town.ki == town.tr.loc + "ki"


def test_common_nouns_follow_harmony_with_softening_spelled_out():
    check_noun([place.tr for place in PLACES], proper=False)
    check_noun([thing.tr for thing in THINGS], proper=False)
    by_word = {thing.tr.nom: thing.tr for thing in THINGS}
    # The canonical examples, exactly as a teacher writes them.
    assert vars(by_word["kitap"]) == {
        "nom": "kitap",
        "acc": "kitabı",
        "dat": "kitaba",
        "loc": "kitapta",
        "abl": "kitaptan",
        "gen": "kitabın",
    }
    assert (by_word["simit"].acc, by_word["tabak"].gen, by_word["süt"].acc) == ("simidi", "tabağın", "sütü")
    assert (by_word["saat"].acc, by_word["saat"].dat) == ("saati", "saate")


def test_the_hand_checked_examples():
    names = {name.tr.nom: name.tr for name in FIRST_NAMES}
    towns = {town.tr.nom: town.tr for town in TOWNS}
    assert (
        names["Ayşe"].gen == "Ayşe'nin" and names["Ali"].dat == "Ali'ye" and names["Kemal"].dat == "Kemal'e"
    )
    assert towns["Ankara"].loc == "Ankara'da" and towns["İzmir"].abl == "İzmir'den"
    assert towns["Sinop"].loc == "Sinop'ta" and towns["Gaziantep"].abl == "Gaziantep'ten"


def test_job_copula_forms_harmonise():
    for job in JOBS:
        word = job.tr
        vowel = _four_way(word)
        d = "t" if word[-1] in VOICELESS else "d"
        assert job.tr_is == f"{word}{d}{vowel}r", job


def test_english_articles_match_the_next_sound():
    for entry in list(JOBS) + [t for t in THINGS if t.countable] + list(ADJECTIVES):
        assert entry.article == ("an" if entry.en[0] in "aeiou" else "a"), entry


def test_turkish_case_helpers():
    assert tr_lower("İSTANBUL") == "istanbul" and tr_lower("IŞIK") == "ışık"
    assert tr_capitalize("istasyonda") == "İstasyonda" and tr_capitalize("ılık") == "Ilık"


TOKEN = re.compile(r"[^\s.,!?:;]+")


def _unknown_words(texts, vocabulary):
    unknown = set()
    for text in texts:
        for token in TOKEN.findall(text):
            if not (token.isdigit() or tr_lower(token) in vocabulary):
                unknown.add(token)
    return unknown


@pytest.fixture(scope="module")
def world():
    return World(seed=3)


def test_generated_turkish_uses_only_lexicon_words(world):
    vocabulary = turkish_vocabulary()
    texts = [world.corpus(60_000, "tr").text]
    texts += [record.text for record in world.sentiment(200, "tr")]
    texts += [record.text for record in world.topics(200, "tr")]
    texts += [pair.target for pair in world.translation_pairs(300, "en-tr")]
    texts += [qa.question + " " + qa.answer_sentence for qa in world.qa_pairs(lang="tr", n=300)]
    texts += [world.fact_corpus({1: 10, 2: 10}, lang="tr").corpus.text]
    assert _unknown_words(texts, vocabulary) == set()
    # The check can fail: a word the lexicon never spelled is caught.
    assert _unknown_words(["Ayşe Bursaya gitti."], vocabulary) == {"Bursaya"}


def _sentence_pairs(corpus):
    documents = corpus.documents
    pairs = []
    for en_doc, tr_doc in zip(documents[::2], documents[1::2]):
        assert (en_doc.lang, tr_doc.lang) == ("en", "tr") and en_doc.pair_id == tr_doc.pair_id
        en, tr = en_doc.text.split(". "), tr_doc.text.split(". ")
        assert len(en) == len(tr)
        pairs += zip(en, tr)
    return pairs


def test_case_forms_in_sentences_are_the_lexicon_forms(world):
    towns = {town.en: town for town in TOWNS}
    names = {name.en: name for name in FIRST_NAMES}
    places = {place.en: place for place in PLACES}
    place_names = "|".join(sorted(places, key=len, reverse=True))
    checked = {"dat": 0, "acc": 0, "name_dat": 0, "name_acc": 0, "abl": 0}
    for en, tr in _sentence_pairs(world.corpus(150_000, "both")):
        if m := re.search(r"went to ([A-ZÇİÖŞÜ]\w+)", en):
            assert f"{towns[m[1]].tr.dat} gitti" in tr, (en, tr)
            checked["dat"] += 1
        if m := re.search(r"visited ([A-ZÇİÖŞÜ]\w+)", en):
            target = towns[m[1]].tr.acc if m[1] in towns else names[m[1]].tr.acc
            assert f"{target} ziyaret etti" in tr, (en, tr)
            checked["acc"] += 1
        if m := re.search(r"gave ([A-ZÇİÖŞÜ]\w+) ", en):
            assert names[m[1]].tr.dat in tr.split(), (en, tr)
            checked["name_dat"] += 1
        if m := re.search(r"called ([A-ZÇİÖŞÜ]\w+)", en):
            assert f"{names[m[1]].tr.acc} aradı" in tr, (en, tr)
            checked["name_acc"] += 1
        if m := re.search(rf"bought [\w ]+? at the ({place_names})", en):
            assert places[m[1]].tr.abl in tr_lower(tr).split(), (en, tr)
            checked["abl"] += 1
    assert min(checked.values()) > 20, checked


def test_the_harmony_checker_catches_misspellings():
    from course_lib.data.world.lexicon import TrNoun

    wrong = [
        TrNoun(
            "Zeynep", "Zeynebi", "Zeynep'e", "Zeynep'te", "Zeynep'ten", "Zeynep'in"
        ),  # proper noun softened
        TrNoun("Ali", "Ali'yi", "Ali'e", "Ali'de", "Ali'den", "Ali'nin"),  # missing buffer y
        TrNoun("Sinop", "Sinop'u", "Sinop'a", "Sinop'da", "Sinop'tan", "Sinop'un"),  # d after voiceless p
    ]
    for noun in wrong:
        with pytest.raises(AssertionError):
            check_noun([noun], proper=True)
    with pytest.raises(AssertionError):
        check_noun(
            [TrNoun("kitap", "kitabi", "kitaba", "kitapta", "kitaptan", "kitabın")], proper=False
        )  # harmony
