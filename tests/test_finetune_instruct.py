"""Instruction tuning: the chat template, the response-only labels and loss, the data, the scores."""

from types import SimpleNamespace

import pytest
import torch

from course_lib.assets.build_chat import BASE_DIR
from course_lib.assets.files import BASE_FILES
from course_lib.data.world import World
from course_lib.data.world.tasks import InstructionPair
from course_lib.finetune import CHAT_TEMPLATE, format_example, instruction_loss, response_only_labels
from course_lib.finetune.instruct import (
    ENDOFTEXT,
    INSTRUCTION_KINDS,
    InstructionBatches,
    collate,
    encode_example,
    encode_pairs,
    evaluate_instructions,
    exact_match,
    format_prompt,
    instruction_pairs,
    parse_example,
    response_loss,
    split_kinds,
)
from course_lib.i18n import CourseValueError
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.tokenizer import BPETokenizer

WORLD = World(seed=3)


@pytest.fixture(scope="module")
def tokenizer() -> BPETokenizer:
    """The shipped real-text base model's BPE (8,192 tokens): the chat markers are plain text to it."""
    return BPETokenizer.load(BASE_DIR / BASE_FILES.tokenizer)


def tiny_gpt(vocab_size: int, seed: int = 0) -> GPT:
    torch.manual_seed(seed)
    return GPT(GPTConfig(vocab_size=vocab_size, block_size=256, n_layer=2, n_head=2, n_embd=32))


# --- the template -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "tr"])
def test_template_round_trip_on_every_kind(lang, tokenizer):
    pairs = instruction_pairs(WORLD, 3, lang)
    assert {pair.kind for pair in pairs} == set(INSTRUCTION_KINDS)
    for pair in pairs:
        prompt, full = format_example(pair.instruction, pair.response, lang)
        assert full.startswith(prompt)
        assert parse_example(full) == (pair.instruction, pair.response, lang)
        example = encode_example(tokenizer, pair.instruction, pair.response, lang, pair.kind)
        assert tokenizer.decode(example.ids) == full + ENDOFTEXT  # ids decode to the text, end token last
        assert list(example.ids[: example.prompt_length]) == tokenizer.encode(prompt)  # as read at answer time


def test_role_names_are_in_the_examples_language():
    prompt, full = format_example("Bu yorum olumlu mu, olumsuz mu?\nHarika.", "Olumlu.", "tr")
    assert full == "Kullanıcı: Bu yorum olumlu mu, olumsuz mu?\nHarika.\nAsistan: Olumlu."
    assert prompt == "Kullanıcı: Bu yorum olumlu mu, olumsuz mu?\nHarika.\nAsistan:"
    assert format_prompt("Hi?", "en") == "User: Hi?\nAssistant:"
    assert set(CHAT_TEMPLATE) == {"en", "tr"}


def test_template_errors_are_clear():
    with pytest.raises(CourseValueError, match="lang='de'"):
        format_example("x", "y", "de")
    with pytest.raises(CourseValueError, match="chat template"):
        parse_example("Question: x Answer: y")


# --- response-only labels --------------------------------------------------------------------
def test_response_only_labels_ignore_prompt_and_padding():
    ids = torch.tensor([[5, 6, 7, 8, 9, 0], [1, 2, 3, 4, 0, 0]])
    labels = response_only_labels(ids, [3, 1], lengths=[6, 4])
    assert labels.tolist() == [[-100, -100, -100, 8, 9, 0], [-100, 2, 3, 4, -100, -100]]
    assert response_only_labels(ids, torch.tensor([0, 6])).tolist() == [ids[0].tolist(), [-100] * 6]
    assert response_only_labels(ids, [2, 2], ignore_index=-1)[0].tolist() == [-1, -1, 7, 8, 9, 0]
    assert ids.tolist()[0] == [5, 6, 7, 8, 9, 0]  # the input is not changed in place


@pytest.mark.parametrize("bad", [[1], [1, 7], [-1, 2]])
def test_response_only_labels_refuse_bad_lengths(bad):
    with pytest.raises(CourseValueError, match="prompt_lengths"):
        response_only_labels(torch.zeros(2, 6, dtype=torch.long), bad)


def test_collate_pads_right_and_masks(tokenizer):
    pairs = instruction_pairs(WORLD, 1, "en", ("sentiment", "translate"))
    examples = encode_pairs(tokenizer, pairs)
    input_ids, labels = collate(examples, pad_id=1)
    for row, example in enumerate(examples):
        n, p = len(example.ids), example.prompt_length
        assert input_ids[row, :n].tolist() == list(example.ids)
        assert (input_ids[row, n:] == 1).all()
        assert (labels[row, :p] == -100).all() and (labels[row, n:] == -100).all()
        assert labels[row, p:n].tolist() == list(example.ids[p:])


# --- the loss and its gradient ---------------------------------------------------------------
def test_prompt_tokens_get_no_gradient(tokenizer):
    pairs = instruction_pairs(WORLD, 1, "tr", ("translate", "sentiment"))
    examples = encode_pairs(tokenizer, pairs)
    batch = collate(examples, pad_id=0)
    model = tiny_gpt(tokenizer.vocab_size)
    losses, logits = instruction_loss(model, batch)
    logits.retain_grad()
    losses.sum().backward()
    for row, example in enumerate(examples):
        p, n = example.prompt_length, len(example.ids)
        # logits[t] predicts token t + 1: positions 0 .. p-2 predict prompt tokens, p-1 .. n-2 the response
        assert torch.count_nonzero(logits.grad[row, : p - 1]) == 0
        assert torch.count_nonzero(logits.grad[row, n - 1 :]) == 0  # padding
        assert (logits.grad[row, p - 1 : n - 1].abs().sum(dim=-1) > 0).all()


def test_changing_prompt_targets_does_not_change_the_loss(tokenizer):
    example = encode_pairs(tokenizer, instruction_pairs(WORLD, 1, "en", ("topic",)))[0]
    input_ids, labels = collate([example], pad_id=0)
    model = tiny_gpt(tokenizer.vocab_size)
    loss = instruction_loss(model, (input_ids, labels))[0]
    other_prompt = input_ids.clone()
    other_prompt[0, : example.prompt_length] = torch.randint(3, tokenizer.vocab_size, (example.prompt_length,))
    relabelled = response_only_labels(other_prompt, [example.prompt_length])  # targets from another prompt
    assert torch.equal(instruction_loss(model, (input_ids, relabelled))[0], loss)
    unmasked = input_ids.clone()  # the same batch scored on every token: the prompt now counts
    assert not torch.allclose(instruction_loss(model, (input_ids, unmasked))[0], loss)


def test_instruction_loss_matches_hugging_face(tokenizer):
    """HF GPT2LMHeadModel shifts ``labels`` itself and averages over the tokens that are not -100."""
    examples = encode_pairs(tokenizer, instruction_pairs(WORLD, 1, "tr", ("translate", "sentiment")))
    model = tiny_gpt(tokenizer.vocab_size, seed=1).eval()
    hf = to_hf(model).eval()
    for example in examples:
        input_ids, labels = collate([example], pad_id=0)
        ours = instruction_loss(model, (input_ids, labels))[0]
        theirs = hf(input_ids, labels=labels).loss
        torch.testing.assert_close(ours, theirs.reshape(1), rtol=1e-5, atol=1e-5)
        # and through the HF model the same function gives the same number
        torch.testing.assert_close(instruction_loss(hf, (input_ids, labels))[0], ours, rtol=1e-5, atol=1e-5)


def test_instruction_loss_refuses_a_plain_lm_batch():
    with pytest.raises(CourseValueError, match="input_ids, labels"):
        instruction_loss(tiny_gpt(50), (torch.zeros(2, 5, dtype=torch.long), torch.zeros(2, 4, dtype=torch.long)))


def test_batches_cover_every_example_once_per_epoch(tokenizer):
    examples = encode_pairs(tokenizer, instruction_pairs(WORLD, 3, "en"))
    batches = InstructionBatches(examples, batch_size=4, pad_id=0, generator=torch.Generator().manual_seed(0))
    rows = [row[row != 0].tolist() for input_ids, _ in batches for row in input_ids]
    assert len(batches) == 4 and sorted(map(tuple, rows)) == sorted(example.ids for example in examples)
    with pytest.raises(CourseValueError):
        InstructionBatches([], 4, 0)


# --- data ------------------------------------------------------------------------------------
def test_instruction_pairs_per_kind_and_split():
    pairs = instruction_pairs(WORLD, 5, "tr")
    assert all(sum(pair.kind == kind for pair in pairs) == 5 for kind in INSTRUCTION_KINDS)
    assert len({pair.instruction for pair in pairs}) == len(pairs)
    questions = [pair for pair in pairs if pair.kind == "question"]
    fact = WORLD.qa_pairs(lang="tr", n=1)[0]
    assert (questions[0].instruction, questions[0].response) == (fact.question, fact.answer_sentence)
    seen, held_out = split_kinds(pairs, ("topic",))
    assert {pair.kind for pair in held_out} == {"topic"} and "topic" not in {pair.kind for pair in seen}
    with pytest.raises(CourseValueError, match="poem"):
        instruction_pairs(WORLD, 2, "en", ("poem",))


def test_too_long_examples_are_refused(tokenizer):
    pair = InstructionPair("a long text " * 40, "ok", "en", "answer")
    with pytest.raises(CourseValueError, match="tokens long"):
        encode_pairs(tokenizer, [pair], max_length=64)


# --- scoring ---------------------------------------------------------------------------------
def test_exact_match_is_strict():
    assert exact_match(" Olumlu. ", "Olumlu.")
    assert not exact_match("olumlu", "Olumlu.") and not exact_match("Olumlu. Çok iyi.", "Olumlu.")


class Parrot(torch.nn.Module):
    """A fake model that answers every prompt with the same tokens and the end token: a known score.

    It continues the longest prefix of its answer that the text already ends with.
    """

    def __init__(self, answer_ids, vocab_size):
        super().__init__()
        self.config = GPTConfig(vocab_size=vocab_size, block_size=256, n_layer=1, n_head=1, n_embd=4)
        self.answer, self.vocab_size = list(answer_ids), vocab_size
        self.weight = torch.nn.Parameter(torch.zeros(1))

    def forward(self, ids):
        logits = torch.zeros(ids.shape[0], ids.shape[1], self.vocab_size)
        for row in range(ids.shape[0]):
            tail = ids[row].tolist()
            done = max(k for k in range(len(self.answer)) if k == 0 or tail[-k:] == self.answer[:k])
            logits[row, -1, self.answer[done]] = 1.0
        return SimpleNamespace(logits=logits)


def test_evaluate_instructions_scores_per_language_and_kind(tokenizer):
    pairs = [InstructionPair("Is this review positive or negative?\nGood.", "Positive.", "en", "sentiment"),
             InstructionPair("Is this review positive or negative?\nBad!", "Negative.", "en", "sentiment"),
             InstructionPair("Bu yorum olumlu mu, olumsuz mu?\nİyi.", "Olumlu.", "tr", "sentiment")]
    answer = tokenizer.encode(" Positive.") + [tokenizer.special_id(ENDOFTEXT)]
    parrot = Parrot(answer, tokenizer.vocab_size)
    scores = evaluate_instructions(parrot, tokenizer, pairs, progress=False)
    assert scores.exact_match == {"en": 0.5, "tr": 0.0}
    assert scores.by_kind == {"en": {"sentiment": 0.5}, "tr": {"sentiment": 0.0}}
    assert [row["answer"] for row in scores.rows] == ["Positive.", "Positive.", "Positive."]
    assert scores.table().loc["en", "all"] == 0.5
    with pytest.raises(CourseValueError):
        evaluate_instructions(parrot, tokenizer, [], progress=False)


def test_response_loss_equals_instruction_loss_with_its_gradients(tokenizer):
    examples = encode_pairs(tokenizer, instruction_pairs(WORLD, 2, "en", ("translate", "sentiment", "topic")))
    batch = collate(examples, pad_id=0)
    fast, reference = tiny_gpt(tokenizer.vocab_size, seed=2), tiny_gpt(tokenizer.vocab_size, seed=2)
    fast_losses = response_loss(fast, batch)
    reference_losses = instruction_loss(reference, batch)[0]
    torch.testing.assert_close(fast_losses, reference_losses, rtol=1e-5, atol=1e-6)
    fast_losses.mean().backward()
    reference_losses.mean().backward()
    for (name, a), b in zip(fast.named_parameters(), reference.parameters()):
        torch.testing.assert_close(a.grad, b.grad, rtol=1e-4, atol=1e-7, msg=name)
