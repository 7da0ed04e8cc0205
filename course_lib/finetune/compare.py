"""The comparison harness: every approach and method, on one task, over seeds, in one table.

    from course_lib.finetune import compare, sib200, Full, Selected, LinearProbe, LPFT
    result = compare(load_base_model(), sib200("tr"), [Full(), Selected(1), LinearProbe(), LPFT()])
    result.table          # a pandas DataFrame, one row per method (numbers; shown as mean ± std)
    result.plot()         # a matplotlib figure

Each run (one method, one seed) starts from a fresh copy of the base model, puts a new
classifier head on it, lets the method set it up (freeze, wrap, choose parameter groups), trains
with ``course_lib.train.train`` and the method's callbacks, then measures the task metric
in-domain, out of distribution (the other language) and on the dev texts with their Turkish
letters stripped (the robust column: ``course_lib.risks.robustness.noisy_task(task, "diacritics")``),
the trainable parameters, the wall time, the peak memory, the training FLOPs, the forgetting, and
the energy of the training (``course_lib.risks.carbon.EnergyMeter``: codecarbon where installed,
else the CPU's TDP × time) with its gCO2e on a grid (Türkiye's by default). Each finished run is written to
``cache_dir`` as JSON under a hash of everything that defines it (base weights, task, method
settings, seed, config), so running a notebook again reads the numbers instead of training.
"""

from __future__ import annotations

import copy
import hashlib
import json
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from functools import partial
from pathlib import Path

import torch

from ..cache import cache_folder
from ..data.batching import LabelledDataset, collate
from ..device import pick_device
from ..i18n import CourseTypeError, CourseValueError, message
from ..train import TrainConfig, build_adamw, train
from . import messages  # noqa: F401  (registers this package's texts)
from .forgetting import heldout_batches, lm_loss
from .freezing import count_trainable
from .heads import SequenceClassifier, classification_loss
from .meters import PeakMemory, TrainingFlops
from .metrics import accuracy

CACHE_VERSION = 2  # bump when a change to this file changes what a cached run means (2: energy, robust)
PAD_TOKEN = "<|pad|>"


@dataclass(frozen=True)
class FinetuneConfig:
    """How every run of a comparison trains and measures (the same for all methods).

    epochs, batch_size, lr, weight_decay, warmup_frac (linear warmup, then cosine to lr/10),
    grad_clip: the training; max_length: tokens kept per text; pool: "last" or "mean";
    forgetting_tokens, forgetting_block: how much held-out pretraining text the forgetting
    column reads; device: None picks the best one; pue: the power usage effectiveness the energy
    column assumes (1.0: a laptop, no data-centre overhead).
    """

    epochs: int = 4
    batch_size: int = 16
    lr: float = 1e-3
    weight_decay: float = 0.0
    warmup_frac: float = 0.1
    grad_clip: float | None = 1.0
    max_length: int = 64
    pool: str = "last"
    eval_batch_size: int = 64
    forgetting_tokens: int = 4096
    forgetting_block: int = 128
    device: str | None = None
    pue: float = 1.0

    @classmethod
    def from_sizes(cls, sizes: Mapping, **overrides) -> FinetuneConfig:
        """The config a chapter's sizes describe: every key of ``sizes`` that names a setting here
        (epochs, batch_size, lr, max_length, forgetting_tokens, pue, ...), the defaults for the rest,
        then ``overrides`` on top, e.g. ``FinetuneConfig.from_sizes(SIZES, device="cpu")``.
        Keys that are not settings (seeds, task sizes) are left for the notebook."""
        if not isinstance(sizes, Mapping):
            raise CourseTypeError("finetune_sizes_not_mapping", kind=type(sizes).__name__)
        known = [field.name for field in fields(cls)]
        unknown = sorted(set(overrides) - set(known))
        if unknown:
            raise CourseTypeError("finetune_unknown_setting", names=", ".join(unknown), known=", ".join(known))
        return cls(**{**{name: sizes[name] for name in known if name in sizes}, **overrides})

    def train_config(self, n_batches: int, **overrides) -> TrainConfig:
        total = self.epochs * n_batches
        values = dict(epochs=self.epochs, lr=self.lr, weight_decay=self.weight_decay, grad_clip=self.grad_clip,
                      schedule="cosine", warmup_steps=round(self.warmup_frac * total), progress=False,
                      live_plot_every=None, device=self.device)
        values.update(overrides)
        return TrainConfig(**values)


@dataclass
class Comparison:
    """What :func:`compare` returns.

    runs    one dict per (method, seed): every number measured
    table   a pandas DataFrame indexed by method: ``<metric>``, ``<metric> std``, ``ood <metric>``,
            ``ood <metric> std``, ``trainable params``, ``trainable %``, ``time s``, ``peak memory MB``,
            ``training FLOPs``, ``forgetting``, ``forgetting std``, ``robust <metric>``,
            ``robust <metric> std`` (None without ``course_lib.risks.robustness``), ``energy kWh``,
            ``gCO2e`` (on ``grid``)
    metric  the task's metric name ("accuracy")
    grid    the grid the gCO2e column is priced on (a code of ``course_lib.risks.carbon_data.GRIDS``)
    """

    runs: list[dict]
    table: object
    metric: str
    task_name: str = ""
    grid: str = "TUR"

    def formatted(self):
        """The table with "mean ± std" cells, as a notebook shows it."""
        import pandas as pd

        t, m = self.table, self.metric
        shown = pd.DataFrame(index=t.index)
        for column in (m, f"ood {m}", f"robust {m}", "forgetting"):
            shown[column] = [_mean_std(v, s) for v, s in zip(t[column], t[f"{column} std"])]
        shown["trainable params"] = [f"{int(v):,}" for v in t["trainable params"]]
        shown["trainable %"] = [f"{v:.2f}" for v in t["trainable %"]]
        shown["time s"] = [f"{v:.1f}" for v in t["time s"]]
        shown["peak memory MB"] = [f"{v:.0f}" for v in t["peak memory MB"]]
        shown["training FLOPs"] = [f"{v:.2e}" for v in t["training FLOPs"]]
        shown["energy kWh"] = [f"{v:.2e}" for v in t["energy kWh"]]
        shown[f"gCO2e ({self.grid})"] = [f"{v:.3f}" for v in t["gCO2e"]]
        return shown

    def write(self, folder="results", stem: str | None = None) -> dict[str, Path]:
        """Write the table as CSV (every number) and Markdown (as :meth:`formatted` shows it) under
        ``folder``; return their paths. ``stem``: the file name without suffix (default: the task's name)."""
        from .results_files import write_table

        return write_table(self, Path(folder), stem or self.task_name or "comparison")

    def _repr_html_(self) -> str:
        return self.formatted().to_html()

    def __repr__(self) -> str:
        return self.formatted().to_string()

    def plot(self):
        """Two panels: the metric in-domain and out of distribution per method (± std), and
        in-domain metric against forgetting."""
        import matplotlib.pyplot as plt

        from ..i18n import pick

        t, m = self.table, self.metric
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
        x = range(len(t))
        left.bar([i - 0.2 for i in x], t[m], 0.4, yerr=t[f"{m} std"], label=pick("in-domain", "alan içi"))
        left.bar([i + 0.2 for i in x], t[f"ood {m}"], 0.4, yerr=t[f"ood {m} std"],
                 label=pick("other language (OOD)", "öbür dil (dağılım dışı)"))
        left.set_xticks(list(x), t.index, rotation=20, ha="right")
        left.set_ylabel(m)
        left.set_title(self.task_name)
        left.legend()
        right.errorbar(t["forgetting"], t[m], xerr=t["forgetting std"], yerr=t[f"{m} std"], fmt="o")
        for name, fx, my in zip(t.index, t["forgetting"], t[m]):
            right.annotate(name, (fx, my), textcoords="offset points", xytext=(4, 4))
        right.set_xlabel(pick("forgetting (rise of pretraining loss)", "unutma (ön eğitim kaybındaki artış)"))
        right.set_ylabel(m)
        fig.tight_layout()
        return fig


def _check_methods(methods) -> list:
    methods = list(methods)
    names = set()
    for method in methods:
        if not (hasattr(method, "setup") and hasattr(method, "name")):
            raise CourseTypeError("finetune_not_a_method", value=method)
        if method.name in names:
            raise CourseValueError("finetune_duplicate_method", name=method.name)
        names.add(method.name)
    return methods


def weights_digest(model: torch.nn.Module) -> str:
    """SHA-256 of a model's weights (names, shapes and values): the base model's part of a cache key."""
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode())
        digest.update(str(tuple(tensor.shape)).encode())
        digest.update(tensor.detach().cpu().contiguous().view(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def task_digest(task) -> str:
    """SHA-256 of a task's name, labels, metric and every example."""
    payload = [task.name, task.kind, task.lang, list(task.labels), task.metric,
               [asdict(e) for e in task.train], [asdict(e) for e in task.dev],
               None if task.ood is None else [asdict(e) for e in task.ood]]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def run_key(base_digest: str, task_hash: str, method, seed: int, config: FinetuneConfig) -> str:
    payload = {"version": CACHE_VERSION, "base": base_digest, "task": task_hash, "method": method.settings(),
               "seed": seed, "config": asdict(config)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1))
    tmp.replace(path)  # atomic: a crash never leaves half a result under the real name


def pad_token_id(tokenizer) -> int:
    """The padding id: the course tokenizer's ``<|pad|>``; an HF tokenizer's pad token, else its
    end-of-text token (GPT-2 has no pad token; right padding is never read by the classifier)."""
    if hasattr(tokenizer, "special_id"):
        return tokenizer.special_id(PAD_TOKEN)
    pad = getattr(tokenizer, "pad_token_id", None)
    return pad if pad is not None else tokenizer.eos_token_id


def _encode(tokenizer, examples, max_length: int) -> LabelledDataset:
    return LabelledDataset.from_texts([e.text for e in examples], [e.label for e in examples], tokenizer,
                                      max_length=max_length)


@torch.no_grad()
def predict(classifier, dataset: LabelledDataset, pad_id: int, batch_size: int) -> list[int]:
    """Predicted class of every example of ``dataset``."""
    device = next(classifier.parameters()).device
    was_training = classifier.training
    classifier.eval()
    predictions = []
    for start in range(0, len(dataset), batch_size):
        batch = collate([dataset[i] for i in range(start, min(start + batch_size, len(dataset)))], pad_id=pad_id)
        logits = classifier(batch["input_ids"].to(device), attention_mask=batch["attention_mask"].to(device))
        predictions += logits.argmax(dim=-1).tolist()
    classifier.train(was_training)
    return predictions


def _mean_std(value, std) -> str:
    if value is None or value != value:  # None or NaN: not measured
        return "—"
    return f"{value:.3f} ± {std:.3f}"


def run_one(base, task, method, seed: int, config: FinetuneConfig, data: dict, forgetting: dict) -> dict:
    """Fine-tune a fresh copy of ``base`` on ``task`` with ``method`` and ``seed``; measure everything."""
    device = torch.device(config.device) if config.device else pick_device()
    pad_id = data["pad_id"]
    torch.manual_seed(seed)
    backbone = copy.deepcopy(base.model).to(device)
    classifier = SequenceClassifier(backbone, len(task.labels), pool=config.pool, pad_id=pad_id).to(device)
    classifier.train()
    generator = torch.Generator().manual_seed(seed)
    loader = torch.utils.data.DataLoader(data["train"], batch_size=config.batch_size, shuffle=True,
                                         generator=generator, collate_fn=partial(collate, pad_id=pad_id))
    callbacks = method.setup(classifier, task, config)
    train_config = config.train_config(len(loader), **method.train_overrides(config))
    groups = method.param_groups(classifier, config)
    optimizer = (torch.optim.AdamW(groups, lr=config.lr, betas=train_config.betas, eps=train_config.eps)
                 if groups is not None else build_adamw(classifier, train_config))
    from ..risks.carbon import EnergyMeter, default_power_w, energy_kwh  # lazy: risks sit above finetune

    memory, flops = PeakMemory(), TrainingFlops(classifier)
    start = time.perf_counter()
    with EnergyMeter(pue=config.pue, quiet=True) as meter:
        result = train(classifier, loader, train_config, loss_fn=classification_loss, optimizer=optimizer,
                       callbacks=[*callbacks, memory, flops], generator=generator)
    seconds = time.perf_counter() - start
    energy, energy_source = meter.kwh, f"codecarbon ({meter.how})"
    if energy is None:  # no codecarbon: the device's TDP for the whole time, an upper bound
        energy, energy_source = energy_kwh(default_power_w(), seconds, config.pue), "TDP × time"
    trainable = count_trainable(classifier)
    total = sum(p.numel() for p in classifier.parameters())
    method.teardown(classifier)
    scores = {}
    for split in ("dev", "ood", "robust"):
        if data.get(split) is not None:
            predicted = predict(classifier, data[split], pad_id, config.eval_batch_size)
            scores[split] = accuracy(predicted, data[split].labels)
    after = lm_loss(classifier.backbone, forgetting["batches"])
    return {
        "method": method.name, "seed": seed, "metric": scores["dev"], "ood_metric": scores.get("ood"),
        "trainable_params": trainable, "total_params": total, "trainable_pct": 100.0 * trainable / total,
        "seconds": seconds, "peak_memory_mb": memory.peak_mb, "training_flops": flops.flops,
        "forgetting": after - forgetting["before"], "pretraining_loss": after,
        "final_train_loss": result.history.train_losses[-1], "steps": result.steps,
        "robust_metric": scores.get("robust"), "energy_kwh": energy, "energy_source": energy_source,
    }


def summarise(runs: list[dict], metric: str, order: list[str], grid: str = "TUR"):
    """One row per method: means and standard deviations over seeds (sample std, ddof=1)."""
    import pandas as pd

    from ..risks.carbon import emissions_g  # lazy: risks sit above finetune

    frame = pd.DataFrame(runs)
    for column in ("robust_metric", "energy_kwh"):  # runs cached by an older harness lack them
        if column not in frame:
            frame[column] = None
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    grouped = frame.groupby("method", sort=False)
    mean, std = grouped.mean(numeric_only=True), grouped.std(numeric_only=True).fillna(0.0)
    table = pd.DataFrame(index=pd.Index(order, name="method"))
    table[metric] = mean["metric"]
    table[f"{metric} std"] = std["metric"]
    table[f"ood {metric}"] = mean["ood_metric"]
    table[f"ood {metric} std"] = std["ood_metric"]
    table["trainable params"] = mean["trainable_params"].round().astype("int64")
    table["trainable %"] = mean["trainable_pct"]
    table["time s"] = mean["seconds"]
    table["peak memory MB"] = mean["peak_memory_mb"]
    table["training FLOPs"] = mean["training_flops"]
    table["forgetting"] = mean["forgetting"]
    table["forgetting std"] = std["forgetting"]
    table[f"robust {metric}"] = mean["robust_metric"]
    table[f"robust {metric} std"] = std["robust_metric"]
    table["energy kWh"] = mean["energy_kwh"]
    table["gCO2e"] = [emissions_g(v, grid) if v == v else float("nan") for v in mean["energy_kwh"]]
    return table


def _robust_task(task):
    """The task with its dev texts' Turkish letters stripped (chapter 07), or None (with a note)
    where ``course_lib.risks.robustness`` is not part of this installation."""
    try:
        from ..risks.robustness import noisy_task
    except ImportError:
        print(message("finetune_no_robustness"))
        return None
    return noisy_task(task, "diacritics")


def compare(base, task, methods, seeds=(0, 1, 2), config=None, cache_dir=None, progress=True,
            grid: str = "TUR", results_dir=None) -> Comparison:
    """Fine-tune a copy of ``base`` on ``task`` with each method and seed; summarise in a table.

    base      the base model (``load_base_model()``: ``.model``, ``.tokenizer``, ``.config``)
    task      a classification :class:`~course_lib.finetune.tasks.Task`
    methods   objects implementing :class:`~course_lib.finetune.method.Method` (distinct names)
    seeds     one run per method and seed; the table gives mean and std over them
    config    a :class:`FinetuneConfig`; None: the defaults
    cache_dir where finished runs are kept (default: sub-folder ``compare`` of the course's cache
              folder, ``course_lib.cache.cache_root()``, ``~/.cache/course_lib`` unless
              ``$COURSE_CACHE_DIR`` or ``$XDG_CACHE_HOME`` is set); ``False``: no cache
    progress  show a progress bar over the runs
    grid      the grid the gCO2e column is priced on ("TUR", "FRA", "POL", "USA", "NOR")
    results_dir  where to write the table as CSV and Markdown (:meth:`Comparison.write`); None: nowhere
    """
    from ..risks.carbon import intensity  # lazy: risks sit above finetune

    intensity(grid)  # an unknown grid fails before any training
    if task.kind != "classification":
        raise CourseValueError("finetune_task_kind", task=task.name, kind=task.kind, what="compare()")
    methods = _check_methods(methods)
    config = config or FinetuneConfig()
    folder = cache_folder("compare", cache_dir)
    tokenizer = base.tokenizer
    pad_id = pad_token_id(tokenizer)
    base_hash, task_hash = weights_digest(base.model), task_digest(task)
    robust = _robust_task(task)
    if robust is not None:  # the robust texts enter the key: a run scored without them is another run
        task_hash = hashlib.sha256((task_hash + task_digest(robust)).encode()).hexdigest()
    # Seeds outer, methods inner: the methods' runs interleave, so a machine that slows down
    # part-way (other jobs) slows every method alike and the time column stays comparable.
    jobs = [(method, seed, run_key(base_hash, task_hash, method, seed, config)) for seed in seeds for method in methods]
    cached = {key: json.loads((folder / f"{key}.json").read_text())
              for _, _, key in jobs if folder is not None and (folder / f"{key}.json").is_file()}
    data = forgetting = None
    runs = []
    bar = _progress(len(jobs), task.name, enabled=progress)
    for method, seed, key in jobs:
        if key not in cached:
            if data is None:  # only a run that trains needs the data and the base model's loss
                data = {"pad_id": pad_id, "train": _encode(tokenizer, task.train, config.max_length),
                        "dev": _encode(tokenizer, task.dev, config.max_length),
                        "ood": None if task.ood is None else _encode(tokenizer, task.ood, config.max_length),
                        "robust": None if robust is None else _encode(tokenizer, robust.dev, config.max_length)}
                batches = heldout_batches(base, config.forgetting_tokens, config.forgetting_block)
                device = torch.device(config.device) if config.device else pick_device()
                probe = copy.deepcopy(base.model).to(device)
                forgetting = {"batches": batches, "before": lm_loss(probe, batches)}
            cached[key] = run_one(base, task, method, seed, config, data, forgetting)
            if folder is not None:
                _write_json(folder / f"{key}.json", cached[key])
        runs.append(cached[key])
        bar.update(1)
    bar.close()
    table = summarise(runs, task.metric, [m.name for m in methods], grid)
    comparison = Comparison(runs, table, task.metric, task.name, grid)
    if results_dir is not None:
        comparison.write(results_dir)
    return comparison


def _progress(total: int, label: str, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=label, disable=not enabled, leave=False)
