"""The comparison harness: every approach and method, on one task, over seeds, in one table.

    from course_lib.finetune import compare, sib200, Full, Selected, LinearProbe, LPFT, GradualUnfreezing
    result = compare(load_base_model(), sib200("tr"), [Full(), Selected(1), LinearProbe(), LPFT()])
    result.table          # a pandas DataFrame, one row per method
    result.plot()         # a matplotlib figure

Work in progress on branch finetune: the signature below is the contract; the body follows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Comparison:
    """What :func:`compare` returns: ``runs`` (one dict per method and seed) and the summary ``table``."""

    runs: list
    table: object

    def plot(self):
        """A matplotlib figure of the task metric against trainable parameters and forgetting."""
        raise NotImplementedError


def compare(base, task, methods, seeds=(0, 1, 2), config=None, cache_dir=None, progress=True) -> Comparison:
    """Fine-tune a copy of ``base`` on ``task`` with each method and seed; summarise in a table.

    base      the base model (``load_base_model()``: ``.model``, ``.tokenizer``, ``.config``)
    task      a :class:`~course_lib.finetune.tasks.Task`
    methods   objects implementing :class:`~course_lib.finetune.method.Method`
    config    a :class:`FinetuneConfig` (epochs, batch size, lr, ...); None: the defaults
    cache_dir where finished runs are kept, keyed by a hash of everything that defines them

    The table's columns: method, metric mean ± std, ood metric mean ± std, trainable params and %,
    wall time s, peak memory MB, training FLOPs, forgetting (rise of the base model's val loss on
    pretraining text), energy (None until the carbon chapter's meter fills it).
    """
    raise NotImplementedError
