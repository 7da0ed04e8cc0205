"""Chapter 02's checks pass correct solutions and fail the blank exercise and plausible mistakes."""

import math

import pytest
import torch
import torch.nn.functional as F
from check_testing import blank
from torch.nn.functional import scaled_dot_product_attention as sdpa_imported_by_name

from course_lib.checks import (
    CheckFailed,
    check_causal_self_attention,
    check_merge_heads,
    check_next_token_cross_entropy,
    check_sampling_probs,
    check_split_heads,
    check_training_step,
)
from course_lib.model import lm_loss
from course_lib.model.gpt import explicit_causal_attention


# ---------------------------------------------------------------- (a) causal self-attention
def _attention(q, k, v, scale=True, mask="future", fill=float("-inf")):
    """Written-out attention with switchable mistakes."""
    T, d = q.shape[-2], q.shape[-1]
    scores = q @ k.transpose(-2, -1)
    if scale:
        scores = scores / math.sqrt(d)
    if mask == "future":
        hidden = torch.ones(T, T, dtype=torch.bool).triu(1)
    elif mask == "past":  # the mask on the wrong side: each position sees itself and the future
        hidden = torch.ones(T, T, dtype=torch.bool).tril(-1)
    else:
        hidden = torch.zeros(T, T, dtype=torch.bool)
    return scores.masked_fill(hidden, fill).softmax(-1) @ v


def test_attention_check_passes_correct_solutions():
    assert check_causal_self_attention(_attention)
    assert check_causal_self_attention(lambda q, k, v: explicit_causal_attention(q, k, v)[0])


def _mha_attention(q, k, v):
    """nn.MultiheadAttention with identity projections: right numbers, but a built-in attention."""
    B, H, T, D = q.shape
    mha = torch.nn.MultiheadAttention(D, 1, bias=False, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.eye(D).repeat(3, 1))
        mha.out_proj.weight.copy_(torch.eye(D))
    mask = torch.ones(T, T, dtype=torch.bool).triu(1)
    flat = [t.reshape(B * H, T, D) for t in (q, k, v)]
    return mha(*flat, attn_mask=mask, need_weights=False)[0].reshape(B, H, T, D)


def test_the_mha_stand_in_is_right_outside_the_check():
    # So that its failure inside the check can only come from the built-in-attention guard.
    q, k, v = (torch.randn(2, 3, 5, 4) for _ in range(3))
    assert torch.allclose(_mha_attention(q, k, v), _attention(q, k, v), atol=1e-5)


@pytest.mark.parametrize(
    "builtin",
    [
        lambda q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True),
        lambda q, k, v: sdpa_imported_by_name(q, k, v, is_causal=True),
        _mha_attention,
    ],
    ids=["sdpa", "sdpa_imported_name", "multihead_attention"],
)
def test_attention_check_fails_a_builtin_attention(builtin, capsys):
    with pytest.raises(CheckFailed):
        check_causal_self_attention(builtin)
    assert "built-in attention" in capsys.readouterr().out


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda q, k, v: _attention(q, k, v, mask="none"),  # no mask
        lambda q, k, v: _attention(q, k, v, scale=False),  # no 1/sqrt(d)
        lambda q, k, v: _attention(q, k, v, mask="past"),  # mask on the wrong side
        lambda q, k, v: _attention(q, k, v, fill=0.0),  # masked scores set to 0, not -inf
        lambda q, k, v: (_attention(q, k, v) / math.sqrt(q.shape[-1])),  # scaled after the softmax
        lambda q, k, v: torch.zeros_like(v),  # a trivial fake
        lambda q, k, v: v,  # "attend only to yourself"
        lambda q, k, v: _attention(q, k, v).detach().numpy(),  # not a tensor
    ],
    ids=["blank", "no_mask", "no_scale", "wrong_side", "zero_fill", "scale_after", "zeros", "identity", "numpy"],
)
def test_attention_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_causal_self_attention(wrong)


# ------------------------------------------------------------- (b) next-token cross-entropy
def _next_token_loss(logits, ids):
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), ids[:, 1:].reshape(-1))


def test_loss_check_passes_correct_solutions():
    assert check_next_token_cross_entropy(_next_token_loss)
    assert check_next_token_cross_entropy(lambda logits, ids: lm_loss(logits[:, :-1], ids[:, 1:]))
    # written out with log_softmax and gather
    assert check_next_token_cross_entropy(
        lambda logits, ids: -logits[:, :-1].log_softmax(-1).gather(-1, ids[:, 1:, None]).mean()
    )


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda lo, ids: F.cross_entropy(lo.reshape(-1, lo.shape[-1]), ids.reshape(-1)),  # no shift
        lambda lo, ids: F.cross_entropy(lo[:, 1:].reshape(-1, lo.shape[-1]), ids[:, :-1].reshape(-1)),  # reversed
        lambda lo, ids: F.cross_entropy(  # sum instead of mean
            lo[:, :-1].reshape(-1, lo.shape[-1]), ids[:, 1:].reshape(-1), reduction="sum"
        ),
        lambda lo, ids: _next_token_loss(lo, ids).item(),  # a float: backward() would not work
        lambda lo, ids: _next_token_loss(lo, ids).detach(),  # no gradient
        lambda lo, ids: F.cross_entropy(lo[:, :-1].reshape(-1, lo.shape[-1]), ids[:, 1:].reshape(-1),
                                        reduction="none"),  # per token, not reduced
        lambda lo, ids: torch.tensor(math.log(lo.shape[-1]), requires_grad=True),  # the uniform guess
    ],
    ids=["blank", "no_shift", "reversed_shift", "sum", "float", "detached", "unreduced", "log_v"],
)
def test_loss_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_next_token_cross_entropy(wrong)


def _picked(log_probs, ids):
    return -log_probs.gather(-1, ids[:, 1:, None]).mean()


@pytest.mark.parametrize(
    "naive",
    [
        lambda lo, ids: _picked(lo[:, :-1].softmax(-1).log(), ids),  # log(softmax): log(0) = -inf
        lambda lo, ids: _picked((lo[:, :-1].exp() / lo[:, :-1].exp().sum(-1, keepdim=True)).log(), ids),  # exp/sum
        lambda lo, ids: _picked(lo[:, :-1] - lo[:, :-1].exp().sum(-1, keepdim=True).log(), ids),  # no max subtracted
    ],
    ids=["log_softmax_naive", "exp_over_sum", "logsumexp_without_max"],
)
def test_loss_check_fails_unstable_formulas_on_large_logits(naive, capsys):
    with pytest.raises(CheckFailed):
        check_next_token_cross_entropy(naive)
    assert "logits around 1000" in capsys.readouterr().out


# --------------------------------------------------------------------- (c) a training step
def _step(model, batch, optimizer):
    optimizer.zero_grad()
    inputs, targets = batch
    loss = model(inputs, targets=targets).loss
    loss.backward()
    optimizer.step()
    return loss.item()


def _step_zero_grad_last(model, batch, optimizer):
    inputs, targets = batch
    loss = model(inputs, targets=targets).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()


def _step_with_own_loss(model, batch, optimizer):
    optimizer.zero_grad(set_to_none=False)
    inputs, targets = batch
    logits = model(inputs).logits
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
    loss.backward()
    optimizer.step()
    return float(loss.detach())


def _forgets_zero_grad(model, batch, optimizer):
    loss = model(*batch[:1], targets=batch[1]).loss
    loss.backward()
    optimizer.step()
    return loss.item()


def _forgets_step(model, batch, optimizer):
    optimizer.zero_grad()
    loss = model(batch[0], targets=batch[1]).loss
    loss.backward()
    return loss.item()


def _returns_tensor(model, batch, optimizer):
    optimizer.zero_grad()
    loss = model(batch[0], targets=batch[1]).loss
    loss.backward()
    optimizer.step()
    return loss


def _loss_after_step(model, batch, optimizer):
    _step(model, batch, optimizer)
    with torch.no_grad():
        return model(batch[0], targets=batch[1]).loss.item()


def test_step_check_passes_correct_solutions():
    assert check_training_step(_step)
    assert check_training_step(_step_zero_grad_last)
    assert check_training_step(_step_with_own_loss)


@pytest.mark.parametrize(
    "wrong",
    [blank, _forgets_zero_grad, _forgets_step, _returns_tensor, _loss_after_step,
     lambda model, batch, optimizer: 0.0],
    ids=["blank", "no_zero_grad", "no_step", "tensor", "loss_after", "constant"],
)
def test_step_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_training_step(wrong)


def test_messages_exist_in_turkish(monkeypatch, capsys):
    from course_lib import i18n

    monkeypatch.setattr(i18n, "_language", "tr")
    with pytest.raises(CheckFailed, match="zero_grad"):
        check_training_step(_forgets_zero_grad)
    with pytest.raises(CheckFailed, match="gelecek sızıyor"):
        check_causal_self_attention(lambda q, k, v: _attention(q, k, v, mask="none"))
    with pytest.raises(CheckFailed, match="hazır dikkat"):
        check_causal_self_attention(lambda q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True))
    with pytest.raises(CheckFailed, match="1000 civarındaki"):
        check_next_token_cross_entropy(lambda lo, ids: _picked(lo[:, :-1].softmax(-1).log(), ids))


# ------------------------------------------------------------------- (d) split and merge heads
def _split(x, n_head):
    B, T, d = x.shape
    return x.view(B, T, n_head, d // n_head).transpose(1, 2)


def _merge(y):
    B, H, T, D = y.shape
    return y.transpose(1, 2).reshape(B, T, H * D)


def test_head_checks_pass_correct_solutions():
    assert check_split_heads(_split)
    assert check_split_heads(lambda x, n: x.reshape(x.shape[0], x.shape[1], n, -1).permute(0, 2, 1, 3))
    assert check_merge_heads(_merge)
    assert check_merge_heads(lambda y: y.transpose(1, 2).contiguous().view(y.shape[0], y.shape[2], -1))


def test_split_then_merge_gives_back_the_input():
    x = torch.randn(2, 5, 12)
    assert torch.equal(_merge(_split(x, 3)), x)


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda x, n: x.view(x.shape[0], n, x.shape[1], -1),  # no transpose: positions and heads mixed up
        lambda x, n: x.view(x.shape[0], x.shape[1], -1, n).permute(0, 3, 1, 2),  # heads interleaved
        lambda x, n: x.view(x.shape[0], x.shape[1], n, -1),  # (B, T, H, D): not transposed
        lambda x, n: x.unsqueeze(1).expand(-1, n, -1, -1)[..., : x.shape[-1] // n],  # every head = head 0
    ],
    ids=["blank", "view_no_transpose", "interleaved", "bthd", "first_slice"],
)
def test_split_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_split_heads(wrong)


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda y: y.reshape(y.shape[0], y.shape[2], -1),  # no transpose back
        lambda y: y.permute(0, 2, 3, 1).reshape(y.shape[0], y.shape[2], -1),  # heads interleaved
        lambda y: y.transpose(1, 2).view(y.shape[0], y.shape[2], -1),  # .view on a transposed tensor
        lambda y: y.sum(1),  # heads added, not put side by side
    ],
    ids=["blank", "no_transpose", "interleaved", "view", "sum"],
)
def test_merge_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_merge_heads(wrong)


def test_a_view_on_a_transposed_tensor_fails_with_the_error_shown(capsys):
    with pytest.raises(CheckFailed):
        check_merge_heads(lambda y: y.transpose(1, 2).view(y.shape[0], y.shape[2], -1))
    assert "RuntimeError" in capsys.readouterr().out


# --------------------------------------------------------------- (e) temperature, top-k, top-p
def _sampling_probs(logits, temperature=1.0, top_k=None, top_p=None, inclusive=True,
                    temperature_first=True, divide=True):
    """A sort-based solution with switchable mistakes."""
    if temperature_first:
        logits = logits / temperature if divide else logits * temperature
    if top_k is not None:
        kth = logits.topk(top_k).values[-1]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p is not None:
        sorted_logits, order = logits.sort(descending=True)
        sorted_probs = sorted_logits.softmax(-1)
        before = sorted_probs.cumsum(-1) - sorted_probs
        keep_sorted = before < top_p if inclusive else sorted_probs.cumsum(-1) <= top_p
        keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
        logits = logits.masked_fill(~keep, float("-inf"))
    if not temperature_first:
        logits = logits / temperature
    return logits.softmax(-1)


def _no_renormalise(logits, temperature=1.0, top_k=None, top_p=None):  # zeroes the rest, does not rescale
    full = (logits / temperature).softmax(-1)
    kept = _sampling_probs(logits, temperature, top_k, top_p) > 0
    return torch.where(kept, full, torch.zeros_like(full))


def _sorted_without_unsorting(logits, temperature=1.0, top_k=None, top_p=None):
    return _sampling_probs(logits, temperature, top_k, top_p).sort(descending=True).values


def test_sampling_check_passes_correct_solutions():
    from course_lib.model.generate import top_k_filter, top_p_filter

    assert check_sampling_probs(_sampling_probs)

    def with_library_filters(logits, temperature, top_k, top_p):
        logits = logits / temperature
        logits = top_k_filter(logits, top_k) if top_k is not None else logits
        logits = top_p_filter(logits, top_p) if top_p is not None else logits
        return logits.softmax(-1)

    assert check_sampling_probs(with_library_filters)


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda lo, t, k, p: _sampling_probs(lo, t, k, p, divide=False),  # multiplies by the temperature
        lambda lo, t, k, p: _sampling_probs(lo, t, k, p, inclusive=False),  # drops the token that crosses p
        lambda lo, t, k, p: _sampling_probs(lo, t, k, p, temperature_first=False),  # filters before temperature
        _no_renormalise,
        _sorted_without_unsorting,
        lambda lo, t, k, p: _sampling_probs(lo, t, k, p).log(),  # log-probabilities, not probabilities
        lambda lo, t, k, p: _sampling_probs(lo, t, None, p),  # ignores top-k
    ],
    ids=["blank", "times_temperature", "exclusive_top_p", "filters_first", "not_renormalised", "left_sorted",
         "log_probs", "no_top_k"],
)
def test_sampling_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_sampling_probs(wrong)
