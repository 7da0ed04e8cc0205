"""Turning token ids into training batches.

Two shapes of data run through the course:

- **One long stream of tokens** (pretraining): :class:`TokenStream` keeps the first part for
  training and the last part for validation; :class:`RandomWindows` cuts random windows of
  ``block_size`` tokens from it, endlessly, for the training loop (``TokenStream.get_batch``
  draws one batch the same way). The target of each position is the next token, so ``y`` is
  ``x`` shifted by one (as in nanoGPT's ``get_batch``).
- **Separate labelled examples** of different lengths (fine-tuning: topic, sentiment,
  instructions): :class:`LabelledDataset` holds them, and :func:`collate` pads a batch to its
  longest example and adds an attention mask that marks the real tokens (1) and the padding (0).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from ..i18n import CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers the data messages)
from .targets import IGNORE_INDEX

SPLITS = ("train", "val")


# ---------------------------------------------------------------------------- a stream of tokens
class TokenStream:
    """A long sequence of token ids, split into train and validation parts.

    The split is contiguous (validation is the last ``val_fraction`` of the stream), so no
    window of validation text has been seen, even partly, during training.
    """

    def __init__(self, ids, val_fraction: float = 0.1):
        data = _as_token_tensor(ids, "ids")
        if data.numel() == 0:
            raise CourseValueError("data_no_tokens")
        fraction_ok = isinstance(val_fraction, (int, float)) and not isinstance(val_fraction, bool)
        if not fraction_ok or not 0 <= val_fraction < 1:
            raise CourseValueError("data_bad_fraction", value=val_fraction)
        n_train = len(data) - math.floor(len(data) * val_fraction)
        self.splits = {"train": data[:n_train], "val": data[n_train:]}

    def __len__(self) -> int:
        return sum(len(part) for part in self.splits.values())

    def split(self, name: str) -> torch.Tensor:
        """The token ids of ``"train"`` or ``"val"``."""
        if name not in self.splits:
            raise CourseValueError("data_unknown_split", split=name)
        return self.splits[name]

    def get_batch(
        self,
        split: str,
        batch_size: int,
        block_size: int,
        generator: torch.Generator | None = None,
        device: str | torch.device | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """``batch_size`` random windows: inputs ``x`` and next-token targets ``y``, both ``(B, T)``.

        ``y[b, t]`` is the token after ``x[b, t]``. Passing a seeded ``torch.Generator`` makes
        the windows reproducible without touching the global random state.
        """
        data = self.split(split)
        _check_positive(batch_size, "batch_size")
        _check_positive(block_size, "block_size")
        if block_size >= len(data):
            raise CourseValueError(
                "data_block_too_long",
                block_size=block_size,
                split=split,
                length=len(data),
                largest=len(data) - 1,
            )
        x, y = _draw_windows(_all_windows(data, block_size), batch_size, generator)
        if device is not None:
            x, y = x.to(device), y.to(device)
        return x, y


class RandomWindows:
    """Endless batches ``(x, y)`` of ``batch_size`` windows of ``block_size`` tokens at random offsets.

    The sampler of pretraining: ``train(model, RandomWindows(stream.split("train"), 64, 24, g), ...)``.
    Iterating starts from the generator's current state (it is not reset), so pass the same
    generator to ``train(..., generator=...)``: checkpoints save its state, and a resumed run
    draws the very batches the interrupted run would have drawn. ``fixed=True`` instead re-seeds
    on every ``__iter__`` with ``seed``: every pass yields the same batches (for validation).
    Under ``torchrun`` every process draws the same global batch and ``train`` gives each its
    own share of it (see ``course_lib.train.distributed``), so ``batch_size`` is the global one.
    """

    def __init__(self, tokens, block_size: int, batch_size: int,
                 generator: torch.Generator | None = None, *, fixed: bool = False, seed: int = 0):
        tokens = _as_token_tensor(tokens, "tokens")
        _check_positive(batch_size, "batch_size")
        _check_positive(block_size, "block_size")
        if block_size >= len(tokens):
            raise CourseValueError("data_window_too_long", block_size=block_size, length=len(tokens),
                                   largest=len(tokens) - 1)
        self.windows = _all_windows(tokens, block_size)
        self.batch_size = batch_size
        self.generator = generator if generator is not None else torch.Generator().manual_seed(seed)
        self.fixed, self.seed = fixed, seed

    def __iter__(self):
        if self.fixed:
            self.generator.manual_seed(self.seed)
        while True:
            yield _draw_windows(self.windows, self.batch_size, self.generator)


def _all_windows(tokens: torch.Tensor, block_size: int) -> torch.Tensor:
    """Every window of ``block_size + 1`` tokens, as a view (no copy): row s holds tokens s .. s + block_size."""
    return tokens.unfold(0, block_size + 1, 1)


def _draw_windows(windows: torch.Tensor, batch_size: int, generator: torch.Generator | None):
    """Gather ``batch_size`` random rows of ``windows``: inputs and next-token targets, both (B, T).

    ``generator=None`` draws from torch's global random state (``torch.manual_seed``).
    """
    starts = torch.randint(len(windows), (batch_size,), generator=generator)
    chunk = windows[starts]
    # Contiguous copies (a few KB): code written for nanoGPT's batches calls y.view(-1) on them.
    return chunk[:, :-1].contiguous(), chunk[:, 1:].contiguous()


# --------------------------------------------------------------------------- labelled examples
class LabelledDataset(torch.utils.data.Dataset):
    """Examples of token ids with a label each: a class id, or one label per token.

    ``dataset[i]`` is ``{"input_ids": [...], "label": 3}`` (or ``"label": [...]`` as long as
    the input). Works with ``torch.utils.data.DataLoader(dataset, collate_fn=...)`` and
    :func:`collate`.
    """

    def __init__(self, input_ids: Sequence[Sequence[int]], labels: Sequence):
        if len(input_ids) != len(labels):
            raise CourseValueError("data_length_mismatch", n_inputs=len(input_ids), n_labels=len(labels))
        self.input_ids = [
            _as_token_tensor(ids, f"input_ids[{i}]").tolist() for i, ids in enumerate(input_ids)
        ]
        self.labels = [label.tolist() if hasattr(label, "tolist") else label for label in labels]
        for index, (ids, label) in enumerate(zip(self.input_ids, self.labels)):
            if not ids:
                raise CourseValueError("data_empty_example", index=index)
            if isinstance(label, list) and len(label) != len(ids):
                raise CourseValueError(
                    "data_label_length_mismatch", index=index, n_tokens=len(ids), n_labels=len(label)
                )

    @classmethod
    def from_texts(
        cls, texts: Sequence[str], labels: Sequence, tokenizer, max_length: int | None = None
    ) -> LabelledDataset:
        """Encode ``texts`` with ``tokenizer`` (anything with ``encode``); keep the first ``max_length`` tokens."""
        if max_length is not None:
            _check_positive(max_length, "max_length")
        return cls([tokenizer.encode(text)[:max_length] for text in texts], labels)

    def __len__(self) -> int:
        return len(self.input_ids)

    def __getitem__(self, index: int) -> dict:
        return {"input_ids": self.input_ids[index], "label": self.labels[index]}


def collate(
    batch: Sequence[dict],
    pad_id: int = 0,
    padding_side: str = "right",
    label_pad_id: int = IGNORE_INDEX,
) -> dict[str, torch.Tensor]:
    """Pad a list of examples into tensors: ``input_ids``, ``attention_mask`` (B, L) and ``labels``.

    ``L`` is the longest example in this batch. ``padding_side="left"`` puts the padding
    first, which generation needs (the last position is then a real token for every row).
    Class labels become a ``(B,)`` tensor; per-token labels are padded like the inputs, with
    ``label_pad_id`` (-100, which the cross-entropy loss ignores). To pass settings through a
    DataLoader: ``collate_fn=functools.partial(collate, pad_id=tok.special_id("<|pad|>"))``.
    """
    if padding_side not in ("right", "left"):
        raise CourseValueError("data_bad_padding_side", value=padding_side)
    if len(batch) == 0:
        raise CourseValueError("data_empty_batch")
    longest = max(len(example["input_ids"]) for example in batch)

    def pad(values: list, fill) -> list:
        padding = [fill] * (longest - len(values))
        return padding + list(values) if padding_side == "left" else list(values) + padding

    input_ids = torch.tensor([pad(example["input_ids"], pad_id) for example in batch], dtype=torch.long)
    attention_mask = torch.tensor(
        [pad([1] * len(example["input_ids"]), 0) for example in batch], dtype=torch.long
    )
    result = {"input_ids": input_ids, "attention_mask": attention_mask}
    if "label" in batch[0]:
        if isinstance(batch[0]["label"], list):
            result["labels"] = torch.tensor([pad(example["label"], label_pad_id) for example in batch])
        else:
            result["labels"] = torch.tensor([example["label"] for example in batch])
    return result


# ----------------------------------------------------------------------------------- helpers
def _as_token_tensor(ids, argument: str) -> torch.Tensor:
    """``ids`` as a 1-D int64 tensor, or a clear error saying what came instead."""
    if isinstance(ids, str):
        raise CourseTypeError("data_not_token_ids", argument=argument, description="a str (encode it first)")
    try:
        tensor = torch.as_tensor(ids)
    except (TypeError, ValueError, RuntimeError):
        raise CourseTypeError(
            "data_not_token_ids", argument=argument, description=type(ids).__name__
        ) from None
    if tensor.numel() == 0:
        return tensor.reshape(0).long()
    if (
        tensor.dim() != 1
        or tensor.dtype.is_floating_point
        or tensor.dtype == torch.bool
        or tensor.is_complex()
    ):
        description = f"a tensor of shape {tuple(tensor.shape)} and dtype {tensor.dtype}"
        raise CourseTypeError("data_not_token_ids", argument=argument, description=description)
    return tensor.long()


def _check_positive(value, argument: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise CourseValueError("data_not_positive", argument=argument, value=value)
