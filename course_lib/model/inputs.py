"""Checks on what a learner feeds the GPT, so mistakes fail early with a clear message.

Without them, an id ≥ vocab_size fails inside ``nn.Embedding`` with "index out of range in self"
on the CPU, and with an opaque device-side assert on a GPU; a too-long sequence fails on the
position embedding in the same way. These checks name the value and the fix instead.
"""

from __future__ import annotations

import torch

from ..i18n import CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers the model's messages)


def check_token_ids(idx, vocab_size: int, block_size: int) -> None:
    """``idx`` must be a (batch, time) integer tensor of ids in [0, vocab_size), time ≤ block_size."""
    if not isinstance(idx, torch.Tensor):
        raise CourseTypeError("model_idx_not_tensor", type_name=type(idx).__name__)
    if idx.is_floating_point() or idx.is_complex() or idx.dtype == torch.bool:
        raise CourseTypeError("model_idx_not_integer", dtype=idx.dtype)
    if idx.dim() != 2:
        raise CourseValueError("model_idx_wrong_dims", shape=tuple(idx.shape))
    check_length(idx.shape[1], block_size)
    if idx.numel() and not torch.compiler.is_compiling():
        # One small reduction; a GPU waits for it, which is the price of a readable error. Under
        # torch.compile it is skipped: reading a value back (int()) would break the graph in two.
        low, high = (int(v) for v in torch.aminmax(idx))
        if low < 0 or high >= vocab_size:
            raise CourseValueError(
                "model_idx_out_of_vocab",
                min_id=low,
                max_id=high,
                vocab_size=vocab_size,
                last_id=vocab_size - 1,
            )


def check_inputs_embeds(embeds, n_embd: int, block_size: int) -> None:
    """``embeds`` must be a floating (batch, time, n_embd) tensor, time ≤ block_size."""
    if not isinstance(embeds, torch.Tensor):
        raise CourseTypeError("model_idx_not_tensor", type_name=type(embeds).__name__)
    if embeds.dim() != 3 or embeds.shape[-1] != n_embd or not embeds.is_floating_point():
        raise CourseValueError(
            "model_embeds_shape", n_embd=n_embd, shape=tuple(embeds.shape), dtype=embeds.dtype
        )
    check_length(embeds.shape[1], block_size)


def check_length(length: int, block_size: int) -> None:
    if length < 1:
        raise CourseValueError("model_empty_sequence", length=length)
    if length > block_size:
        raise CourseValueError("model_sequence_too_long", length=length, block_size=block_size)


def check_targets(targets, batch_time: tuple[int, int]) -> None:
    """``targets`` must be integer ids with the same (batch, time) shape as the input."""
    if (
        not isinstance(targets, torch.Tensor)
        or targets.is_floating_point()
        or tuple(targets.shape) != tuple(batch_time)
    ):
        raise CourseValueError(
            "model_targets_shape",
            expected=tuple(batch_time),
            shape=tuple(getattr(targets, "shape", ())),
            dtype=getattr(targets, "dtype", type(targets).__name__),
        )
