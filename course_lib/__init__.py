"""course_lib: the tested library behind the bilingual LLM course.

Each subpackage is one concern and imports on its own (see ARCHITECTURE.md at the repository root):
device, profile, i18n, cache, data, tokenizer, model, kernels, train, finetune, assets, viz,
checks; the method chapters add methods/ and the risk chapters risks/.
"""

__version__ = "0.1.0"

# Loaded on first use, so that `import course_lib` stays light (no torch, no model files read).
_LAZY = {"load_base_model": "course_lib.assets"}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'course_lib' has no attribute {name!r}")
