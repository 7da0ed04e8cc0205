"""The course's chat model (chapter 03) asked about the world's facts, without and with the fact in the prompt.

    rows = ask_chat(chat.model, chat.tokenizer, world.qa_pairs(lang="tr", n=400)[-12:], "tr")
    share_named(rows, "closed"), share_named(rows, "open")

"closed": the question alone (closed-book, as the chat model's "question" tuning pairs);
"open": chapter 03's reading-comprehension instruction with the fact's sentence as the text to read
(the "answer" kind it was tuned on), i.e. retrieval with a perfect retriever. An answer *names* the
truth when the fact's object is one of its words after normalisation: the chat model answers in a
full sentence, so exact match on the short answer would count every answer wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..data.world.phrases import INSTRUCT_ANSWER
from .answers import normalize_answer

LANG_INDEX = {"en": 0, "tr": 1}


def names_answer(answer: str, reference: str) -> bool:
    """True when the normalised ``reference`` appears as whole words in the normalised ``answer``.

    A Turkish proper name's case suffix follows an apostrophe ("İzmir'de", "Mardin'den"), so what
    follows an apostrophe is dropped first: "İzmir'de yaşıyor" names "İzmir"."""
    answer = re.sub(r"['’]\w+", "", answer)
    words, target = normalize_answer(answer).split(), normalize_answer(reference).split()
    return any(words[i : i + len(target)] == target for i in range(len(words) - len(target) + 1))


def open_book_prompt(qa, lang: str) -> str:
    """Chapter 03's reading-comprehension instruction with the fact's own sentence as the text."""
    return INSTRUCT_ANSWER[LANG_INDEX[lang]].format(text=qa.answer_sentence, question=qa.question)


def ask_chat(model, tokenizer, qas: Sequence, lang: str, max_new_tokens: int = 24) -> list[dict]:
    """One row per question: the closed-book and open-book answers and whether each names the truth."""
    from ..finetune.instruct import respond

    closed = respond(model, tokenizer, [qa.question for qa in qas], lang, max_new_tokens)
    opened = respond(model, tokenizer, [open_book_prompt(qa, lang) for qa in qas], lang, max_new_tokens)
    return [{"question": qa.question, "reference": qa.answer, "closed": c, "open": o,
             "closed_named": names_answer(c, qa.answer), "open_named": names_answer(o, qa.answer)}
            for qa, c, o in zip(qas, closed, opened)]


def share_named(rows: Sequence[dict], mode: str) -> float:
    """The share of ``rows`` whose ``mode`` ("closed" or "open") answer names the truth."""
    return sum(row[f"{mode}_named"] for row in rows) / len(rows)
