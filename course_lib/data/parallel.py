"""The same content in Turkish and in English, from the built-in world.

``World.corpus(..., lang="both")`` writes every story once in English and once in Turkish,
from the same meaning. Splitting it by language gives two texts that say exactly the same
thing, which is what a fair comparison of the two languages needs (fertility, token counts).
"""

from __future__ import annotations

from .world import World
from .world.corpus import SEPARATOR


def parallel_world_texts(n_chars: int, seed: int = 0) -> dict[str, str]:
    """``{"tr": ..., "en": ...}``: the stories of ``World(seed).corpus(n_chars, "both")`` per language.

    ``n_chars`` counts both languages together, as in :meth:`World.corpus`.
    """
    corpus = World(seed=seed).corpus(n_chars, lang="both")
    return {
        lang: SEPARATOR.join(doc.text for doc in corpus.documents if doc.lang == lang) for lang in ("tr", "en")
    }


def documents_by_language(corpus, start_char: int = 0) -> dict[str, str]:
    """``{lang: text}``: the documents of ``corpus`` that begin at or after ``start_char`` of
    ``corpus.text``, joined per language. With ``start_char`` at the start of the validation
    split, this is the validation text of each language, whole documents only."""
    texts: dict[str, list[str]] = {}
    offset = 0
    for doc in corpus.documents:
        if offset >= start_char:
            texts.setdefault(doc.lang, []).append(doc.text)
        offset += len(doc.text) + len(SEPARATOR)
    return {lang: SEPARATOR.join(parts) for lang, parts in texts.items()}
