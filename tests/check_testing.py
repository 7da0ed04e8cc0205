"""What every chapter's checks tests share: the blank exercise, and a check failing for a stated reason."""

import pytest

from course_lib.checks.core import CheckFailed


def blank(*_args, **_kwargs):
    """The learner's function as the blank exercise leaves it."""
    raise NotImplementedError


def fails(check, fn, reason: str) -> None:
    """``check(fn)`` fails, and its message matches ``reason`` (a regular expression): the check
    fails for the reason a learner should read, not by accident."""
    with pytest.raises(CheckFailed, match=reason):
        check(fn)
