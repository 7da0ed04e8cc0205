import math

import pytest
import torch
from check_testing import blank

from course_lib.checks import CheckFailed, check_normalize_counts, check_sample_next
from course_lib.data.samples import tiny_text
from course_lib.i18n import CourseValueError
from course_lib.model.bigram import BigramModel, normalize_counts, sample_next


def test_counts_match_a_hand_count():
    model = BigramModel("abab")
    a, b = model.index["a"], model.index["b"]
    assert model.counts[a, b] == 2 and model.counts[b, a] == 1 and model.counts.sum() == 3


def test_probabilities_are_rows_of_distributions():
    probs = BigramModel(tiny_text("tr")).probabilities()
    assert torch.allclose(probs.sum(-1), torch.ones(len(probs), dtype=probs.dtype))


def test_loss_beats_uniform_and_matches_a_direct_computation():
    model = BigramModel("aab")
    # pairs: a->a (1 of 2 after a), a->b (1 of 2 after a)
    assert math.isclose(model.average_nll("aab"), math.log(2))


def test_generation_is_repeatable_and_uses_only_the_vocabulary():
    model = BigramModel(tiny_text("en"))
    one = model.generate("t", 50, torch.Generator().manual_seed(0))
    two = model.generate("t", 50, torch.Generator().manual_seed(0))
    assert one == two and len(one) == 51 and set(one) <= set(model.vocab)


@pytest.mark.parametrize("bad", ["", "a"])
def test_too_short_text_is_refused(bad):
    with pytest.raises(CourseValueError):
        BigramModel(bad)


def test_unknown_character_is_refused():
    with pytest.raises(CourseValueError, match="'z'"):
        BigramModel("abc").next_distribution("z")


def test_chapter00_checks_pass_the_reference_solutions():
    assert check_normalize_counts(normalize_counts)
    assert check_sample_next(sample_next)
    assert check_sample_next(lambda p, g: int(torch.multinomial(p, 1, generator=g)))



@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda counts: counts.float(),  # not normalised
        lambda counts: counts.double() / counts.sum(),  # normalised over the whole table
        lambda counts: counts.double() / counts.sum(-1, keepdim=True),  # NaN on empty rows
    ],
)
def test_normalize_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_normalize_counts(wrong)


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        lambda p, g: int(p.argmax()),  # greedy: not a sample
        lambda p, g: int(torch.multinomial(p, 1)),  # ignores the generator
        lambda p, g: int(torch.randint(len(p), (), generator=g)),  # ignores the probabilities
        lambda p, g: torch.multinomial(p, 1, generator=g),  # a tensor, not an int
    ],
)
def test_sample_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_sample_next(wrong)


def test_a_given_vocabulary_fixes_the_table_and_leaves_unseen_pairs_at_zero():
    model = BigramModel("abab", vocab="abc")
    assert model.vocab == ["a", "b", "c"] and model.counts.shape == (3, 3)
    assert model.counts[model.index["c"]].sum() == 0 and model.counts[model.index["a"], model.index["b"]] == 2
    with pytest.raises(CourseValueError, match="'z'"):
        BigramModel("abz", vocab="ab")
