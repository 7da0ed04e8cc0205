"""The textbook BPE loop, written plainly so a learner can follow (and replace) each step.

Sennrich, Haddow & Birch (ACL 2016, arXiv 1508.07909) learn merges like this:

1. write every word as a list of symbols (for byte-level BPE: its UTF-8 bytes, ids 0-255);
2. count every pair of neighbouring symbols, over all words (:func:`count_pairs`);
3. replace the most frequent pair everywhere by one new symbol (:func:`merge`);
4. repeat until you have as many merges as you want.

:func:`train_merges` runs that loop with *any* ``count_pairs`` and ``merge`` functions, so the
chapter 01 notebook can plug in the learner's own and compare the result with
:class:`~course_lib.tokenizer.BPETokenizer`, whose fast trainer (:mod:`.train_bpe`) learns the
same merges: words are cut by the same pattern, ties go to the smaller pair of ids, and the
merge number ``k`` (counting from 0) gets id ``256 + k`` when there are no special tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .pretokenize import split_words
from .train_bpe import merge_pair
from .validation import check_text
from .vocab import N_BYTES


def count_pairs(ids: Sequence[int]) -> dict[tuple[int, int], int]:
    """How often each pair of neighbours occurs in ``ids``: ``[1, 1, 1]`` -> ``{(1, 1): 2}``.

    Pairs may overlap: in ``1 1 1`` the pair ``(1, 1)`` starts at position 0 and at position 1.
    """
    return dict(Counter(zip(ids, ids[1:])))


def merge(ids: Sequence[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """``ids`` with each occurrence of ``pair`` replaced by ``new_id``, scanning left to right.

    Occurrences that overlap cannot both be merged; the left one wins:
    ``merge([1, 1, 1], (1, 1), 9) == [9, 1]``.
    """
    return merge_pair(list(ids), pair[0], pair[1], new_id)


def word_byte_counts(text: str) -> Counter[tuple[int, ...]]:
    """Each distinct word of ``text`` (cut as :class:`BPETokenizer` cuts it) as bytes, with its count."""
    check_text(text, "text")
    return Counter(tuple(word.encode("utf-8")) for word in split_words(text))


def pair_counts_of_text(text: str, count_pairs: Callable = count_pairs) -> Counter[tuple[int, int]]:
    """Pair counts over all the words of ``text``; pairs never span two words."""
    total: Counter[tuple[int, int]] = Counter()
    for word, count in word_byte_counts(text).items():
        for pair, pair_count in count_pairs(list(word)).items():
            total[pair] += pair_count * count
    return total


def most_frequent_pairs(counts: dict[tuple[int, int], int], k: int) -> list[tuple[tuple[int, int], int]]:
    """The ``k`` pairs with the highest counts, in the order BPE would merge them (ties: smaller ids)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]


def train_merges(
    text: str, n_merges: int, count_pairs: Callable = count_pairs, merge: Callable = merge
) -> list[tuple[int, int]]:
    """The first ``n_merges`` merges of byte-level BPE on ``text``, learned with the given functions.

    Stops early when no word has two symbols left. Each distinct word is stored once with its
    count, so a pair's count is (pairs in the word) × (times the word occurs).
    """
    words = {tuple(word): count for word, count in word_byte_counts(text).items()}
    merges: list[tuple[int, int]] = []
    for rank in range(n_merges):
        totals: Counter[tuple[int, int]] = Counter()
        for word, count in words.items():
            for pair, pair_count in count_pairs(list(word)).items():
                totals[pair] += pair_count * count
        if not totals:
            break
        best = most_frequent_pairs(totals, 1)[0][0]  # most frequent; ties go to the smaller ids
        new_id = N_BYTES + rank
        merged: Counter[tuple[int, ...]] = Counter()
        for word, count in words.items():
            merged[tuple(merge(list(word), best, new_id))] += count
        words = dict(merged)
        merges.append(best)
    return merges
