"""select(): which implementation runs, the COURSE_KERNELS override, and the one-time fallback."""

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import torch

from course_lib.i18n import CourseValueError
from course_lib.kernels import TORCH_OPS, KernelOps, runtime, select
from course_lib.kernels import layer_norm as layer_norm_module

FIELDS = ("layer_norm", "attention", "bias_gelu", "cross_entropy", "lora_linear")
needs_triton = pytest.mark.skipif(
    runtime.triton is None or not runtime.interpreter_on(),
    reason="runs Triton on CPU tensors: needs TRITON_INTERPRET=1",
)


@pytest.fixture(autouse=True)
def _fresh_failures(monkeypatch):
    monkeypatch.delenv("COURSE_KERNELS", raising=False)
    runtime.reset_failures()
    yield
    runtime.reset_failures()


@pytest.fixture
def triton_calls(monkeypatch):
    """Counts calls of the Triton LayerNorm (select() looks the op up when it builds its table)."""
    calls = []
    real = layer_norm_module.layer_norm_triton

    def counting(*args, **kwargs):
        calls.append(args[0].dtype)
        return real(*args, **kwargs)

    monkeypatch.setattr(layer_norm_module, "layer_norm_triton", counting)
    return calls


def _ln_args():
    return torch.randn(5, 24), torch.randn(24), torch.randn(24), 1e-5


def test_select_rejects_an_unknown_mode_in_both_languages():
    with pytest.raises(CourseValueError) as caught:
        select("fast")
    assert "'fast'" in caught.value.en and "'fast'" in caught.value.tr and "kip" in caught.value.tr


@pytest.mark.parametrize("mode", ["auto", "triton", "torch"])
def test_every_mode_gives_the_full_table(mode):
    ops = select(mode)
    assert isinstance(ops, KernelOps) and all(callable(getattr(ops, f)) for f in FIELDS)


def test_torch_mode_and_env_override_give_the_references(monkeypatch):
    assert select("torch") is TORCH_OPS
    monkeypatch.setenv("COURSE_KERNELS", "torch")
    assert select("triton") is TORCH_OPS


F32, F16, BF16 = torch.float32, torch.float16, torch.bfloat16


@pytest.mark.parametrize(
    "mode,device_type,cc,dtypes,interpreter,expected",
    [
        ("auto", "cuda", (9, 0), {BF16}, False, True),  # H100
        ("auto", "cuda", (8, 0), {F16, F32}, False, True),  # A100
        ("auto", "cuda", (7, 5), {F16}, False, True),  # T4: fp16 ...
        ("auto", "cuda", (7, 5), {F32}, False, True),  # ... and fp32
        ("auto", "cuda", (7, 5), {BF16}, False, False),  # ... but no bf16
        ("auto", "cuda", (7, 0), {F16}, False, False),  # V100: below what the kernels target
        ("triton", "cuda", (9, 0), {BF16}, False, True),
        ("auto", "cpu", (0, 0), {F32}, True, False),  # auto never interprets
        ("triton", "cpu", (0, 0), {F32}, True, True),  # tests
        ("triton", "cpu", (0, 0), {F32}, False, False),  # no GPU, no interpreter: "0 active drivers"
        ("triton", "cpu", (0, 0), {BF16}, True, False),  # interpreter bf16 dots are wrong
        ("triton", "mps", (0, 0), {F32}, True, False),
    ],
)
def test_device_rule(mode, device_type, cc, dtypes, interpreter, expected):
    assert runtime.device_allows(mode, device_type, cc, dtypes, interpreter) is expected


@needs_triton
def test_triton_mode_runs_the_kernel_on_cpu_under_the_interpreter(triton_calls):
    x, w, b, eps = _ln_args()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a silent fallback would make this test meaningless
        out = select("triton").layer_norm(x, w, b, eps)
    assert triton_calls == [torch.float32]
    torch.testing.assert_close(out, TORCH_OPS.layer_norm(x, w, b, eps), atol=1e-5, rtol=1e-4)


def test_auto_mode_uses_the_reference_on_cpu(triton_calls):
    select("auto").layer_norm(*_ln_args())
    assert triton_calls == []


def test_triton_mode_without_the_interpreter_uses_the_reference(triton_calls, monkeypatch):
    monkeypatch.setenv("TRITON_INTERPRET", "0")  # a CPU tensor then has no way to run a kernel
    select("triton").layer_norm(*_ln_args())
    assert triton_calls == []


def test_bf16_under_the_interpreter_uses_the_reference(triton_calls):
    x, w, b, eps = (t.bfloat16() if isinstance(t, torch.Tensor) else t for t in _ln_args())
    select("triton").layer_norm(x, w, b, eps)
    assert triton_calls == []


@needs_triton
def test_unsupported_arguments_use_the_reference_without_a_warning():
    q = torch.randn(1, 2, 8, 48)  # head dim 48 has no kernel
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = select("triton").attention(q, q, q)
    torch.testing.assert_close(out, TORCH_OPS.attention(q, q, q))


@needs_triton
def test_a_failing_kernel_warns_once_and_falls_back(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of resource: shared memory")

    monkeypatch.setattr(layer_norm_module, "layer_norm_triton", broken)
    ops = select("triton")
    args = _ln_args()
    with pytest.warns(RuntimeWarning, match="layer_norm") as record:
        first = ops.layer_norm(*args)
        second = ops.layer_norm(*args)
    assert len([w for w in record if "layer_norm" in str(w.message)]) == 1
    expected = TORCH_OPS.layer_norm(*args)
    torch.testing.assert_close(first, expected)
    torch.testing.assert_close(second, expected)


@needs_triton
def test_a_failing_backward_kernel_warns_and_still_gives_correct_gradients(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("backward kernel does not compile here")

    monkeypatch.setattr(layer_norm_module, "_backward", broken)
    x, w, b, eps = _ln_args()
    leaves = [t.clone().requires_grad_() for t in (x, w, b)]
    with pytest.warns(RuntimeWarning, match="layer_norm"):
        select("triton").layer_norm(*leaves, eps).square().sum().backward()
    ref_leaves = [t.clone().requires_grad_() for t in (x, w, b)]
    TORCH_OPS.layer_norm(*ref_leaves, eps).square().sum().backward()
    for got, expected in zip(leaves, ref_leaves):
        torch.testing.assert_close(got.grad, expected.grad, atol=1e-5, rtol=1e-4)


def test_the_package_imports_and_runs_without_triton():
    code = (
        "import sys; sys.modules['triton'] = None; sys.modules['triton.language'] = None\n"
        "import torch, course_lib.kernels as k\n"
        "assert k.runtime.triton is None\n"
        "x = torch.randn(3, 8)\n"
        "out = k.select('triton').layer_norm(x, None, None, 1e-5)\n"
        "assert torch.allclose(out, torch.nn.functional.layer_norm(x, (8,)))\n"
        "print('ok')\n"
    )
    repo_root = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (repo_root, os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "TRITON_INTERPRET": "1", "PYTHONPATH": path}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env, cwd=repo_root
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
