"""Batching: next-token windows from a token stream; padded batches of labelled examples."""

import functools

import pytest
import torch

from course_lib.data.batching import IGNORE_INDEX, LabelledDataset, RandomWindows, TokenStream, collate
from course_lib.i18n import CourseTypeError, CourseValueError
from course_lib.tokenizer import CharTokenizer


# --------------------------------------------------------------------------------- TokenStream
def test_split_is_contiguous_train_then_val():
    stream = TokenStream(list(range(100)), val_fraction=0.1)
    assert stream.split("train").tolist() == list(range(90))
    assert stream.split("val").tolist() == list(range(90, 100))
    assert len(stream) == 100
    assert len(TokenStream(torch.arange(10), val_fraction=0.0).split("val")) == 0


def test_windows_are_slices_and_targets_shift_by_one():
    ids = torch.randperm(500, generator=torch.Generator().manual_seed(0))  # every value once
    stream = TokenStream(ids, val_fraction=0.2)
    train = stream.split("train")
    x, y = stream.get_batch("train", batch_size=6, block_size=16, generator=torch.Generator().manual_seed(1))
    assert x.shape == y.shape == (6, 16) and x.dtype == y.dtype == torch.long
    for row_x, row_y in zip(x, y):
        start = (train == row_x[0]).nonzero().item()
        assert torch.equal(row_x, train[start : start + 16])
        assert torch.equal(row_y, train[start + 1 : start + 17])
    xv, _ = stream.get_batch("val", batch_size=4, block_size=8, generator=torch.Generator().manual_seed(1))
    assert set(xv.flatten().tolist()) <= set(stream.split("val").tolist())


def test_batches_are_reproducible_with_a_generator():
    stream = TokenStream(torch.arange(1000))
    first = stream.get_batch("train", 8, 32, generator=torch.Generator().manual_seed(42))
    second = stream.get_batch("train", 8, 32, generator=torch.Generator().manual_seed(42))
    other = stream.get_batch("train", 8, 32, generator=torch.Generator().manual_seed(43))
    assert torch.equal(first[0], second[0]) and torch.equal(first[1], second[1])
    assert not torch.equal(first[0], other[0])


def test_every_start_can_be_drawn_including_the_last():
    stream = TokenStream(torch.arange(11), val_fraction=0.0)
    x, y = stream.get_batch("train", 400, block_size=9, generator=torch.Generator().manual_seed(0))
    assert set(x[:, 0].tolist()) == {0, 1}  # 11 tokens, windows of 9 + 1 target: starts 0 and 1
    assert y.max().item() == 10


def test_block_size_too_long_is_explained():
    stream = TokenStream(torch.arange(100), val_fraction=0.1)
    with pytest.raises(CourseValueError) as error:
        stream.get_batch("val", 2, block_size=10)
    assert (
        "block_size=10" in error.value.en and "only 10 tokens" in error.value.en and "<= 9" in error.value.en
    )
    stream.get_batch("val", 2, block_size=9)  # the largest window that fits


@pytest.mark.parametrize(
    ("ids", "fraction", "error"),
    [
        ([], 0.1, CourseValueError),
        ("some text", 0.1, CourseTypeError),
        ([[1, 2], [3, 4]], 0.1, CourseTypeError),
        ([0.5, 1.5], 0.1, CourseTypeError),
        ([1, 2, 3], 1.0, CourseValueError),
        ([1, 2, 3], -0.1, CourseValueError),
    ],
)
def test_bad_stream_input(ids, fraction, error):
    with pytest.raises(error):
        TokenStream(ids, val_fraction=fraction)


def test_bad_batch_arguments():
    stream = TokenStream(torch.arange(100))
    with pytest.raises(CourseValueError):
        stream.get_batch("test", 2, 4)
    with pytest.raises(CourseValueError):
        stream.get_batch("train", 0, 4)
    with pytest.raises(CourseValueError):
        stream.get_batch("train", 2, 2.5)


# ----------------------------------------------------------------------------- RandomWindows
def test_random_windows_and_get_batch_draw_the_same_windows():
    """One sampler: the loop's endless batches are get_batch's windows, draw for draw."""
    stream = TokenStream(torch.randperm(300, generator=torch.Generator().manual_seed(3)), val_fraction=0.0)
    batches = iter(RandomWindows(stream.split("train"), 12, 5, torch.Generator().manual_seed(7)))
    reference = torch.Generator().manual_seed(7)
    for _ in range(3):
        x, y = next(batches)
        x_ref, y_ref = stream.get_batch("train", 5, 12, generator=reference)
        assert torch.equal(x, x_ref) and torch.equal(y, y_ref)
        assert torch.equal(x[:, 1:], y[:, :-1])  # y is x shifted by one token
        assert y.view(-1).shape == (60,)  # contiguous, as nanoGPT-style code expects


def test_random_windows_fixed_repeats_and_endless_continues():
    tokens = torch.arange(200)
    val = RandomWindows(tokens, 8, 4, fixed=True, seed=1)
    first, second = next(iter(val)), next(iter(val))
    assert torch.equal(first[0], second[0])
    endless = iter(RandomWindows(tokens, 8, 4, torch.Generator().manual_seed(1)))
    assert not torch.equal(next(endless)[0], next(endless)[0])


def test_random_windows_explain_bad_input_in_both_languages():
    with pytest.raises(CourseValueError) as error:
        RandomWindows(torch.arange(10), block_size=10, batch_size=2)
    assert "block_size=10" in error.value.en and "<= 9" in error.value.en
    assert "block_size <= 9" in error.value.tr and "token" in error.value.tr
    with pytest.raises(CourseTypeError):
        RandomWindows(torch.zeros(4, 5, dtype=torch.long), block_size=2, batch_size=2)
    with pytest.raises(CourseValueError):
        RandomWindows(torch.arange(100), block_size=4, batch_size=0)


# --------------------------------------------------------------------------- LabelledDataset
def test_collate_pads_right_with_mask_and_labels():
    dataset = LabelledDataset([[5, 6, 7], [8], [9, 10]], [2, 0, 1])
    batch = collate([dataset[i] for i in range(3)], pad_id=99)
    assert batch["input_ids"].tolist() == [[5, 6, 7], [8, 99, 99], [9, 10, 99]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0], [1, 1, 0]]
    assert batch["labels"].tolist() == [2, 0, 1] and batch["labels"].dtype == torch.long


def test_collate_pads_left():
    dataset = LabelledDataset([[5, 6, 7], [8]], [1, 0])
    batch = collate([dataset[0], dataset[1]], pad_id=0, padding_side="left")
    assert batch["input_ids"].tolist() == [[5, 6, 7], [0, 0, 8]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [0, 0, 1]]


def test_per_token_labels_are_padded_with_ignore_index():
    dataset = LabelledDataset([[1, 2, 3], [4]], [[-100, 2, 3], [7]])
    batch = collate([dataset[0], dataset[1]], pad_id=0)
    assert batch["labels"].tolist() == [[-100, 2, 3], [7, IGNORE_INDEX, IGNORE_INDEX]]
    loss = torch.nn.functional.cross_entropy(torch.zeros(2, 3, 10).view(-1, 10), batch["labels"].view(-1))
    assert torch.isclose(loss, torch.log(torch.tensor(10.0)))  # padding positions are ignored


def test_with_a_dataloader_and_a_real_tokenizer():
    texts = ["kitap okudu", "ağaç", "The cat sat."]
    tok = CharTokenizer.train("".join(texts), special_tokens=["<|pad|>"])
    dataset = LabelledDataset.from_texts(texts, [0, 1, 2], tok, max_length=8)
    assert dataset[0]["input_ids"] == tok.encode("kitap ok")
    pad_id = tok.special_id("<|pad|>")
    loader = torch.utils.data.DataLoader(
        dataset, batch_size=3, collate_fn=functools.partial(collate, pad_id=pad_id)
    )
    batch = next(iter(loader))
    assert batch["input_ids"].shape == (3, 8)
    for row, mask, text in zip(batch["input_ids"], batch["attention_mask"], texts):
        real = row[mask.bool()].tolist()
        assert tok.decode(real) == text[:8]
        assert (row[~mask.bool()] == pad_id).all()


def test_labelled_dataset_errors():
    with pytest.raises(CourseValueError):
        LabelledDataset([[1, 2]], [0, 1])
    with pytest.raises(CourseValueError):
        LabelledDataset([[]], [0])
    with pytest.raises(CourseValueError):
        LabelledDataset([[1, 2]], [[1]])
    with pytest.raises(CourseValueError):
        collate([])
    with pytest.raises(CourseValueError):
        collate([{"input_ids": [1], "label": 0}], padding_side="middle")
