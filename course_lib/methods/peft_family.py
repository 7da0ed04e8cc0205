"""The PEFT family through Hugging Face ``peft``, on the HF export of the course GPT.

The course writes LoRA (``lora.py``) and prompt tuning (``prompt_tuning.py``) from scratch; the
other members are used from peft, the reference implementation, so that a chapter can put them
in the same table:

    PeftMethod("ia3")                 IA³ (Liu et al. 2022, arXiv 2205.05638): learned vectors that
                                      rescale the keys, values and the MLP's inner activations
                                      (here also the queries: see IA3_TARGETS)
    PeftMethod("lora", r=8)           peft's own LoRA, to run beside the course's (same numbers)

In the harness, ``setup`` swaps the classifier's backbone for ``get_peft_model(to_hf(gpt), config)``;
the classifier reads the Hugging Face model's hidden states, so everything else (head, loop,
meters) is unchanged. :func:`peft_parameter_counts` counts the trainable parameters of every
member on a model, including those that need virtual tokens (prompt tuning, prefix tuning,
P-tuning), which the classification harness does not run through peft.
"""

from __future__ import annotations

from torch import nn

from ..finetune.layout import layout_of
from ..finetune.method import Method
from ..model.hf import to_hf
from .peft_groups import DEFAULT_LR_SCALE, faster_groups

# GPT-2's layers as peft's IA³ names them: keys and values come out of c_attn; the MLP's c_proj
# is a feed-forward layer (its *input* is rescaled), the rest are rescaled at their output.
# The paper rescales keys and values only (2d per layer); GPT-2 computes q, k and v in ONE layer,
# so peft's vector on c_attn rescales all three (3d): 7d per block with the MLP's 4d.
IA3_TARGETS = ("c_attn", "mlp.c_proj")
IA3_FEEDFORWARD = ("mlp.c_proj",)


def peft_config(kind: str, **options):
    """The peft config of a family member for a GPT-2-shaped model (Conv1D: fan_in_fan_out=True)."""
    import peft

    if kind == "lora":
        values = {"r": 8, "lora_alpha": 16, "target_modules": ["c_attn"], **options}
        values["target_modules"] = list(values["target_modules"])
        return peft.LoraConfig(fan_in_fan_out=True, **values)
    if kind == "ia3":
        return peft.IA3Config(target_modules=list(IA3_TARGETS), feedforward_modules=list(IA3_FEEDFORWARD),
                              fan_in_fan_out=True, **options)
    virtual = {"task_type": "CAUSAL_LM", "num_virtual_tokens": options.pop("n_virtual", 20), **options}
    if kind == "prompt_tuning":
        return peft.PromptTuningConfig(**virtual)
    if kind == "prefix_tuning":
        return peft.PrefixTuningConfig(**virtual)
    if kind == "p_tuning":
        return peft.PromptEncoderConfig(encoder_hidden_size=options.get("encoder_hidden_size", 128), **virtual)
    raise ValueError(f"unknown peft method {kind!r}")


def peft_parameter_counts(gpt: nn.Module, n_virtual: int = 20, r: int = 8) -> dict[str, int]:
    """Trainable parameters of each family member on ``gpt``, counted by peft on its HF export."""
    from peft import get_peft_model

    counts = {}
    for kind, options in (("lora", {"r": r}), ("ia3", {}), ("prompt_tuning", {"n_virtual": n_virtual}),
                          ("prefix_tuning", {"n_virtual": n_virtual}), ("p_tuning", {"n_virtual": n_virtual})):
        model = get_peft_model(to_hf(gpt), peft_config(kind, **options))
        counts[kind] = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return counts


class PeftMethod(Method):
    """A peft method (``"lora"`` or ``"ia3"``) in the harness: the backbone becomes a peft model.

    Its parameters learn at ``lr_scale`` × the harness's rate (the head at 1 ×), as the course's
    :class:`~course_lib.methods.lora.LoRA` does, so the two LoRAs run the same recipe.
    """

    def __init__(self, kind: str = "ia3", lr_scale: float = DEFAULT_LR_SCALE, **options):
        self.kind, self.lr_scale, self.options = kind, lr_scale, dict(options)
        inner = ", ".join(f"{k}={v}" for k, v in self.options.items())
        self.name = f"peft {kind.upper() if kind == 'ia3' else kind}" + (f"({inner})" if inner else "")

    def setup(self, model, task, config) -> list:
        from peft import get_peft_model

        model.backbone = get_peft_model(to_hf(model.backbone), peft_config(self.kind, **self.options))
        for name in layout_of(model).head:  # peft froze the backbone; the new head must train
            model.get_submodule(name).requires_grad_(True)
        return []

    def param_groups(self, model, config) -> list[dict]:
        return faster_groups(model, [p for p in model.backbone.parameters() if p.requires_grad], config,
                             self.lr_scale)
