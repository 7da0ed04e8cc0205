"""The course's soft prompt against peft's PromptTuningConfig on the HF export: the same prompt gives
the same logits and the same loss; the initialisations; the method inside the harness."""

import copy

import pytest
import torch
from model_testing import randomised
from peft import PromptTuningConfig, get_peft_model

from course_lib.i18n import CourseValueError
from course_lib.methods.prompt_tuning import PromptTuning, SoftPrompt, init_prompt
from course_lib.model import GPT, GPTConfig, to_hf

TINY = dict(vocab_size=50, block_size=32, n_layer=2, n_head=4, n_embd=32)


@pytest.fixture
def idx():
    return torch.randint(0, 50, (3, 12), generator=torch.Generator().manual_seed(2))


@pytest.mark.parametrize("init", ["random", "vocab", "labels"])
@pytest.mark.parametrize("p", [1, 5, 20])
def test_same_logits_and_loss_as_peft(init, p, idx):
    base = randomised(GPT(GPTConfig(**TINY)))
    hf = to_hf(base)
    prompt = SoftPrompt(init_prompt(base, p, init, label_ids=[[3], [4, 5]], seed=1))
    ours = copy.deepcopy(base)
    prompt.attach(ours)
    theirs = get_peft_model(hf, PromptTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=p)).eval()
    with torch.no_grad():
        theirs.prompt_encoder["default"].embedding.weight.copy_(prompt.weight)
        out = ours(idx[:, :-1], idx[:, 1:])
        other = theirs(input_ids=idx[:, :-1], labels=idx[:, :-1])
    # peft returns the prompt's positions too; the course cuts them off
    assert other.logits.shape[1] == p + idx.shape[1] - 1 and out.logits.shape[1] == idx.shape[1] - 1
    assert (out.logits - other.logits[:, p:]).abs().max().item() <= 1e-5
    # the same loss on the text's next tokens. (peft's own loss also counts one more term: its last
    # virtual token predicts the text's first token, since HF shifts the labels inside the model.)
    text_loss = torch.nn.functional.cross_entropy(other.logits[:, p:].flatten(0, 1), idx[:, 1:].flatten())
    assert abs(out.loss.item() - text_loss.item()) <= 1e-5
    # and the prompt matters (a prompt that did nothing would pass the lines above too)
    assert (out.logits - base(idx[:, :-1]).logits).abs().max().item() > 1e-3


def test_gradients_reach_only_the_prompt(idx):
    base = randomised(GPT(GPTConfig(**TINY)))
    prompt = SoftPrompt(init_prompt(base, 4, "vocab"))
    base.requires_grad_(False)
    prompt.attach(base)
    base(idx[:, :-1], idx[:, 1:]).loss.backward()
    assert prompt.weight.grad is not None and prompt.weight.grad.abs().sum() > 0
    assert all(p.grad is None for p in base.parameters())
    prompt.remove()  # removed: the model is the base model again
    assert base(idx).logits.shape[1] == idx.shape[1]


def test_initialisations():
    base = randomised(GPT(GPTConfig(**TINY)))
    random = init_prompt(base, 8, "random")
    assert random.shape == (8, 32) and random.abs().max() <= 0.5 and random.abs().max() > 0.3
    vocab = init_prompt(base, 8, "vocab", seed=3)
    rows = {tuple(row.tolist()) for row in base.wte.weight.detach()}
    assert all(tuple(v.tolist()) in rows for v in vocab)  # each slot is a real token's embedding
    labels = init_prompt(base, 8, "labels", label_ids=[[7], [8, 9]], seed=3)
    torch.testing.assert_close(labels[0], base.wte.weight[7].detach())
    torch.testing.assert_close(labels[1], base.wte.weight[8:10].detach().mean(0))
    torch.testing.assert_close(labels[2:], vocab[2:])  # the rest as the vocabulary init
    with pytest.raises(CourseValueError, match="n_virtual=0"):
        init_prompt(base, 0)
    with pytest.raises(CourseValueError, match="init='words'"):
        PromptTuning(init="words")


def test_too_long_is_a_clear_error():
    base = randomised(GPT(GPTConfig(**TINY)))
    prompt = SoftPrompt(init_prompt(base, 30, "vocab"))
    prompt.attach(base)
    with pytest.raises(CourseValueError, match="30 virtual tokens \\+ 12 text tokens = 42"):
        base(torch.zeros(1, 12, dtype=torch.long))


def test_prompt_tuning_in_the_harness():
    from course_lib.assets import load_base_model
    from course_lib.finetune import compare, world_topic
    from course_lib.finetune.compare import FinetuneConfig

    base = load_base_model()
    task = world_topic("tr", n_train=16, n_dev=8)
    config = FinetuneConfig(epochs=1, batch_size=8, max_length=24, forgetting_tokens=128, forgetting_block=64,
                            device="cpu")
    result = compare(base, task, [PromptTuning(), PromptTuning(n_virtual=5, init="labels")], seeds=(0,),
                     config=config, cache_dir=False, progress=False)
    d, n_classes = base.model.config.n_embd, len(task.labels)
    head = d * n_classes + n_classes
    assert result.table.loc["prompt(p=20)", "trainable params"] == 20 * d + head
    assert result.table.loc["prompt(p=5, labels)", "trainable params"] == 5 * d + head
    # the base model never changes and the prompt is off when forgetting is measured: exactly 0
    assert (result.table["forgetting"] == 0.0).all()
