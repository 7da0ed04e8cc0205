"""Shared test set-up.

Without a CUDA device, the Triton kernels run on CPU tensors through Triton's interpreter:
TRITON_INTERPRET must be set before any ``@triton.jit`` function is defined, and this file is
imported before any test module. On a GPU machine the kernels run compiled (``make test-gpu``).
"""

import os

import torch

if not torch.cuda.is_available():
    os.environ.setdefault("TRITON_INTERPRET", "1")
os.environ.setdefault("COURSE_PROFILE", "smoke")
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


def _find_shared_data() -> Path | None:
    """../shared/data beside the checkout (as in CI), or COURSE_SHARED_DATA."""
    candidates = [os.environ.get("COURSE_SHARED_DATA"), REPO_ROOT.parent / "shared" / "data"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "SOURCES.md").exists():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder of real corpora for tests; skips where a learner's clone has none."""
    found = _find_shared_data()
    if found is None:
        pytest.skip("../shared/data is not beside this checkout (only CI and developers have it)")
    return found


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """Tests read English messages unless they choose a language themselves."""
    from course_lib import i18n

    monkeypatch.setattr(i18n, "_language", None)
    monkeypatch.setenv("COURSE_LANG", "en")


def pytest_configure(config):
    # A kernel that apply() could not use is a notice for a learner, and a failure in a test.
    config.addinivalue_line("filterwarnings", "error::course_lib.kernels.apply.KernelNotice")
    config.addinivalue_line("markers", "triton: launches Triton kernels (skipped only where Triton is not installed)")


def pytest_collection_modifyitems(config, items):
    from kernel_testing import KERNEL_DEVICE

    compiled = torch.cuda.is_available() and os.environ.get("TRITON_INTERPRET", "0") in ("", "0")
    skip_gpu = pytest.mark.skip(reason="needs a CUDA device with compiled kernels (TRITON_INTERPRET unset)")
    skip_kernels = pytest.mark.skip(reason="needs Triton (Linux); test_triton_is_installed_on_linux guards CI")
    for item in items:
        if "gpu" in item.keywords and not compiled:
            item.add_marker(skip_gpu)
        if KERNEL_DEVICE is None and "triton" in item.keywords:
            item.add_marker(skip_kernels)
