"""The machinery behind every exercise check.

A chapter's check (``check_<name>(student_fn)``) lists :class:`Case` objects and hands
them to :func:`run_check`, which calls the learner's function on each case, prints a
verdict in the notebook's language (what was expected and what came back), records it in
:func:`verdict_history` for graders and tests, and raises :class:`CheckFailed` when a case
fails, so that "Run all" stops at the first exercise that is not done yet.

A check that cannot judge on this machine (the Triton appendix on a Mac) calls
:func:`skip_check` instead: the verdict is "skip", printed with its reason, and nothing raises.
Each verdict also records the module the graded object was defined in, so that a grader can
tell a function written in the notebook (``__main__``) from one imported from a library.
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


VERDICTS = ("pass", "fail", "skip")


def verdict_history() -> list[dict]:
    """Every verdict given in this process, oldest first.

    Each is ``{"check": name, "verdict": "pass" | "fail" | "skip", "passed": bool,
    "module": where the graded object was defined, "note": why it failed or was skipped}``.
    """
    return [dict(entry) for entry in _history]


def defined_in(obj: Any) -> str | None:
    """The module an object was defined in: ``"__main__"`` for a notebook's own function or class.

    Looks through the wrappers a graded object may come in (a ``@triton.jit`` kernel's ``fn``,
    ``functools.partial``'s ``func``, a decorator's ``__wrapped__``), and at the class of an
    instance, so that wrapping a library function does not hide where it came from.
    """
    seen = set()
    while id(obj) not in seen:
        seen.add(id(obj))
        inner = next((getattr(obj, a) for a in ("fn", "func", "__wrapped__") if hasattr(obj, a)), None)
        if inner is None or not callable(inner):
            break
        obj = inner
    module = getattr(obj, "__module__", None)
    return module if isinstance(module, str) else type(obj).__module__


def _record(name: str, verdict: str, graded: Any, note: str = "") -> None:
    module = defined_in(graded) if graded is not None else None
    _history.append({"check": name, "verdict": verdict, "passed": verdict == "pass", "module": module, "note": note})


def run_check(name: str, student_fn: Callable, cases: list[Case], graded: Any = None) -> bool:
    """Judge ``student_fn`` on ``cases``; print and record the verdict; raise CheckFailed on a failure.

    ``graded`` is the learner's own object when the check calls it through a helper (the A1
    check launches the learner's kernel from a library function); by default it is ``student_fn``.
    """
    lang = get_language()
    graded = student_fn if graded is None else graded
    for number, case in enumerate(cases, start=1):
        problem = _judge(student_fn, case)
        if problem is not None:
            header = message("check_failed", name=name, number=number, total=len(cases))
            text = f"❌ {header}\n   {case.description[lang]}\n{problem}"
            _record(name, "fail", graded, note=" ".join(text.split()[1:]))  # a teacher's CSV reads it
            print(text)
            raise CheckFailed(text)
    _record(name, "pass", graded)
    print("✅ " + message("check_passed", name=name, total=len(cases)))
    return True


def skip_check(name: str, reason: str, graded: Any = None) -> bool:
    """Record that check ``name`` cannot judge on this machine (``reason``, in the learner's
    language), and say so. Nothing raises: a machine the course cannot grade on (a Mac without
    Triton) is not the learner's mistake. Returns False: the exercise was not confirmed."""
    _record(name, "skip", graded, note=reason)
    print("⏭️  " + message("check_skipped", name=name, reason=reason))
    return False


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
