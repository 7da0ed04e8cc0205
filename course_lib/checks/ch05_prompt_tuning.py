"""Check for chapter 05: put a soft prompt in front of the input embeddings and mask the loss.

The expectation is written out here from Lester et al. (2021, arXiv 2104.08691, §2): the prompt
P (p × d) goes in front of every row's token embeddings, and the targets get -100 (the index the
cross-entropy skips) at the p new positions, so that the loss counts the text's tokens only. The
gradient must reach P: a detached copy would train nothing.
"""

from __future__ import annotations

import torch

from ..i18n import message, register
from .core import Case, run_check

IGNORE = -100

MESSAGES = register(
    {
        "check_prompt_not_pair": {
            "en": "return a pair (inputs_embeds, targets); got a {kind}",
            "tr": "bir ikili (inputs_embeds, targets) döndürün; gelen: {kind}",
        },
        "check_prompt_shape": {
            "en": "{what} has shape {got}; expected {expected}: p more positions than the text",
            "tr": "{what} biçimi {got}; {expected} bekleniyordu: metinden p konum fazla",
        },
        "check_prompt_not_front": {
            "en": "row {row} does not start with the prompt: P goes in FRONT of the token embeddings, "
                  "in every row of the batch",
            "tr": "{row}. satır prompt ile başlamıyor: P, yığının her satırında token gömmelerinin ÖNÜNE gelir",
        },
        "check_prompt_text_moved": {
            "en": "the text's embeddings are not unchanged after the prompt (positions p … p + T - 1)",
            "tr": "metnin gömmeleri prompt'tan sonra (p … p + T - 1 konumlarında) değişmeden durmuyor",
        },
        "check_prompt_mask": {
            "en": "the targets at the prompt's {p} positions must be -100 (the cross-entropy skips them); got {got}",
            "tr": "prompt'un {p} konumundaki hedefler -100 olmalı (çapraz entropi onları atlar); gelen: {got}",
        },
        "check_prompt_targets_moved": {
            "en": "the text's targets must follow the prompt's positions unchanged",
            "tr": "metnin hedefleri, prompt'un konumlarından sonra değişmeden gelmeli",
        },
        "check_prompt_no_grad": {
            "en": "no gradient reaches the prompt: do not detach it or copy it with torch.tensor(...); "
                  "use torch.cat and P.expand",
            "tr": "prompt'a gradyan ulaşmıyor: onu detach etmeyin ya da torch.tensor(...) ile kopyalamayın; "
                  "torch.cat ve P.expand kullanın",
        },
        "check_prompt_changed_input": {
            "en": "your function changed the targets it was given (in place): build a new tensor",
            "tr": "fonksiyonunuz kendisine verilen hedefleri yerinde değiştirdi: yeni bir tensör oluşturun",
        },
    }
)


def _case(seed: int, batch: int, length: int, width: int, p: int, en: str, tr: str) -> Case:
    generator = torch.Generator().manual_seed(seed)
    embeds = torch.randn(batch, length, width, generator=generator)
    prompt = torch.randn(p, width, generator=generator).requires_grad_(True)
    targets = torch.randint(0, 50, (batch, length), generator=generator)
    original = targets.clone()

    def judge(result) -> str | None:
        if not torch.equal(targets, original):
            return message("check_prompt_changed_input")
        if not (isinstance(result, (tuple, list)) and len(result) == 2):
            return message("check_prompt_not_pair", kind=type(result).__name__)
        out, new_targets = result
        for what, tensor, shape in (("inputs_embeds", out, (batch, p + length, width)),
                                    ("targets", new_targets, (batch, p + length))):
            if not isinstance(tensor, torch.Tensor) or tuple(tensor.shape) != shape:
                got = tuple(tensor.shape) if isinstance(tensor, torch.Tensor) else type(tensor).__name__
                return message("check_prompt_shape", what=what, got=got, expected=shape)
        for row in range(batch):
            if not torch.allclose(out[row, :p].detach(), prompt.detach()):
                return message("check_prompt_not_front", row=row)
        if not torch.allclose(out[:, p:].detach(), embeds):
            return message("check_prompt_text_moved")
        if not bool((new_targets[:, :p] == IGNORE).all()):
            return message("check_prompt_mask", p=p, got=new_targets[0, :p].tolist())
        if not torch.equal(new_targets[:, p:], original):
            return message("check_prompt_targets_moved")
        if not out.requires_grad:
            return message("check_prompt_no_grad")
        (grad,) = torch.autograd.grad(out.sum(), prompt, allow_unused=True)
        if grad is None or not torch.allclose(grad, torch.full_like(prompt, float(batch))):
            return message("check_prompt_no_grad")
        return None

    return Case({"en": en, "tr": tr}, args=(embeds, prompt, targets), judge=judge)


def check_prepend_prompt(student_fn) -> bool:
    """``prepend_prompt(embeds, prompt, targets) -> (inputs_embeds, targets)`` (see the module's docstring)."""
    cases = [
        _case(0, 3, 5, 4, 2, "a batch of 3 texts of 5 tokens, d = 4, a prompt of p = 2",
              "5 token'lık 3 metinden oluşan bir yığın, d = 4, p = 2 uzunlukta bir prompt"),
        _case(1, 1, 7, 6, 1, "one text, p = 1", "tek bir metin, p = 1"),
        _case(2, 2, 3, 4, 6, "a prompt longer than the text: p = 6, T = 3",
              "metinden uzun bir prompt: p = 6, T = 3"),
    ]
    return run_check("check_prepend_prompt", student_fn, cases)
