"""Labelled task sets: balanced, distinct, aligned, and answers true to the world's facts."""

from collections import Counter

import pytest

from course_lib.data.world import SENTIMENT_LABELS, TOPIC_LABELS, World
from course_lib.data.world.phrases import (
    REVIEW_CLOSE,
    REVIEW_FOOD,
    REVIEW_PLACE,
    REVIEW_PLACE_CLOSE,
    REVIEW_THING,
)


@pytest.fixture(scope="module")
def world():
    return World(seed=1)


def _phrases(sentiment: str, lang: str) -> set[str]:
    side = 0 if lang == "en" else 1
    tables = (REVIEW_THING, REVIEW_FOOD, REVIEW_PLACE, REVIEW_CLOSE, REVIEW_PLACE_CLOSE)
    return {pair[side] for table in tables for pair in table[sentiment]}


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_sentiment_is_balanced_distinct_and_labelled_by_its_words(world, lang):
    records = world.sentiment(301, lang)
    assert len(records) == 301 and len({r.text for r in records}) == 301
    assert Counter(r.label for r in records) == {1: 151, 0: 150}
    positive, negative = _phrases("positive", lang), _phrases("negative", lang)
    for record in records:
        assert record.lang == lang and record.label_name == SENTIMENT_LABELS[record.label]
        mine, other = (positive, negative) if record.label_name == "positive" else (negative, positive)
        # Sentences after the opening one come from the label's own phrases only.
        rest = record.text.split(". ", 1)[1]
        assert any(phrase in rest for phrase in mine)
        assert not any(phrase in rest for phrase in other if phrase not in mine)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_topics_are_balanced_and_distinct(world, lang):
    records = world.topics(120, lang)
    assert Counter(r.label_name for r in records) == {name: 20 for name in TOPIC_LABELS}
    assert len({r.text for r in records}) == 120
    for record in records:
        assert TOPIC_LABELS[record.label] == record.label_name
    weather = [r.text for r in records if r.label_name == "weather"]
    marker = "in " if lang == "en" else "'d"
    assert all(marker in text for text in weather)


def test_translation_pairs_are_aligned_in_both_directions(world):
    en_tr = world.translation_pairs(200, "en-tr")
    tr_en = world.translation_pairs(200, "tr-en")
    assert len(en_tr) == len({p.source for p in en_tr}) == 200
    assert {(p.source_lang, p.target_lang) for p in en_tr} == {("en", "tr")}
    assert {(p.source_lang, p.target_lang) for p in tr_en} == {("tr", "en")}
    for pair in en_tr:
        assert pair.source.endswith(".") and pair.target.endswith(".")
        assert pair.source.count(". ") == pair.target.count(". ") == 0  # one sentence each


def test_translation_pairs_keep_names_and_towns(world):
    for pair in world.translation_pairs(300, "en-tr"):
        for person in world.people:
            if person.first.en + " " in pair.source:
                assert person.first.en in pair.target


def test_qa_answers_are_the_facts(world):
    facts = world.facts[:60]
    for lang in ("en", "tr"):
        pairs = world.qa_pairs(facts, lang=lang)
        assert [p.fact_id for p in pairs] == [f.id for f in facts]
        for pair, fact in zip(pairs, facts):
            assert pair.answer == (fact.object if lang == "en" else fact.object_tr)
            assert fact.subject in pair.question and fact.subject in pair.answer_sentence
            assert pair.answer in pair.answer_sentence
            assert pair.question.endswith("?")
    assert len(world.qa_pairs(n=10)) == 10
    assert len(world.qa_pairs()) == 3 * len(world.people)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_instructions_cover_every_kind_with_right_responses(world, lang):
    records = world.instructions(80, lang)
    assert Counter(r.kind for r in records) == {"translate": 20, "answer": 20, "sentiment": 20, "topic": 20}
    assert len({r.instruction for r in records}) == 80
    for record in records:
        if record.kind == "answer":
            context, question = record.instruction.rsplit("\n", 1)
            name = " ".join(record.response.split()[:2])
            value = record.response.split()[-1 if lang == "en" else 2].strip(".").split("'")[0]
            assert name in question and name in context
            assert value in context  # the story states what the answer says
        if record.kind == "sentiment":
            assert record.response in (
                ("Positive.", "Negative.") if lang == "en" else ("Olumlu.", "Olumsuz.")
            )


def test_world_and_tatoeba_share_one_translation_pair(world):
    """One record for every source of pairs; ``.en``/``.tr`` follow the direction."""
    from course_lib.data.corpora import TranslationPair as TatoebaPair

    en_tr, tr_en = world.translation_pairs(5, "en-tr"), world.translation_pairs(5, "tr-en")
    assert all(type(pair) is TatoebaPair for pair in en_tr + tr_en)
    assert [(p.en, p.tr) for p in en_tr] == [(p.source, p.target) for p in en_tr]
    assert [(p.en, p.tr) for p in tr_en] == [(p.target, p.source) for p in tr_en]
    with pytest.raises(AttributeError, match="no 'tr' side"):
        _ = TatoebaPair("Hi.", "Hallo.", "en", "de").tr
