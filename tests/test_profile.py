import pytest

from course_lib.chapter_sizes import CHAPTER_SIZES
from course_lib.i18n import CourseValueError
from course_lib.profile import PROFILES, current_profile, sizes


def test_default_profile_is_cpu(monkeypatch):
    monkeypatch.delenv("COURSE_PROFILE", raising=False)
    assert current_profile() == "cpu"


def test_unknown_profile_lists_the_valid_ones(monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "huge")
    with pytest.raises(CourseValueError) as caught:
        current_profile()
    assert "'huge'" in str(caught.value) and "smoke, cpu, gpu" in str(caught.value)


def test_sizes_follow_the_profile(monkeypatch):
    monkeypatch.setenv("COURSE_PROFILE", "smoke")
    small = sizes("00_introduction")
    monkeypatch.setenv("COURSE_PROFILE", "cpu")
    assert sizes("00_introduction").samples > small.samples
    with pytest.raises(AttributeError):
        small.no_such_size  # noqa: B018
    with pytest.raises(TypeError):
        small["samples"] = 1  # read-only


def test_unknown_chapter_is_a_clear_error():
    with pytest.raises(CourseValueError, match="99_nothing"):
        sizes("99_nothing")


@pytest.mark.parametrize("chapter", sorted(CHAPTER_SIZES))
def test_every_chapter_defines_the_same_keys_for_every_profile(chapter):
    table = CHAPTER_SIZES[chapter]
    assert set(table) == set(PROFILES)
    keys = {profile: set(values) for profile, values in table.items()}
    assert keys["smoke"] == keys["cpu"] == keys["gpu"], keys
