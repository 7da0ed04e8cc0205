"""Chapter 03's checks pass correct solutions and fail the blank exercise and plausible mistakes,
each for the reason a learner should read."""

import math

import pytest
import torch
from check_testing import blank, fails

from course_lib.checks import (
    CheckFailed,
    check_discriminative_groups,
    check_freeze_top_k,
    check_response_mask,
    check_slanted_triangular,
)
from course_lib.checks.ch03_finetuning import TinyNet
from course_lib.train.schedule import slanted_triangular_lr


# -------------------------------------------------------------------------- (a) freeze top k
def _freeze(model, blocks, k, head, order="top", head_trains=True, freeze_all=True, count="scalars"):
    """Written-out freezing with switchable mistakes."""
    if freeze_all:
        for p in model.parameters():
            p.requires_grad_(False)
    chosen = list(blocks)[len(blocks) - k:] if order == "top" else list(blocks)[:k]
    if order == "negative_slice":  # blocks[-k:] is every block when k = 0
        chosen = list(blocks)[-k:]
    for block in chosen:
        for p in block.parameters():
            p.requires_grad_(True)
    if head_trains:
        for p in head.parameters():
            p.requires_grad_(True)
    trainable = [p for p in model.parameters() if p.requires_grad]
    return len(trainable) if count == "tensors" else sum(p.numel() for p in trainable)


def _freeze_with_module_flag(model, blocks, k, head):
    """Sets an attribute on the modules instead of requires_grad on their parameters: nothing freezes."""
    model.requires_grad = False
    for block in list(blocks)[len(blocks) - k:]:
        block.requires_grad = True
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def _freeze_blocks_only(model, blocks, k, head):
    """Freezes the lower blocks but forgets what sits below them: the embeddings keep training."""
    for i, block in enumerate(blocks):
        block.requires_grad_(i >= len(blocks) - k)
    head.requires_grad_(True)
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def test_freeze_check_passes_correct_solutions():
    assert check_freeze_top_k(_freeze)

    def with_requires_grad_(model, blocks, k, head):  # the module-level API, top k by index
        model.requires_grad_(False)
        for i, block in enumerate(blocks):
            block.requires_grad_(i >= len(blocks) - k)
        head.requires_grad_(True)
        return sum(p.numel() for p in model.parameters() if p.requires_grad)

    assert check_freeze_top_k(with_requires_grad_)


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda m, b, k, h: _freeze(m, b, k, h, order="bottom"), r"blocks \[0, 1\] train; expected blocks \[2, 3\]"),
        (lambda m, b, k, h: _freeze(m, b, k, h, head_trains=False), "the head is frozen"),
        (lambda m, b, k, h: _freeze(m, b, k, h, freeze_all=False), r"blocks \[0, 1, 2, 3\] train"),
        (_freeze_blocks_only, "the embeddings still train"),
        (lambda m, b, k, h: _freeze(m, b, k, h, order="negative_slice"), r"k = 0, blocks \[0, 1, 2\] train"),
        (lambda m, b, k, h: _freeze(m, b, k, h, count="tensors"), "expected 71, the number of trainable scalars"),
        (_freeze_with_module_flag, r"blocks \[0, 1, 2, 3\] train"),
    ],
    ids=["blank", "bottom_k", "head_forgotten", "nothing_frozen", "embeddings_left", "negative_slice",
         "counts_tensors", "module_attribute"],
)
def test_freeze_check_fails_wrong_answers(wrong, reason):
    fails(check_freeze_top_k, wrong, reason)


def test_freeze_check_catches_a_trainable_final_norm():
    def norm_left_on(model, blocks, k, head):
        _freeze(model, blocks, k, head)
        model.norm.requires_grad_(True)
        return sum(p.numel() for p in model.parameters() if p.requires_grad)

    fails(check_freeze_top_k, norm_left_on, "norm.bias, norm.weight")


# -------------------------------------------------------------------- (b) slanted triangular
def _stlr(step, *, max_lr, total_steps, cut_frac=0.1, ratio=32.0, mistake=None):
    cut = math.floor(total_steps * cut_frac)
    if mistake == "wrong_phase":
        cut = math.floor(total_steps * (1 - cut_frac))
    if mistake == "late_peak":
        cut += 1
    if step < cut:
        p = (step + 1) / cut if mistake == "early_peak" else step / cut
    else:
        p = 1 - (step - cut) / (cut * (1 / cut_frac - 1))
    p = max(p, 0.0)
    if mistake == "to_zero":
        return max_lr * p
    if mistake == "ratio_misplaced":
        return max_lr * (1 + p * ratio) / ratio
    return max_lr * (1 + p * (ratio - 1)) / ratio


def test_schedule_check_passes_correct_solutions():
    assert check_slanted_triangular(_stlr)
    assert check_slanted_triangular(slanted_triangular_lr)  # the library's own, written independently

    def as_tensor(step, **kwargs):
        return torch.tensor(_stlr(step, **kwargs))

    assert check_slanted_triangular(as_tensor)


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda s, **kw: _stlr(s, **kw, mistake="wrong_phase"), "peaks at step 90; expected step 10"),
        (lambda s, **kw: _stlr(s, **kw, mistake="early_peak"), "peaks at step 9; expected step 10"),
        (lambda s, **kw: _stlr(s, **kw, mistake="late_peak"), "peaks at step 11; expected step 10"),
        (lambda s, **kw: _stlr(s, **kw, mistake="to_zero"), "expected the lowest value"),
        (lambda s, **kw: _stlr(s, **kw, mistake="ratio_misplaced"), "highest learning rate is 1.03125"),
        (lambda s, *, max_lr, total_steps, cut_frac=0.2, ratio=32.0: _stlr(  # wrong default cut_frac
            s, max_lr=max_lr, total_steps=total_steps, cut_frac=cut_frac, ratio=ratio), "expected step 10"),
        (lambda s, **kw: "0.1", "expected the learning rate as a float"),
    ],
    ids=["blank", "wrong_phase", "early_peak", "late_peak", "decays_to_zero", "ratio_misplaced",
         "wrong_default", "string"],
)
def test_schedule_check_fails_wrong_answers(wrong, reason):
    fails(check_slanted_triangular, wrong, reason)


# ---------------------------------------------------------------- (c) discriminative groups
def _groups(embeddings, blocks, head, lr, factor=2.6, mistake=None):
    n = len(blocks)
    groups = []
    for i, block in enumerate(blocks):
        depth = (n - 1 - i) if mistake != "reversed" else i
        rate = lr / factor**depth if mistake != "multiplied" else lr * factor**depth
        groups.append({"params": list(block.parameters()), "lr": rate, "lr_scale": rate / lr})
    if mistake != "no_embeddings":
        depth = n - 1 if mistake == "embeddings_like_block0" else n
        groups.append({"params": list(embeddings.parameters()), "lr": lr / factor**depth})
    head_rate = lr / factor if mistake == "head_below_top" else lr
    groups.append({"params": list(head.parameters()), "lr": head_rate})
    return groups


def test_groups_check_passes_correct_solutions():
    assert check_discriminative_groups(_groups)

    def one_group_per_parameter(embeddings, blocks, head, lr, factor=2.6):
        groups = [{"params": [p], "lr": lr} for p in head.parameters()]
        for depth, block in enumerate(reversed(list(blocks))):
            groups += [{"params": [p], "lr": lr / factor**depth} for p in block.parameters()]
        groups += [{"params": [p], "lr": lr / factor ** len(blocks)} for p in embeddings.parameters()]
        return groups

    assert check_discriminative_groups(one_group_per_parameter)
    # the groups work as they are in a PyTorch optimizer
    model = TinyNet(3)
    torch.optim.AdamW(_groups(model.embed, model.blocks, model.head, 1e-3))


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda *a, **kw: _groups(*a, **kw, mistake="reversed"), "the rates go the wrong way"),
        (lambda *a, **kw: _groups(*a, **kw, mistake="multiplied"), "the rates go the wrong way"),
        (lambda *a, **kw: _groups(*a, **kw, mistake="head_below_top"), "the head learns at 0.000384615"),
        (lambda *a, **kw: _groups(*a, **kw, mistake="no_embeddings"), "embed.weight is in no group"),
        (lambda *a, **kw: _groups(*a, **kw, mistake="embeddings_like_block0"),
         r"embed.weight learns at 5.68958e-05; expected 2.1883e-05 = lr / factor\^4"),
        (lambda e, b, h, lr, factor=2.0: _groups(e, b, h, lr, factor), r"embed.weight learns at 6.25e-05; expected 2.1883e-05"),
        (lambda e, b, h, lr, factor=2.6: [{"params": list(e.parameters()) + list(b.parameters())
                                            + list(h.parameters()), "lr": lr}], r"embed.weight learns at 0.001; expected 2.1883e-05"),
        (lambda e, b, h, lr, factor=2.6: _groups(e, b, h, lr, factor) + [{"params": list(h.parameters()),
                                                                          "lr": lr}], "in more than one group"),
    ],
    ids=["blank", "reversed", "multiplied", "head_below_top", "no_embeddings", "embeddings_like_block0",
         "wrong_default_factor", "one_rate", "duplicate"],
)
def test_groups_check_fails_wrong_answers(wrong, reason):
    fails(check_discriminative_groups, wrong, reason)


# ------------------------------------------------------------------------ (d) response mask
def _labels(input_ids, prompt_lengths, lengths, ignore_index=-100, mistake=None):
    positions = torch.arange(input_ids.shape[1])[None, :]
    prompt = positions < prompt_lengths[:, None]
    if mistake == "boundary_late":
        prompt = positions <= prompt_lengths[:, None]
    if mistake == "boundary_early":
        prompt = positions < (prompt_lengths[:, None] - 1)
    padding = positions >= lengths[:, None]
    if mistake == "pad_by_value":
        padding = input_ids == 0
    if mistake == "pads_kept":
        padding = torch.zeros_like(padding)
    if mistake == "reversed":
        prompt = ~prompt & ~padding
    if mistake == "in_place":
        labels = input_ids
        labels[prompt | padding] = ignore_index
        return labels
    return input_ids.masked_fill(prompt | padding, ignore_index)


def test_mask_check_passes_correct_solutions():
    assert check_response_mask(_labels)

    def with_loops(input_ids, prompt_lengths, lengths, ignore_index=-100):
        labels = input_ids.clone()
        for row in range(labels.shape[0]):
            labels[row, : int(prompt_lengths[row])] = ignore_index
            labels[row, int(lengths[row]):] = ignore_index
        return labels

    assert check_response_mask(with_loops)


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (lambda *a, **kw: _labels(*a, **kw, mistake="reversed"), "the response masked"),
        (lambda *a, **kw: _labels(*a, **kw, mistake="boundary_late"), "position 2, the first response token"),
        (lambda *a, **kw: _labels(*a, **kw, mistake="boundary_early"), "position 1 belongs to the prompt"),
        (lambda *a, **kw: _labels(*a, **kw, mistake="pads_kept"), "position 5 is padding"),
        (lambda *a, **kw: _labels(*a, **kw, mistake="pad_by_value"), "row 2: position 5 is a real response token"),
        (lambda *a, **kw: _labels(*a, **kw, mistake="in_place"), "changed input_ids"),
        (lambda ids, p, lengths, ignore_index=-100: _labels(ids, p, lengths), "position 0 belongs to the prompt"),
        (lambda ids, p, lengths, ignore_index=-100: _labels(ids, p, lengths, ignore_index).tolist(),
         "expected a tensor"),
    ],
    ids=["blank", "reversed", "boundary_late", "boundary_early", "pads_kept", "pad_by_value", "in_place",
         "ignores_ignore_index", "list"],
)
def test_mask_check_fails_wrong_answers(wrong, reason):
    fails(check_response_mask, wrong, reason)


def test_messages_exist_in_turkish(monkeypatch):
    from course_lib import i18n

    monkeypatch.setattr(i18n, "_language", "tr")
    with pytest.raises(CheckFailed, match="kafası dondurulmuş"):
        check_freeze_top_k(lambda m, b, k, h: _freeze(m, b, k, h, head_trains=False))
    with pytest.raises(CheckFailed, match="oranlar ters yönde"):
        check_discriminative_groups(lambda *a, **kw: _groups(*a, **kw, mistake="reversed"))
    with pytest.raises(CheckFailed, match="yanıtın ilk token'ı"):
        check_response_mask(lambda *a, **kw: _labels(*a, **kw, mistake="boundary_late"))
    with pytest.raises(CheckFailed, match=r"10. adımda en yüksek değerine çıkıyor|beklenen adım 10"):
        check_slanted_triangular(lambda s, **kw: _stlr(s, **kw, mistake="late_peak"))
