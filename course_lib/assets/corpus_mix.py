"""The pretraining text of the real-text base model: Turkish Wikipedia, Tatoeba and the world.

    texts = mix_texts(recipe, data_dir)          # MixTexts(train=[...], held_out={"wikipedia_tr": [...], ...})

Three sources, each split into training documents and a held-out part for evaluation:

  wikipedia  ``trwiki_sample.txt``: 43 Turkish Wikipedia articles (CC BY-SA 3.0). Whole
             articles are held out, so no held-out paragraph has its neighbours in training.
  tatoeba    ``tatoeba_eng_tur.tsv``: 37,098 English-Turkish sentence pairs (CC BY 2.0 FR).
             Each pair becomes two lines, English then Turkish. Pairs are held out by their
             English sentence, so a held-out sentence never appears in training with another
             translation.
  world      the built-in world (``course_lib.data.world``), split at a story boundary as in
             the world-only recipe; it keeps the world tasks and the risk chapters' hooks working.

The corpora are not shipped with the package, only the model trained on them: the build reads
them from a folder (default ``../shared/data`` beside the repository) and checks each file's
SHA-256 against the one recorded here, so a rebuild reads exactly the text the shipped model read.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data.download import file_sha256
from ..data.world import World
from ..i18n import CourseFileError
from . import messages  # noqa: F401  (registers this package's messages)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class Source:
    """One real-text corpus: its file, checksum, licence and who to credit."""

    file: str
    sha256: str
    licence: str
    credit: str
    url: str


SOURCES = {
    "wikipedia": Source(
        file="trwiki_sample.txt",
        sha256="1f5711b5cb585e5da41e217e6ed4bfa02a805b00b8e8d8872ab2970a2ec43803",
        licence="CC BY-SA 3.0",
        credit="the contributors to tr.wikipedia.org (43 articles of an August 2020 dump, curid 10-689)",
        url="https://tr.wikipedia.org/wiki?curid=N",
    ),
    "tatoeba": Source(
        file="tatoeba_eng_tur.tsv",
        sha256="87160bc1e5766c0c539ede98c4f3bc340b7f6c1d955bf06e1aa566609bf957af",
        licence="CC BY 2.0 FR",
        credit="the Tatoeba.org contributors, via www.manythings.org/anki (2018 tur-eng file)",
        url="https://tatoeba.org",
    ),
}

# The held-out parts, one per source and language: the keys of MixTexts.held_out.
HELD_OUT_PARTS = ("wikipedia_tr", "tatoeba_en", "tatoeba_tr", "world_en", "world_tr")
_TITLE = re.compile(r"^= .+ =$", re.MULTILINE)


@dataclass
class MixTexts:
    """Training documents (in a seeded, shuffled order) and the held-out text of each part."""

    train: list[str]
    held_out: dict[str, list[str]] = field(default_factory=dict)
    train_chars: dict[str, int] = field(default_factory=dict)  # characters per source, for the recipe's record


def source_path(data_dir, name: str) -> Path:
    """The checked path of source ``name`` in ``data_dir``: a clear error if missing or different."""
    source = SOURCES[name]
    path = Path(data_dir) / source.file
    if not path.is_file():
        raise CourseFileError("base_corpus_missing", path=path, data_dir=data_dir)
    actual = file_sha256(path)
    if actual != source.sha256:
        raise CourseFileError("base_corpus_changed", path=path, actual=actual, expected=source.sha256)
    return path


# --- Wikipedia ------------------------------------------------------------------------------
def wikipedia_articles(path: Path) -> list[str]:
    """The articles of the sample, each starting with its ``= Title =`` line."""
    text = path.read_text(encoding="utf-8")
    starts = [match.start() for match in _TITLE.finditer(text)] + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:]) if text[a:b].strip()]


def split_articles(articles: list[str], val_fraction: float, seed: int) -> tuple[list[str], list[str]]:
    """Whole articles held out, in a seeded order, until they hold ``val_fraction`` of the characters."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    budget = val_fraction * sum(len(article) for article in articles)
    held, chars = set(), 0
    for index in order[:-1]:  # at least one article is left for training
        if chars >= budget:
            break
        held.add(index)
        chars += len(articles[index])
    train = [article for i, article in enumerate(articles) if i not in held]
    return train, [article for i, article in enumerate(articles) if i in held]


def first_chars(items: list, limit: int | None, length=len) -> list:
    """The first items of ``items`` whose lengths add up to ``limit`` (all of them for None)."""
    if limit is None:
        return list(items)
    kept, total = [], 0
    for item in items:
        if total >= limit:
            break
        kept.append(item)
        total += length(item)
    return kept


# --- Tatoeba --------------------------------------------------------------------------------
def tatoeba_pairs(path: Path) -> list[tuple[str, str]]:
    """(English, Turkish) pairs, in file order."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        english, _, turkish = line.partition("\t")
        if english.strip() and turkish.strip():
            pairs.append((english.strip(), turkish.strip()))
    return pairs


def split_pairs(pairs, val_fraction: float, seed: int):
    """Pairs held out by English sentence: every translation of a held-out sentence is held out."""
    sentences = sorted({english for english, _ in pairs})
    random.Random(seed).shuffle(sentences)
    held = set(sentences[: round(len(sentences) * val_fraction)])
    return [p for p in pairs if p[0] not in held], [p for p in pairs if p[0] in held]


def pair_documents(pairs, pairs_per_document: int, seed: int) -> list[str]:
    """Shuffled pairs, two lines each (English, then Turkish), ``pairs_per_document`` to a document."""
    pairs = list(pairs)
    random.Random(seed).shuffle(pairs)
    lines = [f"{english}\n{turkish}" for english, turkish in pairs]
    return ["\n".join(lines[i : i + pairs_per_document]) for i in range(0, len(lines), pairs_per_document)]


# --- the world ------------------------------------------------------------------------------
def split_world(world_seed: int, n_chars: int, val_fraction: float):
    """World documents, split at a story boundary: a story and its translation stay on one side."""
    documents = World(seed=world_seed).corpus(n_chars, lang="both").documents
    pair_ids = sorted({doc.pair_id for doc in documents})
    held = set(pair_ids[-max(1, round(len(pair_ids) * val_fraction)) :])
    train = [doc for doc in documents if doc.pair_id not in held]
    return train, [doc for doc in documents if doc.pair_id in held]


# --- the mix --------------------------------------------------------------------------------
def mix_texts(recipe, data_dir=None) -> MixTexts:
    """The recipe's sources, split; training documents shuffled together with ``recipe.split_seed``."""
    seed, fraction = recipe.split_seed, recipe.val_fraction
    world_train, world_held = split_world(recipe.world_seed, recipe.corpus_chars, fraction)
    train = {"world": [doc.text for doc in world_train]}
    held_out = {
        "world_en": [doc.text for doc in world_held if doc.lang == "en"],
        "world_tr": [doc.text for doc in world_held if doc.lang == "tr"],
    }
    if "wikipedia" in recipe.sources:
        articles = wikipedia_articles(source_path(data_dir or DEFAULT_DATA_DIR, "wikipedia"))
        if recipe.real_chars is not None:  # the beginnings of four articles: enough to hold one out
            articles = [article[: recipe.real_chars // 4] for article in articles[:4]]
        train["wikipedia"], held_out["wikipedia_tr"] = split_articles(articles, fraction, seed)
    if "tatoeba" in recipe.sources:
        pairs = tatoeba_pairs(source_path(data_dir or DEFAULT_DATA_DIR, "tatoeba"))
        pairs = first_chars(pairs, recipe.real_chars, length=lambda pair: len(pair[0]) + len(pair[1]))
        train_pairs, held_pairs = split_pairs(pairs, fraction, seed)
        train["tatoeba"] = pair_documents(train_pairs, recipe.pairs_per_document, seed)
        held_out["tatoeba_en"] = ["\n".join(sorted({english for english, _ in held_pairs}))]
        held_out["tatoeba_tr"] = ["\n".join(turkish for _, turkish in held_pairs)]
    documents = [doc for name in sorted(train) for doc in train[name]]
    if len(train) > 1:  # sources interleaved, so every stretch of training sees the whole mix
        random.Random(seed).shuffle(documents)
    chars = {name: sum(len(doc) for doc in docs) for name, docs in train.items()}
    return MixTexts(documents, held_out, chars)
