"""Chapter 10's comparison: every available approach and method, on a world task and SIB-200 TR.

One function for the notebook and for ``make results`` (``tools/results.py``), so that the README's
table is exactly what the chapter computes:

    results = compare_everything(load_base_model(), sizes("10_comparison"), cache_dir=..., results_dir="results")
    results["world-topic-tr"].formatted()
"""

from __future__ import annotations

from ..finetune.compare import FinetuneConfig, compare
from ..finetune.tasks import sib200, world_topic
from ..i18n import message, register
from .catalogue import available_methods

register({
    "comparison_hub_skipped": {
        "en": "The {profile} profile skips the Hub model (COURSE_PROFILE=gpu runs it).",
        "tr": "{profile} profili Hub modelini atlıyor (COURSE_PROFILE=gpu onu çalıştırır).",
    },
    "comparison_hub_failed": {
        "en": "No network (or no transformers): skipping the Hub model.\n{error}",
        "tr": "Ağ bağlantısı (ya da transformers) yok: Hub modeli atlanıyor.\n{error}",
    },
})


def chapter_config(sizes) -> FinetuneConfig:
    """The training and measuring settings every run of chapter 10 shares."""
    return FinetuneConfig.from_sizes(sizes)


def chapter_tasks(sizes) -> list:
    """The world topic task (label noise on its training labels) and SIB-200 in Turkish."""
    return [world_topic("tr", n_train=sizes["world_n_train"], n_dev=sizes["world_n_dev"],
                        label_noise=sizes["label_noise"]),
            sib200("tr", n_train=sizes["sib_n_train"])]


def compare_everything(base, sizes, cache_dir=None, results_dir=None, methods=None, progress: bool = True,
                       quiet: bool = False) -> dict:
    """``{task name: Comparison}`` over :func:`chapter_tasks`, with every method of the catalogue
    that exists here (or ``methods``), ``sizes["seeds"]`` seeds each."""
    if methods is None:
        methods, _ = available_methods(quiet=quiet)
    config = chapter_config(sizes)
    return {task.name: compare(base, task, methods, seeds=sizes["seeds"], config=config, cache_dir=cache_dir,
                               progress=progress, results_dir=results_dir)
            for task in chapter_tasks(sizes)}


def hub_base(name: str | None, profile: str):
    """The real model ``name`` from the Hugging Face Hub as a base, or None (saying why) when the
    profile has none or it cannot be loaded here (offline, or transformers missing)."""
    if name is None:
        print(message("comparison_hub_skipped", profile=profile))
        return None
    from ..assets import load_base_model

    try:
        return load_base_model(f"hub:{name}")
    except Exception as error:  # offline or no transformers: the loader's message says which
        print(message("comparison_hub_failed", error=error))
        return None
