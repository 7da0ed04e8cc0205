"""The training loop on a tiny stand-in language model (the real GPT is tested in its own files).

TinyLM has what the loop must serve: an embedding tied to the output head, a stack of blocks
(for freezing), LayerNorms, dropout (so resuming must restore the RNG), and
``forward(idx, targets=None) -> (logits, loss)`` like the course GPT.
"""

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course_lib.finetune.freezing import Freeze, GradualUnfreezing
from course_lib.i18n import CourseRuntimeError, CourseValueError
from course_lib.train import (
    Callback,
    CheckpointEvery,
    EarlyStopping,
    RandomWindows,
    TrainConfig,
    language_model_loss,
    latest_checkpoint,
    load_checkpoint,
    loss_evaluator,
    lr_at,
    train,
    weight_decay_groups,
)

VOCAB, CONTEXT = 11, 8


class Block(nn.Module):
    def __init__(self, dim, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.up = nn.Linear(dim, 2 * dim)
        self.down = nn.Linear(2 * dim, dim)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return x + self.drop(self.down(F.gelu(self.up(self.norm(x)))))


class TinyLM(nn.Module):
    def __init__(self, dim=16, n_blocks=2, dropout=0.0):
        super().__init__()
        self.wte = nn.Embedding(VOCAB, dim)
        self.wpe = nn.Embedding(CONTEXT, dim)
        self.blocks = nn.ModuleList(Block(dim, dropout) for _ in range(n_blocks))
        self.ln_f = nn.LayerNorm(dim)
        self.lm_head = nn.Linear(dim, VOCAB, bias=False)
        self.lm_head.weight = self.wte.weight  # tied, as in GPT-2

    def forward(self, idx, targets=None):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1], device=idx.device))
        for block in self.blocks:
            x = block(x)
        logits = self.lm_head(self.ln_f(x))
        loss = None if targets is None else F.cross_entropy(logits.flatten(0, 1), targets.flatten())
        return logits, loss


def make_tokens(n=400):
    """A learnable stream: a fixed pattern of period 7 over the 11 symbols."""
    pattern = torch.tensor([3, 1, 4, 1, 5, 9, 2])
    return pattern.repeat(n // 7 + 1)[:n]


def tiny_model(seed=0, **kw):
    torch.manual_seed(seed)
    return TinyLM(**kw)


def fixed_batches(n_batches=4, batch_size=8, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [batch for _, batch in zip(range(n_batches), RandomWindows(make_tokens(), CONTEXT, batch_size, g))]


def cfg(**kw):
    base = dict(lr=1e-2, progress=False, device="cpu", schedule="constant", grad_clip=None, weight_decay=0.0)
    base.update(kw)
    return TrainConfig(**base)


class GradRecorder(Callback):
    """Keeps a copy of every parameter's gradient as it is just before the optimizer step."""

    def on_after_backward(self, state):
        self.grads = {n: p.grad.clone() for n, p in state.model.named_parameters() if p.grad is not None}


# --- the loss goes down; the default loss is the right one --------------------------------


def test_loss_goes_down_on_a_tiny_task():
    g = torch.Generator().manual_seed(1)
    val = RandomWindows(make_tokens(), CONTEXT, 16, fixed=True, seed=5)
    result = train(tiny_model(), RandomWindows(make_tokens(), CONTEXT, 16, g), cfg(max_steps=60, schedule="cosine",
                   warmup_steps=5, eval_every=20, grad_clip=1.0, weight_decay=0.1),
                   generator=g, eval_fn=loss_evaluator(val, max_batches=2))
    losses = result.history.train_losses
    assert len(losses) == 60 and result.steps == 60 and result.stop_reason == "max_steps"
    assert sum(losses[-5:]) / 5 < 0.3 * sum(losses[:5]) / 5
    assert [r["step"] for r in result.history.eval] == [20, 40, 60]
    assert result.history.val_losses[-1] < result.history.val_losses[0]
    # The recorded lr follows the schedule exactly.
    config = cfg(max_steps=60, schedule="cosine", warmup_steps=5)
    assert result.history.lrs == [lr_at(s, config, 60) for s in range(60)]


def test_language_model_loss_equals_hf_gpt2_loss():
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(0)
    hf = GPT2LMHeadModel(GPT2Config(vocab_size=VOCAB, n_positions=16, n_embd=16, n_layer=1, n_head=2)).eval()
    ids = torch.randint(VOCAB, (3, 9))
    reference = hf(ids, labels=ids).loss  # HF shifts the labels itself
    per_example, logits = language_model_loss(hf, (ids[:, :-1], ids[:, 1:]))
    assert per_example.shape == (3,) and logits.shape == (3, 8, VOCAB)
    torch.testing.assert_close(per_example.mean(), reference, rtol=1e-5, atol=1e-6)


def test_language_model_loss_ignores_padding_per_example():
    model = tiny_model().eval()
    x = torch.randint(VOCAB, (2, CONTEXT))
    y = x.roll(-1, dims=1)
    y_padded = y.clone()
    y_padded[1, 5:] = -100
    losses, logits = language_model_loss(model, (x, y_padded))
    expected = F.cross_entropy(logits[1, :5], y[1, :5])
    torch.testing.assert_close(losses[1], expected)


def test_a_model_that_returns_per_example_losses_is_asked_for_them():
    calls = []

    class PerExample(TinyLM):  # like the course GPT: forward(idx, targets, reduction=...)
        def forward(self, idx, targets=None, reduction="mean"):
            calls.append(reduction)
            logits, _ = super().forward(idx)
            token = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="none").view_as(targets)
            return logits, token.mean(dim=1) + 1000.0  # a mark: the loop must use this value

    torch.manual_seed(0)
    losses, _ = language_model_loss(PerExample(), fixed_batches(1, batch_size=3)[0])
    assert calls == ["per_example"] and losses.shape == (3,) and bool((losses > 1000).all())


# --- the step itself: accumulation, weights, extra losses ---------------------------------


def test_accumulating_two_halves_equals_one_double_batch():
    batches = fixed_batches(n_batches=2, batch_size=4)
    whole = [(torch.cat([batches[0][0], batches[1][0]]), torch.cat([batches[0][1], batches[1][1]]))]
    rec_a, rec_b = GradRecorder(), GradRecorder()
    model_a, model_b = tiny_model(), tiny_model()
    train(model_a, batches, cfg(max_steps=1, grad_accum_steps=2, grad_clip=1.0), callbacks=[rec_a])
    train(model_b, whole, cfg(max_steps=1, grad_accum_steps=1, grad_clip=1.0), callbacks=[rec_b])
    for name in rec_a.grads:
        torch.testing.assert_close(rec_a.grads[name], rec_b.grads[name], rtol=1e-5, atol=1e-7)
    for (name, a), b in zip(model_a.named_parameters(), model_b.parameters()):
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-7, msg=name)


def _reference_grads(model, batch, objective):
    model.zero_grad()
    per_example, _ = language_model_loss(model, batch)
    objective(per_example, model).backward()
    return {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


def test_example_weights_give_the_gradient_of_the_weighted_sum():
    batch = fixed_batches(n_batches=1, batch_size=6)[0]
    weights = torch.tensor([0.5, 0.0, 0.0, 0.25, 0.25, 0.0])

    class Weighter(Callback):
        def example_weights(self, state):
            return weights

    rec = GradRecorder()
    train(tiny_model(), [batch], cfg(max_steps=1), callbacks=[Weighter(), rec])
    expected = _reference_grads(tiny_model(), batch, lambda losses, m: (weights * losses).sum())
    for name, grad in expected.items():
        torch.testing.assert_close(rec.grads[name], grad, rtol=1e-5, atol=1e-7)
    # ... and it differs from the plain mean (the weights did something).
    plain = _reference_grads(tiny_model(), batch, lambda losses, m: losses.mean())
    assert not torch.allclose(rec.grads["wte.weight"], plain["wte.weight"])


def test_extra_loss_adds_its_gradient():
    batch = fixed_batches(n_batches=1, batch_size=6)[0]

    class L2OnHead(Callback):  # stands in for ALUM's alpha * SKL or a distillation term
        def extra_loss(self, state):
            return 0.3 * state.model.blocks[1].up.weight.pow(2).sum()

    rec = GradRecorder()
    result = train(tiny_model(), [batch], cfg(max_steps=1), callbacks=[L2OnHead(), rec])
    expected = _reference_grads(
        tiny_model(), batch, lambda losses, m: losses.mean() + 0.3 * m.blocks[1].up.weight.pow(2).sum())
    for name, grad in expected.items():
        torch.testing.assert_close(rec.grads[name], grad, rtol=1e-5, atol=1e-6)
    assert result.history.train[0]["extra_loss"] > 0


def test_two_weighting_callbacks_are_refused():
    class W(Callback):
        def example_weights(self, state):
            return torch.ones(state.per_example_loss.shape[0])

    with pytest.raises(CourseRuntimeError, match="W and W"):
        train(tiny_model(), fixed_batches(1), cfg(max_steps=1), callbacks=[W(), W()])


def test_loss_fn_returning_a_mean_gets_a_clear_message():
    with pytest.raises(CourseValueError, match="one loss per example"):
        train(tiny_model(), fixed_batches(1), cfg(max_steps=1), loss_fn=lambda m, b: m(b[0], b[1])[1])


# --- NaN ----------------------------------------------------------------------------------


def test_nan_loss_stops_with_a_clear_message_and_the_last_checkpoint_intact(tmp_path):
    calls = {"n": 0}

    def loss_that_explodes(model, batch):
        calls["n"] += 1
        losses, logits = language_model_loss(model, batch)
        return (losses * float("nan") if calls["n"] == 3 else losses), logits

    snapshots = {}

    class Snapshot(Callback):
        def on_step_end(self, state):
            snapshots[state.step] = {k: v.clone() for k, v in state.model.state_dict().items()}

    model = tiny_model()
    with pytest.raises(CourseRuntimeError) as info:
        train(model, fixed_batches(5), cfg(max_steps=5), loss_fn=loss_that_explodes,
              callbacks=[CheckpointEvery(tmp_path, every=1), Snapshot()])
    error = info.value
    assert "step 3" in error.en and "3. adımda" in error.tr
    assert "step_0000002" in error.en  # names the last good checkpoint
    # The failing step changed nothing, and the last checkpoint holds the step-2 weights.
    for key, value in model.state_dict().items():
        assert torch.equal(value, snapshots[2][key])
    assert latest_checkpoint(tmp_path).name == "step_0000002"
    fresh = tiny_model(seed=9)
    assert load_checkpoint(tmp_path, fresh).step == 2
    for key, value in fresh.state_dict().items():
        assert torch.equal(value, snapshots[2][key])


# --- freezing -----------------------------------------------------------------------------


def test_freezing_leaves_frozen_parameters_bit_identical():
    model = tiny_model()
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    train(model, fixed_batches(4), cfg(max_steps=4, weight_decay=0.1),
          callbacks=[Freeze(train_only=["ln_f"], top_k=1, blocks="blocks")])
    for name, param in model.named_parameters():
        trained = name.startswith("blocks.1.") or name.startswith("ln_f.")
        assert torch.equal(param, before[name]) != trained, name


def test_gradual_unfreezing_thaws_one_block_per_epoch_from_the_top():
    model = tiny_model()
    changed_per_epoch = []
    seen = {n: p.detach().clone() for n, p in model.named_parameters()}

    class Watch(Callback):
        def on_epoch_end(self, state):
            changed = set()
            for name, param in state.model.named_parameters():
                if not torch.equal(param, seen[name]):
                    changed.add(name.split(".")[0] + ("." + name.split(".")[1] if name.startswith("blocks") else ""))
                seen[name] = param.detach().clone()
            changed_per_epoch.append(sorted(changed))

    result = train(model, fixed_batches(3), cfg(epochs=3, schedule="slanted_triangular"),
                   callbacks=[GradualUnfreezing(blocks="blocks", head=["ln_f"]), Watch()])
    assert result.epochs_completed == 3 and result.steps == 9 and result.stop_reason == "epochs"
    assert changed_per_epoch == [["ln_f"], ["blocks.1", "ln_f"], ["blocks.0", "blocks.1", "ln_f"]]


def test_freeze_unknown_name_is_explained():
    with pytest.raises(CourseValueError, match="no module or parameter named 'head'"):
        train(tiny_model(), fixed_batches(1), cfg(max_steps=1), callbacks=[Freeze(train_only=["head"])])


# --- discriminative learning rates, early stopping ----------------------------------------


def test_group_lr_scale_multiplies_the_scheduled_lr():
    model = tiny_model()
    groups = weight_decay_groups(model, 0.0, lr_scale=lambda n: 1.0 if n.startswith("blocks.1") else 1 / 2.6)
    optimizer = torch.optim.AdamW(groups, lr=1.0)

    class Look(Callback):
        def on_step_end(self, state):
            self.lrs = sorted(round(g["lr"] / state.lr, 6) for g in state.optimizer.param_groups)

    look = Look()
    train(model, fixed_batches(2), cfg(max_steps=2, schedule="cosine"), optimizer=optimizer, callbacks=[look])
    assert set(look.lrs) == {round(1 / 2.6, 6), 1.0}


def test_early_stopping_stops_when_the_metric_stalls():
    values = iter([3.0, 2.0, 2.5, 2.4, 2.1, 1.0])
    result = train(tiny_model(), fixed_batches(4), cfg(max_steps=100, eval_every=1),
                   eval_fn=lambda model: next(values), callbacks=[EarlyStopping(patience=3)])
    assert result.steps == 5 and result.stop_reason.startswith("early stopping")


def test_early_stopping_reason_is_in_the_learners_language():
    from course_lib import i18n

    i18n.set_language("tr")
    values = iter([3.0, 3.5, 3.6, 1.0])
    result = train(tiny_model(), fixed_batches(4), cfg(max_steps=100, eval_every=1),
                   eval_fn=lambda model: next(values), callbacks=[EarlyStopping(patience=2)])
    assert result.steps == 3 and result.stop_reason.startswith("erken durdurma: val_loss")


def test_empty_batches_are_explained():
    with pytest.raises(CourseValueError, match="no data"):
        train(tiny_model(), [], cfg(epochs=1))
