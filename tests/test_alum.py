"""ALUM: the symmetric KL against torch's KL, one ascent step against a hand-written step through
``inputs_embeds``, the loop term for a classifier and for a language model, and ALUM() in compare()."""

import pytest
import torch
from finetune_helpers import PAD, VOCAB, padded_batches, tiny_gpt
from torch.distributions import Categorical, kl_divergence

from course_lib.finetune.heads import SequenceClassifier, classification_loss, pool_hidden
from course_lib.i18n import CourseValueError
from course_lib.methods.alum import ALUM, PAPER, PAPER_EMBEDDING_RMS, ALUMLoss, ascent_step, symmetric_kl
from course_lib.methods.embedding_perturbation import embedding_rms
from course_lib.train import TrainConfig, train
from course_lib.train.losses import language_model_loss

CONFIG = dict(max_steps=1, lr=1e-9, progress=False, live_plot_every=None, device="cpu")


def test_symmetric_kl_is_the_sum_of_both_directions():
    a, c = torch.randn(5, 7), torch.randn(5, 7) * 2
    expected = kl_divergence(Categorical(logits=c), Categorical(logits=a)) + kl_divergence(
        Categorical(logits=a), Categorical(logits=c))
    torch.testing.assert_close(symmetric_kl(a, c), expected)
    torch.testing.assert_close(symmetric_kl(a, c), symmetric_kl(c, a))


def test_ascent_step_normalises_per_example_and_projects():
    delta = torch.zeros(2, 1, 3)
    grad = torch.tensor([[[2.0, -1.0, 0.5]], [[0.01, 0.02, -0.04]]])
    step = ascent_step(delta, grad, step_size=1.0, epsilon=0.6)
    torch.testing.assert_close(step, torch.tensor([[[0.6, -0.5, 0.25]], [[0.25, 0.5, -0.6]]]))


def test_perturbation_matches_a_hand_written_ascent_through_inputs_embeds():
    torch.manual_seed(0)
    classifier = SequenceClassifier(tiny_gpt(0), 3, pad_id=PAD)
    batch = padded_batches(1, batch_size=4)[0]
    hook = ALUMLoss(epsilon=0.5, step_size=0.3, sigma=0.1, steps=1, seed=7)
    hook.scale, hook.generator = embedding_rms(classifier), torch.Generator().manual_seed(7)
    clean = classifier(batch["input_ids"], batch["attention_mask"])
    delta = hook.perturbation(classifier, batch, clean)
    # By hand: the same Gaussian start, SKL through the GPT's inputs_embeds, one normalised step, clamp.
    scale, mask = embedding_rms(classifier), batch["attention_mask"].unsqueeze(-1).float()
    gpt = classifier.backbone
    start = torch.randn(*batch["input_ids"].shape, 16, generator=torch.Generator().manual_seed(7)) * 0.1 * scale * mask
    start.requires_grad_(True)
    hidden = gpt(inputs_embeds=gpt.wte(batch["input_ids"]).detach() + start, return_logits=False).last_hidden_state
    adversarial = classifier.head(pool_hidden(hidden, batch["attention_mask"], "last"))
    (grad,) = torch.autograd.grad(symmetric_kl(adversarial, clean.detach()).mean(), start)
    grad = grad * mask
    size = grad.flatten(1).abs().amax(1).view(-1, 1, 1)
    expected = (start.detach() + 0.3 * scale * grad / size).clamp(-0.5 * scale, 0.5 * scale) * mask
    torch.testing.assert_close(delta, expected)
    assert float(delta.abs().max()) <= 0.5 * scale + 1e-7


def test_the_loop_adds_alpha_times_skl_for_a_classifier_and_a_language_model():
    torch.manual_seed(0)
    classifier = SequenceClassifier(tiny_gpt(0), 3, pad_id=PAD)
    batch = padded_batches(1, batch_size=4)[0]
    big = train(classifier, [batch], TrainConfig(**CONFIG), loss_fn=classification_loss,
                callbacks=[ALUMLoss(alpha=1.0, epsilon=1.0, step_size=1.0)])
    small = train(classifier, [batch], TrainConfig(**CONFIG), loss_fn=classification_loss,
                  callbacks=[ALUMLoss(alpha=1.0, epsilon=0.01, step_size=1.0)])
    assert big.history.train[0]["extra_loss"] > 10 * small.history.train[0]["extra_loss"] > 0
    gpt = tiny_gpt(1)  # continued pretraining: (inputs, targets) batches, no labels in the SKL
    ids = torch.randint(1, VOCAB, (3, 12), generator=torch.Generator().manual_seed(0))
    result = train(gpt, [(ids[:, :-1], ids[:, 1:])], TrainConfig(**CONFIG), loss_fn=language_model_loss,
                   callbacks=[ALUMLoss(alpha=PAPER["alpha_pretrain"], epsilon=0.5, step_size=0.5)])
    assert result.history.train[0]["extra_loss"] > 0


def test_paper_defaults_are_relative_to_the_embedding_scale():
    method = ALUM()
    assert method.name == "ALUM" and method.steps == 1 and method.alpha == 1.0
    assert method.epsilon == pytest.approx(1e-5 / PAPER_EMBEDDING_RMS)
    assert method.step_size == pytest.approx(1e-3 / PAPER_EMBEDDING_RMS)
    assert ALUM(epsilon=0.1).name == "ALUM(ε=0.1, K=1, α=1)"


@pytest.mark.parametrize("bad", [dict(epsilon=-1.0), dict(steps=0), dict(norm="l1")])
def test_bad_settings_are_refused(bad):
    with pytest.raises(CourseValueError):
        ALUM(**bad)


def test_alum_with_default_arguments_runs_in_compare(tmp_path):
    from course_lib.assets import load_base_model
    from course_lib.finetune import compare, world_topic
    from course_lib.finetune.compare import FinetuneConfig

    task = world_topic("tr", n_train=8, n_dev=8)
    config = FinetuneConfig(epochs=1, batch_size=4, max_length=16, forgetting_tokens=128, forgetting_block=32,
                            device="cpu")
    result = compare(load_base_model(), task, [ALUM()], seeds=(0,), config=config, cache_dir=tmp_path,
                     progress=False)
    assert 0.0 <= result.table.loc["ALUM", "accuracy"] <= 1.0
