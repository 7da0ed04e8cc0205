"""The built-in bilingual world: a seeded generator of short stories and facts about invented
people in Turkish towns, written in English and Turkish from the same meaning.

Quick start::

    from course_lib.data.world import World, WorldConfig, sample_text

    world = World(seed=0)                        # 600 people, 3 facts each, hooks off
    corpus = world.corpus(n_chars=100_000, lang="both")   # Corpus(text, documents, ledger)
    corpus.ledger.fact_count("p0042:lives_in", "en")      # how often a fact was stated
    world.facts                                   # [Fact(id, subject, relation, object, object_tr, person_id)]
    fc = world.fact_corpus({f: 20 for f in range(1, 17)}, unseen=50, filler_chars=200_000)
    fc.seen, fc.unseen                            # {Fact: f}, [Fact] never named in fc.corpus.text

    world.sentiment(200, "tr")      # [LabeledText(text, label, label_name, lang)], balanced
    world.topics(300, "en")         # [LabeledText], labels tasks.TOPIC_LABELS, balanced
    world.translation_pairs(500, "tr-en")   # [TranslationPair(source, target, source_lang, target_lang)]
    world.qa_pairs(fc.seen, lang="tr")      # [QAPair(question, answer, answer_sentence, lang, fact_id)]
    world.instructions(100, "en")   # [InstructionPair(instruction, response, lang, kind)]
    pronoun_probes()                # [PronounProbe(tr, en_female, en_male, job, stereotype)]: "O bir hemşire."
    abstain_answer("tr")            # "Bilmiyorum.": the right answer about an unseen entity
    sample_text("tr", 300)          # a short fixed passage for demos

Risk-chapter hooks, all off by default (see hooks.py)::

    World(seed=0, config=WorldConfig(
        group_job_association=0.9,                      # bias: P(stereotyped gender | job) = 0.9
        canaries={r: 2 for r in (1, 2, 4, 8, 16, 32)},  # privacy: fake TC kimlik + phone, r log lines each
        planted_instructions=0.02,                      # security: 2 % of stories carry an injection
    ))

The corpus ledger records what was planted: ``ledger.job_mentions``, ``ledger.association_rate()``,
``ledger.canaries`` (``Canary(id, name, tc_kimlik, phone, repeats)``) and ``ledger.injections``
(``PlantedInstruction(document, lang, start, end, text, payload)``, offsets into ``Corpus.text``).
``Canary.prompt(lang)`` is the text just before the ID in a log line, for extraction and exposure.

Turkish comes only from the hand-written lexicon (lexicon.py); ``lexicon.turkish_vocabulary()``
lists every Turkish word the generator can write.
"""

from __future__ import annotations

from functools import lru_cache

from .corpus import Corpus, Document
from .facts import RELATIONS, Fact, Ledger
from .hooks import Canary, PlantedInstruction, is_valid_tc_kimlik
from .tasks import (
    SENTIMENT_LABELS,
    TOPIC_LABELS,
    InstructionPair,
    LabeledText,
    PronounProbe,
    QAPair,
    TranslationPair,
    abstain_answer,
    pronoun_probes,
)
from .world import FactCorpus, World, WorldConfig, check_lang, check_size

__all__ = [
    "RELATIONS",
    "SENTIMENT_LABELS",
    "TOPIC_LABELS",
    "Canary",
    "Corpus",
    "Document",
    "Fact",
    "FactCorpus",
    "InstructionPair",
    "LabeledText",
    "Ledger",
    "PlantedInstruction",
    "PronounProbe",
    "QAPair",
    "TranslationPair",
    "World",
    "WorldConfig",
    "abstain_answer",
    "is_valid_tc_kimlik",
    "pronoun_probes",
    "sample_text",
]


@lru_cache(maxsize=1)
def _demo_world() -> World:
    return World(seed=0, config=WorldConfig(n_people=100))


def sample_text(lang: str = "en", n_chars: int = 500) -> str:
    """A short fixed passage of world stories in ``lang`` ("en" or "tr"), at most ``n_chars``
    long, cut after the last full sentence that fits (hard cut if none fits)."""
    check_lang(lang, ("en", "tr"))
    check_size("n_chars", n_chars)
    text = _demo_world().corpus(n_chars, lang).text[:n_chars]
    end = text.rfind(".")
    return text[: end + 1] if end > 0 else text
