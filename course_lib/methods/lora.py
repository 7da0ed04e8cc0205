"""LoRA: low-rank adaptation of frozen linear layers (Hu et al., ICLR 2022, arXiv 2106.09685).

A pretrained weight W₀ (out × in) stays frozen; the layer learns a low-rank change instead:

    h = W₀ x + b + (α / r) · B A x        A: r × in (Kaiming-uniform), B: out × r (zeros)

B = 0 at the start, so step 0 computes exactly the base model. Only A and B train:
r · (in + out) numbers instead of in · out. After training, B A merges into W₀ (``merge_lora``),
so inference costs nothing extra; ``unmerge_lora`` takes it out again.

    from course_lib.methods.lora import LoRA, inject_lora, merge_lora, save_adapter, load_adapter
    names = inject_lora(model, r=8, alpha=16, targets=("c_attn",))   # the layers it adapted
    compare(base, task, [Full(), LoRA()])                              # as a method of the harness

Everything follows peft's ``LoraConfig`` so that the two agree number for number (tested in
tests/test_lora_peft.py): A initialised like ``nn.Linear`` (Kaiming-uniform with a = √5, bound
1/√in), B zeros, scale α/r, dropout on the input of the low-rank path only, and ``targets``
matched like peft's ``target_modules`` list (a module whose name is, or ends with ".", a target).
Adapters are saved in peft's own format (``adapter_model.safetensors`` + ``adapter_config.json``),
with the Hugging Face GPT-2 names of the layers, so peft loads the course's adapters and the
course loads peft's. On a CUDA device the forward and backward pass go through the fused
``course_lib.kernels.lora_linear`` function; elsewhere (and with dropout while training) through
plain PyTorch, the same arithmetic.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from ..finetune.layout import layout_of
from ..finetune.method import Method
from ..i18n import CourseFileError, CourseValueError
from ..kernels.lora_linear import lora_linear_triton
from ..model.gpt import GPT
from ..model.hf import course_parameter_name, hf_parameter_name
from . import peft_messages  # noqa: F401  (registers the texts of the errors below)
from .peft_groups import DEFAULT_LR_SCALE, faster_groups

ADAPTER_WEIGHTS = "adapter_model.safetensors"
ADAPTER_CONFIG = "adapter_config.json"
PEFT_PREFIX = "base_model.model."  # where peft's PeftModel keeps the wrapped GPT2LMHeadModel


class LoRALinear(nn.Module):
    """A frozen linear layer plus a trainable low-rank update (see the module's docstring).

    It keeps the wrapped layer's own ``weight`` and ``bias`` Parameters under the same names,
    so a state dict, an optimizer or ``to_hf`` (once merged and unloaded) see the base weights
    where they were; the new parameters are ``lora_A`` (r × in) and ``lora_B`` (out × r).
    """

    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16, dropout: float = 0.0):
        super().__init__()
        if isinstance(r, bool) or not isinstance(r, int) or r < 1:
            raise CourseValueError("lora_bad_rank", value=r)
        if not 0.0 <= float(dropout) < 1.0:
            raise CourseValueError("lora_bad_dropout", value=dropout)
        self.in_features, self.out_features = base.in_features, base.out_features
        self.weight, self.bias = base.weight, base.bias  # the same tensors, frozen by the caller
        self.r, self.alpha, self.scale = r, alpha, alpha / r
        factory = {"device": base.weight.device, "dtype": base.weight.dtype}
        self.lora_A = nn.Parameter(torch.empty(r, self.in_features, **factory))
        self.lora_B = nn.Parameter(torch.zeros(self.out_features, r, **factory))
        # nn.Linear's own initialisation (and peft's): Kaiming-uniform with a = √5, i.e. U(±1/√in).
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        self.merged = False

    def delta_weight(self) -> torch.Tensor:
        """(α/r) · B A, the (out × in) change this layer adds to W₀."""
        return self.scale * (self.lora_B @ self.lora_A)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.merged:  # B A is inside the weight already
            return F.linear(x, self.weight, self.bias)
        if x.is_cuda and not (self.training and isinstance(self.dropout, nn.Dropout)):
            # The fused path: base product and low-rank update in one output buffer.
            return lora_linear_triton(x, self.weight, self.bias, self.lora_A, self.lora_B, self.scale)
        return F.linear(x, self.weight, self.bias) + self.scale * F.linear(
            F.linear(self.dropout(x), self.lora_A), self.lora_B)

    @torch.no_grad()
    def merge(self) -> None:
        if not self.merged:
            self.weight += self.delta_weight().to(self.weight.dtype)
            self.merged = True

    @torch.no_grad()
    def unmerge(self) -> None:
        if self.merged:
            self.weight -= self.delta_weight().to(self.weight.dtype)
            self.merged = False

    def extra_repr(self) -> str:
        return (f"in_features={self.in_features}, out_features={self.out_features}, r={self.r}, "
                f"alpha={self.alpha}, merged={self.merged}")


def matches(name: str, targets) -> bool:
    """peft's rule for a list of ``target_modules``: the name is a target or ends with "." + a target."""
    return any(name == t or name.endswith("." + t) for t in targets)


def lora_layers(model: nn.Module) -> dict[str, LoRALinear]:
    """Every LoRA layer of ``model`` by module name."""
    return {name: m for name, m in model.named_modules() if isinstance(m, LoRALinear)}


def inject_lora(model: nn.Module, r: int = 8, alpha: float = 16, dropout: float = 0.0,
                targets=("c_attn",)) -> list[str]:
    """Replace every ``nn.Linear`` of ``model`` whose name matches ``targets`` by a :class:`LoRALinear`.

    Returns the names of the adapted layers. Freezes nothing: :class:`LoRA` (the method) and
    :func:`mark_only_lora_trainable` decide what trains.
    """
    targets = (targets,) if isinstance(targets, str) else tuple(targets)
    existing = lora_layers(model)
    if existing:
        raise CourseValueError("lora_already_injected", names=", ".join(list(existing)[:3]))
    linears = {name: m for name, m in model.named_modules() if type(m) is nn.Linear}
    chosen = [name for name in linears if matches(name, targets)]
    if not chosen:
        known = sorted({name.split(".")[-1] for name in linears})
        raise CourseValueError("lora_no_targets", kind=type(model).__name__, targets=targets, known=", ".join(known))
    for name in chosen:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, LoRALinear(linears[name], r=r, alpha=alpha, dropout=dropout))
    return chosen


def _require_lora(model: nn.Module) -> dict[str, LoRALinear]:
    layers = lora_layers(model)
    if not layers:
        raise CourseValueError("lora_none_found")
    return layers


def merge_lora(model: nn.Module, unload: bool = False) -> nn.Module:
    """Add each layer's (α/r)·B A into its weight; with ``unload``, put plain ``nn.Linear`` layers back
    (the model is then the same architecture as before injection, e.g. ready for ``to_hf``)."""
    for name, layer in _require_lora(model).items():
        layer.merge()
        if unload:
            linear = nn.Linear(layer.in_features, layer.out_features, bias=layer.bias is not None, device="meta")
            linear.weight, linear.bias = layer.weight, layer.bias
            parent_name, _, child = name.rpartition(".")
            setattr(model.get_submodule(parent_name) if parent_name else model, child, linear)
    return model


def unmerge_lora(model: nn.Module) -> nn.Module:
    """Take each layer's (α/r)·B A out of its weight again: back to W₀ plus a separate low-rank path."""
    for layer in _require_lora(model).values():
        layer.unmerge()
    return model


def lora_parameters(model: nn.Module) -> list[nn.Parameter]:
    """The A and B factors of every LoRA layer."""
    return [p for layer in lora_layers(model).values() for p in (layer.lora_A, layer.lora_B)]


def mark_only_lora_trainable(model: nn.Module, also=()) -> int:
    """Freeze everything except the LoRA factors (and the modules named in ``also``); return how many train."""
    model.requires_grad_(False)
    for p in lora_parameters(model):
        p.requires_grad_(True)
    for name in also:
        model.get_submodule(name).requires_grad_(True)
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# ------------------------------------------------------------------ adapters on disk, peft's format
def _gpt_prefix(model: nn.Module) -> str:
    """The module path of the course GPT inside ``model`` ("" for a GPT, "backbone." for a classifier)."""
    for name, module in model.named_modules():
        if isinstance(module, GPT):
            return name + "." if name else ""
    return ""


def save_adapter(model: nn.Module, folder) -> Path:
    """Write only the LoRA factors of ``model`` to ``folder`` in peft's format (see the module docstring).

    The layers are named as in the Hugging Face export (``transformer.h.0.attn.c_attn``), so
    ``PeftModel.from_pretrained(to_hf(gpt), folder)`` loads them. The weights are saved unmerged.
    """
    from safetensors.torch import save_file

    layers = _require_lora(model)
    prefix = _gpt_prefix(model)
    tensors = {}
    for name, layer in layers.items():
        hf_name = PEFT_PREFIX + hf_parameter_name(name.removeprefix(prefix))
        tensors[f"{hf_name}.lora_A.weight"] = layer.lora_A.detach().cpu().contiguous()
        tensors[f"{hf_name}.lora_B.weight"] = layer.lora_B.detach().cpu().contiguous()
    first = next(iter(layers.values()))
    targets = sorted({name.removeprefix(prefix) for name in layers})
    config = {
        "peft_type": "LORA", "task_type": None, "base_model_name_or_path": None, "inference_mode": True,
        "r": first.r, "lora_alpha": first.alpha,
        "lora_dropout": first.dropout.p if isinstance(first.dropout, nn.Dropout) else 0.0,
        # Full names, which peft's suffix rule matches exactly: the adapter names its own layers.
        "target_modules": [hf_parameter_name(t).removeprefix("transformer.") for t in targets],
        "fan_in_fan_out": True,  # GPT-2's Conv1D stores (in, out): peft transposes B A to merge
        "bias": "none", "init_lora_weights": True,
    }
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(folder / ADAPTER_WEIGHTS))
    (folder / ADAPTER_CONFIG).write_text(json.dumps(config, indent=2))
    return folder


def load_adapter(model: nn.Module, folder) -> list[str]:
    """Load LoRA factors saved by :func:`save_adapter` or by peft (``save_pretrained``) into ``model``.

    Injects the LoRA layers named in the file first when ``model`` has none. Returns their names.
    """
    from safetensors.torch import load_file

    folder = Path(folder)
    if not (folder / ADAPTER_WEIGHTS).is_file() or not (folder / ADAPTER_CONFIG).is_file():
        raise CourseFileError("lora_adapter_missing", folder=str(folder))
    config = json.loads((folder / ADAPTER_CONFIG).read_text())
    if config.get("peft_type") != "LORA":
        raise CourseValueError("lora_adapter_mismatch", folder=str(folder),
                               detail=f"peft_type {config.get('peft_type')!r}, not 'LORA'")
    tensors = load_file(str(folder / ADAPTER_WEIGHTS))
    prefix = _gpt_prefix(model)
    factors: dict[str, dict[str, torch.Tensor]] = {}
    for key, tensor in tensors.items():
        stem, _, factor = key.removeprefix(PEFT_PREFIX).removesuffix(".weight").rpartition(".")
        stem = stem.removesuffix(".default")  # older peft versions kept the adapter's name in the key
        factors.setdefault(prefix + course_parameter_name(stem), {})[factor] = tensor
    if not lora_layers(model):
        r, alpha = int(config["r"]), config["lora_alpha"]
        inject_lora(model, r=r, alpha=alpha, dropout=float(config.get("lora_dropout") or 0.0),
                    targets=tuple(name.removeprefix(prefix) for name in factors))
    layers = lora_layers(model)
    unknown = sorted(set(factors) - set(layers))
    if unknown:
        raise CourseValueError("lora_adapter_mismatch", folder=str(folder),
                               detail=f"no LoRA layer here for {', '.join(unknown[:3])}")
    with torch.no_grad():
        for name, pair in factors.items():
            layer = layers[name]
            if tuple(pair["lora_A"].shape) != tuple(layer.lora_A.shape):
                raise CourseValueError("lora_adapter_mismatch", folder=str(folder),
                                       detail=f"{name}: A is {tuple(pair['lora_A'].shape)}, "
                                              f"the layer needs {tuple(layer.lora_A.shape)}")
            was_merged = layer.merged
            layer.unmerge()
            layer.lora_A.copy_(pair["lora_A"])
            layer.lora_B.copy_(pair["lora_B"])
            layer.scale = config["lora_alpha"] / layer.r
            if was_merged:
                layer.merge()
    return sorted(factors)


# ------------------------------------------------------------------------- the method of the harness
def count_lora_parameters(model: nn.Module, r: int, targets) -> int:
    """How many numbers LoRA of rank ``r`` on ``targets`` would train: r · (in + out) per matched layer."""
    targets = (targets,) if isinstance(targets, str) else tuple(targets)
    return sum(r * (m.in_features + m.out_features) for name, m in model.named_modules()
               if isinstance(m, (nn.Linear, LoRALinear)) and matches(name, targets))


class LoRA(Method):
    """LoRA in the harness: adapters on ``targets``, only they and the new head train; merged at the end.

    r, alpha, dropout   rank, scale numerator (scale = alpha / r) and input dropout of the low-rank path
    targets             module-name patterns (peft's suffix rule): "c_attn", "attn.c_proj", "c_fc", ...
    lr_scale            the factors A and B learn at ``lr_scale`` × the harness's rate, the head at 1 ×
                        (why: ``course_lib.methods.peft_groups``)
    """

    def __init__(self, r: int = 8, alpha: float = 16, dropout: float = 0.0, targets=("c_attn",),
                 lr_scale: float = DEFAULT_LR_SCALE):
        self.r, self.alpha, self.dropout, self.lr_scale = r, alpha, dropout, lr_scale
        self.targets = (targets,) if isinstance(targets, str) else tuple(targets)
        suffix = "" if self.targets == ("c_attn",) else ", " + "+".join(self.targets)
        self.name = f"LoRA(r={r}{suffix})"

    def setup(self, model, task, config) -> list:
        inject_lora(model, r=self.r, alpha=self.alpha, dropout=self.dropout, targets=self.targets)
        mark_only_lora_trainable(model, also=layout_of(model).head)
        return []

    def param_groups(self, model, config) -> list[dict]:
        return faster_groups(model, lora_parameters(model), config, self.lr_scale)

    def teardown(self, model) -> None:
        merge_lora(model)  # inference at the base model's cost: B A now lives inside W₀
