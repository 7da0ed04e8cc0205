"""What the shipped real-text base model learned, measured on held-out real text and on SIB-200.

The numbers are measured by ``python -m course_lib.assets.build_base`` (held-out bits per byte,
recorded in its base_config.json) and ``bench/base_model_sib200.py`` (the SIB-200 table in the
README); each threshold below is a measured value with a stated margin, so a rebuilt model that
learned as much still passes and one that learned clearly less fails.
"""

import pytest
import torch

from course_lib.assets import load_shipped_base
from course_lib.assets.corpus_mix import mix_texts
from course_lib.assets.held_out import held_out_bits_per_byte
from course_lib.assets.recipe import Recipe
from course_lib.assets.topic_probe import majority_rate, mean_pooled_layers, probe_accuracy
from course_lib.data.corpora import read_sib200

# Held-out bits per byte of the shipped model (measured at build time, 460 steps): Wikipedia 2.334,
# Tatoeba TR 2.090, Tatoeba EN 2.131, world TR 0.570, world EN 0.558. Thresholds: +10 %.
MAX_BITS_PER_BYTE = {
    "wikipedia_tr": 2.57, "tatoeba_tr": 2.30, "tatoeba_en": 2.35, "world_tr": 0.63, "world_en": 0.62,
}


@pytest.fixture(scope="module")
def real():
    return load_shipped_base("real")


@pytest.fixture(scope="module")
def held_out(real, shared_data):
    """The held-out text of every source, split exactly as the shipped model's recipe split it."""
    return mix_texts(Recipe.from_dict(real.config["recipe"]), shared_data).held_out


def test_held_out_bits_per_byte_per_source_and_language(real, held_out):
    measured = held_out_bits_per_byte(real.model, real.tokenizer, held_out)
    assert set(measured) == set(MAX_BITS_PER_BYTE)
    for part, maximum in MAX_BITS_PER_BYTE.items():
        assert measured[part]["bits_per_byte"] < maximum, part
        # the numbers recorded in base_config.json are the ones these weights give
        recorded = real.config["results"]["held_out"][part]["bits_per_byte"]
        assert measured[part]["bits_per_byte"] == pytest.approx(recorded, rel=1e-3), part


def test_the_world_only_model_cannot_read_wikipedia(real, held_out):
    """The reason for the real-text model: measured 10.3 bits per byte (worse than 8 bits of raw
    bytes) for the world-only model on held-out Wikipedia, 2.33 for the real-text model."""
    world = load_shipped_base("world")
    part = {"wikipedia_tr": held_out["wikipedia_tr"]}
    old = held_out_bits_per_byte(world.model, world.tokenizer, part)["wikipedia_tr"]["bits_per_byte"]
    new = held_out_bits_per_byte(real.model, real.tokenizer, part)["wikipedia_tr"]["bits_per_byte"]
    assert old > 8.0 > 3 * new


# SIB-200 dev (99 sentences; one sentence = 1 point), measured with bench/base_model_sib200.py:
# majority 0.253 in both languages; probe on the mean-pooled last hidden states TR 0.253 / EN 0.354
# (training accuracy 0.80 / 0.84); on the mean-pooled input embeddings (layer 0) TR 0.434 / EN 0.374.
# The goal (last-layer probe >= majority + 15 points) is NOT reached: see the README. These
# thresholds keep what was measured, 5 points (5 sentences) below it.
MIN_GAIN_OVER_MAJORITY = {("tr", 0): 0.13, ("en", 0): 0.07, ("en", -1): 0.05}


@pytest.fixture(scope="module")
def sib(shared_data):
    train, dev = (read_sib200(shared_data / "sib200_tr_en.tsv", split=split) for split in ("train", "dev"))
    labels = {label: i for i, label in enumerate(sorted({example.category for example in train}))}
    ids = [torch.tensor([labels[example.category] for example in part]) for part in (train, dev)]
    return train, dev, ids[0], ids[1]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_linear_probe_on_the_real_model_finds_topics(real, sib, lang):
    train, dev, train_y, dev_y = sib
    texts = [[getattr(example, f"text_{lang}") for example in part] for part in (train, dev)]
    majority = majority_rate(train_y, dev_y)
    assert majority == pytest.approx(25 / 99)  # science/technology, the commonest training label
    layers = (0, -1)
    train_features, dev_features = (mean_pooled_layers(real.model, real.tokenizer, t, layers) for t in texts)
    for layer, train_x, dev_x in zip(layers, train_features, dev_features):
        result = probe_accuracy(train_x, train_y, dev_x, dev_y)
        if layer == -1:
            assert result["train_accuracy"] > 0.7  # the features separate the training sentences
        if (lang, layer) in MIN_GAIN_OVER_MAJORITY:
            assert result["dev_accuracy"] >= majority + MIN_GAIN_OVER_MAJORITY[lang, layer], (layer, result)
