"""Knowledge distillation: the loss against torch's own KL and cross-entropy, the T² factor's
effect on gradients, the loop hooks against the direct loss, and Distill() inside compare()."""

import copy

import pytest
import torch
import torch.nn.functional as F
from finetune_helpers import PAD, VOCAB, padded_batches, tiny_gpt
from torch.distributions import Categorical, kl_divergence

from course_lib.finetune.heads import SequenceClassifier, classification_loss
from course_lib.i18n import CourseValueError
from course_lib.methods.distill import DistillLoss, OnPolicyDistill, kd_loss, soft_kl
from course_lib.train import TrainConfig, train


def logits(seed, shape=(6, 5)):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * 3


@pytest.mark.parametrize("temperature, alpha", [(1.0, 0.5), (2.0, 0.3), (4.0, 1.0), (3.0, 0.0)])
def test_kd_loss_matches_torch_kl_div_and_cross_entropy(temperature, alpha):
    student, teacher, labels = logits(0), logits(1), torch.tensor([0, 1, 2, 3, 4, 0])
    reference = (alpha * temperature**2 * F.kl_div(F.log_softmax(student / temperature, -1),
                                                   F.softmax(teacher / temperature, -1), reduction="batchmean")
                 + (1 - alpha) * F.cross_entropy(student, labels))
    torch.testing.assert_close(kd_loss(student, teacher, labels, temperature, alpha), reference)


def test_reverse_kl_is_the_other_direction():
    student, teacher = logits(2), logits(3)
    forward = kl_divergence(Categorical(logits=teacher / 2), Categorical(logits=student / 2)) * 4
    reverse = kl_divergence(Categorical(logits=student / 2), Categorical(logits=teacher / 2)) * 4
    torch.testing.assert_close(soft_kl(student, teacher, 2.0, "forward"), forward)
    torch.testing.assert_close(soft_kl(student, teacher, 2.0, "reverse"), reverse)
    assert not torch.allclose(forward, reverse)


def test_sequence_kd_ignores_padding_targets():
    student, teacher = logits(4, (2, 3, 7)), logits(5, (2, 3, 7))
    labels = torch.tensor([[1, 2, -100], [3, -100, -100]])
    keep = labels != -100
    expected = kd_loss(student[keep], teacher[keep], labels[keep], 2.0, 0.5)
    torch.testing.assert_close(kd_loss(student, teacher, labels, 2.0, 0.5), expected)


def test_t_squared_keeps_the_soft_gradient_the_same_size():
    teacher = logits(6, (64, 10)) * 0.3

    def grad_norm(temperature, squared):
        student = (logits(7, (64, 10)) * 0.3).requires_grad_(True)
        loss = soft_kl(student, teacher, temperature).mean()
        if not squared:
            loss = loss / temperature**2
        (grad,) = torch.autograd.grad(loss, student)
        return float(grad.norm())

    with_factor = grad_norm(8.0, True) / grad_norm(4.0, True)
    without = grad_norm(8.0, False) / grad_norm(4.0, False)
    assert 0.8 < with_factor < 1.25  # Hinton et al.: the gradient scales as 1/T², T² undoes it
    assert without < 0.3


@pytest.mark.parametrize("bad", [dict(temperature=0), dict(alpha=1.5), dict(kl="sideways")])
def test_bad_arguments_name_the_value(bad):
    arguments = dict(temperature=2.0, alpha=0.5, kl="forward") | bad
    with pytest.raises(CourseValueError) as error:
        DistillLoss(None, **arguments)
    assert repr(next(iter(bad.values()))) in str(error.value)


def test_loop_hooks_give_the_kd_loss():
    torch.manual_seed(0)
    student = SequenceClassifier(tiny_gpt(0), 3, pad_id=PAD)
    teacher = SequenceClassifier(tiny_gpt(1), 3, pad_id=PAD)
    batch = padded_batches(1, batch_size=6)[0]
    with torch.no_grad():
        expected = kd_loss(student(batch["input_ids"], batch["attention_mask"]),
                           teacher(batch["input_ids"], batch["attention_mask"]), batch["labels"], 3.0, 0.7)
    result = train(student, [batch], TrainConfig(max_steps=1, lr=1e-9, progress=False, live_plot_every=None,
                                                  device="cpu"),
                   loss_fn=classification_loss, callbacks=[DistillLoss(teacher, 3.0, 0.7)])
    record = result.history.train[0]
    assert record["loss"] + record["extra_loss"] == pytest.approx(float(expected), rel=1e-5)


def test_on_policy_term_is_zero_for_an_identical_teacher_and_positive_for_another():
    student = tiny_gpt(0)
    inputs = torch.randint(1, VOCAB, (4, 12), generator=torch.Generator().manual_seed(0))
    batch = (inputs[:, :-1], inputs[:, 1:])
    config = TrainConfig(max_steps=1, lr=1e-9, progress=False, live_plot_every=None, device="cpu")
    from course_lib.train.losses import language_model_loss

    same = train(student, [batch], config, loss_fn=language_model_loss,
                 callbacks=[OnPolicyDistill(copy.deepcopy(student), prompt_tokens=3, sample_tokens=6)])
    assert same.history.train[0].get("extra_loss", 0.0) == pytest.approx(0.0, abs=1e-6)
    other = train(student, [batch], config, loss_fn=language_model_loss,
                  callbacks=[OnPolicyDistill(tiny_gpt(1), prompt_tokens=3, sample_tokens=6)])
    assert other.history.train[0]["extra_loss"] > 1e-3


def test_distill_with_default_arguments_runs_in_compare(tmp_path):
    from course_lib.assets import load_base_model
    from course_lib.finetune import compare, world_topic
    from course_lib.finetune.compare import FinetuneConfig
    from course_lib.methods import distill
    from course_lib.methods.distill import Distill

    base = load_base_model()
    task = world_topic("tr", n_train=8, n_dev=8)
    config = FinetuneConfig(epochs=1, batch_size=4, max_length=16, forgetting_tokens=128, forgetting_block=32,
                            device="cpu")
    distill._TEACHERS.clear()
    result = compare(base, task, [Distill()], seeds=(0,), config=config, cache_dir=tmp_path, progress=False)
    assert len(distill._TEACHERS) == 1  # the teacher was fine-tuned first, once
    assert 0.0 <= result.table.loc["KD(T=2)", "accuracy"] <= 1.0
    assert result.runs[0]["final_train_loss"] > 0


def test_task_teacher_is_fine_tuned_and_scored_one_dev_text_at_a_time():
    from course_lib.assets import load_base_model
    from course_lib.finetune import world_topic
    from course_lib.finetune.compare import FinetuneConfig
    from course_lib.methods.distill import task_teacher

    base = load_base_model()
    before = {name: p.clone() for name, p in base.model.state_dict().items()}
    task = world_topic("tr", n_train=8, n_dev=6)
    config = FinetuneConfig(epochs=1, batch_size=4, lr=1e-2, max_length=16, device="cpu")
    teacher, dev_accuracy = task_teacher(base, task, config, seed=0)
    # the base model is copied, never trained in place; the teacher's body did train
    assert all(torch.equal(p, before[name]) for name, p in base.model.state_dict().items())
    assert any(not torch.equal(p, before[name]) for name, p in teacher.backbone.state_dict().items())
    # its accuracy, recomputed without padding or batching: one dev text, its first 16 tokens, at a time
    with torch.no_grad():
        hits = [teacher(torch.tensor([base.tokenizer.encode(e.text)[:16]])).argmax(-1).item() == e.label
                for e in task.dev]
    assert dev_accuracy == pytest.approx(sum(hits) / len(hits))
