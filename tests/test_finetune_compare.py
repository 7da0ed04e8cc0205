"""compare(): 2 tiny methods x 2 seeds on a tiny model; the table's columns, the cache, forgetting."""

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch
from finetune_helpers import PAD, VOCAB, tiny_gpt

from course_lib.finetune import Full, LinearProbe, compare, world_sentiment
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import CourseTypeError, CourseValueError
from course_lib.train import TrainConfig, train

# The package exports the function compare(); the module of the same name is reached this way.
compare_module = importlib.import_module("course_lib.finetune.compare")


class CharTokenizer:
    """Characters to ids 1..VOCAB-1 (0 is padding): enough for a tiny model to read world text."""

    def encode(self, text):
        return [1 + ord(c) % (VOCAB - 1) for c in text]

    def special_id(self, token):
        assert token == "<|pad|>"
        return PAD


@dataclass
class TinyBase:
    model: object
    tokenizer: object
    config: dict
    heldout_text: str


def pretrained_tiny_gpt(text: str):
    """A tiny GPT that has learnt ``text`` (so that fine-tuning has something to forget)."""
    model = tiny_gpt()
    ids = torch.tensor(CharTokenizer().encode(text))
    windows = [(ids[i: i + 15][None], ids[i + 1: i + 16][None]) for i in range(0, 90, 3)]
    train(model, windows, TrainConfig(epochs=4, lr=1e-2, progress=False, live_plot_every=None, device="cpu"))
    return model.eval()


@pytest.fixture(scope="module")
def setting():
    task = world_sentiment("tr", n_train=24, n_dev=12)
    text = "Ayşe bugün pazara gitti. " * 20
    base = TinyBase(pretrained_tiny_gpt(text), CharTokenizer(), {}, text)
    config = FinetuneConfig(epochs=3, batch_size=8, lr=3e-2, max_length=15, forgetting_tokens=120,
                            forgetting_block=15, device="cpu")
    return base, task, config


def test_compare_table_cache_and_forgetting(setting, tmp_path, monkeypatch):
    base, task, config = setting
    calls = []
    real_run_one = compare_module.run_one
    monkeypatch.setattr(compare_module, "run_one", lambda *a, **k: calls.append(a[2].name) or real_run_one(*a, **k))
    methods = [Full(), LinearProbe()]
    first = compare(base, task, methods, seeds=(0, 1), config=config, cache_dir=tmp_path, progress=False)
    assert sorted(calls) == ["full", "full", "linear probe", "linear probe"]
    table = first.table
    assert list(table.index) == ["full", "linear probe"]
    for column in ("accuracy", "accuracy std", "ood accuracy", "ood accuracy std", "trainable params", "trainable %",
                   "time s", "peak memory MB", "training FLOPs", "forgetting", "forgetting std", "energy kWh"):
        assert column in table.columns, column
    total = sum(p.numel() for p in base.model.parameters()) + 16 * 2 + 2  # backbone + the 2-class head
    assert table.loc["full", "trainable params"] == total and table.loc["full", "trainable %"] == 100.0
    assert table.loc["linear probe", "trainable params"] == 16 * 2 + 2
    assert all(0 <= v <= 1 for v in table["accuracy"]) and len(first.runs) == 4
    # forgetting is measured: the probe leaves the backbone untouched (exactly 0), full fine-tuning
    # at a high learning rate trains the base away from its pretraining text
    assert table.loc["linear probe", "forgetting"] == 0.0
    assert table.loc["full", "forgetting"] > 0.05
    # the probe's backward pass stops at the head: about a third of full fine-tuning's FLOPs
    ratio = table.loc["linear probe", "training FLOPs"] / table.loc["full", "training FLOPs"]
    assert 0.3 < ratio < 0.4
    # the base model itself was not changed by any run
    assert all(p.requires_grad for p in base.model.parameters())

    calls.clear()
    second = compare(base, task, methods, seeds=(0, 1), config=config, cache_dir=tmp_path, progress=False)
    assert calls == []  # everything came from the cache
    assert second.table.equals(first.table)
    # a different setting is a different run
    compare(base, task, [Full()], seeds=(0,), config=FinetuneConfig(**{**config.__dict__, "lr": 1e-2}),
            cache_dir=tmp_path, progress=False)
    assert calls == ["full"]
    fig = first.plot()
    assert len(fig.axes) == 2
    assert "±" in repr(first)


def test_compare_keeps_runs_in_the_course_cache_folder_by_default(setting, monkeypatch):
    """Without cache_dir, a run lands in cache_root()/compare: in this test session, the temporary
    folder conftest points COURSE_CACHE_DIR at, never the real ~/.cache."""
    base, task, config = setting
    written = []
    real_write = compare_module._write_json
    monkeypatch.setattr(compare_module, "_write_json", lambda path, data: written.append(path) or real_write(path, data))
    compare(base, task, [LinearProbe()], seeds=(0,), config=config, progress=False)
    assert len(written) == 1 and written[0].is_file()
    assert written[0].parent == Path(os.environ["COURSE_CACHE_DIR"]) / "compare"
    assert Path("~/.cache").expanduser() not in written[0].parents


def test_compare_refuses_bad_methods_and_generation_tasks(setting):
    base, task, config = setting
    with pytest.raises(CourseTypeError, match="is not a fine-tuning method"):
        compare(base, task, ["full"], config=config, cache_dir=False, progress=False)
    with pytest.raises(CourseValueError, match="named 'full'"):
        compare(base, task, [Full(), Full()], config=config, cache_dir=False, progress=False)
    from course_lib.finetune import world_translation

    with pytest.raises(CourseValueError, match="generation task"):
        compare(base, world_translation(n_train=2, n_dev=1), [Full()], config=config, cache_dir=False)
