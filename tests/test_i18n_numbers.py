"""Numbers in messages: a decimal comma in Turkish (0,64; 1.234,5; %50), English as before."""

import numpy as np
import pytest
import torch

from course_lib import i18n
from course_lib.i18n import CourseTypeError, CourseValueError, message, number

TEMPLATES = {
    "test_numbers_accuracy": {"en": "accuracy {acc:.2f} after {steps} steps ({name})",
                              "tr": "{steps} adımdan sonra doğruluk {acc:.2f} ({name})"},
    "test_numbers_plain": {"en": "{value}", "tr": "{value}"},
    "test_numbers_grouped": {"en": "{value:,.1f}", "tr": "{value:,.1f}"},
    "test_numbers_share": {"en": "{share:.0%} of jobs", "tr": "mesleklerin {share:.0%} kadarı"},
    "test_numbers_repr": {"en": "got {value!r}", "tr": "gelen {value!r}"},
}


@pytest.fixture(autouse=True)
def _test_templates(monkeypatch):
    """The templates above, in a copy of the catalog that the test throws away."""
    monkeypatch.setattr(i18n, "_catalog", dict(i18n._catalog))
    i18n.register(TEMPLATES)


def test_a_turkish_message_writes_a_float_field_with_a_decimal_comma():
    assert message("test_numbers_accuracy", lang="tr", acc=0.6412, steps=1200, name="v1.2") == \
        "1200 adımdan sonra doğruluk 0,64 (v1.2)"


def test_an_english_message_keeps_the_decimal_point():
    assert message("test_numbers_accuracy", lang="en", acc=0.6412, steps=1200, name="v1.2") == \
        "accuracy 0.64 after 1200 steps (v1.2)"


def test_the_current_language_decides_when_no_language_is_given():
    i18n.set_language("tr")
    assert message("test_numbers_plain", value=0.25) == "0,25"
    i18n.set_language("en")
    assert message("test_numbers_plain", value=0.25) == "0.25"


def test_ints_bools_and_strings_are_untouched_in_turkish():
    assert message("test_numbers_plain", lang="tr", value=1234) == "1234"
    assert message("test_numbers_plain", lang="tr", value=True) == "True"
    assert message("test_numbers_plain", lang="tr", value="0.64 (as text)") == "0.64 (as text)"


def test_turkish_swaps_the_thousands_separator_too():
    assert message("test_numbers_grouped", lang="tr", value=1234.5) == "1.234,5"
    assert message("test_numbers_grouped", lang="en", value=1234.5) == "1,234.5"


def test_turkish_writes_the_percent_sign_first():
    assert message("test_numbers_share", lang="tr", share=0.75) == "mesleklerin %75 kadarı"
    assert message("test_numbers_share", lang="en", share=0.75) == "75% of jobs"


def test_a_repr_conversion_shows_the_python_value_in_both_languages():
    # !r is for error messages that quote what the learner passed: that stays Python's spelling.
    assert message("test_numbers_repr", lang="tr", value=0.5) == "gelen 0.5"


@pytest.mark.parametrize("scalar", [np.float32(0.25), np.float64(0.25), torch.tensor(0.25), np.array(0.25)])
def test_numpy_and_torch_scalars_are_numbers_too(scalar):
    assert message("test_numbers_plain", lang="tr", value=scalar) == "0,25"
    assert number(scalar, ".3f", lang="tr") == "0,250"


def test_number_formats_in_either_language():
    assert number(0.6412, lang="en") == "0.64"
    assert number(0.6412, lang="tr") == "0,64"
    assert number(1234.5, ",.1f", lang="tr") == "1.234,5"
    assert number(1234567, ",", lang="tr") == "1.234.567"
    assert number(-0.05, ".1%", lang="tr") == "-%5,0"
    assert number(1.5e-4, ".2e", lang="tr") == "1,50e-04"
    i18n.set_language("tr")
    assert number(0.6412, ".3f") == "0,641"


def test_number_refuses_what_is_not_a_number_in_both_languages():
    with pytest.raises(CourseTypeError) as caught:
        number("0.64")
    assert "'0.64'" in caught.value.en and "str" in caught.value.en
    assert "gerçel bir sayı" in caught.value.tr
    with pytest.raises(CourseTypeError):
        number(True)
    with pytest.raises(CourseValueError) as caught:
        number(0.5, "q")
    assert "'q'" in caught.value.en and "biçim belirtimi" in caught.value.tr
    with pytest.raises(CourseValueError):
        number(0.5, lang="de")
