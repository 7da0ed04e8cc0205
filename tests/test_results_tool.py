"""tools/results.py: the README block it replaces, and only that block."""

import pandas as pd
import pytest

from course_lib.finetune.compare import Comparison
from tools.results import END, START, block, replace_block


def _comparison():
    table = pd.DataFrame({"accuracy": [0.9], "accuracy std": [0.01], "ood accuracy": [0.5], "ood accuracy std": [0.0],
                          "robust accuracy": [0.7], "robust accuracy std": [0.02], "trainable params": [10],
                          "trainable %": [100.0], "time s": [1.0], "peak memory MB": [5.0], "training FLOPs": [1e9],
                          "forgetting": [0.1], "forgetting std": [0.0], "energy kWh": [1e-5], "gCO2e": [0.0046]},
                         index=pd.Index(["full"], name="method"))
    return Comparison([], table, "accuracy", "world-topic-tr")


def test_block_is_replaced_and_the_rest_kept():
    readme = f"intro\n{START}\nold table\n{END}\nafter\n"
    new = block({"world-topic-tr": _comparison()}, "tr", profile="cpu", seeds=[0], date="2026-12-02", runs=1,
                train_s=1.0, pue=1.0)
    out = replace_block(readme, new)
    assert out.startswith("intro\n") and out.endswith("\nafter\n") and "old table" not in out
    assert "| full | 0.900 ± 0.010 | 0.500 ± 0.000 | 0.700 ± 0.020 |" in out and "tohumlar [0]" in out
    assert replace_block(out, new) == out  # idempotent


def test_a_readme_without_markers_is_refused():
    with pytest.raises(SystemExit, match="results:10_comparison"):
        replace_block("no markers here", "x")
