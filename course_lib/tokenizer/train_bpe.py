"""Learning BPE merges from word counts, fast enough for pure Python.

The textbook loop (Sennrich et al. 2016) is: count every adjacent pair of tokens, merge the
most frequent pair everywhere, repeat. Recounting the whole corpus after each merge costs
O(corpus) per merge. Three tricks make it fast without changing the result:

1. Train on the *unique* words with their counts (a corpus of 190,000 words has ~35,000
   distinct ones), since merges never cross word boundaries.
2. Keep the pair counts up to date: a merge only changes the words that contain the merged
   pair, so only those words are re-counted (an index pair -> words finds them).
3. Find the most frequent pair with a heap. A pair's count can go down after it was pushed;
   instead of searching the heap for its old entry we leave it there ("lazy deletion") and,
   when it comes to the top, compare it with the current count and push it again if stale.

Ties are broken by the smaller pair of ids, so training is deterministic.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import NamedTuple

from .vocab import ByteVocabulary


class MergeStep(NamedTuple):
    """One learned merge, as reported to an ``on_merge`` callback (e.g. for a visualisation)."""

    rank: int  # 0 for the first merge learned
    left: int
    right: int
    new_id: int
    count: int  # how often the pair occurred when it was merged
    text: bytes  # the bytes of the merged token


def merge_pair(word: list[int], left: int, right: int, new_id: int) -> list[int]:
    """``word`` with every non-overlapping ``left, right`` (scanning left to right) replaced by ``new_id``."""
    merged = []
    i = 0
    while i < len(word):
        if i + 1 < len(word) and word[i] == left and word[i + 1] == right:
            merged.append(new_id)
            i += 2
        else:
            merged.append(word[i])
            i += 1
    return merged


def learn_merges(
    word_counts: Mapping[tuple[int, ...], int],
    vocab: ByteVocabulary,
    vocab_size: int,
    on_merge: Callable[[MergeStep], None] | None = None,
) -> None:
    """Add merges to ``vocab`` until it holds ``vocab_size`` tokens or no pair is left.

    ``word_counts`` maps each distinct word (as byte ids) to how often it occurs.
    """
    words = [list(word) for word in word_counts]
    counts = list(word_counts.values())

    pair_counts: dict[tuple[int, int], int] = defaultdict(int)
    words_with_pair: dict[tuple[int, int], set[int]] = defaultdict(set)
    for index, (word, count) in enumerate(zip(words, counts)):
        for pair in zip(word, word[1:]):
            pair_counts[pair] += count
            words_with_pair[pair].add(index)

    heap = [(-count, pair) for pair, count in pair_counts.items()]
    heapq.heapify(heap)

    while len(vocab) < vocab_size and heap:
        negative_count, pair = heapq.heappop(heap)
        current = pair_counts.get(pair, 0)
        if current != -negative_count:
            if current > 0:  # stale entry: put the pair back with its true count
                heapq.heappush(heap, (-current, pair))
            continue

        left, right = pair
        new_id = vocab.add_merge(left, right)
        if on_merge is not None:
            on_merge(
                MergeStep(len(vocab.merges) - 1, left, right, new_id, current, vocab.token_bytes[new_id])
            )

        # Re-count only the words that contain the pair; collect the change of every pair count.
        changes: dict[tuple[int, int], int] = defaultdict(int)
        for index in words_with_pair.pop(pair):
            word = words[index]
            merged = merge_pair(word, left, right, new_id)
            if len(merged) == len(word):  # the index is allowed to be stale: nothing to merge here
                continue
            count = counts[index]
            for old_pair in zip(word, word[1:]):
                changes[old_pair] -= count
            for new_pair in zip(merged, merged[1:]):
                changes[new_pair] += count
                words_with_pair[new_pair].add(index)
            words[index] = merged

        for changed_pair, change in changes.items():
            if change == 0:
                continue
            updated = pair_counts[changed_pair] + change
            if updated > 0:
                pair_counts[changed_pair] = updated
                if change > 0:  # decreases are handled lazily when the old entry surfaces
                    heapq.heappush(heap, (-updated, changed_pair))
            else:
                del pair_counts[changed_pair]
