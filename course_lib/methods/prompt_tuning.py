"""Prompt tuning: a learned soft prompt in front of the input (Lester, Al-Rfou & Constant, EMNLP 2021,
arXiv 2104.08691).

p learned vectors P (p × d), the "virtual tokens", are put in front of the token embeddings of every
input; the model is frozen, only P trains (p · d numbers):

    inputs_embeds = [P ; wte(x₁) … wte(x_T)]        targets = [-100 × p ; y₁ … y_T]

The loss ignores the p prompt positions (they have no next token to predict), and the text's
positions, which now sit p places later, read the prompt through attention. This is not a
hand-written prompt: P lives in the embedding space and need not be close to any word.

Initialisation (``init``), as Lester et al. compared them (their §3.2):
  "random"  uniform in [-0.5, 0.5];
  "vocab"   embeddings of tokens drawn from the 5,000 first ids (their "sampled vocabulary" took the
            5,000 most frequent tokens; the course BPE numbers its merges roughly by frequency);
  "labels"  the embedding of each class label's string (the mean when a label is several tokens),
            the remaining slots from the vocabulary, as theirs.

The prompt is put on a course GPT with two hooks (no copy of the model, no new forward pass):
``SoftPrompt.attach(gpt)`` prepends it and pads the targets, and cuts the prompt's positions off
the outputs, so a classifier, the loss and the forgetting measurement see exactly the text's
positions. Equal to peft's ``PromptTuningConfig`` on the Hugging Face export for the same P
(tests/test_prompt_tuning_peft.py).
"""

from __future__ import annotations

import torch
from torch import nn

from ..data.targets import IGNORE_INDEX
from ..finetune.layout import layout_of
from ..finetune.method import Method
from ..i18n import CourseTypeError, CourseValueError
from ..model.gpt import GPT
from . import peft_messages  # noqa: F401  (registers the texts of the errors below)
from .peft_groups import DEFAULT_LR_SCALE, faster_groups

INITS = ("random", "vocab", "labels")
SAMPLED_VOCAB = 5000  # Lester et al.: the 5,000 most common tokens
RANDOM_RANGE = 0.5  # Lester et al.: uniform in [-0.5, 0.5]


def init_prompt(gpt: GPT, n_virtual: int, init: str = "vocab", label_ids=None, seed: int = 0) -> torch.Tensor:
    """The initial soft prompt (n_virtual × d) by one of :data:`INITS` (see the module's docstring).

    ``label_ids``: for "labels", one list of token ids per class label.
    """
    if isinstance(n_virtual, bool) or not isinstance(n_virtual, int) or n_virtual < 1:
        raise CourseValueError("prompt_bad_length", value=n_virtual)
    if init not in INITS:
        raise CourseValueError("prompt_bad_init", value=init)
    table = gpt.wte.weight.detach()
    generator = torch.Generator().manual_seed(seed)
    if init == "random":
        prompt = (torch.rand(n_virtual, table.shape[1], generator=generator) * 2 - 1) * RANDOM_RANGE
        return prompt.to(device=table.device, dtype=table.dtype)
    ids = torch.randint(0, min(SAMPLED_VOCAB, table.shape[0]), (n_virtual,), generator=generator)
    prompt = table[ids.to(table.device)].clone()
    if init == "labels":
        for slot, label in enumerate(list(label_ids or [])[:n_virtual]):
            prompt[slot] = table[torch.as_tensor(label, device=table.device)].mean(dim=0)
    return prompt


class SoftPrompt(nn.Module):
    """The trainable prompt ``weight`` (p × d) and the hooks that put it in front of a GPT's input."""

    def __init__(self, initial: torch.Tensor):
        super().__init__()
        self.weight = nn.Parameter(initial.detach().clone())
        self._handles: list = []

    @property
    def n_virtual(self) -> int:
        return self.weight.shape[0]

    def prepend(self, embeds: torch.Tensor) -> torch.Tensor:
        """[P ; embeds] for every row of ``embeds`` (B, T, d) → (B, p + T, d)."""
        return torch.cat([self.weight.expand(embeds.shape[0], -1, -1).to(embeds.dtype), embeds], dim=1)

    def attach(self, gpt: GPT) -> None:
        """From now on ``gpt(idx, targets)`` reads [P ; wte(idx)] and returns outputs for idx's positions only."""
        if not isinstance(gpt, GPT):
            raise CourseTypeError("prompt_needs_course_gpt", kind=type(gpt).__name__)
        self.remove()
        self._handles = [gpt.register_forward_pre_hook(self._before, with_kwargs=True),
                         gpt.register_forward_hook(self._after)]

    def remove(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles = []

    def _before(self, gpt: GPT, args, kwargs):
        idx = args[0] if args else kwargs.pop("idx", None)
        targets = args[1] if len(args) > 1 else kwargs.pop("targets", None)
        if idx is None:  # already embeddings: the caller builds its own input
            return None
        total = self.n_virtual + idx.shape[1]
        if total > gpt.config.block_size:
            raise CourseValueError("prompt_too_long", n_virtual=self.n_virtual, length=idx.shape[1], total=total,
                                   block_size=gpt.config.block_size)
        kwargs["inputs_embeds"] = self.prepend(gpt.embed(idx))
        if targets is not None:
            # The prompt's positions predict nothing: -100 there, which the loss skips.
            pad = torch.full((targets.shape[0], self.n_virtual), IGNORE_INDEX, dtype=targets.dtype,
                             device=targets.device)
            kwargs["targets"] = torch.cat([pad, targets], dim=1)
        return (), kwargs

    def _after(self, gpt: GPT, args, output):
        p = self.n_virtual
        output.logits = None if output.logits is None else output.logits[:, p:]
        output.last_hidden_state = output.last_hidden_state[:, p:]
        if output.hidden_states is not None:
            output.hidden_states = tuple(h[:, p:] for h in output.hidden_states)
        if output.attentions is not None:
            output.attentions = tuple(a[..., p:, p:] for a in output.attentions)
        if output.loss is not None and output.loss.dim() == 2:  # reduction="none": one value per position
            output.loss = output.loss[:, p:]
        return output


class PromptTuning(Method):
    """Prompt tuning in the harness: a soft prompt of ``n_virtual`` vectors and the new head train.

    n_virtual  p, the number of virtual tokens (Lester et al.'s default: 100; the context is short here)
    init       "random" | "vocab" | "labels" (see :func:`init_prompt`)
    lr_scale   the prompt learns at ``lr_scale`` × the harness's rate, the head at 1 × (Lester et al.
               trained prompts at 0.3 with Adafactor; see ``course_lib.methods.peft_groups``)
    tokenizer  for init="labels": turns the label strings into ids (default: the shipped base model's)
    """

    def __init__(self, n_virtual: int = 20, init: str = "vocab", lr_scale: float = DEFAULT_LR_SCALE,
                 tokenizer=None):
        if init not in INITS:
            raise CourseValueError("prompt_bad_init", value=init)
        self.n_virtual, self.init, self.lr_scale = n_virtual, init, lr_scale
        self._tokenizer = tokenizer  # private: not part of settings(), so the cache key stays stable
        self.name = f"prompt(p={n_virtual})" if init == "vocab" else f"prompt(p={n_virtual}, {init})"

    def setup(self, model, task, config) -> list:
        gpt = next((m for m in model.modules() if isinstance(m, GPT)), None)
        if gpt is None:
            raise CourseTypeError("prompt_needs_course_gpt", kind=type(model).__name__)
        label_ids = None
        if self.init == "labels":
            tokenizer = self._tokenizer or _shipped_tokenizer()
            label_ids = [tokenizer.encode(str(label)) for label in task.labels]
        model.soft_prompt = SoftPrompt(init_prompt(gpt, self.n_virtual, self.init, label_ids,
                                                   seed=int(torch.initial_seed()) % 2**31))
        model.soft_prompt.attach(gpt)
        model.requires_grad_(False)
        model.soft_prompt.requires_grad_(True)
        for name in layout_of(model).head:
            model.get_submodule(name).requires_grad_(True)
        return []

    def param_groups(self, model, config) -> list[dict]:
        return faster_groups(model, [model.soft_prompt.weight], config, self.lr_scale)

    def teardown(self, model) -> None:
        # Off again: the harness then scores the base model's forgetting, which must be exactly 0.
        model.soft_prompt.remove()


_TOKENIZERS: dict = {}


def _shipped_tokenizer():
    """The shipped base model's tokenizer (the harness gives ``setup`` the model and the task only)."""
    if "base" not in _TOKENIZERS:
        from ..assets import load_base_model

        _TOKENIZERS["base"] = load_base_model().tokenizer
    return _TOKENIZERS["base"]
