"""FinetuneConfig.from_sizes(): the config every method chapter builds from its sizes."""

import pytest

from course_lib.chapter_sizes import CHAPTER_SIZES
from course_lib.finetune.compare import FinetuneConfig
from course_lib.i18n import CourseTypeError
from course_lib.profile import PROFILES, sizes

# The chapters whose notebooks build their config with from_sizes (chapter 10 through chapter_config).
CHAPTERS = ("03_finetuning", "04_peft", "05_prompt_tuning", "06_distillation", "07_alum", "08_reweighting",
            "10_comparison", "12_carbon")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_takes_every_training_size_of_the_chapter(chapter, profile):
    chosen = sizes(chapter, profile)
    config = FinetuneConfig.from_sizes(chosen)
    # the five settings every method chapter sets, read back one by one as the notebooks used to pass them
    assert (config.epochs, config.batch_size, config.lr, config.max_length, config.forgetting_tokens) == (
        chosen.epochs, chosen.batch_size, chosen.lr, chosen.max_length, chosen.forgetting_tokens)


def test_sizes_that_are_not_settings_are_left_out_and_defaults_kept():
    config = FinetuneConfig.from_sizes({"epochs": 2, "seeds": [0, 1], "world_n_train": 16})
    assert config.epochs == 2
    assert config.batch_size == FinetuneConfig().batch_size
    assert config.pue == FinetuneConfig().pue


def test_a_chapter_pue_is_taken():
    assert "pue" in CHAPTER_SIZES["10_comparison"]["smoke"]  # the chapter that relies on it
    assert FinetuneConfig.from_sizes({"pue": 1.58}).pue == 1.58


def test_overrides_win_over_sizes():
    config = FinetuneConfig.from_sizes({"epochs": 2, "lr": 1e-3}, lr=5e-2, device="cpu")
    assert (config.epochs, config.lr, config.device) == (2, 5e-2, "cpu")


def test_an_unknown_override_is_named_in_both_languages():
    with pytest.raises(CourseTypeError) as error:
        FinetuneConfig.from_sizes({"epochs": 1}, learning_rate=1e-3)
    assert "learning_rate" in error.value.en and "learning_rate" in error.value.tr
    assert "lr" in error.value.en


def test_sizes_must_be_a_mapping():
    with pytest.raises(CourseTypeError) as error:
        FinetuneConfig.from_sizes([("epochs", 1)])
    assert "list" in error.value.en and "list" in error.value.tr
