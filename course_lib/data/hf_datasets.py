"""Loading a Hugging Face dataset, when the learner has ``datasets`` installed and is online.

The course never needs this to run (its own data is built in); it is the door to real data on
a networked runtime such as Colab. ``datasets`` is imported only here, on first use, so the
package works without it. Datasets that need to run code from the Hub are not supported:
nothing in the course sets ``trust_remote_code``.
"""

from __future__ import annotations

from ..i18n import CourseRuntimeError
from . import messages  # noqa: F401  (registers the data messages)


def load_hf_dataset(name: str, split: str = "train", *, config: str | None = None, **kwargs):
    """``datasets.load_dataset(name, config, split=split, **kwargs)``, with a clear error when it is missing.

    Example: ``load_hf_dataset("Davlan/sib200", "train", config="tur_Latn")``.
    """
    try:
        import datasets
    except ImportError:
        raise CourseRuntimeError("data_datasets_missing") from None
    return datasets.load_dataset(name, config, split=split, **kwargs)
