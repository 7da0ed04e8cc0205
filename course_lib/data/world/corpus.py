"""Assemble stories, fact sentences and the hooks' plants into one corpus with its ledger.

A :class:`Corpus` is ``text`` (documents joined by a blank line), the ``documents``
themselves and the :class:`~.facts.Ledger`. In a paired corpus (``lang="both"``) each story
appears once in English and once in Turkish, next to each other, sharing a ``pair_id``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .facts import Ledger
from .hooks import PlantedInstruction, injection, log_documents

SEPARATOR = "\n\n"


@dataclass
class Document:
    """One document. ``kind`` is "story", "facts" or "user_log"; ``pair_id`` links translations
    (-1 for a document without a twin); ``fact_ids`` lists the facts it states (with repeats)."""

    text: str
    lang: str
    kind: str
    pair_id: int = -1
    fact_ids: tuple[str, ...] = ()
    start: int = 0  # offset of the document in Corpus.text, filled in by finish()


@dataclass
class Corpus:
    """``text``: all documents joined by a blank line; ``documents``; ``ledger``."""

    text: str
    documents: list[Document]
    ledger: Ledger = field(default_factory=Ledger)

    def __len__(self) -> int:
        return len(self.text)


class CorpusBuilder:
    """Collects sentence lists, keeps the ledger, then places the privacy and security plants.

    Documents are added as lists of sentences so that a planted instruction can go between
    two sentences; duplicates (the same sentences again) are refused, so no document repeats.
    """

    def __init__(self, langs: tuple[str, ...]):
        self.langs = langs
        self.ledger = Ledger()
        self.units: list[dict] = []  # one per meaning: {"kind", "sentences", "fact_ids", "job"}
        self.chars = 0
        self._seen: set[tuple[str, ...]] = set()

    def add(self, kind: str, sentences: list[tuple[str, str]], fact_ids, job_mention=None) -> bool:
        """Add one meaning (in every language of the corpus); False if it was a duplicate."""
        # The key is the text in every language of the corpus, so no document repeats in any.
        key = tuple(pair[0 if lang == "en" else 1] for lang in self.langs for pair in sentences)
        if key in self._seen:
            return False
        self._seen.add(key)
        self.units.append({"kind": kind, "sentences": sentences, "fact_ids": tuple(fact_ids)})
        for lang in self.langs:
            self.ledger.fact_counts[lang].update(fact_ids)
            if job_mention is not None:
                self.ledger.job_mentions[lang][job_mention] += 1
            self.chars += sum(len(pair[0 if lang == "en" else 1]) + 1 for pair in sentences) - 1
            self.chars += len(SEPARATOR)
        return True

    def finish(self, rng: random.Random, canaries: list, injection_rate: float | None) -> Corpus:
        """Plant instructions and canary logs (if asked), join everything, record offsets."""
        documents: list[Document] = []
        planted: list[list] = []  # [document index, lang, begin, end, sentence, payload]
        for pair_id, unit in enumerate(self.units):
            sentences = list(unit["sentences"])
            position, code = -1, ""
            if injection_rate and unit["kind"] == "story" and rng.random() < injection_rate:
                en, tr, code = injection(rng)
                position = rng.randint(1, len(sentences))
                sentences.insert(position, (en, tr))
            for lang in self.langs:
                own = [pair[0 if lang == "en" else 1] for pair in sentences]
                text = " ".join(own)
                if position >= 0:
                    begin = sum(len(sentence) + 1 for sentence in own[:position])
                    planted.append(
                        [len(documents), lang, begin, begin + len(own[position]), own[position], code]
                    )
                twin = pair_id if len(self.langs) > 1 else -1
                documents.append(Document(text, lang, unit["kind"], twin, unit["fact_ids"]))
        if canaries:
            for lang, text in log_documents(canaries, self.langs, rng):
                position = rng.randint(0, len(documents))
                # Keep a pair's two halves next to each other: never insert between them.
                while (
                    0 < position < len(documents)
                    and documents[position].pair_id >= 0
                    and (documents[position].pair_id == documents[position - 1].pair_id)
                ):
                    position += 1
                documents.insert(position, Document(text, lang, "user_log"))
                for plant in planted:
                    plant[0] += plant[0] >= position
            self.ledger.canaries = list(canaries)
        offset = 0
        for document in documents:
            document.start = offset
            offset += len(document.text) + len(SEPARATOR)
        text = SEPARATOR.join(document.text for document in documents)
        for index, lang, begin, end, sentence, code in planted:
            start = documents[index].start
            self.ledger.injections.append(
                PlantedInstruction(index, lang, start + begin, start + end, sentence, code)
            )
        return Corpus(text, documents, self.ledger)
