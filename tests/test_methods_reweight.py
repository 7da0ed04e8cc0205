"""Learning to Reweight: the torch.func look-ahead against finite differences and torch.autograd,
on the course GPT and an HF GPT-2; the method inside compare(); the flipped-label task; AUROC."""

import itertools

import pytest
import torch
from finetune_helpers import PAD, padded_batches, tiny_gpt, tiny_hf
from test_finetune_compare import CharTokenizer, TinyBase
from torch.func import functional_call

from course_lib.checks.ch08_reweighting import finite_difference_gradient
from course_lib.finetune import Full, SequenceClassifier, compare
from course_lib.finetune.compare import FinetuneConfig
from course_lib.finetune.metrics import auroc
from course_lib.i18n import CourseValueError
from course_lib.methods.reweight import (
    Reweight,
    batch_weights,
    clip_and_normalise,
    lookahead_gradient,
)
from course_lib.methods.reweight_task import clean_oracle, flipped_label_task


def _classifier(make):
    return SequenceClassifier(make(), 3, pad_id=PAD).double().eval()  # eval: no dropout between the calls


@pytest.mark.parametrize("make", [tiny_gpt, tiny_hf], ids=["course-gpt", "hf-gpt2"])
def test_lookahead_gradient_matches_finite_differences(make):
    model = _classifier(make)
    train_batch, clean_batch = padded_batches(2, batch_size=5, seed=3)
    params = {name: p.detach() for name, p in model.named_parameters()}
    buffers = dict(model.named_buffers())

    def losses(theta, batch):  # in float64 throughout (classifier_losses rounds the logits to float32)
        logits = functional_call(model, {**buffers, **theta}, (batch["input_ids"],),
                                 {"attention_mask": batch["attention_mask"]})
        return torch.nn.functional.cross_entropy(logits, batch["labels"], reduction="none")

    def per_example(theta):
        return losses(theta, train_batch)

    def clean(theta):
        return losses(theta, clean_batch).mean()

    with torch.nn.attention.sdpa_kernel(torch.nn.attention.SDPBackend.MATH):
        got = lookahead_gradient(per_example, clean, params, 0.5, 5)
    reference = finite_difference_gradient(per_example, clean, params, 0.5)
    torch.testing.assert_close(got, reference, atol=1e-6, rtol=2e-4)  # central differences, h = 1e-4: O(h^2) truncation
    assert got.abs().max() > 1e-2  # the batch gives the test something to compare


def test_batch_weights_freeze_what_is_frozen_and_match_autograd():
    """Only the trainable parameters move in the virtual step: the head alone, by hand."""
    model = _classifier(tiny_gpt)
    model.backbone.requires_grad_(False)
    train_batch, clean_batch = padded_batches(2, batch_size=6, seed=5)
    weights = batch_weights(model, train_batch, clean_batch, inner_lr=0.1)
    with torch.no_grad():
        feats_train = model.pooled(train_batch["input_ids"], train_batch["attention_mask"])
        feats_clean = model.pooled(clean_batch["input_ids"], clean_batch["attention_mask"])
    head = [model.head.weight.detach().clone().requires_grad_(True), model.head.bias.detach().clone().requires_grad_(True)]

    def loss(features, labels, reduction):
        return torch.nn.functional.cross_entropy(features @ head[0].T + head[1], labels, reduction=reduction)

    clean_grad = torch.autograd.grad(loss(feats_clean, clean_batch["labels"], "mean"), head)
    g = []
    for i in range(6):  # -lr grad_clean . grad l_i, one example at a time
        per = torch.autograd.grad(loss(feats_train[i:i + 1], train_batch["labels"][i:i + 1], "sum"), head)
        g.append(-0.1 * sum((a * b).sum() for a, b in zip(clean_grad, per)))
    torch.testing.assert_close(weights, clip_and_normalise(torch.stack(g)), atol=1e-9, rtol=1e-6)


def test_clip_and_normalise():
    torch.testing.assert_close(clip_and_normalise(torch.tensor([-1.0, 2.0, -3.0])), torch.tensor([0.25, 0.0, 0.75]))
    assert clip_and_normalise(torch.tensor([1.0, 0.0, 2.0])).tolist() == [0.0, 0.0, 0.0]


def test_flipped_label_task_and_its_oracle():
    task = flipped_label_task("tr", n_noisy=40, n_clean=10, noise=0.4, n_dev=12)
    truth = flipped_label_task("tr", n_noisy=40, n_clean=10, noise=0.0, n_dev=12)
    assert len(task.train) == 50 and task.info["clean"] == list(range(40, 50))
    changed = [i for i, (a, b) in enumerate(zip(task.train, truth.train)) if a.label != b.label]
    assert changed == task.info["flipped"] and len(changed) == 16
    assert task.dev == truth.dev  # the scored set keeps the true labels
    oracle = clean_oracle(task)
    assert len(oracle.train) == 34 and all(e in truth.train for e in oracle.train)


def test_auroc_matches_the_pairwise_count():
    generator = torch.Generator().manual_seed(0)
    scores = torch.randint(0, 5, (30,), generator=generator).tolist()  # many ties
    positive = (torch.rand(30, generator=generator) > 0.4).tolist()
    pairs = [(s, t) for (s, p), (t, q) in itertools.product(zip(scores, positive), repeat=2) if p and not q]
    expected = sum(1.0 if s > t else 0.5 if s == t else 0.0 for s, t in pairs) / len(pairs)
    assert auroc(scores, positive) == pytest.approx(expected)
    assert auroc([0.1, 0.9], [False, True]) == 1.0
    with pytest.raises(CourseValueError, match="at least one positive"):
        auroc([1, 2], [True, True])


def test_reweight_runs_inside_compare_and_records_weights(tmp_path):
    task = flipped_label_task("tr", n_noisy=16, n_clean=8, noise=0.4, n_dev=8)
    text = "Ayşe bugün pazara gitti. " * 10
    base = TinyBase(tiny_gpt(), CharTokenizer(), {}, text)
    config = FinetuneConfig(epochs=1, batch_size=8, lr=1e-2, max_length=15, forgetting_tokens=60,
                            forgetting_block=15, device="cpu")
    method = Reweight(tokenizer=CharTokenizer())
    result = compare(base, task, [Full(), method], seeds=(0,), config=config, cache_dir=False, progress=False)
    assert list(result.table.index) == ["full", "reweight"]
    (weights,) = method.weight_runs
    assert len(weights) == 24 and all(w is not None and w >= 0 for w in weights)
    assert "weight_runs" not in method.settings() and method.settings()["n_clean"] == 64


def test_reweight_refuses_bad_settings():
    with pytest.raises(CourseValueError, match="n_clean"):
        Reweight(n_clean=1)
    with pytest.raises(CourseValueError, match="inner_lr"):
        Reweight(inner_lr=0.0)
