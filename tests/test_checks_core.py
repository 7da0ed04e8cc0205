import pytest
import torch

from course_lib import i18n
from course_lib.checks.core import (
    Case,
    CheckFailed,
    defined_in,
    run_check,
    skip_check,
    values_match,
    verdict_history,
)


def _double(x):
    return 2 * x


def test_passing_check_prints_and_records(capsys):
    assert run_check("check_double", _double, [Case({"en": "two", "tr": "iki"}, args=(2,), expected=4)])
    assert "✅" in capsys.readouterr().out
    assert verdict_history()[-1] == {
        "check": "check_double", "verdict": "pass", "passed": True, "module": __name__, "note": ""
    }


def test_failing_check_says_expected_and_got_in_the_learner_language(capsys):
    i18n.set_language("tr")
    with pytest.raises(CheckFailed):
        run_check("check_double", lambda x: x + 1, [Case({"en": "three", "tr": "üç"}, args=(3,), expected=6)])
    out = capsys.readouterr().out
    assert "❌" in out and "beklenen: 6" in out and "gelen:    4" in out and "üç" in out
    last = verdict_history()[-1]
    assert (last["check"], last["verdict"], last["passed"]) == ("check_double", "fail", False)


def test_blank_exercise_is_reported_as_not_implemented(capsys):
    def blank(x):
        raise NotImplementedError

    with pytest.raises(CheckFailed, match="Not implemented yet"):
        run_check("check_blank", blank, [Case({"en": "a", "tr": "a"}, args=(1,), expected=1)])


def test_crash_in_learner_code_is_shown_briefly():
    with pytest.raises(CheckFailed, match="ZeroDivisionError"):
        run_check("check_crash", lambda x: 1 / x, [Case({"en": "a", "tr": "a"}, args=(0,), expected=1.0)])


def test_ipython_shows_only_the_verdict():
    assert CheckFailed("verdict")._render_traceback_() == ["verdict"]


@pytest.mark.parametrize(
    ("got", "expected", "same"),
    [
        (1.0 + 1e-9, 1.0, True),
        (1.1, 1.0, False),
        (torch.ones(3), torch.ones(3, dtype=torch.float64), True),
        (torch.ones(3), torch.ones(4), False),
        ([1, 2.0000001], [1, 2.0], True),
        ({"a": 1}, {"a": 1}, True),
        (True, 1, False),
        ("1", 1, False),
    ],
)
def test_values_match(got, expected, same):
    assert values_match(got, expected) is same


def test_skip_is_recorded_with_its_reason_and_does_not_raise(capsys):
    i18n.set_language("tr")
    assert skip_check("check_kernel", "Triton yok.", graded=_double) is False
    assert "atlandı" in capsys.readouterr().out
    last = verdict_history()[-1]
    assert (last["verdict"], last["passed"], last["note"], last["module"]) == ("skip", False, "Triton yok.", __name__)


def test_verdict_records_where_the_graded_object_was_defined():
    """A grader tells a function written in the notebook from one imported from a library."""
    import functools

    from course_lib.model import bigram

    imported = bigram.normalize_counts  # chapter 00's reference solution
    assert defined_in(_double) == __name__
    assert defined_in(imported) == bigram.__name__
    assert defined_in(functools.partial(imported)) == bigram.__name__  # wrapping does not hide it
    assert defined_in(functools.wraps(imported)(lambda *a: imported(*a))) == bigram.__name__
    assert defined_in(torch.nn.Linear(2, 2)) == "torch.nn.modules.linear"
    run_check("check_double", functools.partial(_double), [Case({"en": "a", "tr": "a"}, args=(1,), expected=2)],
              graded=imported)
    assert verdict_history()[-1]["module"] == bigram.__name__
