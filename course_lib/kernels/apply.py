"""Swap the fused Triton kernels into a built model, in the manner of Liger-Kernel's
``apply_liger_kernel_to_*``: the model stays plain PyTorch, and kernels enter by replacing modules.

    model = GPT(config).to("cuda")
    course_lib.kernels.apply(model)          # {"layer_norm": 5, "attention": 2, "mlp": 2, "cross_entropy": 1}

What is replaced (each new module keeps the old one's parameters and submodule names, so state
dicts, optimizers and checkpoints do not notice):

  op             course GPT                        Hugging Face GPT2LMHeadModel
  layer_norm     every ``LayerNorm``               every ``nn.LayerNorm``
  attention      each block's ``attn.attend``      the model's attention function (AttentionInterface)
  mlp            each block's ``mlp`` (bias+GELU)  each block's ``mlp`` when its GELU is GPT-2's tanh one
  cross_entropy  ``lm_loss``                       (not replaced: Hugging Face computes its own loss)

Call it after moving the model to its device: where the kernels cannot run there (no Triton, a
CPU without ``TRITON_INTERPRET=1``, too old a GPU) or an op's kernel does not handle this model
(attention head size, attention dropout), that op keeps its PyTorch module and ONE notice
(:class:`KernelNotice`, in the learner's language) says which and why. Tests turn the notice into
an error: a kernel test that quietly ran PyTorch would prove nothing.
"""

from __future__ import annotations

import warnings

from torch import nn

from ..i18n import CourseTypeError, message
from ..model.gpt import GPT, CausalAttention, LayerNorm
from . import messages  # noqa: F401  (registers the messages)
from .attention import HEAD_DIMS
from .modules import TritonCausalAttention, TritonLayerNorm, TritonLMLoss, TritonMLP, hf_attention
from .runtime import why_not_here

OPS = ("layer_norm", "attention", "mlp", "cross_entropy")
HF_ATTENTION = "course_triton"  # the name the kernel is registered under in transformers
_TANH_NAMES = ("gelu_new", "gelu_pytorch_tanh")  # the config names of GPT-2's tanh GELU
_TANH_GELUS = ("NewGELUActivation", "GELUTanh", "PytorchGELUTanh")


class KernelNotice(RuntimeWarning):
    """Some op of the model kept its PyTorch version (the message says which and why)."""


def apply(
    model: nn.Module,
    *,
    layer_norm: bool = True,
    attention: bool = True,
    mlp: bool = True,
    cross_entropy: bool = True,
) -> dict[str, int]:
    """Replace the chosen ops of ``model`` (the course GPT or a ``GPT2LMHeadModel``) by fused kernels.

    Returns how many modules of each op were replaced. The model is changed in place.
    """
    wanted = {"layer_norm": layer_norm, "attention": attention, "mlp": mlp, "cross_entropy": cross_entropy}
    hf = _is_hf_gpt2(model)
    if not isinstance(model, GPT) and not hf:
        raise CourseTypeError("kernels_unknown_model", type_name=type(model).__name__)
    if hf:
        wanted["cross_entropy"] = False
    replaced = dict.fromkeys(OPS, 0)
    first = next(model.parameters())
    reason = why_not_here(first.device, first.dtype)
    if reason is not None:
        _notice([op for op in OPS if wanted[op]], message(reason))
        return replaced

    if wanted["attention"]:
        why = _attention_refusal(model.config, hf)
        if why is not None:
            _notice(["attention"], why)
            wanted["attention"] = False
    if wanted["mlp"] and _mlp_activation(model.config, hf) not in _TANH_NAMES:
        # The fused MLP kernel computes GPT-2's tanh GELU; an exact-GELU model keeps PyTorch's.
        _notice(["mlp"], message("kernels_reason_exact_gelu", activation=_mlp_activation(model.config, hf)))
        wanted["mlp"] = False
    for name, module in list(model.named_modules()):
        if wanted["layer_norm"] and _is_layer_norm(module):
            _replace(model, name, TritonLayerNorm(module))
            replaced["layer_norm"] += 1
        elif wanted["attention"] and isinstance(module, CausalAttention):
            _replace(model, name, TritonCausalAttention())
            replaced["attention"] += 1
        elif wanted["mlp"] and _is_gpt2_mlp(module):
            _replace(model, name, TritonMLP(module))
            replaced["mlp"] += 1
    if wanted["attention"] and hf:
        replaced["attention"] = _use_hf_attention(model)
    if wanted["cross_entropy"]:
        model.lm_loss = TritonLMLoss()
        replaced["cross_entropy"] = 1
    return replaced


def _notice(ops: list[str], reason: str) -> None:
    if ops:
        warnings.warn(message("kernels_not_applied", ops=", ".join(ops), reason=reason), KernelNotice, 3)


def _is_hf_gpt2(model) -> bool:
    return type(model).__name__ == "GPT2LMHeadModel" and hasattr(model, "transformer")


def _is_layer_norm(module) -> bool:
    if isinstance(module, LayerNorm):
        return True
    return isinstance(module, nn.LayerNorm) and len(module.normalized_shape) == 1


def _is_gpt2_mlp(module) -> bool:
    """The course MLP, or Hugging Face's GPT2MLP with GPT-2's tanh GELU: c_fc → GELU → c_proj."""
    act = getattr(module, "act", None)
    if not all(hasattr(module, part) for part in ("c_fc", "c_proj", "dropout")) or act is None:
        return False
    if type(module.c_fc).__name__ not in ("Linear", "Conv1D"):  # e.g. a LoRA layer: left alone
        return False
    if isinstance(act, nn.GELU):
        return act.approximate == "tanh"
    return type(act).__name__ in _TANH_GELUS


def _mlp_activation(config, hf: bool) -> str:
    return config.activation_function if hf else config.activation


def _attention_refusal(config, hf: bool) -> str | None:
    head_dim = config.n_embd // config.n_head
    if head_dim not in HEAD_DIMS:
        return message("kernels_reason_head_dim", head_dim=head_dim)
    dropout = config.attn_pdrop if hf else config.dropout
    if dropout > 0:
        return message("kernels_reason_dropout", dropout=dropout)
    return None


def _replace(model: nn.Module, name: str, new: nn.Module) -> None:
    parent_name, _, child = name.rpartition(".")
    parent = model.get_submodule(parent_name) if parent_name else model
    new.train(parent.training)
    setattr(parent, child, new)


def _use_hf_attention(model) -> int:
    """Register the kernel with transformers and make ``model`` use it; returns its attention layers."""
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface, sdpa_mask

    AttentionInterface.register(HF_ATTENTION, hf_attention)
    # SDPA's masks: None for plain causal attention, so the kernel runs; a real mask with padding.
    AttentionMaskInterface.register(HF_ATTENTION, sdpa_mask)
    model.set_attn_implementation(HF_ATTENTION)
    return len(model.transformer.h)
