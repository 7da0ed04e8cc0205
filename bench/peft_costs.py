"""The PEFT methods through the comparison harness: chapters 04-05's table of quality and cost.

One table per task (chapter 03's cpu-profile sizes: the world topic task with 30 % noisy training
labels, and SIB-200 Turkish), every method on a fresh copy of ``load_base_model()`` over 3 seeds:
accuracy (Turkish dev, and English as the out-of-distribution set), trainable %, peak memory
(on the CPU: resident memory the run added, which the allocator blurs; so also the gradient and
AdamW state the trained parameters need, computed: 12 bytes each), wall time and CPU time (``time.process_time``, which
a loaded machine inflates less than wall time), each also as a ratio to full fine-tuning. Runs
interleave (seed outer, method inner) in one process, so a machine that slows down slows every
method alike. Prompt tuning rows appear when ``course_lib.methods.prompt_tuning`` exists.

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 python bench/peft_costs.py [--seeds 0 1 2] [--cache DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import time

from course_lib.assets import load_base_model
from course_lib.finetune import Full, Method, compare, sib200, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.methods.adapters import Adapters
from course_lib.methods.lora import LoRA
from course_lib.methods.peft_family import PeftMethod
from course_lib.train.callbacks import Callback

CONFIG = FinetuneConfig(epochs=4, batch_size=32, lr=1e-3, max_length=40, forgetting_tokens=4096, device="cpu")
RANKS = (1, 2, 4, 8, 16)
PROMPT_LENGTHS = (1, 5, 20)


class CpuClock(Callback):
    """CPU seconds of the training loop, per run (the harness's own column is wall time)."""

    def __init__(self, into: dict, key):
        self.into, self.key = into, key

    def on_train_begin(self, state) -> None:
        self.start = time.process_time()

    def on_train_end(self, state) -> None:
        self.into.setdefault(self.key, []).append(time.process_time() - self.start)


class Timed(Method):
    """``inner`` unchanged (same name and settings, so the cache key is the same), plus a CPU clock."""

    def __init__(self, inner, clock: dict):
        self._inner, self._clock = inner, clock
        self.name = inner.name

    def setup(self, model, task, config):
        return [*self._inner.setup(model, task, config), CpuClock(self._clock, self.name)]

    def param_groups(self, model, config):
        return self._inner.param_groups(model, config)

    def train_overrides(self, config):
        return self._inner.train_overrides(config)

    def teardown(self, model):
        self._inner.teardown(model)

    def settings(self):
        return self._inner.settings()


def world_methods() -> list:
    methods = [Full(), *(LoRA(r=r) for r in RANKS), PeftMethod("ia3"), Adapters()]
    if importlib.util.find_spec("course_lib.methods.prompt_tuning") is not None:
        from course_lib.methods.prompt_tuning import PromptTuning

        methods += [PromptTuning(n_virtual=p) for p in PROMPT_LENGTHS]
    return methods


def sib_methods() -> list:
    return [Full(), LoRA(), LoRA(targets=("c_attn", "c_proj", "c_fc")), PeftMethod("lora"), PeftMethod("ia3")]


def prompt_init_methods() -> list:
    from course_lib.methods.prompt_tuning import PromptTuning

    return [Full(), *(PromptTuning(n_virtual=20, init=init) for init in ("vocab", "labels", "random"))]


def sib_prompt_methods() -> list:
    from course_lib.methods.prompt_tuning import PromptTuning

    return [Full(), PromptTuning(n_virtual=20)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--cache", default=None, help="default: the harness's (~/.cache/course_lib/compare)")
    parser.add_argument("--tasks", nargs="+", default=["world", "sib"])
    args = parser.parse_args()
    base = load_base_model()
    print(f"base model: {base.source}, {sum(p.numel() for p in base.model.parameters()):,} parameters; "
          f"seeds {args.seeds}; {CONFIG}")
    plan = {"world": (world_topic("tr", n_train=96, n_dev=96, label_noise=0.3), world_methods),
            "sib": (sib200("tr", n_train=160), sib_methods),
            "world_prompt_init": (world_topic("tr", n_train=96, n_dev=96, label_noise=0.3), prompt_init_methods),
            "sib_prompt": (sib200("tr", n_train=160), sib_prompt_methods)}
    for key in args.tasks:
        task, make = plan[key]
        clock: dict = {}
        start = time.perf_counter()
        methods = [Timed(m, clock) for m in make()]
        result = compare(base, task, methods, seeds=tuple(args.seeds), config=CONFIG, cache_dir=args.cache)
        t = result.table
        table = result.formatted().drop(columns=["energy kWh", "training FLOPs"])
        table["time / full"] = [f"{v:.2f}" for v in t["time s"] / t.loc["full", "time s"]]
        cpu = {name: sum(v) / len(v) for name, v in clock.items()}
        table["CPU s"] = [f"{cpu[n]:.1f}" if n in cpu else "cached" for n in t.index]
        if "full" in cpu:
            table["CPU / full"] = [f"{cpu[n] / cpu['full']:.2f}" if n in cpu else "" for n in t.index]
        table["memory / full"] = [f"{v:.2f}" for v in t["peak memory MB"] / t.loc["full", "peak memory MB"]]
        # What freezing saves for certain, whatever the allocator does: fp32 gradient (4 bytes) and
        # AdamW's two moments (8 bytes) per trained parameter.
        table["grad + AdamW MB"] = [f"{12 * v / 2**20:.2f}" for v in t["trainable params"]]
        print(f"\n## {task!r}\n{time.perf_counter() - start:.0f} s wall for this task\n")
        print(table.to_markdown())


if __name__ == "__main__":
    main()
