"""Where the layers of a model are: its stack of blocks, its embeddings, and what sits on top.

The approaches need to name "the top k blocks", "the embeddings" and "the head" on any model:
the course GPT (``blocks``, ``wte``/``wpe``, ``ln_f``), a Hugging Face GPT-2
(``transformer.h``, ``transformer.wte``/``wpe``, ``transformer.ln_f``), or either of them
inside a :class:`~course_lib.finetune.heads.SequenceClassifier` (``backbone.`` in front, and a
new ``head``). :func:`layout_of` finds these names once, so no approach hard-codes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from torch import nn

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)

# The names a stack of transformer blocks goes by: course GPT, HF GPT-2 ("h"), Llama-style ("layers").
BLOCK_STACK_NAMES = ("blocks", "h", "layers")


@dataclass(frozen=True)
class Layout:
    """The layers of a model, bottom to top, by name.

    blocks      dotted path of the ``nn.ModuleList`` of blocks ("blocks", "backbone.transformer.h")
    n_blocks    how many blocks it holds
    embeddings  module names of the embedding tables below the blocks ("wte", "wpe")
    top         parameter names above the blocks that are not the head (the final LayerNorm)
    head        module names of the task head ("head"), empty for a bare language model
    """

    blocks: str
    n_blocks: int
    embeddings: tuple[str, ...]
    top: tuple[str, ...]
    head: tuple[str, ...]


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layout_of(model: nn.Module, head: tuple[str, ...] = ("head",)) -> Layout:
    """Find the blocks, embeddings, head and top layers of ``model`` (see :class:`Layout`).

    ``head`` names the task head's modules; names that the model does not have are dropped,
    so the same call works on a classifier and on a bare language model.
    """
    stacks = [
        name for name, module in model.named_modules()
        if isinstance(module, nn.ModuleList) and name.split(".")[-1] in BLOCK_STACK_NAMES and len(module)
    ]
    if not stacks:
        raise CourseValueError("finetune_no_blocks", kind=type(model).__name__, names=", ".join(BLOCK_STACK_NAMES))
    blocks = stacks[0]
    modules = dict(model.named_modules())
    heads = tuple(name for name in head if name in modules)
    embeddings = tuple(
        name for name, module in model.named_modules()
        if isinstance(module, nn.Embedding) and not _under(name, blocks)
    )
    top = tuple(
        name for name, _ in model.named_parameters()  # a tied weight is listed once, under its first name
        if not _under(name, blocks)
        and not any(_under(name, e) for e in embeddings)
        and not any(_under(name, h) for h in heads)
    )
    return Layout(blocks, len(modules[blocks]), embeddings, top, heads)
