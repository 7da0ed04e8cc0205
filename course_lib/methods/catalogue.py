"""Every approach (chapter 03) and method (chapters 04-09) by its contract name, imported lazily.

    from course_lib.methods.catalogue import available_methods
    methods, missing = available_methods()       # instances with their default arguments
    compare(base, task, methods)                  # chapter 10's table

Each method lives in its own module and chapter; a course installation may not have all of them
yet (they are written and merged chapter by chapter). The catalogue imports each one only when
asked, and a method whose module or class is not there is skipped with a note in the learner's
language, so that chapter 10 runs with whatever exists and picks up each method when it lands.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..i18n import message, register

register({
    "catalogue_missing": {
        "en": "{name} (chapter {chapter}) is not in this installation yet ({module}): skipped.",
        "tr": "{name} ({chapter}. bölüm) bu kurulumda henüz yok ({module}): atlandı.",
    },
})


@dataclass(frozen=True)
class Entry:
    """One approach or method: its class ``cls`` in ``module``, built with ``kwargs``."""

    name: str
    module: str
    cls: str
    chapter: str
    family: str  # "approach" (chapter 03) or "method" (chapters 04-09)
    kwargs: dict = field(default_factory=dict)

    def load(self):
        """The class, or None when its module or the class itself is missing."""
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as error:
            if error.name and self.module.startswith(error.name):  # the method's own module is absent
                return None
            raise  # a module that exists but fails to import is a bug to see, not to skip
        return getattr(module, self.cls, None)


APPROACHES = "course_lib.finetune.approaches"
CATALOGUE: tuple[Entry, ...] = (
    Entry("Full", APPROACHES, "Full", "03", "approach"),
    Entry("Selected", APPROACHES, "Selected", "03", "approach"),
    Entry("LinearProbe", APPROACHES, "LinearProbe", "03", "approach"),
    Entry("LPFT", APPROACHES, "LPFT", "03", "approach"),
    Entry("GradualUnfreezing", APPROACHES, "GradualUnfreezing", "03", "approach"),
    Entry("LoRA", "course_lib.methods.lora", "LoRA", "04", "method"),
    Entry("PromptTuning", "course_lib.methods.prompt_tuning", "PromptTuning", "05", "method"),
    Entry("Distill", "course_lib.methods.distill", "Distill", "06", "method"),
    Entry("ALUM", "course_lib.methods.alum", "ALUM", "07", "method"),
    Entry("Reweight", "course_lib.methods.reweight", "Reweight", "08", "method"),
    Entry("GuidedAttention", "course_lib.methods.guided_attention", "GuidedAttention", "09", "method"),
)


def available_methods(names=None, quiet: bool = False) -> tuple[list, list[Entry]]:
    """Instances (default arguments) of the catalogue's entries that exist here, in catalogue order,
    and the entries that do not. ``names``: only these contract names (default: all)."""
    chosen = [e for e in CATALOGUE if names is None or e.name in names]
    methods, missing = [], []
    for entry in chosen:
        cls = entry.load()
        if cls is None:
            missing.append(entry)
            if not quiet:
                print(message("catalogue_missing", name=entry.name, chapter=entry.chapter, module=entry.module))
            continue
        methods.append(cls(**entry.kwargs))
    return methods, missing


def family_of(method_name: str, methods: list) -> str | None:
    """"approach" or "method" for the instance named ``method_name`` among ``methods``."""
    for method in methods:
        if method.name == method_name:
            cls = type(method).__name__
            return next((e.family for e in CATALOGUE if e.cls == cls), None)
    return None
