"""Rebuilding the chat model (build_chat.py) and loading it: reproducible, and damaged files refused."""

import json
import shutil

import pytest
import torch
from safetensors.torch import load_file

from course_lib.assets import load_chat_model, load_shipped_base
from course_lib.assets.build_base import build as build_base
from course_lib.assets.build_chat import build
from course_lib.assets.chat_recipe import chat_preset
from course_lib.assets.files import BASE_FILES, CHAT_FILES, write_json
from course_lib.assets.recipe import preset
from course_lib.i18n import CourseFileError, CourseValueError


def quiet(function, *args, **kwargs):
    """Run a build on one thread, without printing: one thread also makes it machine-independent."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return function(*args, progress=False, log=lambda *a: None, **kwargs)
    finally:
        torch.set_num_threads(threads)


# --- rebuilding and loading -----------------------------------------------------------------
@pytest.fixture(scope="module")
def smoke_base(tmp_path_factory):
    """A tiny base model (one layer, 16 wide) with the shipped model's context, built in seconds."""
    folder = tmp_path_factory.mktemp("base")
    quiet(build_base, preset("smoke", block_size=256), folder)
    return folder


@pytest.fixture(scope="module")
def smoke_chat(smoke_base, tmp_path_factory):
    folder = tmp_path_factory.mktemp("chat")
    config = quiet(build, chat_preset("smoke"), smoke_base, folder)
    return folder, config


def test_smoke_build_is_reproducible_and_loads(smoke_base, smoke_chat, tmp_path):
    folder, config = smoke_chat
    again = quiet(build, chat_preset("smoke"), smoke_base, tmp_path)
    assert again["sha256"] == config["sha256"]  # bit-identical weights from the same recipe
    chat = load_chat_model(folder=folder)
    base = load_shipped_base(folder=smoke_base)
    assert chat.config["recipe"] == chat_preset("smoke").to_dict()
    assert chat.config["results"]["steps"] == chat_preset("smoke").steps
    assert set(chat.config["results"]["exact_match"]["eval_seen"]["exact_match"]) == {"en", "tr"}
    assert chat.model.config == base.model.config
    assert torch.equal(chat.model.wte.weight, base.model.wte.weight)  # frozen: read from the base model
    assert not torch.equal(chat.model.blocks[0].attn.c_attn.weight, base.model.blocks[0].attn.c_attn.weight)
    stored = load_file(str(folder / CHAT_FILES.weights))
    assert not any(name.startswith(("wte.", "wpe.")) for name in stored)
    assert {tensor.dtype for tensor in stored.values()} == {torch.float16}


def test_loader_refuses_a_damaged_file(smoke_chat, tmp_path):
    folder, _ = smoke_chat
    damaged = tmp_path / "damaged"
    shutil.copytree(folder, damaged)
    weights = damaged / CHAT_FILES.weights
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0x01  # one bit of one weight
    weights.write_bytes(bytes(data))
    with pytest.raises(CourseFileError, match="chat-model file .* is damaged") as error:
        load_chat_model(folder=damaged)
    assert "bozulmuş" in error.value.tr and "build_chat" in str(error.value)


def test_loader_refuses_missing_or_foreign_files(smoke_chat, smoke_base, tmp_path):
    folder, _ = smoke_chat
    partial = tmp_path / "partial"
    shutil.copytree(folder, partial)
    (partial / CHAT_FILES.tokenizer).unlink()
    with pytest.raises(CourseFileError, match="is missing"):
        load_chat_model(folder=partial)
    with pytest.raises(CourseFileError, match="missing"):  # a base model's folder has no chat_config.json
        load_chat_model(folder=smoke_base)
    foreign = tmp_path / "foreign"
    shutil.copytree(folder, foreign)
    shutil.copyfile(smoke_base / BASE_FILES.config, foreign / CHAT_FILES.config)
    with pytest.raises(CourseFileError, match="course_lib.chat_model"):
        load_chat_model(folder=foreign)


def test_loader_refuses_another_base_model(smoke_chat, tmp_path):
    folder, _ = smoke_chat
    moved = tmp_path / "chat"
    shutil.copytree(folder, moved)
    config = json.loads((moved / CHAT_FILES.config).read_text(encoding="utf-8"))
    config["base_model"]["folder"] = str((folder / config["base_model"]["folder"]).resolve())
    config["base_model"]["weights_sha256"] = "0" * 64  # as if tuned from another base model
    write_json(moved / CHAT_FILES.config, config)
    with pytest.raises(CourseFileError, match="not the one the chat model was tuned from"):
        load_chat_model(folder=moved)


def test_unknown_preset_is_refused():
    with pytest.raises(CourseValueError, match="Use one of: ship, smoke"):
        chat_preset("large")
