"""Checks for chapter 01: counting neighbouring pairs, and merging a pair (the two steps of BPE).

The expected values come from :mod:`course_lib.tokenizer.naive_bpe`. The cases are chosen so
that the usual slips fail: counting each distinct pair once, skipping the last pair, merging
overlapping occurrences (``[1, 1, 1]`` must become ``[9, 1]``, not ``[9, 9]``), dropping the last
element, or replacing only the first occurrence.
"""

from __future__ import annotations

import random

from ..tokenizer.naive_bpe import count_pairs, merge
from .core import Case, run_check


def _random_ids(seed: int, length: int, high: int) -> list[int]:
    rng = random.Random(seed)
    return [rng.randrange(high) for _ in range(length)]


def check_count_pairs(student_fn) -> bool:
    """``count_pairs(ids)`` must return a dict {(a, b): how often b comes right after a}."""
    text_ids = list("merhaba dünya".encode())
    examples = [
        ({"en": "[1, 2, 3, 1, 2]: the pair (1, 2) occurs twice",
          "tr": "[1, 2, 3, 1, 2]: (1, 2) çifti iki kez geçiyor"}, [1, 2, 3, 1, 2]),
        ({"en": "[1, 1, 1]: overlapping pairs both count, so (1, 1) occurs twice",
          "tr": "[1, 1, 1]: üst üste binen çiftlerin ikisi de sayılır, (1, 1) iki kez geçer"}, [1, 1, 1]),
        ({"en": "the last pair counts too: [4, 5, 6] has (4, 5) and (5, 6)",
          "tr": "son çift de sayılır: [4, 5, 6] içinde (4, 5) ve (5, 6) var"}, [4, 5, 6]),
        ({"en": "a single id has no pairs: {}", "tr": "tek bir kimliğin çifti yoktur: {}"}, [7]),
        ({"en": "an empty list has no pairs: {}", "tr": "boş listenin çifti yoktur: {}"}, []),
        ({"en": 'the UTF-8 bytes of "merhaba dünya"', "tr": '"merhaba dünya" metninin UTF-8 baytları'}, text_ids),
        ({"en": "300 random ids from 0-9", "tr": "0-9 arasından 300 rastgele kimlik"}, _random_ids(0, 300, 10)),
    ]
    cases = [Case(description, args=(ids,), expected=count_pairs(ids)) for description, ids in examples]
    return run_check("check_count_pairs", student_fn, cases)


def check_merge(student_fn) -> bool:
    """``merge(ids, pair, new_id)`` must replace non-overlapping occurrences, left to right."""
    examples = [
        ({"en": "merge([1, 1, 1], (1, 1), 9): the left occurrence wins, giving [9, 1]",
          "tr": "merge([1, 1, 1], (1, 1), 9): soldaki geçiş kazanır, sonuç [9, 1]"}, [1, 1, 1], (1, 1), 9),
        ({"en": "every occurrence is merged: [5, 6, 5, 6, 7] with (5, 6) -> [300, 300, 7]",
          "tr": "her geçiş birleşir: [5, 6, 5, 6, 7] içinde (5, 6) -> [300, 300, 7]"}, [5, 6, 5, 6, 7], (5, 6), 300),
        ({"en": "the last element is kept: [3, 4, 5] with (3, 4) -> [9, 5]",
          "tr": "son öğe korunur: [3, 4, 5] içinde (3, 4) -> [9, 5]"}, [3, 4, 5], (3, 4), 9),
        ({"en": "a pair at the very end: [1, 2, 3, 4] with (3, 4) -> [1, 2, 9]",
          "tr": "en sondaki bir çift: [1, 2, 3, 4] içinde (3, 4) -> [1, 2, 9]"}, [1, 2, 3, 4], (3, 4), 9),
        ({"en": "[1, 1, 1, 1] with (1, 1) -> [9, 9]", "tr": "[1, 1, 1, 1] içinde (1, 1) -> [9, 9]"},
         [1, 1, 1, 1], (1, 1), 9),
        ({"en": "order matters: (2, 1) is not (1, 2)", "tr": "sıra önemlidir: (2, 1), (1, 2) değildir"},
         [1, 2, 1, 2], (2, 1), 9),
        ({"en": "a pair that does not occur changes nothing", "tr": "geçmeyen bir çift hiçbir şeyi değiştirmez"},
         [1, 2, 3], (7, 8), 9),
        ({"en": "an empty list stays empty", "tr": "boş liste boş kalır"}, [], (1, 2), 9),
        ({"en": "300 random ids from 0-3, merging (1, 1)", "tr": "0-3 arasından 300 rastgele kimlikte (1, 1) birleşir"},
         _random_ids(1, 300, 4), (1, 1), 256),
    ]
    cases = [
        Case(description, args=(list(ids), pair, new_id), expected=merge(ids, pair, new_id))
        for description, ids, pair, new_id in examples
    ]
    return run_check("check_merge", student_fn, cases)
