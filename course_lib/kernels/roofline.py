"""The roofline model: is an op limited by arithmetic or by memory traffic? (Appendix A1.)

An op that does F floating-point operations and moves B bytes between the GPU's main memory
and its cores has an *arithmetic intensity* I = F / B (FLOPs per byte). A machine with peak
compute P (FLOP/s) and memory bandwidth W (bytes/s) can deliver at most min(P, I * W) FLOP/s:
below the *ridge point* I = P / W the op waits for memory (memory-bound), above it for the
arithmetic units (compute-bound). Williams, Waterman & Patterson, "Roofline", CACM 2009.

The machine figures are the vendors' datasheet peaks (dense, no sparsity), not measurements.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Machine:
    """A GPU's datasheet peaks: 16-bit tensor-core compute and main-memory bandwidth."""

    name: str
    peak_flops: float  # FLOP/s, dense 16-bit tensor-core math
    bandwidth: float  # bytes/s between the GPU's main memory and its cores
    source: str

    @property
    def ridge_point(self) -> float:
        """FLOPs per byte an op needs before compute, not memory, limits it."""
        return self.peak_flops / self.bandwidth

    def attainable_flops(self, intensity: float) -> float:
        """The roofline: the most FLOP/s an op of this intensity can reach on this machine."""
        return min(self.peak_flops, intensity * self.bandwidth)


# NVIDIA H100 Tensor Core GPU datasheet (SXM5): 3.35 TB/s HBM3; BF16 tensor core 1,979 TFLOPS
# "with sparsity", so 989 TFLOPS dense. NVIDIA T4 datasheet: 320 GB/s GDDR6; 65 TFLOPS FP16
# mixed precision (tensor cores). The T4 is what Colab's free tier usually gives.
H100_SXM = Machine("H100 SXM", 989e12, 3.35e12, "NVIDIA H100 datasheet (dense BF16 tensor, HBM3)")
T4 = Machine("T4", 65e12, 320e9, "NVIDIA T4 datasheet (FP16 tensor, GDDR6)")
MACHINES = (H100_SXM, T4)


def datasheet_machine(gpu_name: str) -> Machine | None:
    """The datasheet entry for a CUDA device name such as "NVIDIA H100 80GB HBM3", if known.

    An H100 PCIe card has less bandwidth (2 TB/s) than the SXM figures: it is not matched.
    """
    if "H100" in gpu_name and "PCIe" not in gpu_name:
        return H100_SXM
    if "T4" in gpu_name:
        return T4
    return None


def elementwise_intensity(
    flops_per_element: float, tensors_read: int, tensors_written: int, bytes_per_element: int
) -> float:
    """FLOPs per byte of an op that reads and writes whole tensors once, element by element."""
    return flops_per_element / ((tensors_read + tensors_written) * bytes_per_element)


def matmul_intensity(m: int, n: int, k: int, bytes_per_element: int) -> float:
    """FLOPs per byte of (m, k) @ (k, n): 2mnk operations, each matrix moved once."""
    return 2 * m * n * k / ((m * k + k * n + m * n) * bytes_per_element)


def softmax_traffic_bytes(rows: int, cols: int, bytes_per_element: int, fused: bool) -> int:
    """Bytes a row softmax moves to and from main memory.

    Fused (one kernel): read x once, write y once. Unfused (five eager ops, see
    :func:`course_lib.kernels.teaching.naive_softmax`): max reads x and writes a row vector,
    subtract reads x and the maxima and writes z, exp reads z and writes e, sum reads e and
    writes the row sums, divide reads e and the sums and writes y.
    """
    n, m = rows * cols, rows
    if fused:
        return 2 * n * bytes_per_element
    reads = 5 * n + 2 * m
    writes = 3 * n + 2 * m
    return (reads + writes) * bytes_per_element


# Typical ops of a GPT block at 16 bits per element (2 bytes), counted per output element.
# FLOP counts are rough (an exp or a tanh counted as a few operations); the point is their order
# of magnitude against a ridge point in the hundreds.
def typical_ops(bytes_per_element: int = 2, tokens: int = 8192, width: int = 768) -> dict[str, float]:
    """Arithmetic intensity of common LLM ops, name -> FLOPs per byte."""
    b = bytes_per_element
    return {
        "add": elementwise_intensity(1, 2, 1, b),
        "GELU": elementwise_intensity(8, 1, 1, b),
        "softmax": elementwise_intensity(5, 1, 1, b),
        "LayerNorm": elementwise_intensity(8, 1, 1, b),
        f"matmul {tokens}x{width}x{4 * width}": matmul_intensity(tokens, 4 * width, width, b),
    }
