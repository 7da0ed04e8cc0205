"""Checks for chapter 02: causal self-attention, the next-token loss, and one training step.

Every reference here is independent of the learner's code: PyTorch's own
``scaled_dot_product_attention(is_causal=True)`` and ``cross_entropy``, and a training step
written out in the check. The references are computed before the learner's function runs; while
it runs, PyTorch's built-in attention refuses to work (:class:`_NoBuiltinAttention`), because the
exercise is to write attention, not to call it.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch.overrides import TorchFunctionMode

from ..i18n import message, number, register
from .core import Case, run_check, values_match

MESSAGES = register(
    {
        "check_not_tensor": {
            "en": "returned {kind}: expected a torch tensor",
            "tr": "dönen değer {kind}: bir torch tensörü bekleniyordu",
        },
        "check_wrong_shape": {
            "en": "returned shape {got}: expected {expected}",
            "tr": "dönen şekil {got}: beklenen {expected}",
        },
        "check_future_leak": {
            "en": "changing only the last position's key and value changed the output at earlier "
                  "positions: the future leaks in (is the causal mask missing or on the wrong side?)",
            "tr": "yalnızca son konumun anahtarını ve değerini değiştirmek önceki konumların çıktısını da "
                  "değiştirdi: gelecek sızıyor (nedensel maske eksik mi, yoksa yanlış tarafta mı?)",
        },
        "check_builtin_attention": {
            "en": "your function calls PyTorch's built-in attention ({name}); the exercise is to write it: "
                  "the scores, the mask, the softmax and the weighted sum of the values",
            "tr": "fonksiyonunuz PyTorch'un hazır dikkat fonksiyonunu ({name}) çağırıyor; alıştırmada onu "
                  "sizin yazmanız bekleniyor: puanlar, maske, softmax ve değerlerin ağırlıklı toplamı",
        },
        "check_loss_not_finite": {
            "en": "the loss is {got} on logits around 1000: exp(1000) overflows in fp32 and a "
                  "probability of exp(-200) underflows to 0. Use `log_softmax` or `F.cross_entropy`, "
                  "which subtract the maximum first",
            "tr": "1000 civarındaki logit'lerde kayıp {got} çıktı: fp32'de exp(1000) taşar, exp(-200) "
                  "olasılığı da 0'a yuvarlanır. Önce en büyük değeri çıkaran `log_softmax` ya da "
                  "`F.cross_entropy` kullanın",
        },
        "check_loss_scalar": {
            "en": "returned {kind}: expected a single-number tensor (shape ()), so that "
                  "`loss.backward()` works; do not call `.item()` here",
            "tr": "dönen değer {kind}: tek sayılık bir tensör (şekli ()) bekleniyordu, ki "
                  "`loss.backward()` çalışsın; burada `.item()` çağırmayın",
        },
        "check_loss_no_grad": {
            "en": "the loss does not carry a gradient back to the logits: compute it with torch operations",
            "tr": "kayıp, gradyanı logit'lere geri taşımıyor: onu torch işlemleriyle hesaplayın",
        },
        "check_step_not_float": {
            "en": "returned {kind}: expected the loss as a Python float (`loss.item()`)",
            "tr": "dönen değer {kind}: kaybın Python float'u olarak (`loss.item()`) dönmesi bekleniyordu",
        },
        "check_step_loss": {
            "en": "step {step}: returned loss {got:.6f}, expected {expected:.6f} (the loss of this batch "
                  "before the update)",
            "tr": "{step}. adım: dönen kayıp {got:.6f}, beklenen {expected:.6f} (güncellemeden önce bu "
                  "yığının kaybı)",
        },
        "check_step_unchanged": {
            "en": "step {step}: the parameters did not change: call `loss.backward()` and `optimizer.step()`",
            "tr": "{step}. adım: parametreler değişmedi: `loss.backward()` ve `optimizer.step()` çağırın",
        },
        "check_step_params": {
            "en": "step {step}: the parameters differ from one correct step (largest difference {diff:.2e} "
                  "in {name}); are the old gradients cleared with `optimizer.zero_grad()` first?",
            "tr": "{step}. adım: parametreler doğru bir adımın sonucundan farklı ({name} içinde en büyük "
                  "fark {diff:.2e}); eski gradyanlar önce `optimizer.zero_grad()` ile temizleniyor mu?",
        },
    }
)


# ------------------------------------------------------------------- (a) causal self-attention
def _qkv(shape, seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    # A spread of 2 makes the scores large enough that a missing 1/sqrt(d) changes the answer clearly.
    return tuple(2 * torch.randn(shape, generator=generator) for _ in range(3))


def _tensor_problem(result, shape) -> str | None:
    if not isinstance(result, torch.Tensor):
        return message("check_not_tensor", kind=type(result).__name__)
    if tuple(result.shape) != tuple(shape):
        return message("check_wrong_shape", got=tuple(result.shape), expected=tuple(shape))
    return None


def _reference_attention(q, k, v) -> torch.Tensor:
    return F.scaled_dot_product_attention(q, k, v, is_causal=True)


def _no_future_leak(student_fn, shape):
    """Judge: perturbing the last position's key and value must leave every earlier output as it was."""

    def judge(result) -> str | None:
        problem = _tensor_problem(result, shape)
        if problem:
            return problem
        q, k, v = _qkv(shape, seed=11)
        k2, v2 = k.clone(), v.clone()
        k2[..., -1, :] += 5.0
        v2[..., -1, :] -= 5.0
        before, after = student_fn(q, k, v), student_fn(q, k2, v2)
        if not torch.allclose(before[..., :-1, :], after[..., :-1, :], atol=1e-5):
            return message("check_future_leak")
        return None

    return judge


class BuiltinAttentionUsed(RuntimeError):
    """Raised inside the check when the learner's function calls a built-in attention."""


# The names PyTorch's attention entry points carry in a TorchFunctionMode: F.scaled_dot_product_attention
# and everything nn.MultiheadAttention runs through (its forward calls multi_head_attention_forward).
_BUILTIN_ATTENTION = {"scaled_dot_product_attention", "multi_head_attention_forward", "_native_multi_head_attention"}


class _NoBuiltinAttention(TorchFunctionMode):
    """While active, any call of a built-in attention raises :class:`BuiltinAttentionUsed`.

    A function mode sees the call however the learner reached it (``F.``, ``torch.nn.functional.``,
    a name imported earlier, or an ``nn.MultiheadAttention`` module), which patching one module
    attribute would not.
    """

    def __torch_function__(self, func, types, args=(), kwargs=None):
        name = getattr(func, "__name__", "")
        if name in _BUILTIN_ATTENTION:
            raise BuiltinAttentionUsed(message("check_builtin_attention", name=name))
        return func(*args, **(kwargs or {}))


def check_causal_self_attention(student_fn) -> bool:
    """softmax(Q Kᵀ / sqrt(d) + causal mask) V on (B, H, T, D) tensors, against PyTorch's SDPA."""
    shape = (1, 2, 6, 8)
    cases = [Case(
        {"en": "the output at a position does not depend on later positions",
         "tr": "bir konumdaki çıktı sonraki konumlara bağlı değil"},
        args=_qkv(shape, 11), judge=_no_future_leak(student_fn, shape),
    )]
    for shape, seed in (((1, 1, 4, 8), 0), ((2, 3, 7, 16), 1), ((1, 2, 5, 3), 2), ((2, 1, 1, 4), 3)):
        q, k, v = _qkv(shape, seed)
        cases.append(Case(
            {"en": f"random q, k, v of shape (B, H, T, D) = {shape}",
             "tr": f"(B, H, T, D) = {shape} şeklinde rastgele q, k, v"},
            args=(q, k, v), expected=_reference_attention(q, k, v), atol=1e-4,
        ))
    with _NoBuiltinAttention():
        return run_check("check_causal_self_attention", student_fn, cases)


# ------------------------------------------------------------------ (b) next-token cross-entropy
def _reference_next_token_loss(logits: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    vocab = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, vocab), ids[:, 1:].reshape(-1))


def _loss_matches(expected: torch.Tensor, logits: torch.Tensor, student_fn, ids: torch.Tensor):
    def judge(result) -> str | None:
        if not isinstance(result, torch.Tensor) or result.dim() != 0:
            kind = f"a tensor of shape {tuple(result.shape)}" if isinstance(result, torch.Tensor) else type(result).__name__
            return message("check_loss_scalar", kind=kind)
        if not torch.isfinite(result.detach()):
            return message("check_loss_not_finite", got=float(result.detach()))
        if not values_match(result.detach(), expected, atol=1e-5, rtol=1e-5):
            return message("check_expected_got", expected=number(float(expected), ".6f"),
                           got=number(float(result.detach()), ".6f"))
        graded = logits.clone().requires_grad_(True)
        again = student_fn(graded, ids)
        if not isinstance(again, torch.Tensor) or not again.requires_grad:
            return message("check_loss_no_grad")
        return None

    return judge


def check_next_token_cross_entropy(student_fn) -> bool:
    """Mean cross-entropy of predicting ids[:, 1:] from logits[:, :-1], against F.cross_entropy."""
    cases = []
    for (batch, length, vocab), seed in (((2, 5, 7), 0), ((3, 9, 11), 1), ((1, 2, 4), 2)):
        generator = torch.Generator().manual_seed(seed)
        logits = 3 * torch.randn(batch, length, vocab, generator=generator)
        ids = torch.randint(vocab, (batch, length), generator=generator)
        expected = _reference_next_token_loss(logits, ids)
        cases.append(Case(
            {"en": f"random logits (B, T, V) = {(batch, length, vocab)} and ids (B, T)",
             "tr": f"rastgele logit'ler (B, T, V) = {(batch, length, vocab)} ve kimlikler (B, T)"},
            args=(logits, ids), judge=_loss_matches(expected, logits, student_fn, ids),
        ))
    # Logits around 1000 with a spread of 60: exp overflows in fp32, and the target's probability
    # is often below fp32's smallest number (about e^-103), so exp/sum and log(softmax) both fail,
    # while a log-softmax that subtracts the maximum stays exact.
    generator = torch.Generator().manual_seed(4)
    logits = 1000 + 60 * torch.randn(2, 6, 9, generator=generator)
    ids = torch.randint(9, (2, 6), generator=generator)
    cases.append(Case(
        {"en": "large logits (around 1000, spread 60): the loss must stay finite and exact",
         "tr": "büyük logit'ler (1000 civarı, yayılım 60): kayıp sonlu ve doğru kalmalı"},
        args=(logits, ids),
        judge=_loss_matches(_reference_next_token_loss(logits.double(), ids).float(), logits, student_fn, ids),
    ))
    # A model that predicts the next id perfectly: only the right shift gives a loss near 0.
    generator = torch.Generator().manual_seed(3)
    ids = torch.randint(6, (2, 8), generator=generator)
    logits = torch.full((2, 8, 6), -8.0)
    logits[:, :-1].scatter_(-1, ids[:, 1:, None], 8.0)
    cases.append(Case(
        {"en": "logits that put the next id first: the loss must be close to 0",
         "tr": "bir sonraki kimliğe en yüksek puanı veren logit'ler: kayıp 0'a yakın olmalı"},
        args=(logits, ids),
        judge=_loss_matches(_reference_next_token_loss(logits, ids), logits, student_fn, ids),
    ))
    return run_check("check_next_token_cross_entropy", student_fn, cases)


# ----------------------------------------------------------------------------- (c) training step
def _reference_step(model, batch, optimizer) -> float:
    optimizer.zero_grad()
    inputs, targets = batch
    loss = model(inputs, targets=targets).loss
    loss.backward()
    optimizer.step()
    return loss.item()


def _tiny_setup(seed: int = 0):
    """A tiny GPT, an AdamW optimizer for it, and three batches of (inputs, targets)."""
    from ..model import GPT, GPTConfig

    torch.manual_seed(seed)
    model = GPT(GPTConfig(vocab_size=13, block_size=8, n_layer=1, n_head=2, n_embd=8))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    generator = torch.Generator().manual_seed(seed + 1)
    batches = []
    for _ in range(3):
        ids = torch.randint(13, (4, 9), generator=generator)
        batches.append((ids[:, :-1], ids[:, 1:]))
    return model, optimizer, batches


def _steps_match(student_fn):
    """Judge: three steps of the learner's function equal three reference steps, loss by loss."""

    def judge(_first) -> str | None:
        mine, my_optimizer, batches = _tiny_setup()
        ref, ref_optimizer, _ = _tiny_setup()
        for step, batch in enumerate(batches, start=1):
            before = {name: p.detach().clone() for name, p in mine.named_parameters()}
            got = student_fn(mine, batch, my_optimizer)
            expected = _reference_step(ref, batch, ref_optimizer)
            if not isinstance(got, float):
                return message("check_step_not_float", kind=type(got).__name__)
            if not math.isclose(got, expected, rel_tol=1e-5, abs_tol=1e-6):
                return message("check_step_loss", step=step, got=got, expected=expected)
            if all(torch.equal(before[name], p) for name, p in mine.named_parameters()):
                return message("check_step_unchanged", step=step)
            ref_params = dict(ref.named_parameters())
            worst_name, worst = max(
                ((name, (p - ref_params[name]).abs().max().item()) for name, p in mine.named_parameters()),
                key=lambda item: item[1],
            )
            if worst > 1e-5:
                return message("check_step_params", step=step, diff=worst, name=worst_name)
        return None

    return judge


def check_training_step(student_fn) -> bool:
    """zero_grad, forward, backward, step, return the loss: compared with a reference on a copy."""
    model, optimizer, batches = _tiny_setup()
    spare_model, spare_optimizer, spare_batches = _tiny_setup()
    cases = [
        Case(
            {"en": "one step on a tiny GPT returns the batch's loss as a float",
             "tr": "küçük bir GPT üzerinde bir adım, yığının kaybını float olarak döndürür"},
            args=(model, batches[0], optimizer),
            judge=lambda result: None if isinstance(result, float)
            else message("check_step_not_float", kind=type(result).__name__),
        ),
        Case(
            {"en": "three steps give the same losses and parameters as three correct steps",
             "tr": "üç adım, üç doğru adımla aynı kayıpları ve parametreleri verir"},
            args=(spare_model, spare_batches[0], spare_optimizer),
            judge=_steps_match(student_fn),
        ),
    ]
    return run_check("check_training_step", student_fn, cases)


# ------------------------------------------------------------------- (d) split and merge heads
def _heads_by_slices(x: torch.Tensor, n_head: int) -> torch.Tensor:
    """(B, T, d) → (B, H, T, D), head h being features h·D … (h+1)·D - 1: written with slices, not views."""
    width = x.shape[-1] // n_head
    return torch.stack([x[..., h * width:(h + 1) * width] for h in range(n_head)], dim=1)


def _merged_by_slices(y: torch.Tensor) -> torch.Tensor:
    """(B, H, T, D) → (B, T, H·D), the heads side by side in order: the inverse of the above."""
    return torch.cat([y[:, h] for h in range(y.shape[1])], dim=-1)


def _numbered(*shape) -> torch.Tensor:
    # Every entry a different number, so that any misplaced feature changes the result.
    return torch.arange(math.prod(shape), dtype=torch.float32).reshape(shape)


def check_split_heads(student_fn) -> bool:
    """``split_heads(x, n_head)``: (B, T, d) → (B, H, T, D), head h holding features h·D … (h+1)·D-1."""
    cases = []
    for (batch, length, width), n_head in (((1, 3, 4), 2), ((2, 5, 12), 3), ((2, 4, 6), 1), ((1, 1, 8), 4)):
        x = _numbered(batch, length, width)
        cases.append(Case(
            {"en": f"x of shape (B, T, d) = {(batch, length, width)} with {n_head} heads",
             "tr": f"(B, T, d) = {(batch, length, width)} şeklinde x, {n_head} kafa"},
            args=(x, n_head), expected=_heads_by_slices(x, n_head), atol=0, rtol=0,
        ))
    return run_check("check_split_heads", student_fn, cases)


def check_merge_heads(student_fn) -> bool:
    """``merge_heads(y)``: (B, H, T, D) → (B, T, H·D), the inverse of ``split_heads``."""
    cases = []
    for shape in ((1, 2, 3, 2), (2, 3, 5, 4), (2, 1, 4, 6), (1, 4, 1, 2)):
        y = _numbered(*shape)
        cases.append(Case(
            {"en": f"y of shape (B, H, T, D) = {shape}", "tr": f"(B, H, T, D) = {shape} şeklinde y"},
            args=(y,), expected=_merged_by_slices(y), atol=0, rtol=0,
        ))
    # Attention returns (B, H, T, D) made by a transpose, so merge_heads must cope with a tensor whose
    # memory is not in (B, H, T, D) order (`.view` fails there; `.reshape` or `.contiguous()` works).
    y = _numbered(2, 5, 3, 4).transpose(1, 2)
    cases.append(Case(
        {"en": "y that is a transposed view (not contiguous), as attention's output is",
         "tr": "dikkat çıktısı gibi, devrik bir görünüm olan (bellekte bitişik olmayan) y"},
        args=(y,), expected=_merged_by_slices(y), atol=0, rtol=0,
    ))
    return run_check("check_merge_heads", student_fn, cases)


# ----------------------------------------------------------------- (e) temperature, top-k, top-p
def _expected_sampling_probs(probs: list[float], temperature: float, top_k, top_p) -> torch.Tensor:
    """The distribution to draw from, worked out in float64 from the definitions, token by token.

    Temperature divides the logits; top-k keeps the k most likely tokens; top-p then keeps a token
    when the tokens more likely than it hold less than p (the smallest set that reaches p); the kept
    probabilities are renormalised. ``probs`` holds no ties, so "more likely" is unambiguous.
    """
    logits = torch.tensor(probs, dtype=torch.float64).log() / temperature
    p = logits.softmax(-1)
    keep = torch.ones(len(probs), dtype=torch.bool)
    for i in range(len(probs)):
        rank = int((p > p[i]).sum())
        if top_k is not None and rank >= top_k:
            keep[i] = False
    if top_p is not None:
        q = torch.where(keep, p, torch.zeros_like(p))
        q = q / q.sum()
        for i in range(len(probs)):
            if keep[i] and q[q > q[i]].sum() >= top_p:
                keep[i] = False
    kept = torch.where(keep, p, torch.zeros_like(p))
    return (kept / kept.sum()).float()


def _judge_probs(expected: torch.Tensor):
    def judge(result) -> str | None:
        problem = _tensor_problem(result, expected.shape)
        if problem:
            return problem
        if not torch.allclose(result.detach().float(), expected, atol=1e-5):
            shown = [round(v, 4) for v in result.detach().float().tolist()]
            return message("check_expected_got", expected=[round(v, 4) for v in expected.tolist()], got=shown)
        return None

    return judge


def check_sampling_probs(student_fn) -> bool:
    """``sampling_probs(logits, temperature, top_k, top_p)``: the distribution generation draws from."""
    # Logits are logs of known probabilities, in shuffled order, so sorting must be undone.
    probs = [0.1, 0.5, 0.05, 0.25, 0.02, 0.08]
    examples = [
        ("temperature 1, no filter: the plain softmax", "sıcaklık 1, süzgeç yok: düz softmax", 1.0, None, None),
        ("temperature 0.5 sharpens", "sıcaklık 0,5 dağılımı sivriltir", 0.5, None, None),
        ("temperature 2 flattens", "sıcaklık 2 dağılımı düzleştirir", 2.0, None, None),
        ("top-k = 3 keeps the 3 most likely tokens", "top-k = 3 en olası 3 token'ı tutar", 1.0, 3, None),
        ("top-p = 0.7 keeps 0.5 and 0.25: together they reach 0.7",
         "top-p = 0,7, 0,5 ve 0,25'i tutar: ikisi birlikte 0,7'ye ulaşır", 1.0, None, 0.7),
        ("top-p = 0.45: the most likely token (0.5) alone reaches it",
         "top-p = 0,45: en olası token (0,5) tek başına bu değere ulaşır", 1.0, None, 0.45),
        ("top-p = 0.85 after temperature 2 (the temperature comes first)",
         "sıcaklık 2'den sonra top-p = 0,85 (önce sıcaklık uygulanır)", 2.0, None, 0.85),
        ("temperature 0.8, top-k = 4, then top-p = 0.9", "sıcaklık 0,8, top-k = 4, ardından top-p = 0,9",
         0.8, 4, 0.9),
    ]
    logits = torch.tensor(probs).log()
    cases = [
        Case({"en": en, "tr": tr}, args=(logits.clone(), temperature, top_k, top_p),
             judge=_judge_probs(_expected_sampling_probs(probs, temperature, top_k, top_p)))
        for en, tr, temperature, top_k, top_p in examples
    ]
    return run_check("check_sampling_probs", student_fn, cases)
