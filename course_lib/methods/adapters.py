"""Houlsby adapters (Houlsby et al., ICML 2019, arXiv 1902.00751): the first PEFT method.

A small bottleneck network is inserted after each sublayer's output projection, before the
residual addition; only it (and the LayerNorms, as in the paper) trains:

    adapter(h) = h + W_up · GELU(W_down · h)        W_down: m × d, W_up: d × m, m ≪ d

W_up starts at zero, so the adapter starts as the identity and step 0 is the base model (the paper
uses a near-zero initialisation for the same reason). Two adapters per block (after attention and
after the MLP) add 2 · (2·m·d + m + d) parameters per block. Unlike LoRA, an adapter is a new
layer in the path: it cannot be merged away, so it costs a little at inference.
"""

from __future__ import annotations

from torch import nn

from ..finetune.layout import layout_of
from ..finetune.method import Method
from ..model.gpt import GPT, LayerNorm
from .peft_groups import DEFAULT_LR_SCALE, faster_groups


class HoulsbyAdapter(nn.Module):
    """h + up(GELU(down(h))), with ``up`` initialised to zero (the identity at the start)."""

    def __init__(self, width: int, bottleneck: int):
        super().__init__()
        self.down = nn.Linear(width, bottleneck)
        self.act = nn.GELU(approximate="tanh")
        self.up = nn.Linear(bottleneck, width)
        nn.init.zeros_(self.up.weight)
        nn.init.zeros_(self.up.bias)

    def forward(self, h):
        return h + self.up(self.act(self.down(h)))


def add_adapters(gpt: GPT, bottleneck: int = 16) -> list[HoulsbyAdapter]:
    """Put an adapter after every block's attention and MLP output projection; return them."""
    added = []
    for block in gpt.blocks:
        for sublayer in (block.attn, block.mlp):
            adapter = HoulsbyAdapter(gpt.config.n_embd, bottleneck).to(sublayer.c_proj.weight.device)
            sublayer.c_proj = nn.Sequential(sublayer.c_proj, adapter)
            added.append(adapter)
    return added


def adapter_parameter_count(width: int, bottleneck: int, n_layer: int) -> int:
    """2 adapters per block, each 2·m·d weights + m + d biases."""
    return n_layer * 2 * (2 * bottleneck * width + bottleneck + width)


class Adapters(Method):
    """Houlsby adapters in the harness: adapters, LayerNorms and the new head train."""

    def __init__(self, bottleneck: int = 16, lr_scale: float = DEFAULT_LR_SCALE):
        self.bottleneck, self.lr_scale = bottleneck, lr_scale
        self.name = f"adapters(m={bottleneck})"

    def setup(self, model, task, config) -> list:
        gpt = next(m for m in model.modules() if isinstance(m, GPT))
        adapters = add_adapters(gpt, self.bottleneck)
        model.requires_grad_(False)
        for module in [*adapters, *(m for m in gpt.modules() if isinstance(m, LayerNorm))]:
            module.requires_grad_(True)
        for name in layout_of(model).head:
            model.get_submodule(name).requires_grad_(True)
        return []

    def param_groups(self, model, config) -> list[dict]:
        fast = [p for m in model.modules() if isinstance(m, HoulsbyAdapter) for p in m.parameters()]
        return faster_groups(model, fast, config, self.lr_scale)
