"""The settings of one training run, in one dataclass a learner can print and read."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)

SCHEDULES = ("cosine", "slanted_triangular", "constant")


@dataclass
class TrainConfig:
    """How long to train, how fast, and how often to look at the validation set.

    Steps count optimizer updates; with ``grad_accum_steps=k`` one step sees k micro-batches.
    Give ``max_steps``, ``epochs`` or both (training stops at whichever comes first).
    """

    max_steps: int | None = None
    epochs: int | None = None
    # Optimiser (AdamW, decoupled weight decay on >= 2-D weights only; see optim.py)
    lr: float = 3e-4
    weight_decay: float = 0.1
    betas: tuple[float, float] = (0.9, 0.95)
    eps: float = 1e-8
    decay_embeddings: bool = False
    # Learning-rate schedule (see schedule.py)
    schedule: str = "cosine"
    warmup_steps: int = 0
    min_lr: float | None = None  # cosine floor; None means lr / 10
    cut_frac: float = 0.1  # slanted triangular (ULMFiT): fraction of steps spent rising
    ratio: float = 32.0  # slanted triangular: how much smaller the lowest lr is than the peak
    # The step itself
    grad_accum_steps: int = 1
    grad_clip: float | None = 1.0
    # Watching the run
    eval_every: int | None = None
    log_every: int = 10
    progress: bool = True
    live_plot_every: int | None = 50  # only shown inside a notebook
    device: str | None = None  # None: course_lib.device.pick_device()

    def __post_init__(self):
        self.betas = tuple(self.betas)
        _require(self.max_steps is not None or self.epochs is not None, "max_steps", self.max_steps,
                 "give max_steps or epochs", "max_steps ya da epochs verin")
        for name in ("max_steps", "epochs", "eval_every", "live_plot_every"):
            value = getattr(self, name)
            _require(value is None or (isinstance(value, int) and value >= 1), name, value,
                     "use a whole number >= 1 or None", "1 ya da daha büyük bir tam sayı ya da None kullanın")
        _require(isinstance(self.grad_accum_steps, int) and self.grad_accum_steps >= 1, "grad_accum_steps",
                 self.grad_accum_steps, "use a whole number >= 1", "1 ya da daha büyük bir tam sayı kullanın")
        _require(self.lr > 0, "lr", self.lr, "use a positive number such as 3e-4",
                 "3e-4 gibi pozitif bir sayı kullanın")
        _require(self.weight_decay >= 0, "weight_decay", self.weight_decay, "use 0 or more", "0 ya da daha büyük olmalı")
        _require(self.grad_clip is None or self.grad_clip > 0, "grad_clip", self.grad_clip,
                 "use a positive number or None", "pozitif bir sayı ya da None kullanın")
        _require(self.schedule in SCHEDULES, "schedule", self.schedule, "use one of " + ", ".join(SCHEDULES),
                 "şunlardan birini kullanın: " + ", ".join(SCHEDULES))
        _require(self.warmup_steps >= 0, "warmup_steps", self.warmup_steps, "use 0 or more", "0 ya da daha büyük olmalı")
        _require(0 < self.cut_frac < 1, "cut_frac", self.cut_frac, "use a number between 0 and 1",
                 "0 ile 1 arasında bir sayı kullanın")
        _require(self.ratio >= 1, "ratio", self.ratio, "use 1 or more", "1 ya da daha büyük olmalı")

    @property
    def floor_lr(self) -> float:
        """The cosine schedule's final learning rate."""
        return self.lr / 10 if self.min_lr is None else self.min_lr

    def to_dict(self) -> dict:
        return asdict(self)


def _require(ok: bool, name: str, value, rule: str, rule_tr: str) -> None:
    if not ok:
        raise CourseValueError("train_bad_config", name=name, value=value, rule=rule, rule_tr=rule_tr)
