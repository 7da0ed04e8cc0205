"""Checkpoints: exact resume, damaged files refused, atomic writes, no pickle."""

import json
import shutil
from pathlib import Path

import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset

from course_lib.i18n import CourseFileError, CourseValueError
from course_lib.train import (
    Callback,
    CheckpointEvery,
    RandomWindows,
    TrainConfig,
    build_adamw,
    checkpoint,
    latest_checkpoint,
    load_checkpoint,
    loss_evaluator,
    save_checkpoint,
    train,
)
from tests.test_train_loop import CONTEXT, make_tokens, tiny_model


class Crash(Callback):
    """Simulates a killed process right after step ``at`` (after earlier callbacks saved)."""

    def __init__(self, at):
        self.at = at

    def on_step_end(self, state):
        if state.step == self.at:
            raise KeyboardInterrupt


def _config(**kw):
    base = dict(lr=3e-3, warmup_steps=2, eval_every=4, grad_accum_steps=2, progress=False, device="cpu")
    base.update(kw)
    return TrainConfig(**base)


def _lm_run(seed, tmp, resume=False, crash_at=None):
    """A pretraining-style run: endless random windows from a seeded generator, dropout on."""
    model = tiny_model(seed=seed, dropout=0.2)
    generator = torch.Generator().manual_seed(seed)
    batches = RandomWindows(make_tokens(), CONTEXT, 4, generator)
    val = RandomWindows(make_tokens(), CONTEXT, 4, fixed=True, seed=123)
    callbacks = [CheckpointEvery(tmp, every=5)] if tmp else []
    if crash_at:
        callbacks.append(Crash(crash_at))
    result = train(model, batches, _config(max_steps=12), generator=generator, callbacks=callbacks,
                   eval_fn=loss_evaluator(val, max_batches=2), resume_from=tmp if resume else None)
    return model, result


def test_interrupted_and_resumed_run_is_bit_identical(tmp_path):
    reference_model, reference = _lm_run(seed=0, tmp=None)
    with pytest.raises(KeyboardInterrupt):
        _lm_run(seed=0, tmp=tmp_path, crash_at=7)  # checkpoint at step 5; steps 6-7 are lost
    assert latest_checkpoint(tmp_path).name == "step_0000005"
    # A different seed for the fresh model and generator: everything must come from the checkpoint.
    resumed_model, resumed = _lm_run(seed=99, tmp=tmp_path, resume=True)
    assert resumed.history.train == reference.history.train  # exact float equality, every step
    assert resumed.history.eval == reference.history.eval
    for (name, a), b in zip(reference_model.state_dict().items(), resumed_model.state_dict().values()):
        assert torch.equal(a, b), name


def _epoch_run(seed, tmp, resume=False, crash_at=None):
    """A fine-tuning-style run: a shuffled DataLoader over a fixed dataset, several epochs."""
    tokens = make_tokens(200)
    windows = tokens.unfold(0, CONTEXT + 1, 3)
    data = TensorDataset(windows[:, :-1].contiguous(), windows[:, 1:].contiguous())
    generator = torch.Generator().manual_seed(seed)
    loader = DataLoader(data, batch_size=8, shuffle=True, generator=generator)
    model = tiny_model(seed=seed, dropout=0.1)
    callbacks = [CheckpointEvery(tmp, every=3)] if tmp else []
    if crash_at:
        callbacks.append(Crash(crash_at))
    config = _config(epochs=3, grad_accum_steps=1, eval_every=None, schedule="slanted_triangular")
    result = train(model, loader, config, generator=generator, callbacks=callbacks,
                   resume_from=tmp if resume else None)
    return model, result


def test_resume_in_the_middle_of_a_shuffled_epoch_is_bit_identical(tmp_path):
    reference_model, reference = _epoch_run(seed=0, tmp=None)
    assert reference.steps == 24  # 64 windows: 8 batches per epoch, 3 epochs
    with pytest.raises(KeyboardInterrupt):
        _epoch_run(seed=0, tmp=tmp_path, crash_at=13)  # checkpoint at 12: epoch 1, 4 batches in
    resumed_model, resumed = _epoch_run(seed=7, tmp=tmp_path, resume=True)
    assert resumed.history.train == reference.history.train
    for a, b in zip(reference_model.state_dict().values(), resumed_model.state_dict().values()):
        assert torch.equal(a, b)


# --- damaged checkpoints ------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path):
    model = tiny_model()
    optimizer = build_adamw(model, TrainConfig(max_steps=1))
    model(torch.zeros(1, 4, dtype=torch.long), torch.zeros(1, 4, dtype=torch.long))[1].backward()
    optimizer.step()
    path = save_checkpoint(tmp_path / "step_0000001", model, optimizer, step=1, config={"lr": 1e-3},
                           history={"train": [{"step": 1, "loss": 2.0}], "eval": []}, metadata={"dim": 16})
    return path, model, optimizer


def test_checkpoint_round_trip_restores_weights_and_optimizer_state(saved):
    path, model, optimizer = saved
    assert sorted(p.name for p in path.iterdir()) == ["model.safetensors", "state.json", "state.safetensors"]
    fresh = tiny_model(seed=5)
    fresh_optimizer = build_adamw(fresh, TrainConfig(max_steps=1))
    loaded = load_checkpoint(path, fresh, fresh_optimizer)
    assert loaded.step == 1 and loaded.metadata == {"dim": 16} and loaded.history["train"][0]["loss"] == 2.0
    for a, b in zip(model.state_dict().values(), fresh.state_dict().values()):
        assert torch.equal(a, b)
    assert fresh.lm_head.weight is fresh.wte.weight  # still tied after loading
    original, restored = optimizer.state_dict(), fresh_optimizer.state_dict()
    assert original["param_groups"] == restored["param_groups"]
    for index, values in original["state"].items():
        for key, value in values.items():
            assert torch.equal(value, restored["state"][index][key]), (index, key)


def _assert_refused(path, error_type, words):
    victim = tiny_model(seed=3)
    before = {k: v.clone() for k, v in victim.state_dict().items()}
    with pytest.raises(error_type) as info:
        load_checkpoint(path, victim)
    assert words in info.value.en
    assert info.value.tr and info.value.tr != info.value.en
    for key, value in victim.state_dict().items():  # nothing was loaded
        assert torch.equal(value, before[key])


@pytest.mark.parametrize("name", ["model.safetensors", "state.safetensors"])
def test_a_flipped_byte_is_refused(saved, name):
    path = saved[0]
    data = bytearray((path / name).read_bytes())
    data[len(data) - 10] ^= 0x01  # inside the tensor data: the file still parses
    (path / name).write_bytes(bytes(data))
    _assert_refused(path, CourseValueError, "is damaged")


@pytest.mark.parametrize("name", ["model.safetensors", "state.safetensors"])
def test_a_truncated_file_is_refused(saved, name):
    path = saved[0]
    data = (path / name).read_bytes()
    (path / name).write_bytes(data[: len(data) // 2])
    _assert_refused(path, CourseValueError, "is damaged")


def test_an_edited_manifest_is_refused(saved):
    path = saved[0]
    document = json.loads((path / "state.json").read_text())
    document["body"]["step"] = 2  # valid JSON, wrong content
    (path / "state.json").write_text(json.dumps(document))
    _assert_refused(path, CourseValueError, "is damaged")
    (path / "state.json").write_text('{"format": "course_lib.checkpoint/1", "body": {')
    _assert_refused(path, CourseValueError, "cannot be read")


def test_a_missing_file_or_folder_is_explained(saved, tmp_path):
    path = saved[0]
    (path / "state.safetensors").unlink()
    _assert_refused(path, CourseFileError, "does not exist")
    empty = tmp_path / "empty_run"
    empty.mkdir()
    _assert_refused(empty, CourseFileError, "holds no checkpoint")


def test_a_checkpoint_of_another_model_is_explained(saved):
    bigger = tiny_model(n_blocks=3)
    with pytest.raises(CourseValueError, match="does not fit this model"):
        load_checkpoint(saved[0], bigger)


# --- atomic writes ------------------------------------------------------------------------


def _weights(path):
    model = tiny_model(seed=8)
    load_checkpoint(path, model)
    return model.state_dict()


def test_a_crash_while_writing_leaves_the_previous_checkpoint_loadable(saved, monkeypatch):
    path, model, optimizer = saved
    good = _weights(path)

    def disk_full(tensors, file):
        file.write_bytes(b"half a file")
        raise OSError("No space left on device")

    monkeypatch.setattr(checkpoint, "_write_tensors", disk_full)
    with torch.no_grad():
        model.wte.weight.add_(1.0)
    for target in (path.parent / "step_0000002", path):  # a new checkpoint, and overwriting the old one
        with pytest.raises(OSError, match="No space"):
            save_checkpoint(target, model, optimizer, step=2)
    assert sorted(p.name for p in path.parent.iterdir()) == ["step_0000001"]  # temporary folder removed
    for key, value in _weights(path).items():
        assert torch.equal(value, good[key])


def test_a_killed_process_leaves_only_an_ignored_temporary_folder(saved, monkeypatch):
    path, model, optimizer = saved

    def killed(tmp, final):
        raise SystemExit("killed before the rename")

    monkeypatch.setattr(checkpoint, "_publish", killed)
    monkeypatch.setattr(checkpoint.shutil, "rmtree", lambda *a, **k: None)  # a killed process cleans nothing
    with pytest.raises(SystemExit):
        save_checkpoint(path.parent / "step_0000002", model, optimizer, step=2)
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".step_0000002.tmp-")
    assert latest_checkpoint(path.parent) == path
    assert load_checkpoint(path.parent).step == 1


def test_overwriting_a_checkpoint_replaces_it_whole(saved):
    path, model, optimizer = saved
    with torch.no_grad():
        model.wte.weight.mul_(2.0)
    save_checkpoint(path, model, optimizer, step=1)
    assert torch.equal(_weights(path)["wte.weight"], model.wte.weight)
    assert sorted(p.name for p in path.parent.iterdir()) == ["step_0000001"]


def test_checkpoint_every_keeps_only_the_newest(tmp_path):
    from tests.test_train_loop import cfg, fixed_batches

    train(tiny_model(), fixed_batches(4), cfg(max_steps=7), callbacks=[CheckpointEvery(tmp_path, every=2, keep_last=2)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["step_0000006", "step_0000007"]


def test_nothing_in_train_uses_pickle():
    source = Path(checkpoint.__file__).parent
    for file in source.glob("*.py"):
        text = file.read_text()
        assert "pickle" not in text.replace("No pickle", "").replace("pickles", ""), file
        assert "torch.load(" not in text and "torch.save(" not in text, file


def test_the_temporary_folder_is_hidden_from_the_step_pattern(tmp_path):
    (tmp_path / ".step_0000009.tmp-1-abc").mkdir()
    shutil.copytree(tmp_path / ".step_0000009.tmp-1-abc", tmp_path / "notes")
    assert latest_checkpoint(tmp_path) is None
