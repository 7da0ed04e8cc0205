"""The machinery behind every exercise check.

A chapter's check (``check_<name>(student_fn)``) lists :class:`Case` objects and hands
them to :func:`run_check`, which calls the learner's function on each case, prints a
verdict in the notebook's language (what was expected and what came back), records it in
:func:`verdict_history` for graders and tests, and raises :class:`CheckFailed` when a case
fails, so that "Run all" stops at the first exercise that is not done yet.
"""

from __future__ import annotations

import math
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch

from ..i18n import get_language, message
from . import messages  # noqa: F401  (registers this package's texts)

_history: list[dict] = []


@dataclass
class Case:
    """One call of the learner's function and how to judge its result.

    ``description`` is ``{"en": ..., "tr": ...}``. Give either ``expected`` (compared with
    tolerance for floats and tensors) or ``judge``: a function of the result that returns
    ``None`` when the result is right, else a short text saying what is wrong.
    """

    description: dict[str, str]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    expected: Any = None
    judge: Callable[[Any], str | None] | None = None
    atol: float = 1e-5
    rtol: float = 1e-4


class CheckFailed(AssertionError):
    """A check's verdict was "not yet"; the notebook shows only the verdict, not a traceback."""

    def _render_traceback_(self):  # IPython calls this instead of printing the stack
        return [str(self)]


def verdict_history() -> list[dict]:
    """Every verdict given in this process: ``[{"check": name, "passed": bool}, ...]``."""
    return list(_history)


def run_check(name: str, student_fn: Callable, cases: list[Case]) -> bool:
    lang = get_language()
    for number, case in enumerate(cases, start=1):
        problem = _judge(student_fn, case)
        if problem is not None:
            _history.append({"check": name, "passed": False})
            header = message("check_failed", name=name, number=number, total=len(cases))
            text = f"❌ {header}\n   {case.description[lang]}\n{problem}"
            print(text)
            raise CheckFailed(text)
    _history.append({"check": name, "passed": True})
    print("✅ " + message("check_passed", name=name, total=len(cases)))
    return True


def _judge(student_fn: Callable, case: Case) -> str | None:
    """None when the case passes, else the lines that explain what went wrong."""
    try:
        result = student_fn(*case.args, **case.kwargs)
    except NotImplementedError:
        return "   " + message("check_not_implemented")
    except Exception as error:  # the learner's code crashed: show where, briefly
        last = traceback.extract_tb(error.__traceback__)[-1]
        return "   " + message(
            "check_raised", error=f"{type(error).__name__}: {error}", line=last.lineno
        )
    if case.judge is not None:
        problem = case.judge(result)
        return None if problem is None else f"   {problem}"
    if values_match(result, case.expected, atol=case.atol, rtol=case.rtol):
        return None
    return "   " + message("check_expected_got", expected=_show(case.expected), got=_show(result))


def values_match(got: Any, expected: Any, atol: float = 1e-5, rtol: float = 1e-4) -> bool:
    """Equality that forgives float rounding in numbers, tensors and nested lists."""
    if isinstance(expected, torch.Tensor):
        if not isinstance(got, torch.Tensor) or got.shape != expected.shape:
            return False
        return bool(torch.allclose(got.double(), expected.double(), atol=atol, rtol=rtol))
    if isinstance(expected, float):
        return isinstance(got, (int, float)) and math.isclose(got, expected, abs_tol=atol, rel_tol=rtol)
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(got, (list, tuple))
            and len(got) == len(expected)
            and all(values_match(g, e, atol, rtol) for g, e in zip(got, expected))
        )
    if isinstance(expected, dict):
        return (
            isinstance(got, dict)
            and got.keys() == expected.keys()
            and all(values_match(got[k], expected[k], atol, rtol) for k in expected)
        )
    return type(got) is type(expected) and got == expected


def _show(value: Any, limit: int = 300) -> str:
    if isinstance(value, torch.Tensor):
        text = f"tensor(shape={tuple(value.shape)}, dtype={value.dtype}) {value.flatten()[:8].tolist()}"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
