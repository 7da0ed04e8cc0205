"""A GPT in the shape of GPT-2, small enough to read in one sitting.

    token ids ─► token embedding + position embedding ─► n_layer × Block ─► LayerNorm ─► logits
    Block:  x = x + attention(LayerNorm(x));   x = x + MLP(LayerNorm(x))

The choices are GPT-2's (Radford et al. 2019), so that a trained model converts one-to-one to
Hugging Face's ``GPT2LMHeadModel`` (see :mod:`course_lib.model.hf`):
  * learned position embeddings, one per position up to ``block_size``;
  * pre-norm blocks: LayerNorm *before* attention and the MLP, and one more at the end, which
    keeps the residual stream unnormalised and makes deep stacks train stably;
  * an MLP four times wider than the stream, with GELU in its tanh approximation ("gelu_new";
    ``GPTConfig(activation="gelu")`` picks the exact GELU, which Hugging Face also computes);
  * the output layer reuses the token-embedding matrix (weight tying, Press & Wolf 2017);
  * GPT-2's initialisation: N(0, 0.02), with the projections that write into the residual
    stream scaled by 1/sqrt(2·n_layer), since 2·n_layer of them add up along the stream.
Submodule names (``attn.c_attn``, ``mlp.c_fc``, ``c_proj``, ``ln_1`` …) follow GPT-2's
checkpoints, so a LoRA or freezing rule written for one reads the same on the other.

Everything here is plain PyTorch, in the manner of nanoGPT. Fused Triton kernels are not part of
the model: :func:`course_lib.kernels.apply` swaps them in afterwards, module by module, on a
device that can run them (the LayerNorms, the attention core, the MLP, the loss).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import torch
import torch.nn.functional as F
from torch import nn

from ..i18n import CourseValueError
from .config import ACTIVATIONS, GPTConfig
from .inputs import check_inputs_embeds, check_length, check_targets, check_token_ids
from .loss import LMLoss, lm_loss

INIT_STD = 0.02  # GPT-2's initializer_range


@dataclass
class GPTOutput:
    """What :meth:`GPT.forward` returns.

    logits             (B, T, vocab_size): a score for every possible next token at each position
                       (None only when asked for with ``return_logits=False``)
    loss               the loss against ``targets`` in the requested reduction, else None
    last_hidden_state  (B, T, n_embd): the final LayerNorm's output, the features the output
                       layer reads (what a linear probe trains on)
    hidden_states      with ``return_hidden=True``: n_layer + 1 tensors (B, T, n_embd) — the
                       embeddings, then each block's output, the last one after the final
                       LayerNorm (the same convention as Hugging Face)
    attentions         with ``return_attention=True``: one (B, n_head, T, T) tensor per layer,
                       row t holding how much position t attends to each position ≤ t
    """

    logits: torch.Tensor | None
    loss: torch.Tensor | None = None
    last_hidden_state: torch.Tensor | None = None
    hidden_states: tuple[torch.Tensor, ...] | None = None
    attentions: tuple[torch.Tensor, ...] | None = None


class LayerNorm(nn.Module):
    """LayerNorm with an optional bias (``nn.LayerNorm`` cannot drop only the bias)."""

    def __init__(self, width: int, bias: bool, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(width))
        self.bias = nn.Parameter(torch.zeros(width)) if bias else None
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, self.eps)


def explicit_causal_attention(q, k, v, dropout_p: float = 0.0):
    """Causal attention written out, returning the attention weights too.

    softmax(q kᵀ / sqrt(d)) v, with every score above the diagonal (a future position) set to
    -inf so that its weight is exactly 0. The fused path never forms this (T × T) matrix; this
    one does, which is what an attention plot or an attention-guiding loss needs. The weights
    returned are those before dropout.
    """
    T = q.shape[-2]
    scores = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])
    future = torch.ones(T, T, dtype=torch.bool, device=q.device).triu(diagonal=1)
    weights = scores.masked_fill(future, float("-inf")).softmax(dim=-1)
    return F.dropout(weights, p=dropout_p) @ v, weights


class CausalAttention(nn.Module):
    """The attention core on (B, n_head, T, head_dim) tensors: PyTorch's fused
    ``scaled_dot_product_attention`` with the causal mask, which never stores the (T × T) weights.

    A module of its own (without parameters) so that a fused kernel can take its place.
    """

    def forward(self, q, k, v, dropout_p: float = 0.0) -> torch.Tensor:
        return F.scaled_dot_product_attention(q, k, v, dropout_p=dropout_p, is_causal=True)


class CausalSelfAttention(nn.Module):
    """Multi-head self-attention in which each position sees only itself and earlier positions."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.n_head = config.n_head
        self.dropout = config.dropout
        # Query, key and value of every head come out of one matrix multiply (d → 3d).
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)
        self.attend = CausalAttention()
        # Mixes the heads' outputs and writes the result back into the residual stream.
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.resid_dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, return_attention: bool = False):
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split(C, dim=2)
        # (B, T, C) → (B, n_head, T, head_dim): each head attends on its own slice of the features.
        q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))
        dropout_p = self.dropout if self.training else 0.0
        if return_attention:
            y, weights = explicit_causal_attention(q, k, v, dropout_p)
        else:
            y, weights = self.attend(q, k, v, dropout_p), None
        y = y.transpose(1, 2).reshape(B, T, C)  # put the heads side by side again
        return self.resid_dropout(self.c_proj(y)), weights


class MLP(nn.Module):
    """Position-wise feed-forward layer: widen to 4·n_embd, GELU, project back."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        # GPT-2's tanh approximation ("gelu_new") by default; config.activation = "gelu" is exact.
        self.act = nn.GELU(approximate=ACTIVATIONS[config.activation])
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.c_proj(self.act(self.c_fc(x))))


class Block(nn.Module):
    """One transformer block: attention, then MLP, each read through a LayerNorm and added back."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.ln_1 = LayerNorm(config.n_embd, config.bias, config.layer_norm_eps)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = LayerNorm(config.n_embd, config.bias, config.layer_norm_eps)
        self.mlp = MLP(config)

    def forward(self, x: torch.Tensor, return_attention: bool = False):
        attended, weights = self.attn(self.ln_1(x), return_attention)
        x = x + attended  # the residual stream: each sublayer adds to it, nothing overwrites it
        x = x + self.mlp(self.ln_2(x))
        return x, weights


class GPT(nn.Module):
    """A GPT-2-shaped language model: ``GPT(config)``."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.config = config
        self.wte = nn.Embedding(config.vocab_size, config.n_embd)  # token embedding
        self.wpe = nn.Embedding(config.block_size, config.n_embd)  # position embedding
        self.drop = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layer))
        self.ln_f = LayerNorm(config.n_embd, config.bias, config.layer_norm_eps)
        # The output layer reuses the token-embedding matrix (weight tying): logits = h · wteᵀ.
        # It is still an nn.Linear, so that hooks on every linear layer (probes, Opacus's
        # per-example gradients) see it; made on the meta device, it draws no random numbers.
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False, device="meta")
        self.lm_head.weight = self.wte.weight
        # One tensor, one entry: checkpoints (safetensors refuses shared tensors) and Hugging
        # Face's GPT-2 keep only the token embedding.
        self.register_state_dict_post_hook(_drop_tied_head)
        self.register_load_state_dict_post_hook(_tied_head_needs_no_entry)
        self.lm_loss = LMLoss()
        self.check_inputs = True  # set False to skip the input checks (e.g. when benchmarking)
        self.reset_parameters()

    # --- set-up ------------------------------------------------------------------------

    def reset_parameters(self) -> None:
        """GPT-2's initialisation (Radford et al. 2019, §2.3; as in Hugging Face's GPT-2)."""
        residual_std = INIT_STD / math.sqrt(2 * self.config.n_layer)
        for name, module in self.named_modules():
            if module is self.lm_head:
                continue  # its weight is the token embedding's, initialised below
            if isinstance(module, nn.Linear):
                # c_proj layers add into the residual stream; 2·n_layer of them sum up along it.
                std = residual_std if name.endswith("c_proj") else INIT_STD
                nn.init.normal_(module.weight, mean=0.0, std=std)
                if module.bias is not None:
                    nn.init.zeros_(module.bias)
            elif isinstance(module, nn.Embedding):
                nn.init.normal_(module.weight, mean=0.0, std=INIT_STD)
            elif isinstance(module, LayerNorm):
                nn.init.ones_(module.weight)
                if module.bias is not None:
                    nn.init.zeros_(module.bias)

    def crop_block_size(self, block_size: int) -> None:
        """Shorten the context to ``block_size`` positions, keeping the first position embeddings.

        A pretrained GPT-2 reads 1,024 tokens; a CPU lesson may want 128. Positions are learned
        independently, so the first 128 rows of the table are exactly what a shorter model needs.
        Crop before making the optimizer: the position table becomes a new parameter.
        """
        if isinstance(block_size, bool) or not isinstance(block_size, int) or block_size < 1:
            raise CourseValueError("model_config_not_positive", name="block_size", value=block_size)
        if block_size > self.config.block_size:
            raise CourseValueError(
                "model_cannot_grow_context", value=block_size, block_size=self.config.block_size
            )
        self.config = replace(self.config, block_size=block_size)
        self.wpe.weight = nn.Parameter(self.wpe.weight.detach()[:block_size].clone())
        self.wpe.num_embeddings = block_size

    # --- the forward pass ---------------------------------------------------------------

    def embed(self, idx: torch.Tensor) -> torch.Tensor:
        """The token embeddings of ``idx`` (B, T) → (B, T, n_embd), without positions.

        Build ``inputs_embeds`` from this: prompt tuning puts learned vectors in front of it,
        adversarial training (ALUM) adds a small perturbation to it.
        """
        if self.check_inputs:
            check_token_ids(idx, self.config.vocab_size, self.config.block_size)
        return self.wte(idx)

    def forward(
        self,
        idx: torch.Tensor | None = None,
        targets: torch.Tensor | None = None,
        *,
        inputs_embeds: torch.Tensor | None = None,
        return_attention: bool = False,
        return_hidden: bool = False,
        reduction: str = "mean",
        return_logits: bool = True,
    ) -> GPTOutput:
        """Run the model on token ids ``idx`` (B, T) or on ``inputs_embeds`` (B, T, n_embd).

        ``targets`` (B, T) are the next tokens at the same positions: ``targets[:, t]`` should
        follow ``idx[:, : t + 1]``, i.e. ``targets = ids[:, 1:]`` for ``idx = ids[:, :-1]``.
        Positions with target -100 do not count. ``reduction`` is passed to :func:`lm_loss`
        ("mean", "sum", "none" per position, "per_example").
        Position embeddings are added to ``inputs_embeds`` like to token embeddings.

        ``return_logits=False``: only the loss is wanted, so ``logits`` comes back None and the
        loss may reuse the logits' memory (the fused cross-entropy of ``course_lib.kernels``
        writes the gradient over them, Liger-Kernel's trick). By default the logits stay readable.
        Without ``targets``, ``return_logits=False`` skips the output layer altogether: only
        ``last_hidden_state`` (and the other requested states) come back.
        """
        if (idx is None) == (inputs_embeds is None):
            given = "both" if idx is not None else "neither"
            raise CourseValueError("model_idx_or_embeds", given=given)
        x = self.embed(idx) if inputs_embeds is None else inputs_embeds
        if self.check_inputs and inputs_embeds is not None:
            check_inputs_embeds(inputs_embeds, self.config.n_embd, self.config.block_size)
        B, T, _ = x.shape
        if self.check_inputs:
            check_length(T, self.config.block_size)
            if targets is not None:
                check_targets(targets, (B, T))

        hidden, attentions = self.run_blocks(x, return_attention)
        x = hidden[-1]
        logits, loss = None, None
        # Without targets and with return_logits=False only the hidden states are wanted (a
        # classifier head or a linear probe reads them): skip the (B, T, vocab) output layer.
        if return_logits or targets is not None:
            logits = self.lm_head(x)
        if targets is not None:
            loss = self.lm_loss(logits, targets, reduction, keep_logits=return_logits)
        return GPTOutput(
            logits=logits if return_logits else None,
            loss=loss,
            last_hidden_state=x,
            hidden_states=tuple(hidden) if return_hidden else None,
            attentions=tuple(attentions) if return_attention else None,
        )

    def run_blocks(self, x: torch.Tensor, return_attention: bool = False):
        """Everything between the token embeddings ``x`` (B, T, n_embd) and the output layer.

        Returns the hidden states (embeddings + positions, then each block's output, the last one
        after the final LayerNorm, as in Hugging Face) and each block's attention weights (None
        unless ``return_attention``).
        """
        B, T = x.shape[:2]
        # One row of positions per example (expand: no copy), so that per-example tools such as
        # Opacus see the batch dimension in the position embedding's input too.
        positions = torch.arange(T, device=x.device).expand(B, T)
        x = self.drop(x + self.wpe(positions))
        hidden, attentions = [x], []
        for block in self.blocks:
            x, weights = block(x, return_attention)
            hidden.append(x)
            attentions.append(weights)
        hidden[-1] = self.ln_f(x)
        return hidden, attentions

    def loss(self, logits: torch.Tensor, targets: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
        """Next-token cross-entropy; see :func:`course_lib.model.loss.lm_loss` for ``reduction``.

        Always PyTorch's, so ``logits`` stay intact (they may be read again, e.g. for a
        distillation term).
        """
        return lm_loss(logits, targets, reduction)

    def n_params(self, include_embeddings: bool = True, trainable_only: bool = False) -> int:
        """Parameters of this model (a tied weight counts once).

        ``include_embeddings=False`` leaves out the token and position embeddings (Kaplan's N).
        """
        params = {id(p): p for p in self.parameters() if p.requires_grad or not trainable_only}
        if not include_embeddings:
            params.pop(id(self.wte.weight), None)
            params.pop(id(self.wpe.weight), None)
        return sum(p.numel() for p in params.values())


def _drop_tied_head(module, state_dict, prefix, local_metadata) -> None:
    state_dict.pop(prefix + "lm_head.weight", None)


def _tied_head_needs_no_entry(module, incompatible_keys) -> None:
    # Loading the token embedding has loaded the output layer too: it is the same tensor.
    missing = incompatible_keys.missing_keys
    for key in [k for k in missing if k == "lm_head.weight" or k.endswith(".lm_head.weight")]:
        missing.remove(key)
