"""Fine-tuning: task heads, the four approaches, and the harness every method chapter runs through.

    from course_lib.finetune import SequenceClassifier, Full, Selected, LinearProbe, LPFT, compare, sib200

Files: freezing.py (what trains: freeze_all_but, freeze_all_but_top_k, Freeze, GradualUnfreezing
callbacks), discriminative.py (ULMFiT's per-layer rates), layout.py (where a model's blocks,
embeddings and head are), heads.py (SequenceClassifier), method.py (the protocol of a method),
approaches.py (Full, Selected, LinearProbe, LPFT, GradualUnfreezing as methods), tasks.py (world
tasks, SIB-200, translation), metrics.py (accuracy, chrF), compare.py (the harness), messages.py.

Two things are called GradualUnfreezing: the callback (``course_lib.finetune.GradualUnfreezing``,
from freezing.py, which thaws blocks) and the approach (``approaches.GradualUnfreezing``, also
exported as ``GradualUnfreezingMethod``, which adds discriminative rates and the schedule).
"""

from . import approaches
from .approaches import LPFT, Full, LinearProbe, Selected
from .approaches import GradualUnfreezing as GradualUnfreezingMethod
from .compare import Comparison, compare
from .discriminative import discriminative_lr_groups
from .freezing import Freeze, GradualUnfreezing, count_trainable, freeze_all_but, freeze_all_but_top_k
from .heads import SequenceClassifier, classification_loss, pool_hidden
from .layout import Layout, layout_of
from .method import Method
from .metrics import accuracy, chrf
from .tasks import Example, Task, sib200, world_sentiment, world_topic, world_translation

__all__ = [
    "approaches", "LPFT", "Full", "LinearProbe", "Selected", "GradualUnfreezingMethod", "Comparison", "compare",
    "discriminative_lr_groups", "Freeze", "GradualUnfreezing", "count_trainable", "freeze_all_but",
    "freeze_all_but_top_k", "SequenceClassifier", "classification_loss", "pool_hidden", "Layout", "layout_of",
    "Method", "accuracy", "chrf", "Example", "Task", "sib200", "world_sentiment", "world_topic",
    "world_translation",
]
