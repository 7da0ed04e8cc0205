"""Robustness: how much of a classifier's accuracy survives realistic noise and an adversary.

    strip_diacritics("Şişli'de ılık çörek")     -> "Sisli'de ilik corek"
    add_typos(text, rate=0.05, seed=0)           character typos on 5 % of the letters
    swap_words(text, rate=0.2, seed=0)           20 % of the words trade places with a neighbour
    noisy = noisy_task(task, "diacritics")       the same task, its dev and ood texts noised
    pgd_accuracy(classifier, tokenizer, task.dev, epsilon=0.1)   accuracy under an embedding attack

Three kinds of text noise, each measured on its own (chapters 07 and 10):

- **diacritics**: Turkish typed without its own letters (ş→s, ı→i, İ→I, ğ→g, ç→c, ö→o, ü→u and
  the capitals; â, î, û lose their circumflex). Much Turkish on phones and old keyboards is
  typed this way, and a byte-level tokenizer sees entirely different tokens. English text has
  (almost) none of these letters, so for English this kind changes (almost) nothing: the noise
  applies where it exists in the language.
- **typos**: one edit per chosen letter (drop it, double it, swap it with the next letter, or put
  a neighbouring key of the Turkish Q keyboard in its place).
- **swaps**: adjacent words trade places (word order; Turkish is freer here than English).

The adversary is projected gradient descent (Madry et al. 2018, arXiv 1706.06083) in the space
of the input word embeddings, the same space ALUM trains in (Liu et al. 2020, arXiv 2004.08994):
K signed-gradient steps that raise the cross-entropy, each followed by projection onto the ℓ∞
ball of radius ε · RMS(embeddings) around the clean embeddings. Padding is never perturbed.
"""

from __future__ import annotations

import random
from dataclasses import replace

import torch
import torch.nn.functional as F

from ..data.batching import LabelledDataset, collate
from ..i18n import CourseValueError
from ..methods.embedding_perturbation import embedding_rms, perturbed_embeddings, project, token_embedding
from . import robustness_messages  # noqa: F401  (registers this module's texts)

NOISE_KINDS = ("diacritics", "typos", "swaps")
DEFAULT_RATES = {"diacritics": 1.0, "typos": 0.05, "swaps": 0.2}

_DIACRITICS = str.maketrans("şŞıİğĞçÇöÖüÜâÂîÎûÛ", "sSiIgGcCoOuUaAiIuU")

# Neighbours on the Turkish Q keyboard (lower case), for substitution typos.
_ROWS = ("qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç")
_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _key in enumerate(_row):
        near = [_row[j] for j in (_c - 1, _c + 1) if 0 <= j < len(_row)]
        near += [_ROWS[r][_c] for r in (_r - 1, _r + 1) if 0 <= r < len(_ROWS) and _c < len(_ROWS[r])]
        _NEIGHBOURS[_key] = "".join(near)


def _check_rate(rate) -> float:
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
        raise CourseValueError("robust_bad_rate", value=rate)
    return float(rate)


def strip_diacritics(text: str) -> str:
    """``text`` with the Turkish letters replaced by their plain Latin look-alikes."""
    return text.translate(_DIACRITICS)


def add_typos(text: str, rate: float = 0.05, seed: int = 0) -> str:
    """``text`` with ``round(rate * letters)`` typos, at letters chosen at random with ``seed``.

    Each typo is one of: the letter dropped, doubled, swapped with the next character, or
    replaced by a neighbouring key (case kept). At most one typo per letter.
    """
    rate = _check_rate(rate)
    rng = random.Random(seed)
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    chosen = set(rng.sample(letters, round(rate * len(letters))))
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if i not in chosen:
            out.append(ch)
            i += 1
            continue
        kind = rng.choice(("drop", "double", "swap", "key"))
        if kind == "swap" and i + 1 < len(text) and text[i + 1] != ch:
            out += [text[i + 1], ch]
            i += 2
            continue
        if kind == "double":
            out += [ch, ch]
        elif kind in ("key", "swap"):  # a swap at the end of the text becomes a neighbouring key
            near = _NEIGHBOURS.get(ch.lower(), "") or "e"
            new = rng.choice(near)
            out.append(new.upper() if ch.isupper() else new)
        i += 1
    return "".join(out)


def swap_words(text: str, rate: float = 0.2, seed: int = 0) -> str:
    """``text`` with ``round(rate * words / 2)`` disjoint pairs of adjacent words swapped
    (so about ``rate`` of the words move). Spaces between words are kept as single spaces."""
    rate = _check_rate(rate)
    words = text.split()
    rng = random.Random(seed)
    pairs = list(range(0, len(words) - 1, 2))
    start = rng.randrange(2) if len(words) > 2 and len(words) % 2 else 0
    pairs = [p + start for p in pairs if p + start + 1 < len(words)]
    for p in rng.sample(pairs, min(len(pairs), round(rate * len(words) / 2))):
        words[p], words[p + 1] = words[p + 1], words[p]
    return " ".join(words)


def add_noise(text: str, kind: str, rate: float | None = None, seed: int = 0) -> str:
    """One noise ``kind`` ("diacritics", "typos" or "swaps") applied to ``text``."""
    if kind == "diacritics":
        return strip_diacritics(text)
    if kind == "typos":
        return add_typos(text, DEFAULT_RATES[kind] if rate is None else rate, seed)
    if kind == "swaps":
        return swap_words(text, DEFAULT_RATES[kind] if rate is None else rate, seed)
    raise CourseValueError("robust_unknown_kind", value=kind, kinds=", ".join(NOISE_KINDS))


def noisy_task(task, kind: str, seed: int = 0, rate: float | None = None):
    """A copy of ``task`` whose ``dev`` and ``ood`` texts carry noise ``kind`` (training data and
    labels unchanged). Each example gets its own seed (``seed`` + its index), so the noise is
    reproducible and differs between sentences."""
    def noised(examples):
        if examples is None:
            return None
        return [replace(e, text=add_noise(e.text, kind, rate, seed + i)) for i, e in enumerate(examples)]

    add_noise("", kind, rate)  # refuses an unknown kind or a bad rate before any work
    info = {**task.info, "noise": kind, "noise_rate": rate, "noise_seed": seed}
    return replace(task, name=f"{task.name}+{kind}", dev=noised(task.dev), ood=noised(task.ood), info=info)


def _pad_id(tokenizer) -> int:
    from ..finetune.compare import pad_token_id

    return pad_token_id(tokenizer)


def pgd_attack(classifier, batch: dict, epsilon: float, steps: int = 5, step_size: float | None = None,
               norm: str = "linf") -> torch.Tensor:
    """The embedding perturbation δ (B, T, d) that PGD finds for ``batch`` (absolute units).

    δ starts at 0; each step moves it by ``step_size`` along sign(∇δ CE) (ℓ∞) or ∇δ/‖∇δ‖ (ℓ2), then
    projects it back into the ε-ball. Default step size 2.5 ε / steps (Madry et al. 2018).
    """
    if not epsilon >= 0:
        raise CourseValueError("robust_bad_number", name="epsilon", value=epsilon)
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise CourseValueError("robust_bad_number", name="steps", value=steps)
    step_size = 2.5 * epsilon / steps if step_size is None else step_size
    ids, mask = batch["input_ids"], batch["attention_mask"]
    width = token_embedding(classifier).embedding_dim
    delta = torch.zeros(*ids.shape, width, device=ids.device)
    keep = mask.unsqueeze(-1).to(delta.dtype)  # padding stays clean
    for _ in range(steps):
        delta.requires_grad_(True)
        with perturbed_embeddings(classifier, delta):
            loss = F.cross_entropy(classifier(ids, attention_mask=mask).float(), batch["labels"])
        (grad,) = torch.autograd.grad(loss, delta)
        with torch.no_grad():
            if norm == "linf":
                direction = grad.sign()
            else:
                direction = grad / grad.flatten(1).norm(dim=1).clamp_min(1e-12).view(-1, 1, 1)
            delta = project(delta + step_size * direction * keep, epsilon, norm)
    return delta.detach()


def pgd_accuracy(classifier, tokenizer, examples, epsilon: float = 0.1, steps: int = 5,
                 step_size: float | None = None, norm: str = "linf", relative: bool = True,
                 batch_size: int = 64, max_length: int = 64) -> float:
    """Accuracy of ``classifier`` on ``examples`` (a list of labelled ``Example``) under a PGD attack.

    ``epsilon`` is in units of the embedding RMS when ``relative`` (the default), so that it means
    the same for a small course GPT and for a large model; ``epsilon=0`` gives the clean accuracy.
    """
    if not examples:
        raise CourseValueError("robust_no_examples")
    scale = embedding_rms(classifier) if relative else 1.0
    dataset = LabelledDataset.from_texts([e.text for e in examples], [e.label for e in examples], tokenizer,
                                         max_length=max_length)
    device = next(classifier.parameters()).device
    was_training = classifier.training
    classifier.eval()  # dropout off: the attack and the score see the same function
    requires = [p.requires_grad for p in classifier.parameters()]
    for p in classifier.parameters():
        p.requires_grad_(False)  # gradients for δ only
    correct = 0
    try:
        for start in range(0, len(dataset), batch_size):
            rows = [dataset[i] for i in range(start, min(start + batch_size, len(dataset)))]
            batch = {k: v.to(device) for k, v in collate(rows, pad_id=_pad_id(tokenizer)).items()}
            if epsilon > 0:
                delta = pgd_attack(classifier, batch, epsilon * scale, steps, None if step_size is None
                                   else step_size * scale, norm)
            else:
                delta = torch.zeros(*batch["input_ids"].shape, token_embedding(classifier).embedding_dim, device=device)
            with torch.no_grad(), perturbed_embeddings(classifier, delta):
                logits = classifier(batch["input_ids"], attention_mask=batch["attention_mask"])
            correct += int((logits.argmax(-1) == batch["labels"]).sum())
    finally:
        for p, flag in zip(classifier.parameters(), requires):
            p.requires_grad_(flag)
        classifier.train(was_training)
    return correct / len(dataset)


def noisy_accuracy(classifier, tokenizer, examples, kind: str, seed: int = 0, rate: float | None = None,
                   batch_size: int = 64, max_length: int = 64) -> float:
    """Accuracy of ``classifier`` on ``examples`` after noise ``kind`` (each example its own seed)."""
    from ..finetune.compare import predict

    noised = [add_noise(e.text, kind, rate, seed + i) for i, e in enumerate(examples)]
    dataset = LabelledDataset.from_texts(noised, [e.label for e in examples], tokenizer, max_length=max_length)
    predicted = predict(classifier, dataset, _pad_id(tokenizer), batch_size)
    return sum(int(p == y) for p, y in zip(predicted, dataset.labels)) / len(dataset)


__all__ = ["NOISE_KINDS", "DEFAULT_RATES", "strip_diacritics", "add_typos", "swap_words", "add_noise", "noisy_task",
           "pgd_attack", "pgd_accuracy", "noisy_accuracy"]
