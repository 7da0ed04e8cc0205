"""documents_by_language: whole documents after a character offset, per language."""

from course_lib.data.parallel import documents_by_language
from course_lib.data.world import World
from course_lib.data.world.corpus import SEPARATOR


def test_from_the_start_it_is_every_document_per_language():
    corpus = World(seed=0).corpus(3_000, "both")
    texts = documents_by_language(corpus)
    for lang in ("tr", "en"):
        assert texts[lang] == SEPARATOR.join(d.text for d in corpus.documents if d.lang == lang)


def test_only_documents_that_begin_after_the_offset():
    corpus = World(seed=0).corpus(3_000, "both")
    start = len(corpus.text) // 2
    texts = documents_by_language(corpus, start)
    tail = corpus.text[start:]
    kept = [d for lang in texts for d in texts[lang].split(SEPARATOR)]
    assert kept and all(doc in tail for doc in kept)
    first_kept = min(corpus.text.index(doc, start) for doc in kept)
    assert first_kept >= start
    assert sum(len(d.text) for d in corpus.documents) > sum(len(d) for d in kept)
