"""Task heads: a new linear layer on top of a pretrained language model's features.

    classifier = SequenceClassifier(base.model, n_classes=7, pad_id=tokenizer.special_id("<|pad|>"))
    logits = classifier(ids, attention_mask)          # (B, 7)

Which token's features? A causal model's position t has read tokens 0..t only, so the last
real (non-pad) token is the only one that has read the whole text: GPT-style classifiers pool
there (Radford et al. 2018; HF ``GPT2ForSequenceClassification`` does the same). The mean over
the real tokens is the other common choice. Padding goes on the right: then every real token
attends only to real tokens, and the course GPT (which takes no attention mask) gives the same
features for a text however much padding follows it.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)

POOLINGS = ("last", "mean")
HEAD_INIT_STD = 0.02  # GPT-2's initializer_range, as for every other linear layer of the model


def _width(backbone: nn.Module) -> int:
    config = getattr(backbone, "config", None)
    for field in ("n_embd", "hidden_size"):
        if config is not None and hasattr(config, field):
            return int(getattr(config, field))
    raise CourseValueError("finetune_no_hidden_states", kind=type(backbone).__name__)


def last_token_index(attention_mask: torch.Tensor) -> torch.Tensor:
    """Index of the last real token of each row (B,), for right or left padding."""
    positions = torch.arange(attention_mask.shape[1], device=attention_mask.device)
    return (attention_mask.long() * (positions + 1)).argmax(dim=1)


def pool_hidden(hidden: torch.Tensor, attention_mask: torch.Tensor, pool: str = "last") -> torch.Tensor:
    """(B, T, d) features -> (B, d): the last real token's, or the mean over real tokens."""
    mask = attention_mask.to(hidden.dtype)
    empty = (mask.sum(dim=1) == 0).nonzero()
    if len(empty):
        raise CourseValueError("finetune_empty_row", row=int(empty[0, 0]))
    if pool == "last":
        return hidden[torch.arange(hidden.shape[0], device=hidden.device), last_token_index(attention_mask)]
    if pool == "mean":
        return (hidden * mask.unsqueeze(-1)).sum(dim=1) / mask.sum(dim=1, keepdim=True)
    raise CourseValueError("finetune_bad_pool", value=pool)


class SequenceClassifier(nn.Module):
    """A language model (``backbone``) with a new linear layer (``head``) over pooled features.

    backbone   the course GPT, or a Hugging Face causal LM (features from ``output_hidden_states``)
    n_classes  number of labels
    pool       "last" (the last non-pad token) or "mean" (over non-pad tokens)
    pad_id     the padding id, used only when ``forward`` gets no ``attention_mask``
    """

    def __init__(self, backbone: nn.Module, n_classes: int, pool: str = "last", pad_id: int = 0):
        super().__init__()
        if pool not in POOLINGS:
            raise CourseValueError("finetune_bad_pool", value=pool)
        if isinstance(n_classes, bool) or not isinstance(n_classes, int) or n_classes < 2:
            raise CourseValueError("finetune_bad_number", name="n_classes", value=n_classes,
                                   rule="use a whole number >= 2", rule_tr="2 ya da daha büyük bir tam sayı kullanın")
        self.backbone = backbone
        self.pool, self.pad_id, self.n_classes = pool, pad_id, n_classes
        weight = backbone.get_input_embeddings().weight if hasattr(backbone, "get_input_embeddings") \
            else next(backbone.parameters())
        self.head = nn.Linear(_width(backbone), n_classes).to(device=weight.device, dtype=weight.dtype)
        nn.init.normal_(self.head.weight, std=HEAD_INIT_STD)
        nn.init.zeros_(self.head.bias)

    def features(self, ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        """The backbone's final hidden states (B, T, d), after its last LayerNorm."""
        if hasattr(self.backbone, "features") and hasattr(self.backbone, "blocks"):  # the course GPT
            return self.backbone.features(ids)
        output = self.backbone(input_ids=ids, attention_mask=attention_mask, output_hidden_states=True)
        hidden = getattr(output, "hidden_states", None)
        if not hidden:
            raise CourseValueError("finetune_no_hidden_states", kind=type(self.backbone).__name__)
        return hidden[-1]

    def pooled(self, ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        """The (B, d) vector the head reads."""
        if attention_mask is None:
            attention_mask = (ids != self.pad_id).long()
        return pool_hidden(self.features(ids, attention_mask), attention_mask, self.pool)

    def forward(self, ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        return self.head(self.pooled(ids, attention_mask))


def classification_loss(model: nn.Module, batch: dict):
    """``train()``'s loss for a padded batch dict (``input_ids``, ``attention_mask``, ``labels``).

    Per-example cross-entropy (B,) and the logits, which callbacks read as ``state.outputs``.
    """
    logits = model(batch["input_ids"], attention_mask=batch["attention_mask"])
    return F.cross_entropy(logits.float(), batch["labels"], reduction="none"), logits
