import pytest

from course_lib import i18n
from course_lib.i18n import CourseValueError


def test_language_comes_from_env_then_call(monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "tr")
    assert i18n.get_language() == "tr"
    i18n.set_language("en")
    assert i18n.get_language() == "en"


def test_unknown_language_is_refused_in_both_languages(monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "de")
    with pytest.raises(CourseValueError) as caught:
        i18n.get_language()
    assert "'de'" in str(caught.value)
    assert "en, tr" in str(caught.value) and "Bilinmeyen dil" in str(caught.value)


def test_error_text_follows_the_learner_language():
    i18n.set_language("tr")
    error = CourseValueError("unknown_profile", value="fast", valid="smoke, cpu, gpu")
    assert str(error) == error.tr and "Geçerli profiller" in str(error)
    assert "Valid profiles" in error.en and "'fast'" in error.en
    assert isinstance(error, ValueError)


def test_register_refuses_a_missing_language_and_conflicting_duplicates():
    with pytest.raises(ValueError, match="tr"):
        i18n.register({"only_english": {"en": "hello"}})
    with pytest.raises(ValueError, match="twice"):
        i18n.register({"unknown_profile": {"en": "other", "tr": "başka"}})


def test_every_registered_message_formats_with_the_same_fields_in_both_languages():
    import importlib
    import importlib.util
    import pkgutil
    import string

    import course_lib

    # Import every module so that every catalog is registered. Only Triton may be missing (it is
    # optional, Linux-only): any other ImportError is a bug that this test must report.
    triton_installed = importlib.util.find_spec("triton") is not None
    for module in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        try:
            importlib.import_module(module.name)
        except ImportError as error:
            if triton_installed or (error.name or "").split(".")[0] != "triton":
                raise
    assert len(i18n._catalog) > 20
    for key, versions in i18n._catalog.items():
        # A field may come in per-language twins (``rule`` / ``rule_tr``): compare their stems.
        fields = [
            {name.removesuffix("_tr").removesuffix("_en") for _, name, _, _ in string.Formatter().parse(text) if name}
            for text in versions.values()
        ]
        assert fields[0] == fields[1], key


def test_pick_chooses_by_language():
    i18n.set_language("tr")
    assert i18n.pick(en="cat", tr="kedi") == "kedi"
