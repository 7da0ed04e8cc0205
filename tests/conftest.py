"""Shared test set-up.

Without a CUDA device, the Triton kernels run on CPU tensors through Triton's interpreter:
TRITON_INTERPRET must be set before any ``@triton.jit`` function is defined, and this file is
imported before any test module. On a GPU machine the kernels run compiled (``make test-gpu``).
"""

import os

import torch

if not torch.cuda.is_available():
    os.environ.setdefault("TRITON_INTERPRET", "1")


def _threads_per_process() -> int:
    """The CPU cores each test process may use: all of them shared out over the xdist workers.

    Each worker runs one test at a time, in its own process or in a notebook kernel it waits on.
    Left alone, every one of them starts as many OpenMP threads as the machine has cores, and on
    2 cores two notebooks side by side took 117 s each instead of 24 s alone (threads spinning
    against each other); with one thread each they took 30 s.
    """
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return max(1, (os.cpu_count() or 1) // workers)


# Notebook kernels and subprocesses inherit the variable; this process takes the setting directly.
# Set, not defaulted: an xdist worker inherits the value its controller set for a single process.
os.environ["OMP_NUM_THREADS"] = str(_threads_per_process())
torch.set_num_threads(int(os.environ["OMP_NUM_THREADS"]))
os.environ.setdefault("COURSE_PROFILE", "smoke")
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder of real corpora for tests; skips where a learner's clone has none."""
    # The same lookup as the notebooks use, so tests and lessons never disagree on the folder.
    from course_lib.data.local_data import shared_data_dir

    found = shared_data_dir()
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


@pytest.fixture(autouse=True, scope="session")
def _no_home_directory_models(tmp_path_factory):
    """No test reads or writes ~/.cache: $COURSE_CACHE_DIR (the course's cache root: trained tiny
    models, comparison runs, downloads), $COURSE_BASE_DIR (a learner's saved model) and
    $XDG_CACHE_HOME point into a temporary folder for the whole session (notebook kernels started
    by the tests inherit them)."""
    names = ("COURSE_CACHE_DIR", "COURSE_BASE_DIR", "XDG_CACHE_HOME")
    saved = {name: os.environ.get(name) for name in names}
    root = tmp_path_factory.mktemp("home_cache")
    os.environ["COURSE_CACHE_DIR"] = str(root / "course_lib")
    os.environ["COURSE_BASE_DIR"] = str(root / "course_lib" / "my_base")
    os.environ["XDG_CACHE_HOME"] = str(root)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
