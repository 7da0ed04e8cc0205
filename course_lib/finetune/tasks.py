"""The tasks the fine-tuning chapters train on, each with an in-domain and an out-of-distribution set.

    task = sib200("tr")                      # real text: SIB-200 Turkish topics, 7 labels
    task = world_sentiment("tr", n_train=200, label_noise=0.1)
    task = world_translation("tr-en")        # generation, scored with chrF

A :class:`Task` holds ``train`` and ``dev`` in its language, and ``ood``: the same task in the
other language, for cross-lingual transfer (train on Turkish, evaluate on English, and the
reverse). Label noise flips a fraction of the *training* labels only, so that a task is hard
enough for the approaches to differ and the dev accuracy still measures the truth.

SIB-200 (Adelani et al. 2023, arXiv 2309.07445; sentences from FLORES-200, NLLB Team 2022)
ships inside the package, train and dev splits, under CC BY-SA 4.0: see
``course_lib/data/sib200/ATTRIBUTION.md``. Its test split is read only where a learner has it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from ..data.corpora import read_sib200
from ..data.flores import SIB200_FILE
from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)

LANGS = ("tr", "en")
# In order of frequency in the train + dev splits.
SIB200_LABELS = ("science/technology", "travel", "politics", "sports", "health", "entertainment", "geography")
SIB200_SPLITS = ("train", "dev", "test")
HF_SIB200 = {"name": "Davlan/sib200", "tr": "tur_Latn", "en": "eng_Latn"}


@dataclass(frozen=True)
class Example:
    """One example: ``text`` with a class index ``label`` (classification), or a ``target`` text (generation)."""

    text: str
    label: int | None = None
    target: str | None = None


@dataclass
class Task:
    """A fine-tuning task.

    name     e.g. "sib200-tr", "world-sentiment-tr"
    kind     "classification" or "generation"
    lang     the language of ``train`` and ``dev`` ("tr" or "en"; for translation the source side)
    labels   class names, index = label (empty for generation)
    train, dev, ood   lists of :class:`Example`; ``ood`` is the task in the other language (or None)
    metric   "accuracy" or "chrf"
    ood_lang the language of ``ood``
    info     how the task was made (sizes, noise, seeds): part of the harness's cache key
    """

    name: str
    kind: str
    lang: str
    labels: tuple[str, ...]
    train: list[Example]
    dev: list[Example]
    ood: list[Example] | None
    metric: str
    ood_lang: str | None = None
    info: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        ood = "None" if self.ood is None else f"{len(self.ood)} ({self.ood_lang})"
        return (f"Task({self.name!r}, {self.kind}, lang={self.lang}, labels={len(self.labels)}, "
                f"train={len(self.train)}, dev={len(self.dev)}, ood={ood}, metric={self.metric})")


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise CourseValueError("finetune_unknown_lang", value=lang)
    return lang


def _other(lang: str) -> str:
    return "en" if lang == "tr" else "tr"


def add_label_noise(examples: list[Example], n_labels: int, fraction: float, seed: int = 0) -> list[Example]:
    """A copy of ``examples`` in which ``round(fraction * n)`` labels, chosen at random, are set to
    another label drawn uniformly from the rest."""
    if not 0 <= fraction <= 1:
        raise CourseValueError("finetune_bad_number", name="label_noise", value=fraction,
                               rule="use a fraction between 0 and 1", rule_tr="0 ile 1 arasında bir oran kullanın")
    rng = random.Random(seed)
    noisy = list(examples)
    for index in rng.sample(range(len(examples)), round(fraction * len(examples))):
        wrong = rng.choice([label for label in range(n_labels) if label != examples[index].label])
        noisy[index] = replace(examples[index], label=wrong)
    return noisy


# --- the built-in world ------------------------------------------------------------------------


def _world_task(kind: str, lang: str, n_train: int, n_dev: int, label_noise: float, world_seed: int) -> Task:
    from ..data.world import SENTIMENT_LABELS, TOPIC_LABELS, World

    _check_lang(lang)
    world = World(seed=world_seed)
    make, labels = (world.sentiment, SENTIMENT_LABELS) if kind == "sentiment" else (world.topics, TOPIC_LABELS)

    def examples(language: str) -> list[Example]:
        return [Example(record.text, record.label) for record in make(n_train + n_dev, language)]

    own, other = examples(lang), examples(_other(lang))
    train = add_label_noise(own[:n_train], len(labels), label_noise, seed=world_seed)
    info = {"n_train": n_train, "n_dev": n_dev, "label_noise": label_noise, "world_seed": world_seed}
    return Task(f"world-{kind}-{lang}", "classification", lang, tuple(labels), train, own[n_train:],
                other[n_train:], "accuracy", _other(lang), info)


def world_sentiment(lang: str = "tr", n_train: int = 200, n_dev: int = 200, label_noise: float = 0.0,
                    world_seed: int = 0) -> Task:
    """Reviews from the built-in world, positive or negative (balanced); ``ood``: ``n_dev`` reviews in
    the other language."""
    return _world_task("sentiment", lang, n_train, n_dev, label_noise, world_seed)


def world_topic(lang: str = "tr", n_train: int = 300, n_dev: int = 300, label_noise: float = 0.0,
                world_seed: int = 0) -> Task:
    """Short texts from the built-in world, one of six topics (balanced); ``ood`` as for sentiment."""
    return _world_task("topic", lang, n_train, n_dev, label_noise, world_seed)


def world_translation(direction: str = "tr-en", n_train: int = 300, n_dev: int = 100, world_seed: int = 0) -> Task:
    """Sentence pairs from the world's stories: ``text`` in the source language, ``target`` its
    translation. Scored with chrF; no ``ood`` set (the other direction is another task)."""
    from ..data.world import World

    if direction not in ("tr-en", "en-tr"):
        raise CourseValueError("finetune_unknown_direction", value=direction)
    pairs = World(seed=world_seed).translation_pairs(n_train + n_dev, direction)
    examples = [Example(pair.source, target=pair.target) for pair in pairs]
    info = {"n_train": n_train, "n_dev": n_dev, "world_seed": world_seed}
    return Task(f"world-translation-{direction}", "generation", direction[:2], (), examples[:n_train],
                examples[n_train:], None, "chrf", None, info)


# --- SIB-200 (real text) -----------------------------------------------------------------------


def _sib200_examples(rows, lang: str) -> list[Example]:
    return [Example(row.text_tr if lang == "tr" else row.text_en, SIB200_LABELS.index(row.category)) for row in rows]


def _read_sib200_file(path, lang: str) -> list[Example]:
    """A SIB-200 file in the shipped joined format, or in the original one (``index_id, category,
    text`` per language, CSV-quoted, as in github.com/dadelani/sib-200 ``data/annotated/<lang>/test.tsv``)."""
    import csv

    from ..data.files import load_text

    text = load_text(path)
    if text.startswith("index_id\tcategory\ttext"):
        rows = csv.DictReader(text.splitlines(), delimiter="\t")
        return [Example(row["text"], SIB200_LABELS.index(row["category"])) for row in rows]
    return _sib200_examples(read_sib200(path, split="test") or read_sib200(path), lang)


def _sib200_test(lang: str, test_path, test_url, test_sha256) -> list[Example]:
    if test_url is not None:
        from ..data.download import download

        test_path = download(test_url, test_sha256)
    if test_path is not None:
        return _read_sib200_file(test_path, lang)
    try:  # a networked runtime with `datasets` installed
        from ..data.hf_datasets import load_hf_dataset

        rows = load_hf_dataset(HF_SIB200["name"], "test", config=HF_SIB200[lang])
        return [Example(row["text"], SIB200_LABELS.index(row["category"])) for row in rows]
    except Exception:  # no datasets package, no network, or the Hub changed: say what to do instead
        raise CourseValueError("finetune_sib200_no_test") from None


def sib200(lang: str = "tr", split: str | None = None, *, test_path=None, test_url: str | None = None,
           test_sha256: str | None = None, n_train: int | None = None, label_noise: float = 0.0, seed: int = 0):
    """SIB-200 topic classification (7 labels) in Turkish or English.

    ``split=None``: a :class:`Task` (train: 701 sentences, dev: 99, ood: the dev sentences in the
    other language, which are translations of the same English originals).
    ``split="train" | "dev" | "test"``: that split as a list of :class:`Example`. The test split
    is not shipped: give ``test_path`` (a TSV in the shipped format, or the original SIB-200
    ``test.tsv`` of one language), or ``test_url`` with its ``test_sha256`` (downloaded once, checked,
    cached), or run where ``datasets`` and a network exist (it loads ``Davlan/sib200``).
    ``n_train`` keeps the first n training sentences; ``label_noise`` flips that fraction of them.
    """
    _check_lang(lang)
    if split is not None:
        if split not in SIB200_SPLITS:
            raise CourseValueError("finetune_unknown_split", value=split)
        if split == "test":
            return _sib200_test(lang, test_path, test_url, test_sha256)
        return _sib200_examples(read_sib200(SIB200_FILE, split=split), lang)
    train = _sib200_examples(read_sib200(SIB200_FILE, split="train"), lang)[:n_train]
    train = add_label_noise(train, len(SIB200_LABELS), label_noise, seed=seed)
    dev_rows = read_sib200(SIB200_FILE, split="dev")
    info = {"n_train": len(train), "label_noise": label_noise, "seed": seed}
    return Task(f"sib200-{lang}", "classification", lang, SIB200_LABELS, train, _sib200_examples(dev_rows, lang),
                _sib200_examples(dev_rows, _other(lang)), "accuracy", _other(lang), info)
