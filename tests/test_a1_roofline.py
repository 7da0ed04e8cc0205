"""Appendix A1's helpers: the roofline arithmetic, the byte counts of a softmax (checked against
the bytes PyTorch's own ops read and write), the blank-kernel detection and the roofline plot."""

import math

import pytest
import torch
from torch.utils._python_dispatch import TorchDispatchMode

from course_lib.i18n import set_language
from course_lib.kernels import roofline, teaching
from course_lib.viz.kernels import _group_close, plot_roofline


class CountBytes(TorchDispatchMode):
    """Sums the bytes of every tensor each aten op reads (arguments) and writes (results)."""

    def __init__(self):
        super().__init__()
        self.total = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        flat = [*args, *(kwargs or {}).values(), *(out if isinstance(out, (tuple, list)) else [out])]
        self.total += sum(t.numel() * t.element_size() for t in flat if isinstance(t, torch.Tensor))
        return out


def test_ridge_points_follow_from_the_datasheet_figures():
    assert math.isclose(roofline.H100_SXM.ridge_point, 989e12 / 3.35e12)
    assert 290 < roofline.H100_SXM.ridge_point < 300 and 200 < roofline.T4.ridge_point < 206
    t4 = roofline.T4
    assert math.isclose(t4.attainable_flops(1.0), 320e9)  # below the ridge: bandwidth x intensity
    assert t4.attainable_flops(10 * t4.ridge_point) == t4.peak_flops  # above it: the flat roof


def test_intensities_of_typical_ops():
    assert math.isclose(roofline.elementwise_intensity(1, 2, 1, 2), 1 / 6)
    n = 4096  # a square matmul moves 3 n^2 elements for 2 n^3 FLOPs
    assert math.isclose(roofline.matmul_intensity(n, n, n, 2), 2 * n / (3 * 2))
    ops = roofline.typical_ops()
    memory_bound = [name for name, i in ops.items() if i < roofline.T4.ridge_point]
    assert set(memory_bound) == {"add", "GELU", "softmax", "LayerNorm"}


@pytest.mark.parametrize("shape", [(3, 5), (8, 33)])
def test_softmax_byte_counts_match_what_torch_ops_move(shape):
    x = torch.randn(*shape)
    with CountBytes() as unfused:
        naive = teaching.naive_softmax(x)
    with CountBytes() as fused:
        reference = torch.softmax(x, dim=-1)
    assert torch.allclose(naive, reference, atol=1e-6)
    assert unfused.total == roofline.softmax_traffic_bytes(*shape, 4, fused=False)
    assert fused.total == roofline.softmax_traffic_bytes(*shape, 4, fused=True)


def test_fusion_saves_about_four_times_the_bytes():
    ratio = roofline.softmax_traffic_bytes(4096, 4096, 2, False) / roofline.softmax_traffic_bytes(
        4096, 4096, 2, True
    )
    assert 4.0 < ratio < 4.01


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NVIDIA H100 80GB HBM3", roofline.H100_SXM),
        ("Tesla T4", roofline.T4),
        ("NVIDIA H100 PCIe", None),
        ("NVIDIA A100-SXM4-40GB", None),
    ],
)
def test_datasheet_machine_matches_only_what_it_knows(name, expected):
    assert roofline.datasheet_machine(name) is expected


def test_bandwidth_units():
    assert math.isclose(teaching.gigabytes_per_second(2e9, 1000.0), 2.0)


def test_blank_detection_and_the_interpreters_wrapped_error():
    def blank(x):
        raise NotImplementedError

    def written(x):
        return x

    assert teaching.is_blank(blank) and not teaching.is_blank(written)
    try:
        try:
            raise NotImplementedError
        except NotImplementedError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert teaching.raised_not_implemented(outer)
    assert not teaching.raised_not_implemented(ValueError("other"))


def test_stand_ins_let_a_kernel_be_defined_without_triton():
    fake_triton, fake_tl = teaching.triton_stand_ins()

    @fake_triton.jit
    def kernel(X, BLOCK: fake_tl.constexpr):
        return X

    assert kernel(3, 4) == 3


def test_close_intensities_share_one_label():
    groups = _group_close({"GELU": 2.0, "LayerNorm": 2.0, "softmax": 1.25, "matmul": 500.0})
    assert list(groups.values()) == [["softmax"], ["GELU", "LayerNorm"], ["matmul"]]


def test_roofline_plot_has_one_roof_per_machine_and_speaks_turkish():
    set_language("tr")
    fig = plot_roofline(roofline.MACHINES, roofline.typical_ops())
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.get_legend().get_lines()] == ["H100 SXM", "T4"]
    assert "aritmetik yoğunluk" in ax.get_xlabel()
    roof = ax.get_lines()[0].get_ydata()
    assert math.isclose(max(roof), roofline.H100_SXM.peak_flops / 1e12)


@pytest.mark.gpu
def test_gpu_timing_gives_a_positive_median():
    x = torch.randn(1024, 1024, device="cuda")
    assert teaching.time_on_gpu(torch.softmax, x, -1) > 0
