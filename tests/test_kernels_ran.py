"""The kernel suites really run: every @triton.jit kernel of the package launches, Triton is there
where the project installs it, and the package still works where it is not."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from kernel_testing import KERNEL_DEVICE as DEVICE
from kernel_testing import counting_launches

from course_lib.kernels import runtime
from course_lib.kernels.attention import attention_triton
from course_lib.kernels.bias_gelu import bias_gelu_triton
from course_lib.kernels.cross_entropy import cross_entropy_triton
from course_lib.kernels.layer_norm import layer_norm_triton

KERNEL_FILES = ("layer_norm", "attention", "bias_gelu", "cross_entropy")


def _jit_kernels(module_name: str) -> set[str]:
    """Names of the @triton.jit kernels defined in course_lib/kernels/<module_name>.py."""
    from triton.runtime.jit import KernelInterface

    module = importlib.import_module(f"course_lib.kernels.{module_name}")
    return {name for name, value in vars(module).items() if isinstance(value, KernelInterface)}


@pytest.mark.triton
def test_every_kernel_of_the_package_launches():
    def leaf(*shape):
        return torch.randn(*shape, device=DEVICE, requires_grad=True)

    x, w, b = leaf(6, 24), leaf(24), leaf(24)
    q, k, v = leaf(1, 1, 17, 16), leaf(1, 1, 17, 16), leaf(1, 1, 17, 16)
    logits = leaf(5, 30)
    with counting_launches() as launches:
        layer_norm_triton(x, w, b, 1e-5).sum().backward()
        bias_gelu_triton(x, b).sum().backward()
        attention_triton(q, k, v).sum().backward()
        cross_entropy_triton(logits, torch.randint(0, 30, (5,), device=DEVICE)).backward()
    defined = set().union(*(_jit_kernels(name) for name in KERNEL_FILES))
    assert len(defined) == 9, defined
    assert defined <= set(launches), f"never launched: {defined - set(launches)}"


def test_triton_is_installed_on_linux():
    # The kernel suites skip only without Triton; on Linux, where pyproject installs it, that
    # skip would hide them, so its absence fails here.
    if not sys.platform.startswith("linux"):
        pytest.skip("the project installs Triton on Linux only")
    assert runtime.triton is not None, "pip install -e '.[dev]' installs triton on Linux"


def test_the_package_imports_without_triton_and_apply_says_so():
    code = (
        "import sys, warnings; sys.modules['triton'] = None; sys.modules['triton.language'] = None\n"
        "import course_lib.kernels as k\n"
        "from course_lib.model import GPT, GPTConfig\n"
        "assert k.runtime.triton is None\n"
        "model = GPT(GPTConfig(vocab_size=11, block_size=8, n_layer=1, n_head=2, n_embd=32))\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        "    assert sum(k.apply(model).values()) == 0\n"
        "assert len(caught) == 1 and 'Triton' in str(caught[0].message), caught\n"
        "print('ok')\n"
    )
    repo_root = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (repo_root, os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "TRITON_INTERPRET": "1", "PYTHONPATH": path, "COURSE_LANG": "en"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env, cwd=repo_root
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
