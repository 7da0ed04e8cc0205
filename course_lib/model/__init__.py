"""Language models of the course: the counting bigram of chapter 00 and the GPT.

GPT side, one file per idea:
  config.py    GPTConfig: the sizes, validated, with GPT-2 presets
  gpt.py       GPT: the model (LayerNorm, CausalSelfAttention, MLP, Block), GPTOutput
  loss.py      lm_loss (and LMLoss, its module): next-token cross-entropy in the reductions chapters need
  generate.py  generate and its sampling helpers (temperature, top-k, top-p)
  hf.py        to_hf / from_hf / save_pretrained / from_pretrained (Hugging Face GPT-2, safetensors),
               hf_parameter_name / course_parameter_name (the renaming both ways)
  size.py      parameter and FLOP counts
  inputs.py    the checks on token ids, embeddings and targets; messages.py: their words
"""

from .config import GPTConfig
from .generate import apply_temperature, generate, next_token, top_k_filter, top_p_filter
from .gpt import GPT, GPTOutput
from .hf import course_parameter_name, from_hf, from_pretrained, hf_parameter_name, save_pretrained, to_hf
from .loss import lm_loss
from .size import count_parameters, flops_per_token, parameter_breakdown, parameter_count, training_flops

__all__ = [
    "GPT",
    "GPTConfig",
    "GPTOutput",
    "apply_temperature",
    "count_parameters",
    "course_parameter_name",
    "flops_per_token",
    "from_hf",
    "from_pretrained",
    "generate",
    "hf_parameter_name",
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
