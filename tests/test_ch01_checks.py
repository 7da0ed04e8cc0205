"""Chapter 01 checks: they pass the reference solutions and fail the blank exercise and the usual slips."""

from collections import Counter

import pytest
from check_testing import blank

from course_lib.checks import CheckFailed, check_count_pairs, check_encode_word, check_merge
from course_lib.tokenizer.naive_bpe import count_pairs, merge


def test_checks_pass_the_reference_solutions():
    assert check_count_pairs(count_pairs)
    assert check_count_pairs(lambda ids: Counter(zip(ids, ids[1:])))  # a Counter is a dict too
    assert check_merge(merge)


def _distinct_pairs(ids):  # counts each distinct pair once
    return {pair: 1 for pair in zip(ids, ids[1:])}


def _skips_last_pair(ids):  # off by one: range(len(ids) - 2)
    counts = {}
    for i in range(len(ids) - 2):
        counts[(ids[i], ids[i + 1])] = counts.get((ids[i], ids[i + 1]), 0) + 1
    return counts


def _non_overlapping_count(ids):  # counts [1, 1, 1] as one (1, 1)
    counts, i = {}, 0
    while i + 1 < len(ids):
        pair = (ids[i], ids[i + 1])
        counts[pair] = counts.get(pair, 0) + 1
        i += 2 if pair[0] == pair[1] else 1
    return counts


def _crashes_on_short(ids):  # assumes at least two ids
    first = (ids[0], ids[1])
    counts = {first: 0}
    for pair in zip(ids, ids[1:]):
        counts[pair] = counts.get(pair, 0) + 1
    return counts


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        _distinct_pairs,
        _skips_last_pair,
        _non_overlapping_count,
        _crashes_on_short,
        lambda ids: list(Counter(zip(ids, ids[1:])).items()),  # a list, not a dict
        lambda ids: dict(Counter(zip(ids[1:], ids))),  # pairs reversed
        lambda ids: {},
    ],
)
def test_count_pairs_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_count_pairs(wrong)


def _overlapping_merge(ids, pair, new_id):  # steps one place after a merge: [1, 1, 1] -> [9, 9]
    out = []
    for i in range(len(ids) - 1):
        out.append(new_id if (ids[i], ids[i + 1]) == tuple(pair) else ids[i])
    return out


def _drops_last(ids, pair, new_id):  # loop stops one early and forgets the last id
    out, i = [], 0
    while i < len(ids) - 1:
        if (ids[i], ids[i + 1]) == tuple(pair):
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def _first_only(ids, pair, new_id):
    for i in range(len(ids) - 1):
        if (ids[i], ids[i + 1]) == tuple(pair):
            return list(ids[:i]) + [new_id] + list(ids[i + 2 :])
    return list(ids)


def _right_to_left(ids, pair, new_id):  # [1, 1, 1] -> [1, 9]
    return merge(list(ids)[::-1], tuple(pair)[::-1], new_id)[::-1]


def _keeps_right_element(ids, pair, new_id):  # replaces the left one, keeps the right one
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == tuple(pair):
            out.append(new_id)
        else:
            out.append(ids[i])
        i += 1
    return out


def _unordered_pair(ids, pair, new_id):  # treats (a, b) and (b, a) alike
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and {ids[i], ids[i + 1]} == set(pair) and ids[i] != ids[i + 1] or (
            i + 1 < len(ids) and (ids[i], ids[i + 1]) == tuple(pair)
        ):
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


@pytest.mark.parametrize(
    "wrong",
    [
        blank,
        _overlapping_merge,
        _drops_last,
        _first_only,
        _right_to_left,
        _keeps_right_element,
        _unordered_pair,
        lambda ids, pair, new_id: list(ids),  # merges nothing
    ],
)
def test_merge_check_fails_wrong_answers(wrong):
    with pytest.raises(CheckFailed):
        check_merge(wrong)


def test_merge_example_from_the_lesson():
    assert merge([1, 1, 1], (1, 1), 9) == [9, 1]
    assert count_pairs([1, 1, 1]) == {(1, 1): 2}


# ---------------------------------------------------------------- encoding a word with merges
def _encode_by_rank(ids, merges):
    """The minbpe way: merge the present pair with the lowest rank, until no pair has one."""
    ids = list(ids)
    while len(ids) > 1:
        pair = min(zip(ids, ids[1:]), key=lambda p: merges.get(p, float("inf")))
        if pair not in merges:
            break
        ids = merge(ids, pair, merges[pair])
    return ids


def _encode_in_dict_order(ids, merges):  # walks the dict as given, not by rank
    for pair, new_id in merges.items():
        ids = merge(ids, pair, new_id)
    return ids


def _encode_leftmost_first(ids, merges):  # merges the leftmost known pair, whatever its rank
    ids = list(ids)
    while True:
        known = [i for i, pair in enumerate(zip(ids, ids[1:])) if pair in merges]
        if not known:
            return ids
        i = known[0]
        ids = ids[:i] + [merges[(ids[i], ids[i + 1])]] + ids[i + 2:]


def _encode_highest_rank_first(ids, merges):
    ids = list(ids)
    while len(ids) > 1:
        present = [p for p in zip(ids, ids[1:]) if p in merges]
        if not present:
            break
        pair = max(present, key=merges.get)
        ids = merge(ids, pair, merges[pair])
    return ids


def _encode_one_pass(ids, merges):  # each merge tried once, in rank order, but only on the original pairs
    pairs = set(zip(ids, ids[1:]))
    for pair, new_id in sorted(merges.items(), key=lambda item: item[1]):
        if pair in pairs:
            ids = merge(ids, pair, new_id)
    return ids


def test_encode_check_passes_correct_solutions():
    assert check_encode_word(_encode_by_rank)
    assert check_encode_word(lambda ids, merges: _encode_in_dict_order(ids, dict(sorted(merges.items(),
                                                                                        key=lambda kv: kv[1]))))


@pytest.mark.parametrize(
    "wrong",
    [blank, _encode_in_dict_order, _encode_leftmost_first, _encode_highest_rank_first, _encode_one_pass,
     lambda ids, merges: list(ids)],
    ids=["blank", "dict_order", "leftmost_first", "highest_rank_first", "one_pass", "no_merges"],
)
def test_encode_check_fails_wrong_answers(wrong, capsys):
    with pytest.raises(CheckFailed):
        check_encode_word(wrong)
    out = capsys.readouterr().out
    assert "Not implemented" in out if wrong is blank else "expected:" in out
