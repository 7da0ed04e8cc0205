"""Moving a course GPT to and from Hugging Face's ``GPT2LMHeadModel``.

The course GPT has GPT-2's shape and GPT-2's submodule names, so conversion is a renaming with
one twist: GPT-2's checkpoints store their linear layers as ``Conv1D`` with the weight laid out
(in_features, out_features), the transpose of ``nn.Linear``'s (out_features, in_features).
Every ``c_attn``, ``c_proj`` and ``c_fc`` weight is therefore transposed on the way.

Once converted, a course model can use the Hugging Face ecosystem (peft, ``generate``, the Hub),
and a Hugging Face GPT-2 (e.g. OpenAI's ``"gpt2"`` on a machine with a network) can be studied
with the course's tools. Files are safetensors only: nothing here unpickles a file or runs code
from a model repository.
"""

from __future__ import annotations

from pathlib import Path

import torch

from ..i18n import CourseFileError, CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers the model's messages)
from .config import GPTConfig
from .gpt import GPT

# Linear layers that GPT-2 stores as Conv1D, i.e. with transposed weights.
CONV1D_LAYERS = ("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj")
# Written into the Hugging Face config so that a bias-free course model comes back bias-free.
BIAS_FLAG = "course_bias"
# (course GPTConfig field, GPT2Config field, type): the one table both directions read. GPT-2 has
# three dropout rates; the course one is written to all three and read back from resid_pdrop.
CONFIG_FIELDS = (
    ("vocab_size", "vocab_size", int),
    ("block_size", "n_positions", int),
    ("n_embd", "n_embd", int),
    ("n_layer", "n_layer", int),
    ("n_head", "n_head", int),
    ("dropout", "resid_pdrop", float),
    ("layer_norm_eps", "layer_norm_epsilon", float),
)

# Hugging Face's GELU names and the course's: "gelu_pytorch_tanh" is the same tanh GELU as
# "gelu_new", computed by PyTorch's kernel.
HF_ACTIVATIONS = {"gelu_new": "gelu_new", "gelu_pytorch_tanh": "gelu_new", "gelu": "gelu"}


def hf_config(config: GPTConfig):
    """The ``transformers.GPT2Config`` of a course config."""
    from transformers import GPT2Config

    return GPT2Config(
        **{theirs: getattr(config, ours) for ours, theirs, _ in CONFIG_FIELDS},
        n_inner=None,  # 4 · n_embd, as in the course MLP
        activation_function=config.activation,  # the same names: "gelu_new" (tanh) or "gelu" (exact)
        embd_pdrop=config.dropout,
        attn_pdrop=config.dropout,
        tie_word_embeddings=True,
        # GPT-2's defaults (50256) name a token of OpenAI's vocabulary, not of ours.
        bos_token_id=None,
        eos_token_id=None,
        **{BIAS_FLAG: config.bias},
    )


def to_hf(model: GPT):
    """A ``transformers.GPT2LMHeadModel`` with the same weights, on the same device and dtype.

    GPT-2 always has biases; a course model built with ``bias=False`` is written with zero
    biases, which computes exactly the same function.
    """
    from transformers import GPT2LMHeadModel

    weight = model.wte.weight
    hf = GPT2LMHeadModel(hf_config(model.config)).to(device=weight.device, dtype=weight.dtype)
    ours = model.state_dict()
    hf_state = hf.state_dict()
    unknown = sorted(set(ours) - {course_parameter_name(name) for name in hf_state})
    if unknown:
        # e.g. LoRA factors, or a module that wraps a linear layer: GPT-2 has no place for them.
        raise CourseValueError("hf_extra_weights", names=", ".join(unknown[:4]), count=len(unknown))
    converted = {}
    for hf_name, hf_tensor in hf_state.items():
        name = course_parameter_name(hf_name)
        tensor = ours.get(name)
        if tensor is None and hf_name.endswith(".bias"):
            tensor = torch.zeros_like(hf_tensor)  # a bias-free course model: zero bias, same function
        converted[hf_name] = tensor.t() if _is_conv1d_weight(name) else tensor
    hf.load_state_dict(converted, strict=True)
    hf.train(model.training)
    return hf


def from_hf(hf_model_or_name) -> GPT:
    """A course GPT from a ``GPT2LMHeadModel``, a Hub name such as ``"gpt2"``, or a local folder.

    A name is loaded with ``GPT2LMHeadModel.from_pretrained(name, use_safetensors=True)``: a Hub
    name needs a network. The course config has one dropout rate; it takes GPT-2's ``resid_pdrop``.
    """
    from transformers import GPT2LMHeadModel

    if isinstance(hf_model_or_name, (str, Path)):
        hf = GPT2LMHeadModel.from_pretrained(str(hf_model_or_name), use_safetensors=True)
    elif isinstance(hf_model_or_name, GPT2LMHeadModel):
        hf = hf_model_or_name
    else:
        raise CourseTypeError("hf_not_gpt2", type_name=type(hf_model_or_name).__name__)

    hf_state = hf.state_dict()
    has_bias = getattr(hf.config, BIAS_FLAG, True) or any(
        bool(t.any()) for name, t in hf_state.items() if name.endswith(".bias")
    )
    config = course_config(hf.config, bias=has_bias)
    weight = hf.transformer.wte.weight
    model = GPT(config).to(device=weight.device, dtype=weight.dtype)
    converted = {}
    for name in model.state_dict():
        tensor = hf_state[hf_parameter_name(name)]
        converted[name] = tensor.t() if _is_conv1d_weight(name) else tensor
    model.load_state_dict(converted, strict=True)
    model.train(hf.training)
    return model


def course_config(config, bias: bool = True) -> GPTConfig:
    """The course config of a ``GPT2Config``; refuses variants the course GPT does not compute."""
    needed = {
        "activation_function": (tuple(HF_ACTIVATIONS), "GELU, exact or with the tanh approximation"),
        "n_inner": ((None, 4 * config.n_embd), f"n_inner = 4 · n_embd = {4 * config.n_embd}"),
        "scale_attn_weights": ((True,), "attention scores scaled by 1/sqrt(head_dim)"),
        "scale_attn_by_inverse_layer_idx": ((False, None), "no extra per-layer attention scaling"),
        "add_cross_attention": ((False, None), "no cross-attention"),
        "tie_word_embeddings": ((True,), "the output layer tied to the token embedding"),
    }
    for field, (allowed, description) in needed.items():
        value = getattr(config, field, None)
        if value not in allowed:
            raise CourseValueError("hf_unsupported_config", field=field, value=value, needed=description)
    return GPTConfig(
        **{ours: kind(getattr(config, theirs)) for ours, theirs, kind in CONFIG_FIELDS},
        bias=bias,
        activation=HF_ACTIVATIONS[config.activation_function],
    )


def save_pretrained(model: GPT, folder, tokenizer=None) -> Path:
    """Save ``model`` as a Hugging Face GPT-2 in ``folder`` (config.json + model.safetensors).

    ``tokenizer``, if given, must have ``save_pretrained(folder)`` (any Hugging Face tokenizer);
    the folder then opens with ``AutoTokenizer`` and ``GPT2LMHeadModel.from_pretrained`` alike.
    """
    if tokenizer is not None and not hasattr(tokenizer, "save_pretrained"):
        raise CourseTypeError("hf_tokenizer_cannot_save", type_name=type(tokenizer).__name__)
    folder = Path(folder)
    to_hf(model).save_pretrained(folder)
    if tokenizer is not None:
        tokenizer.save_pretrained(folder)
    return folder


def from_pretrained(folder) -> GPT:
    """Load a course GPT from a local folder written by :func:`save_pretrained` (or any GPT-2 folder)."""
    folder = Path(folder)
    if not (folder / "config.json").is_file() or not any(folder.glob("model*.safetensors")):
        raise CourseFileError("hf_folder_missing", folder=str(folder))
    from transformers import GPT2LMHeadModel

    hf = GPT2LMHeadModel.from_pretrained(str(folder), local_files_only=True, use_safetensors=True)
    return from_hf(hf)


def hf_parameter_name(name: str) -> str:
    """The Hugging Face GPT-2 name of a course GPT's parameter or module:
    ``blocks.3.attn.c_attn.weight`` → ``transformer.h.3.attn.c_attn.weight``. Conversion and LoRA's
    peft-format adapter files both rename through it."""
    if name.startswith("blocks."):
        name = "h." + name.removeprefix("blocks.")
    return "transformer." + name


def course_parameter_name(hf_name: str) -> str:
    """The inverse of :func:`hf_parameter_name`; the tied ``lm_head.weight`` is the token embedding
    (``wte.weight``)."""
    if hf_name == "lm_head.weight":
        return "wte.weight"
    name = hf_name.removeprefix("transformer.")
    if name.startswith("h."):
        name = "blocks." + name.removeprefix("h.")
    return name


def _is_conv1d_weight(name: str) -> bool:
    return name.endswith(".weight") and any(f".{layer}." in f".{name}" for layer in CONV1D_LAYERS)
