"""course_lib.cache: the one cache-folder rule, the run key, and load-or-train of a tiny model."""

import os
from pathlib import Path

import pytest
import torch
from torch import nn

from course_lib.assets import learner_base_dir
from course_lib.cache import cache_file, cache_folder, cache_root, load_or_train, run_key
from course_lib.i18n import CourseTypeError

HOME_CACHE = Path("~/.cache").expanduser()


# ------------------------------------------------------------------------------ the folder rule


def test_course_cache_dir_wins_over_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "course"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "course"


def test_without_course_cache_dir_the_root_is_course_lib_in_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "course_lib"


def test_without_either_variable_the_root_is_dot_cache_course_lib_in_home(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # expanduser reads HOME: the real home stays untouched
    assert cache_root() == tmp_path / ".cache" / "course_lib"


def test_an_empty_variable_counts_as_unset(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "course_lib"


def test_cache_folder_false_means_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path))
    assert cache_folder("bias", False) is None
    assert not (tmp_path / "bias").exists()


def test_cache_folder_none_is_a_created_sub_folder_of_the_root(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "root"))
    folder = cache_folder("bias")
    assert folder == tmp_path / "root" / "bias" and folder.is_dir()


def test_cache_folder_given_is_used_as_it_is_with_tilde_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "root"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder("bias", str(tmp_path / "mine")) == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir() and not (tmp_path / "mine" / "bias").exists()
    assert cache_folder("bias", "~/runs") == tmp_path / "home" / "runs"


def test_cache_folder_true_is_a_clear_error():
    with pytest.raises(CourseTypeError, match="cache_dir=True is not a folder"):
        cache_folder("bias", True)


# ---------------------------------------------------------------- this test session's own folder


def test_the_session_keeps_every_cache_in_a_temporary_folder():
    """conftest points COURSE_CACHE_DIR (and XDG_CACHE_HOME, COURSE_BASE_DIR) away from ~/.cache.

    The variable itself is checked too: notebook kernels the tests start see only the environment.
    """
    temporary = Path(os.environ["XDG_CACHE_HOME"])
    assert HOME_CACHE not in temporary.parents
    for folder in (Path(os.environ.get("COURSE_CACHE_DIR", HOME_CACHE)), cache_root(), cache_folder("compare"),
                   learner_base_dir()):
        assert temporary in folder.parents, folder
        assert HOME_CACHE not in folder.parents, folder


# -------------------------------------------------------------------------------- the run key


def test_run_key_ignores_dict_order_and_sees_every_value():
    key = run_key({"seed": 0, "sizes": {"steps": 300, "lr": 3e-3}, "text": "Ayşe"})
    assert key == run_key({"text": "Ayşe", "sizes": {"lr": 3e-3, "steps": 300}, "seed": 0})
    assert key != run_key({"seed": 1, "sizes": {"steps": 300, "lr": 3e-3}, "text": "Ayşe"})
    assert key != run_key({"seed": 0, "sizes": {"steps": 300, "lr": 3e-3}, "text": "Ayse"})
    assert len(key) == 24 and int(key, 16) >= 0


# ------------------------------------------------------------------------------ load or train


def _tiny(seed: int) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2))


def _shift(model: nn.Module, calls: list) -> None:
    """A stand-in for training: changes every weight, and counts that it ran."""
    calls.append(1)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(1.0)


def test_load_or_train_trains_once_then_loads_the_same_weights(tmp_path):
    path = tmp_path / "runs" / "abc.safetensors"  # the folder does not exist yet
    calls = []
    trained = _tiny(0)
    assert load_or_train(path, trained, lambda: _shift(trained, calls)) is False
    assert calls == [1] and path.is_file()

    fresh = _tiny(1)  # different starting weights: only a load makes them equal
    assert load_or_train(path, fresh, lambda: _shift(fresh, calls)) is True
    assert calls == [1]
    for name, tensor in trained.state_dict().items():
        torch.testing.assert_close(fresh.state_dict()[name], tensor, atol=0, rtol=0)


def test_load_or_train_without_a_path_always_trains_and_writes_nothing(tmp_path):
    calls = []
    model = _tiny(0)
    assert load_or_train(None, model, lambda: _shift(model, calls)) is False
    assert load_or_train(None, model, lambda: _shift(model, calls)) is False
    assert calls == [1, 1] and not any(tmp_path.iterdir())


def test_load_or_train_keeps_two_models_of_a_module_dict_in_one_file(tmp_path):
    path = tmp_path / "pair.safetensors"
    pair = nn.ModuleDict({"lm": _tiny(0), "tr": _tiny(1)})
    load_or_train(path, pair, lambda: None)
    loaded = nn.ModuleDict({"lm": _tiny(2), "tr": _tiny(3)})
    assert load_or_train(path, loaded, lambda: pytest.fail("a cached run must not train"))
    torch.testing.assert_close(loaded["tr"][0].weight, pair["tr"][0].weight, atol=0, rtol=0)
    torch.testing.assert_close(loaded["lm"][1].bias, pair["lm"][1].bias, atol=0, rtol=0)


def test_cache_file_is_named_in_its_folder_and_none_without_a_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path))
    assert cache_file("bias", "run.safetensors") == tmp_path / "bias" / "run.safetensors"
    assert (tmp_path / "bias").is_dir()
    assert cache_file("bias", "run.safetensors", str(tmp_path / "mine")) == tmp_path / "mine" / "run.safetensors"
    assert cache_file("bias", "run.safetensors", False) is None
