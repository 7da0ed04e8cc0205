"""Checks of learner input shared by every tokenizer here, each with a clear bilingual error."""

from __future__ import annotations

import operator

from ..i18n import CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers the tokenizer's messages)


def checked_token_id(token_id, vocab_size: int) -> int:
    """``token_id`` as an int (numpy and 0-d torch ints welcome), checked against ``0 .. vocab_size-1``."""
    if isinstance(token_id, (bool, float, str)) or not hasattr(token_id, "__index__"):
        raise CourseTypeError("tokenizer_id_not_int", value=token_id, type_name=type(token_id).__name__)
    token_id = operator.index(token_id)
    if not 0 <= token_id < vocab_size:
        raise CourseValueError("tokenizer_id_out_of_range", token_id=token_id, last_id=vocab_size - 1)
    return token_id


def check_text(text, argument: str = "text") -> None:
    """A clear error unless ``text`` is a str."""
    if not isinstance(text, str):
        raise CourseTypeError("tokenizer_text_not_str", argument=argument, type_name=type(text).__name__)


def check_special_tokens(special_tokens) -> None:
    """A clear error unless ``special_tokens`` is a list of distinct non-empty strings."""
    tokens = list(special_tokens) if not isinstance(special_tokens, str) else None
    if (
        tokens is None
        or any(not isinstance(token, str) or not token for token in tokens)
        or len(set(tokens)) != len(tokens)
    ):
        raise CourseValueError("tokenizer_bad_special_tokens", value=special_tokens)
