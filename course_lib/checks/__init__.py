"""Exercise checks: ``check_<name>(student_fn)`` prints a verdict and raises on failure.

Each chapter's checks live in their own module; they are re-exported here so a notebook
can write ``from course_lib.checks import check_sample_next``.
"""

from .a1_gpu_kernels import NEEDS_TRITON, check_softmax_kernel
from .ch00_introduction import check_average_nll, check_normalize_counts, check_sample_next
from .ch01_tokenization import check_count_pairs, check_encode_word, check_merge
from .ch02_pretraining import (
    check_causal_self_attention,
    check_merge_heads,
    check_next_token_cross_entropy,
    check_sampling_probs,
    check_split_heads,
    check_training_step,
)
from .ch03_finetuning import (
    check_discriminative_groups,
    check_freeze_top_k,
    check_response_mask,
    check_slanted_triangular,
)
from .core import VERDICTS, Case, CheckFailed, defined_in, run_check, skip_check, verdict_history

__all__ = [
    "NEEDS_TRITON",
    "VERDICTS",
    "Case",
    "CheckFailed",
    "defined_in",
    "run_check",
    "skip_check",
    "verdict_history",
    "check_normalize_counts",
    "check_sample_next",
    "check_average_nll",
    "check_count_pairs",
    "check_merge",
    "check_encode_word",
    "check_softmax_kernel",
    "check_causal_self_attention",
    "check_next_token_cross_entropy",
    "check_training_step",
    "check_freeze_top_k",
    "check_slanted_triangular",
    "check_discriminative_groups",
    "check_response_mask",
    "check_split_heads",
    "check_merge_heads",
    "check_sampling_probs",
]
