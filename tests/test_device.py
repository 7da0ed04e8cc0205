import random

import numpy as np
import pytest
import torch

from course_lib import device
from course_lib.i18n import CourseValueError


def test_cpu_is_chosen_without_accelerators(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    monkeypatch.delenv("COURSE_DEVICE", raising=False)
    assert device.pick_device().type == "cpu"


def test_device_override_must_be_available(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setenv("COURSE_DEVICE", "cuda")
    with pytest.raises(CourseValueError, match="cuda"):
        device.pick_device()


@pytest.mark.parametrize(
    ("capability", "dtype", "scaler"),
    [((9, 0), torch.bfloat16, False), ((8, 0), torch.bfloat16, False), ((7, 5), torch.float16, True)],
)
def test_precision_policy_follows_compute_capability(monkeypatch, capability, dtype, scaler):
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda _device=None: capability)
    policy = device.precision_policy(torch.device("cuda"))
    assert policy.autocast_dtype == dtype and policy.use_grad_scaler is scaler


def test_cpu_runs_in_fp32():
    policy = device.precision_policy("cpu")
    assert policy.autocast_dtype is None and not policy.use_grad_scaler
    with policy.autocast():
        assert (torch.ones(2, 2) @ torch.ones(2, 2)).dtype == torch.float32
    assert not policy.grad_scaler().is_enabled()


def test_seed_everything_repeats_every_source():
    def draw(gen):
        return random.random(), np.random.rand(), torch.rand(1).item(), torch.rand(1, generator=gen).item()

    first = draw(device.seed_everything(5))
    second = draw(device.seed_everything(5))
    assert first == second
    assert draw(device.seed_everything(6)) != first


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True])
def test_seed_must_be_a_non_negative_int(bad):
    with pytest.raises(CourseValueError, match="seed"):
        device.seed_everything(bad)


def test_describe_names_device_and_profile(monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    text = device.describe()
    assert "profile=smoke" in text and "device=" in text
