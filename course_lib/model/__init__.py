"""Language models of the course: the counting bigram of chapter 00 and the GPT."""

from .config import GPTConfig
from .generate import apply_temperature, generate, next_token, top_k_filter, top_p_filter
from .gpt import GPT, GPTOutput
from .hf import from_hf, from_pretrained, save_pretrained, to_hf
from .loss import lm_loss
from .size import count_parameters, flops_per_token, parameter_breakdown, parameter_count, training_flops

__all__ = [
    "GPT",
    "GPTConfig",
    "GPTOutput",
    "apply_temperature",
    "count_parameters",
    "flops_per_token",
    "from_hf",
    "from_pretrained",
    "generate",
    "lm_loss",
    "next_token",
    "parameter_breakdown",
    "parameter_count",
    "save_pretrained",
    "to_hf",
    "top_k_filter",
    "top_p_filter",
    "training_flops",
]
