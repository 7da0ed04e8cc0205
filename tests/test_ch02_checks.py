"""Chapter 02's checks pass correct solutions and fail the blank exercise and plausible mistakes."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch.nn.functional import scaled_dot_product_attention as sdpa_imported_by_name

from course_lib.checks import (
    CheckFailed,
    check_causal_self_attention,
    check_next_token_cross_entropy,
    check_training_step,
)
from course_lib.model import lm_loss
from course_lib.model.gpt import explicit_causal_attention


def _blank(*_args):
    raise NotImplementedError


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
        _blank,
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
        _blank,
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
    [_blank, _forgets_zero_grad, _forgets_step, _returns_tensor, _loss_after_step,
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
