"""Knowledge distillation (chapter 06): a small student learns from a large teacher's outputs.

    loss = kd_loss(student_logits, teacher_logits, labels, temperature=2.0, alpha=0.5)
    compare(base, task, [Full(), Distill(teacher=fine_tuned_teacher, temperature=2.0)])
    distill_language_model(student, teacher, tokens, TrainConfig(max_steps=300), kl="reverse")

Hinton, Vinyals & Dean (2015, arXiv 1503.02531): soften both distributions with a temperature
T, p_T = softmax(z / T), and train the student on

    α · T² · KL(p_T^teacher ‖ p_T^student) + (1 − α) · CE(y, z_student).

The T² keeps the soft term's gradients the same size whatever T is: the gradient of the KL with
respect to a logit scales as 1/T² (their section 2), so without the factor a higher temperature
would quietly turn the soft term off.

For a language model the direction of the KL matters (MiniLLM, Gu et al. 2024, arXiv 2306.08543):
forward KL(p‖q) is *mode covering* (the student spreads its mass over everything the teacher
allows), reverse KL(q‖p) is *mode seeking* (the student puts its mass on what the teacher finds
most likely, and samples look surer). ``on_policy=True`` follows GKD (Agarwal et al. 2024,
arXiv 2306.13649) with λ = 1: the student samples continuations of the batch's prompts, and the
token-level divergence to the teacher is taken on those samples, so that the student learns on
the sequences it will itself produce.

Inside the harness, ``Distill`` works through two training-loop hooks: ``example_weights`` scales
the harness's cross-entropy by (1 − α) and ``extra_loss`` adds α T² KL. ``Distill()`` without a
teacher first fine-tunes a copy of the run's own model on the task (same seed, same settings:
the harness's ``Full`` recipe), caches it, and then distils it into the run's model.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import asdict
from functools import partial

import torch
import torch.nn.functional as F

from ..data.batching import LabelledDataset, collate
from ..data.targets import IGNORE_INDEX
from ..finetune.method import Method
from ..i18n import CourseValueError
from ..model.generate import generate
from ..train import Callback, train
from ..train.losses import language_model_loss, logits_of
from . import distill_messages  # noqa: F401  (registers this module's texts)

KL_KINDS = ("forward", "reverse")


def _check(temperature, alpha, kl) -> None:
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or not temperature > 0:
        raise CourseValueError("distill_bad_number", name="temperature", value=temperature,
                               rule="use a number > 0", rule_tr="0'dan büyük bir sayı kullanın")
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or not 0 <= alpha <= 1:
        raise CourseValueError("distill_bad_number", name="alpha", value=alpha,
                               rule="use a weight between 0 and 1", rule_tr="0 ile 1 arasında bir ağırlık kullanın")
    if kl not in KL_KINDS:
        raise CourseValueError("distill_bad_kl", value=kl)


def soft_kl(student_logits: torch.Tensor, teacher_logits: torch.Tensor, temperature: float = 1.0,
            kl: str = "forward") -> torch.Tensor:
    """T² · KL between the temperature-softened distributions, one value per row (the last
    dimension is the vocabulary or the classes). ``kl="forward"``: KL(teacher ‖ student);
    ``"reverse"``: KL(student ‖ teacher)."""
    _check(temperature, 0.0, kl)
    log_q = F.log_softmax(student_logits.float() / temperature, dim=-1)
    log_p = F.log_softmax(teacher_logits.float() / temperature, dim=-1)
    if kl == "forward":
        divergence = (log_p.exp() * (log_p - log_q)).sum(-1)
    else:
        divergence = (log_q.exp() * (log_q - log_p)).sum(-1)
    return temperature**2 * divergence


def kd_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, labels: torch.Tensor,
            temperature: float = 2.0, alpha: float = 0.5, kl: str = "forward") -> torch.Tensor:
    """Hinton et al.'s loss, averaged over the batch: α T² KL(p_T^t ‖ p_T^s) + (1 − α) CE(y, z_s).

    Logits (B, C) with labels (B,), or (B, T, V) with labels (B, T) (``-100`` ignored)."""
    _check(temperature, alpha, kl)
    soft = soft_kl(student_logits, teacher_logits, temperature, kl)
    hard = F.cross_entropy(student_logits.float().flatten(0, -2), labels.flatten(), ignore_index=IGNORE_INDEX,
                           reduction="none").view_as(labels)
    keep = (labels != IGNORE_INDEX).float()
    return ((alpha * soft + (1 - alpha) * hard) * keep).sum() / keep.sum().clamp_min(1)


@torch.no_grad()
def teacher_logits(teacher, batch) -> torch.Tensor:
    """The teacher's logits for a harness batch (dict) or a language-model batch ``(inputs, targets)``."""
    if isinstance(batch, dict):
        return teacher(batch["input_ids"], attention_mask=batch["attention_mask"])
    return logits_of(teacher(batch[0]))


class DistillLoss(Callback):
    """The training-loop side of KD: CE weighted by (1 − α), plus α T² KL to ``teacher``.

    Reads the student's logits from ``state.outputs`` (the loss function returns them) and runs
    the frozen teacher on ``state.batch``. Language-model batches average the KL over the
    predicted tokens of each sequence."""

    def __init__(self, teacher, temperature: float = 2.0, alpha: float = 0.5, kl: str = "forward"):
        _check(temperature, alpha, kl)
        self.teacher, self.temperature, self.alpha, self.kl = teacher, temperature, alpha, kl

    def on_train_begin(self, state) -> None:
        self.teacher.to(state.device).eval()
        for param in self.teacher.parameters():
            param.requires_grad_(False)

    def example_weights(self, state) -> torch.Tensor:
        batch_size = state.per_example_loss.shape[0]
        return torch.full((batch_size,), (1 - self.alpha) / batch_size, device=state.per_example_loss.device)

    def extra_loss(self, state) -> torch.Tensor | None:
        if self.alpha == 0:
            return None
        soft = soft_kl(state.outputs, teacher_logits(self.teacher, state.batch), self.temperature, self.kl)
        if soft.dim() == 2:  # language model: mean over the tokens that have a target
            keep = (state.batch[1] != IGNORE_INDEX).float()
            soft = (soft * keep).sum(1) / keep.sum(1).clamp_min(1)
        return self.alpha * soft.mean()


class OnPolicyDistill(DistillLoss):
    """GKD with λ = 1 (Agarwal et al. 2024): on the student's own samples, α T² D(teacher, student).

    The first ``prompt_tokens`` of each window are the prompt; the student samples
    ``sample_tokens`` more at temperature 1 (no gradient through sampling, as in GKD); the
    divergence is averaged over the sampled positions."""

    def __init__(self, teacher, temperature: float = 1.0, alpha: float = 1.0, kl: str = "reverse",
                 prompt_tokens: int = 8, sample_tokens: int = 24, seed: int = 0):
        super().__init__(teacher, temperature, alpha, kl)
        self.prompt_tokens, self.sample_tokens, self.seed = prompt_tokens, sample_tokens, seed

    def on_train_begin(self, state) -> None:
        super().on_train_begin(state)
        self.generator = torch.Generator(device=state.device).manual_seed(self.seed)

    def extra_loss(self, state) -> torch.Tensor:
        prompts = state.batch[0][:, : self.prompt_tokens]
        sequences = generate(state.model, prompts, self.sample_tokens, temperature=1.0, generator=self.generator)
        inputs = sequences[:, :-1]
        student = logits_of(state.model(inputs))[:, self.prompt_tokens - 1:]
        teacher = teacher_logits(self.teacher, (inputs, None))[:, self.prompt_tokens - 1:]
        return self.alpha * soft_kl(student, teacher, self.temperature, self.kl).mean()


def distill_language_model(student, teacher, batches, config, temperature: float = 1.0, alpha: float = 1.0,
                           kl: str = "forward", on_policy: bool = False, callbacks=(), generator=None, **sampling):
    """Train ``student`` on ``batches`` of ``(inputs, targets)`` with the teacher's soft targets.

    ``alpha=0`` is plain next-token cross-entropy (the CE-only student); ``on_policy=True``
    takes the soft term on the student's own samples (``prompt_tokens``, ``sample_tokens``)."""
    hook = (OnPolicyDistill(teacher, temperature, alpha, kl, **sampling) if on_policy
            else DistillLoss(teacher, temperature, alpha, kl))
    return train(student, batches, config, loss_fn=language_model_loss, callbacks=[hook, *callbacks],
                 generator=generator)


# --- the harness's method ----------------------------------------------------------------------

_TEACHERS: dict[str, dict] = {}  # fine-tuned teachers of this process, by what made them


def finetune_teacher(model, task, config, tokenizer, seed: int):
    """A fully fine-tuned copy of ``model`` (a ``SequenceClassifier``) on ``task``, trained as the
    harness trains ``Full()``: same config, same shuffling seed. Cached for this process."""
    from ..finetune.compare import pad_token_id, weights_digest
    from ..finetune.heads import classification_loss

    key = hashlib.sha256(json.dumps([weights_digest(model), [e.text for e in task.train],
                                     [e.label for e in task.train], asdict(config), seed]).encode()).hexdigest()
    teacher = copy.deepcopy(model)
    if key in _TEACHERS:
        teacher.load_state_dict(_TEACHERS[key])
        return teacher.eval()
    for param in teacher.parameters():
        param.requires_grad_(True)
    generator = torch.Generator().manual_seed(seed)
    dataset = LabelledDataset.from_texts([e.text for e in task.train], [e.label for e in task.train], tokenizer,
                                         max_length=config.max_length)
    loader = torch.utils.data.DataLoader(dataset,
                                         batch_size=config.batch_size, shuffle=True, generator=generator,
                                         collate_fn=partial(collate, pad_id=pad_token_id(tokenizer)))
    train(teacher, loader, config.train_config(len(loader)), loss_fn=classification_loss, generator=generator)
    _TEACHERS[key] = {k: v.detach().clone() for k, v in teacher.state_dict().items()}
    return teacher.eval()


def task_teacher(base, task, config, seed: int = 0):
    """``(teacher, dev accuracy)`` for distilling on ``task``: ``base.model`` under a new classifier
    head (initialised from ``seed``), fully fine-tuned by :func:`finetune_teacher`, then scored on
    the task's dev texts. ``base`` is what ``load_base_model()`` returns; ``config`` a ``FinetuneConfig``."""
    from ..finetune.compare import pad_token_id, predict
    from ..finetune.heads import SequenceClassifier
    from ..finetune.metrics import accuracy

    pad = pad_token_id(base.tokenizer)
    torch.manual_seed(seed)  # the new head's initial weights
    classifier = SequenceClassifier(copy.deepcopy(base.model), len(task.labels), pad_id=pad)
    teacher = finetune_teacher(classifier, task, config, base.tokenizer, seed=seed)
    dev = LabelledDataset.from_texts([e.text for e in task.dev], [e.label for e in task.dev], base.tokenizer,
                                     max_length=config.max_length)
    return teacher, accuracy(predict(teacher, dev, pad, config.eval_batch_size), dev.labels)


class Distill(Method):
    """Knowledge distillation as a harness method.

    teacher      a classifier for the task (``SequenceClassifier``) whose logits the student
                 learns from; None: the run's own starting model fully fine-tuned on the task
                 with the same seed first (born-again distillation, Furlanello et al. 2018,
                 arXiv 1805.04770, when the student is the base model itself)
    temperature  T (Hinton et al.: 1-20; 2 is a common choice)
    alpha        weight of the soft term; 1 − alpha weights the cross-entropy
    kl           "forward" KL(teacher ‖ student) or "reverse" KL(student ‖ teacher)
    tokenizer    only for ``teacher=None``: encodes the task for the teacher's training (default:
                 the course tokenizer, shared by every shipped course model)

    With ``teacher=None`` the teacher trains inside ``setup``, before the harness starts its clock:
    the time column shows the cost of distilling, not of making the teacher.
    """

    def __init__(self, teacher=None, temperature: float = 2.0, alpha: float = 0.5, kl: str = "forward",
                 tokenizer=None):
        _check(temperature, alpha, kl)
        self.teacher, self.temperature, self.alpha, self.kl = teacher, temperature, alpha, kl
        self._tokenizer = tokenizer
        self.name = f"KD(T={temperature:g})" + ("" if kl == "forward" else f", {kl}")

    def setup(self, model, task, config) -> list:
        for param in model.parameters():
            param.requires_grad_(True)
        teacher = self.teacher
        if teacher is None:
            tokenizer = self._tokenizer
            if tokenizer is None:
                from ..assets import load_base_model

                tokenizer = load_base_model().tokenizer
            # compare() seeded torch with the run's seed just before setup: the teacher uses it too.
            teacher = finetune_teacher(model, task, config, tokenizer, seed=torch.initial_seed())
        if getattr(teacher, "n_classes", len(task.labels)) != len(task.labels):
            raise CourseValueError("distill_teacher_classes", teacher=teacher.n_classes, task=len(task.labels))
        return [DistillLoss(teacher, self.temperature, self.alpha, self.kl)]

    def settings(self) -> dict:
        values = super().settings()
        if self.teacher is not None:
            from ..finetune.compare import weights_digest

            values["teacher"] = weights_digest(self.teacher)
        return values
