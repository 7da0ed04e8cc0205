"""Generation and its small sampling helpers."""

import itertools

import pytest
import torch

from course_lib.i18n import CourseValueError
from course_lib.model import (
    GPT,
    GPTConfig,
    GPTOutput,
    apply_temperature,
    generate,
    top_k_filter,
    top_p_filter,
)

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=4, n_embd=32)


@pytest.fixture
def model():
    torch.manual_seed(0)
    model = GPT(GPTConfig(**TINY))
    with torch.no_grad():  # larger weights than a fresh init: peaked, varied next-token choices
        for p in model.parameters():
            p.normal_(0.0, 0.3)
    return model.eval()


class CountUp(torch.nn.Module):
    """A stand-in model whose next token is always (last token + 1) mod 10: a known script."""

    config = GPTConfig(vocab_size=10, block_size=4, n_layer=1, n_head=1, n_embd=4)

    def forward(self, idx):
        return GPTOutput(logits=torch.nn.functional.one_hot((idx + 1) % 10, 10).float() * 10)


@pytest.fixture
def prompt():
    return torch.randint(0, 50, (3, 4), generator=torch.Generator().manual_seed(1))


def test_greedy_is_the_argmax_chain(model, prompt):
    out = generate(model, prompt, max_new_tokens=6, temperature=0)
    assert out.shape == (3, 10) and torch.equal(out[:, :4], prompt)
    chain = prompt
    for _ in range(6):
        chain = torch.cat([chain, model(chain).logits[:, -1].argmax(-1, keepdim=True)], dim=1)
    assert torch.equal(out, chain)


def test_context_is_cropped_to_block_size(model, prompt):
    # 4 + 20 tokens is longer than block_size = 16: each step must read only the last 16.
    out = generate(model, prompt, max_new_tokens=20, temperature=0)
    assert out.shape == (3, 24)
    last = model(out[:, -17:-1]).logits[:, -1].argmax(-1)
    assert torch.equal(out[:, -1], last)


def test_single_sequence_keeps_its_shape(model, prompt):
    out = generate(model, prompt[0], max_new_tokens=3, temperature=0)
    assert out.shape == (7,)
    assert torch.equal(out, generate(model, prompt[:1], max_new_tokens=3, temperature=0)[0])


def test_same_seed_same_text(model, prompt):
    def sample(seed):
        g = torch.Generator().manual_seed(seed)
        return generate(model, prompt, max_new_tokens=10, temperature=1.5, generator=g)

    assert torch.equal(sample(7), sample(7))
    assert not torch.equal(sample(7), sample(8))


def test_top_k_never_leaves_the_k_best(model, prompt):
    g = torch.Generator().manual_seed(0)
    context = prompt[:1]
    allowed = set(model(context).logits[0, -1].topk(3).indices.tolist())
    seen = {
        generate(model, context, max_new_tokens=1, temperature=5.0, top_k=3, generator=g)[0, -1].item()
        for _ in range(60)
    }
    assert seen <= allowed and len(seen) > 1


def test_top_k_filter_keeps_exactly_k_even_with_ties():
    logits = torch.tensor([[1.0, 3.0, 3.0, 3.0, 0.0]])
    kept = torch.isfinite(top_k_filter(logits, 2))
    assert kept.sum() == 2 and not kept[0, 0] and not kept[0, 4]
    assert torch.equal(top_k_filter(logits, 10), logits)  # k larger than the vocabulary: keep all


def smallest_nucleus(probs, p):
    """Brute force: the smallest set of token ids whose probabilities add up to ≥ p."""
    ids = range(len(probs))
    for size in range(1, len(probs) + 1):
        sets = [set(s) for s in itertools.combinations(ids, size) if sum(probs[list(s)]) >= p - 1e-7]
        if sets:
            return sets
    return [set(ids)]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("p", [0.3, 0.5, 0.9])
def test_top_p_keeps_the_smallest_set_with_mass_p(seed, p):
    logits = torch.randn(7, generator=torch.Generator().manual_seed(seed)) * 2
    kept = set(torch.isfinite(top_p_filter(logits, p)).nonzero().flatten().tolist())
    assert kept in smallest_nucleus(logits.softmax(-1).double(), p)


def test_top_p_always_keeps_the_best_token():
    logits = torch.tensor([[5.0, 0.0, -1.0], [0.0, 0.1, 9.0]])
    kept = torch.isfinite(top_p_filter(logits, 1e-6))
    assert kept.tolist() == [[True, False, False], [False, False, True]]
    assert torch.isfinite(top_p_filter(logits, 1.0)).all()


def test_temperature_rescales_logits():
    logits = torch.tensor([1.0, 2.0, 4.0])
    assert torch.equal(apply_temperature(logits, 2.0), logits / 2)
    low, high = apply_temperature(logits, 0.5).softmax(-1), apply_temperature(logits, 5.0).softmax(-1)
    assert low.max() > logits.softmax(-1).max() > high.max()
    with pytest.raises(CourseValueError, match="argmax"):
        apply_temperature(logits, 0)


def test_stop_token_ends_each_row_and_pads_it():
    prompt = torch.tensor([[0], [5], [7]])
    out = generate(CountUp(), prompt, max_new_tokens=6, temperature=0, stop_token=8)
    # Row 1 reaches 8 after 3 steps, row 2 after 1; they are padded with 8 until row 0 is done.
    assert out.tolist() == [
        [0, 1, 2, 3, 4, 5, 6],
        [5, 6, 7, 8, 8, 8, 8],
        [7, 8, 8, 8, 8, 8, 8],
    ]


def test_generation_stops_when_every_row_has_ended():
    out = generate(CountUp(), torch.tensor([[5], [6]]), max_new_tokens=50, temperature=0, stop_token=8)
    assert out.tolist() == [[5, 6, 7, 8], [6, 7, 8, 8]]


def test_greedy_on_real_model_stops_at_its_own_token(model, prompt):
    row = prompt[:1]
    first = generate(model, row, max_new_tokens=1, temperature=0)[0, -1].item()
    out = generate(model, row, max_new_tokens=10, temperature=0, stop_token=first)
    assert out.shape == (1, 5) and out[0, -1] == first


def test_training_mode_is_restored(model, prompt):
    model.train()
    generate(model, prompt, max_new_tokens=1)
    assert model.training


@pytest.mark.parametrize(
    "kwargs, word",
    [
        (dict(max_new_tokens=-1), "max_new_tokens"),
        (dict(max_new_tokens=2, temperature=-0.5), "temperature"),
        (dict(max_new_tokens=2, top_k=0), "top_k"),
        (dict(max_new_tokens=2, top_p=1.5), "top_p"),
    ],
)
def test_bad_arguments(model, prompt, kwargs, word):
    with pytest.raises(CourseValueError, match=word) as error:
        generate(model, prompt, **kwargs)
    assert word in error.value.tr
