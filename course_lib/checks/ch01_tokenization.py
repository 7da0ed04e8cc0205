"""Checks for chapter 01: counting neighbouring pairs, and merging a pair (the two steps of BPE).

The expected values are worked out here, not taken from the library's solutions (a learner can
import those): pairs with ``collections.Counter``, merges by a left-to-right replay. The cases are chosen so
that the usual slips fail: counting each distinct pair once, skipping the last pair, merging
overlapping occurrences (``[1, 1, 1]`` must become ``[9, 1]``, not ``[9, 9]``), dropping the last
element, or replacing only the first occurrence.
"""

from __future__ import annotations

import random
from collections import Counter

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
    cases = [Case(description, args=(ids,), expected=dict(Counter(zip(ids, ids[1:])))) for description, ids in examples]
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
        Case(description, args=(list(ids), pair, new_id), expected=_merges_in_rank_order(list(ids), {pair: new_id}))
        for description, ids, pair, new_id in examples
    ]
    return run_check("check_merge", student_fn, cases)


# ------------------------------------------------------------------------ encoding with merges
def _merges_in_rank_order(ids: list[int], merges: dict[tuple[int, int], int]) -> list[int]:
    """Replay every merge in the order it was learned (lowest new id first), over the whole list.

    A different formulation from the one learners write (find the lowest-ranked pair present,
    merge it, repeat), with the same result: each merge sees exactly the ids the earlier ones left.
    Written here so the check does not depend on the library's own encoder.
    """
    for (left, right), new_id in sorted(merges.items(), key=lambda item: item[1]):
        out, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and ids[i] == left and ids[i + 1] == right:
                out.append(new_id)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out
    return ids


def _random_merges(ids: list[int], seed: int, count: int) -> dict[tuple[int, int], int]:
    """``count`` merges learned from ``ids`` like a trainer would, but picking a random neighbour pair
    each time instead of the most frequent: every merge applies, and later ones build on earlier ones."""
    rng = random.Random(seed)
    merges: dict[tuple[int, int], int] = {}
    for _ in range(count):
        if len(ids) < 2:
            break
        i = rng.randrange(len(ids) - 1)
        pair = (ids[i], ids[i + 1])
        merges[pair] = 256 + len(merges)
        ids = _merges_in_rank_order(ids, {pair: merges[pair]})
    # Inserted in reverse, so that walking the dict in insertion order is not the rank order.
    return dict(reversed(list(merges.items())))


def check_encode_word(student_fn) -> bool:
    """``encode_word(ids, merges)`` must apply the learned merges by rank, lowest (earliest) first."""
    examples = [
        ({"en": "[1, 2, 3] with (2, 3) learned before (1, 2): the earlier merge wins -> [1, 256]",
          "tr": "[1, 2, 3], (2, 3) çifti (1, 2)'den önce öğrenilmiş: önceki birleştirme kazanır -> [1, 256]"},
         [1, 2, 3], {(1, 2): 257, (2, 3): 256}),
        ({"en": "merges build on merges: (1, 2) -> 256, then (256, 3) -> 257 gives [257]",
          "tr": "birleştirmeler üst üste kurulur: (1, 2) -> 256, ardından (256, 3) -> 257, sonuç [257]"},
         [1, 2, 3], {(1, 2): 256, (256, 3): 257}),
        ({"en": "every occurrence of a pair is merged: [1, 2, 1, 2] -> [256, 256]",
          "tr": "bir çiftin her geçişi birleşir: [1, 2, 1, 2] -> [256, 256]"},
         [1, 2, 1, 2], {(1, 2): 256}),
        ({"en": "the dict is not in rank order: (4, 5) -> 256 is applied before (5, 6) -> 257",
          "tr": "sözlük sıra düzeninde değil: (4, 5) -> 256, (5, 6) -> 257'den önce uygulanır"},
         [4, 5, 6], {(5, 6): 257, (4, 5): 256}),
        ({"en": "a merge that needs a later one first is skipped: [7, 8, 9]",
          "tr": "önce sonraki bir birleştirmeyi gerektiren birleştirme atlanır: [7, 8, 9]"},
         [7, 8, 9], {(300, 9): 256, (7, 8): 257}),
        ({"en": "no merges apply: the bytes stay as they are", "tr": "hiçbir birleştirme uymuyor: baytlar olduğu gibi kalır"},
         [10, 11, 12], {(11, 10): 256}),
        ({"en": "a single id stays as it is: [42]", "tr": "tek bir kimlik olduğu gibi kalır: [42]"},
         [42], {(42, 42): 256}),
        ({"en": "an empty list stays empty", "tr": "boş liste boş kalır"}, [], {(1, 2): 256}),
    ]
    rng = random.Random(5)
    for seed in range(3):
        ids = [rng.randrange(4) for _ in range(40)]
        examples.append((
            {"en": f"40 random ids from 0-3 with 12 random merges (set {seed + 1})",
             "tr": f"0-3 arasından 40 rastgele kimlik, 12 rastgele birleştirme ({seed + 1}. küme)"},
            ids, _random_merges(ids, seed, 12),
        ))
    cases = [
        Case(description, args=(list(ids), dict(merges)), expected=_merges_in_rank_order(list(ids), merges))
        for description, ids, merges in examples
    ]
    return run_check("check_encode_word", student_fn, cases)
