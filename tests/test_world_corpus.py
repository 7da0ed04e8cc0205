"""The world's corpora: deterministic, large without repeats, aligned, and their ledger exact."""

import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from course_lib.data.world import World, WorldConfig, sample_text
from course_lib.i18n import CourseValueError

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def world():
    return World(seed=0)


def test_same_seed_same_bytes_different_seed_different(world):
    first = world.corpus(50_000, "both").text.encode()
    again = World(seed=0).corpus(50_000, "both").text.encode()
    other = World(seed=1).corpus(50_000, "both").text.encode()
    assert first == again
    assert first != other
    assert world.sentiment(40, "tr") == World(seed=0).sentiment(40, "tr")
    assert world.translation_pairs(40) == World(seed=0).translation_pairs(40)


def test_bytes_do_not_depend_on_the_process_or_hash_seed():
    # set/dict ordering of strings changes with PYTHONHASHSEED; the corpus must not.
    code = (
        "import hashlib; from course_lib.data.world import World, WorldConfig;"
        "c = World(5, WorldConfig(canaries={1: 1, 3: 1}, planted_instructions=0.1)).corpus(20_000, 'both');"
        "print(hashlib.sha256(c.text.encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(REPO))
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    here = World(5, WorldConfig(canaries={1: 1, 3: 1}, planted_instructions=0.1)).corpus(20_000, "both")
    assert digests == {hashlib.sha256(here.text.encode()).hexdigest()}


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_five_megabytes_without_a_repeated_document(world, lang):
    corpus = world.corpus(5_000_000, lang)
    assert len(corpus.text) >= 5_000_000
    texts = [document.text for document in corpus.documents]
    assert len(set(texts)) == len(texts)
    assert corpus.text == "\n\n".join(texts)
    # No paragraph repeats either: documents are the paragraphs.
    assert len(set(corpus.text.split("\n\n"))) == len(texts)
    # Overshoot is less than one document.
    assert len(corpus.text) - 5_000_000 < max(len(t) for t in texts) + 2


def test_paired_corpus_is_aligned(world):
    corpus = world.corpus(100_000, "both")
    documents = corpus.documents
    assert len(documents) % 2 == 0
    for en, tr in zip(documents[::2], documents[1::2]):
        assert (en.lang, tr.lang) == ("en", "tr")
        assert en.pair_id == tr.pair_id >= 0 and en.fact_ids == tr.fact_ids
        assert en.text.count(". ") == tr.text.count(". ")  # same number of sentences
    assert corpus.ledger.fact_counts["en"] == corpus.ledger.fact_counts["tr"]


# Independent reading of fact sentences: which relation a sentence states, and the value.
EN_RELATION = {
    "lives_in": re.compile(r"(?:lives in|has a home in|home is in) (\w+)"),
    "works_as": re.compile(r"(?:works as|\bis|earns a living as) an? (\w+)"),
    "born_in": re.compile(r"(?:born in|birthplace is|comes from) (\w+)"),
}


def _count_fact_sentences_en(world, text):
    people = {person.name: person for person in world.people}
    name_pattern = re.compile("|".join(re.escape(name) for name in sorted(people, key=len, reverse=True)))
    counts = Counter()
    for sentence in re.split(r"(?<=\.) ", text.replace("\n\n", " ")):
        found = name_pattern.findall(sentence)
        if not found:
            continue
        assert len(found) == 1, sentence
        person = people[found[0]]
        truth = {"lives_in": person.home.en, "works_as": person.job.en, "born_in": person.birthplace.en}
        stated = 0
        for relation, pattern in EN_RELATION.items():
            for value in pattern.findall(sentence):
                assert value == truth[relation], (sentence, relation)  # facts are stated truthfully
                counts[f"{person.id}:{relation}"] += 1
                stated += 1
        assert stated >= 1, sentence
    return counts


def test_ledger_fact_counts_are_exact(world):
    corpus = world.corpus(300_000, "en")
    counted = _count_fact_sentences_en(world, corpus.text)
    assert counted == +corpus.ledger.fact_counts["en"]
    assert sum(counted.values()) > 500


def test_fact_corpus_frequencies_are_exact_and_unseen_names_absent(world):
    frequencies = {f: 3 for f in range(1, 17)}
    result = world.fact_corpus(frequencies, unseen=10, lang="both", filler_chars=60_000)
    text = result.corpus.text
    en_text = "\n\n".join(d.text for d in result.corpus.documents if d.lang == "en")
    counted = _count_fact_sentences_en(world, en_text)
    assert sorted(Counter(result.seen.values()).items()) == sorted(frequencies.items())
    for fact, f in result.seen.items():
        assert counted[fact.id] == f
        assert result.corpus.ledger.fact_count(fact.id, "en") == f
        assert result.corpus.ledger.fact_count(fact.id, "tr") == f
        # The subject is named only in those sentences, in each language.
        assert en_text.count(fact.subject) == f
        assert text.count(fact.subject) == 2 * f
    assert len(result.unseen) == 10 * 3
    for fact in result.unseen:
        assert fact.subject not in text
    assert counted == +result.corpus.ledger.fact_counts["en"]


def test_sample_text_is_short_fixed_and_ends_a_sentence():
    text = sample_text("tr", 300)
    assert text == sample_text("tr", 300)
    assert 100 < len(text) <= 300 and text.endswith(".")
    assert sample_text("en", 300) != text


@pytest.mark.parametrize(
    "call",
    [
        lambda w: w.corpus(-1),
        lambda w: w.corpus(100, "de"),
        lambda w: w.corpus(1.5),
        lambda w: w.sentiment(10, "both"),
        lambda w: w.translation_pairs(10, "en-de"),
        lambda w: w.fact_corpus({0: 3}),
        lambda w: w.fact_corpus({1: -1}),
        lambda w: w.fact_corpus({1: 1000}),
        lambda w: World(seed=-1),
        lambda w: WorldConfig(group_job_association=1.5),
        lambda w: WorldConfig(group_job_association=-0.1),
        lambda w: WorldConfig(planted_instructions=2),
        lambda w: WorldConfig(canaries={0: 1}),
        lambda w: WorldConfig(canaries=[1, 2]),
        lambda w: WorldConfig(n_people=5),
    ],
)
def test_bad_input_raises_a_bilingual_course_error(world, call):
    with pytest.raises(CourseValueError) as caught:
        call(world)
    error = caught.value
    assert error.en and error.tr and error.en != error.tr
    assert str(error) == error.en


def test_errors_speak_turkish_when_asked():
    from course_lib import i18n

    i18n.set_language("tr")
    with pytest.raises(CourseValueError) as caught:
        World(seed=0).corpus(100, lang="de")
    assert str(caught.value) == caught.value.tr
    assert "derleminin dillerinden biri değil" in str(caught.value) and "'de'" in str(caught.value)
