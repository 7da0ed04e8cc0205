import pytest
import torch

from course_lib import i18n
from course_lib.checks.core import Case, CheckFailed, run_check, values_match, verdict_history


def _double(x):
    return 2 * x


def test_passing_check_prints_and_records(capsys):
    assert run_check("check_double", _double, [Case({"en": "two", "tr": "iki"}, args=(2,), expected=4)])
    assert "✅" in capsys.readouterr().out
    assert verdict_history()[-1] == {"check": "check_double", "passed": True}


def test_failing_check_says_expected_and_got_in_the_learner_language(capsys):
    i18n.set_language("tr")
    with pytest.raises(CheckFailed):
        run_check("check_double", lambda x: x + 1, [Case({"en": "three", "tr": "üç"}, args=(3,), expected=6)])
    out = capsys.readouterr().out
    assert "❌" in out and "beklenen: 6" in out and "gelen:    4" in out and "üç" in out
    assert verdict_history()[-1] == {"check": "check_double", "passed": False}


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
