"""course_lib: the tested library behind the bilingual LLM course.

Each subpackage is one concern and imports on its own (see DESIGN.md §1):
device, profile, i18n, data, tokenizer, model, kernels, train, finetune, methods,
risks, eval, viz, checks.
"""

__version__ = "0.1.0"
