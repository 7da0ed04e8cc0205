"""The language-model pieces of chapter 06: the student's size, the text (train side vs held-out
side of the base's recipe), and the entropy and perplexity measures against hand computations."""

import math

import torch
from finetune_helpers import VOCAB, tiny_gpt

from course_lib.methods.distill_lm import distillation_text, mean_entropy, perplexity, small_student


def test_student_is_small_and_shares_the_vocabulary():
    from course_lib.assets import load_base_model

    base = load_base_model()
    student = small_student(base, n_layer=2, n_embd=96)
    assert student.config.vocab_size == base.model.config.vocab_size
    assert sum(p.numel() for p in student.parameters()) < 0.25 * sum(p.numel() for p in base.model.parameters())
    tokens, held_out = distillation_text(base, n_train_tokens=2000, n_heldout_tokens=256, block_size=32)
    assert tokens.shape == (2000,)
    train_text = base.tokenizer.decode(tokens[:400].tolist())
    held_text = base.tokenizer.decode(held_out[0][0].flatten().tolist())
    assert train_text[:60] not in held_text and held_text[:60] not in train_text


def test_entropy_of_a_uniform_model_is_log_vocabulary():
    model = tiny_gpt(0)
    torch.nn.init.zeros_(model.lm_head.weight)  # tied: every logit 0
    batches = [(torch.randint(1, VOCAB, (2, 8)), torch.randint(1, VOCAB, (2, 8)))]
    assert math.isclose(mean_entropy(model, batches), math.log(VOCAB), rel_tol=1e-5)
    assert math.isclose(perplexity(model, batches), VOCAB, rel_tol=1e-4)


def test_entropy_matches_torch_categorical():
    model = tiny_gpt(1)
    inputs = torch.randint(1, VOCAB, (3, 10), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        expected = torch.distributions.Categorical(logits=model(inputs).logits).entropy().mean()
    assert math.isclose(mean_entropy(model, [(inputs, inputs)]), float(expected), rel_tol=1e-5)
