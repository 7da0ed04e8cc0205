"""Robust accuracy of every harness run: a wrapper that measures a method's trained classifier.

    methods = [Measured(Full(), tokenizer, task), Measured(ALUM(), tokenizer, task)]
    result = compare(base, task, methods, seeds=(0, 1, 2), cache_dir=False)
    robust_table(methods)        # per method: accuracy under each noise kind and under PGD (mean ± std)

``compare`` calls a method's ``teardown(model)`` once training is over and before it scores the
model; ``Measured`` forwards every call to the method it wraps, and at teardown also scores the
trained classifier on the task's dev set with each noise kind (``course_lib.risks.robustness``)
and under an embedding PGD attack. Cached runs do not train, so nothing is measured for them:
run with ``cache_dir=False`` (or a fresh cache) when you need these columns.
"""

from __future__ import annotations

import torch

from ..finetune.method import Method
from .robustness import NOISE_KINDS, noisy_accuracy, pgd_accuracy


class Measured(Method):
    """``method`` unchanged, plus robust accuracies of each trained run in ``self.records``."""

    def __init__(self, method, tokenizer, task, kinds=NOISE_KINDS, pgd_epsilon: float = 0.1, pgd_steps: int = 5,
                 max_length: int = 64, more_epsilons=()):
        self.method, self.name = method, method.name
        self._tokenizer, self._task, self._kinds = tokenizer, task, tuple(kinds)
        self._pgd = (pgd_epsilon, pgd_steps)
        self._max_length = max_length
        self._more = tuple(more_epsilons)  # extra PGD radii, recorded as "pgd <ε>"
        self.records: list[dict] = []

    def setup(self, model, task, config) -> list:
        return self.method.setup(model, task, config)

    def param_groups(self, model, config):
        return self.method.param_groups(model, config)

    def train_overrides(self, config) -> dict:
        return self.method.train_overrides(config)

    def settings(self) -> dict:
        return self.method.settings()

    def teardown(self, model) -> None:
        self.method.teardown(model)
        dev, length = self._task.dev, self._max_length
        # compare() seeds torch with the run's seed just before setup: that is this run's seed.
        record = {"method": self.name, "seed": torch.initial_seed()}
        for kind in self._kinds:
            record[kind] = noisy_accuracy(model, self._tokenizer, dev, kind, max_length=length)
        if self._pgd[0] is not None:
            record["pgd"] = pgd_accuracy(model, self._tokenizer, dev, epsilon=self._pgd[0], steps=self._pgd[1],
                                         max_length=length)
        for epsilon in self._more:
            record[f"pgd {epsilon:g}"] = pgd_accuracy(model, self._tokenizer, dev, epsilon=epsilon,
                                                      steps=self._pgd[1], max_length=length)
        self.records.append(record)


def robust_table(methods):
    """Mean and std over seeds of each robust column, one row per ``Measured`` method."""
    import pandas as pd

    frame = pd.DataFrame([record for method in methods for record in method.records])
    grouped = frame.groupby("method", sort=False)
    table = grouped.mean(numeric_only=True).drop(columns="seed")
    for column in list(table.columns):
        table[f"{column} std"] = grouped[column].std().fillna(0.0)
    return table
