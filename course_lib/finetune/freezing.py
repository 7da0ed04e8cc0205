"""Which parameters train: the freezing behind the fine-tuning approaches.

* selected layers (Lee, Tang & Lin 2019, arXiv 1911.03090): train only the top k blocks and
  the head -> :func:`freeze_all_but_top_k` or ``Freeze(top_k=...)``;
* transfer learning with a linear probe: train only the new head -> ``Freeze(train_only=["head"])``;
* gradual unfreezing (ULMFiT, arXiv 1801.06146): epoch 0 trains the head, every later epoch
  thaws one more block from the top -> :class:`GradualUnfreezing`.

A frozen parameter has ``requires_grad=False``: it gets no gradient, and AdamW skips it, so it
stays bit-identical (not even weight decay touches it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from torch import nn

from ..i18n import CourseValueError
from ..train import messages  # noqa: F401  (registers the texts these errors use)
from ..train.callbacks import Callback
from ..train.state import TrainState


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def freeze_all_but(model: nn.Module, train_only: Iterable[str]) -> int:
    """Freeze every parameter except those under the named modules/parameters; return how many train."""
    prefixes = list(train_only)
    names = [name for name, _ in model.named_parameters()]
    for prefix in prefixes:
        if not any(_matches(name, prefix) for name in names):
            known = sorted({name.split(".")[0] for name in names})
            raise CourseValueError("train_unknown_module", name=prefix, known=", ".join(known[:12]))
    for name, param in model.named_parameters():
        param.requires_grad_(any(_matches(name, prefix) for prefix in prefixes))
    return count_trainable(model)


def resolve_blocks(model: nn.Module, blocks: str | Sequence[nn.Module]) -> list[nn.Module]:
    """The model's stack of blocks, given as modules or a dotted attribute path (e.g. "transformer.h")."""
    if not isinstance(blocks, str):
        return list(blocks)
    try:
        return list(model.get_submodule(blocks))
    except AttributeError:
        known = [name for name, _ in model.named_children()]
        raise CourseValueError("train_unknown_module", name=blocks, known=", ".join(known)) from None


def freeze_all_but_top_k(
    model: nn.Module, blocks: str | Sequence[nn.Module], k: int, also_train: Iterable[str] = ()
) -> int:
    """Train only the last ``k`` blocks plus the modules named in ``also_train`` (e.g. the head)."""
    stack = resolve_blocks(model, blocks)
    if not 0 <= k <= len(stack):
        raise CourseValueError("train_bad_top_k", value=k, blocks=len(stack))
    freeze_all_but(model, also_train)
    for block in stack[len(stack) - k:]:
        block.requires_grad_(True)
    return count_trainable(model)


def count_trainable(model: nn.Module) -> int:
    """Number of trainable scalars (a tied weight counts once)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


class Freeze(Callback):
    """Freeze once at the start: keep ``train_only`` names, or the ``top_k`` blocks plus ``train_only``."""

    def __init__(self, train_only: Iterable[str] = (), top_k: int | None = None,
                 blocks: str | Sequence[nn.Module] | None = None):
        self.train_only, self.top_k, self.blocks = list(train_only), top_k, blocks

    def on_train_begin(self, state: TrainState) -> None:
        if self.top_k is None:
            freeze_all_but(state.model, self.train_only)
        else:
            freeze_all_but_top_k(state.model, self.blocks, self.top_k, also_train=self.train_only)


class GradualUnfreezing(Callback):
    """ULMFiT: in epoch e train the head plus the top ``e // every`` blocks.

    ``embeddings`` (module names) count as the layer below the lowest block, as in ULMFiT,
    where the last stage trains every layer: they thaw one stage after the lowest block.
    The trainable set is a function of the epoch alone, so a resumed run gets the same one.
    """

    def __init__(self, blocks: str | Sequence[nn.Module], head: Iterable[str], every: int = 1,
                 embeddings: Iterable[str] = ()):
        self.blocks, self.head, self.every = blocks, list(head), every
        self.embeddings = list(embeddings)

    def on_train_begin(self, state: TrainState) -> None:
        self._apply(state)

    def on_epoch_begin(self, state: TrainState) -> None:
        self._apply(state)

    def _apply(self, state: TrainState) -> None:
        stack = resolve_blocks(state.model, self.blocks)
        stage = state.epoch // self.every
        thawed = self.head + (self.embeddings if stage > len(stack) else [])
        freeze_all_but_top_k(state.model, stack, min(len(stack), stage), also_train=thawed)
