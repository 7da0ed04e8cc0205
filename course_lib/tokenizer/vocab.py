"""The id space of a byte-level BPE: which bytes each token id stands for.

Ids 0-255 are the 256 single bytes, so any text (any language, any emoji) can be encoded
without an "unknown" token. Special tokens come next (256, 257, ...), then one id per merge
in the order the merges were learned. Training and loading both grow the vocabulary through
:meth:`ByteVocabulary.add_merge`, so a saved list of merges rebuilds exactly the same ids.
"""

from __future__ import annotations

from collections.abc import Sequence

N_BYTES = 256


class ByteVocabulary:
    """Token ids <-> the bytes they decode to, plus the ordered merge rules."""

    def __init__(self, special_tokens: Sequence[str] = ()):
        self.special_tokens = list(special_tokens)
        self.special_ids = {token: N_BYTES + i for i, token in enumerate(self.special_tokens)}
        self.token_bytes: list[bytes] = [bytes([b]) for b in range(N_BYTES)]
        self.token_bytes += [token.encode("utf-8") for token in self.special_tokens]
        # Only byte and merged tokens are looked up by their bytes; special tokens are matched
        # as text before BPE runs, so a merge can never turn into one.
        self._id_of_bytes = {token: i for i, token in enumerate(self.token_bytes[:N_BYTES])}
        self.merges: list[tuple[int, int]] = []
        self.merge_ids: dict[tuple[int, int], int] = {}

    def __len__(self) -> int:
        return len(self.token_bytes)

    def add_merge(self, left: int, right: int) -> int:
        """Record the merge ``left + right`` and return the id of the merged token.

        Should two different merges ever spell the same bytes (say "ab"+"c" and "a"+"bc"), the
        second reuses the first one's id instead of adding a duplicate token, as HF
        ``tokenizers`` does: the vocabulary must map each byte string to a single id for the
        HF export. (We never saw it happen on real text; this guard costs one dict lookup.)
        """
        merged = self.token_bytes[left] + self.token_bytes[right]
        new_id = self._id_of_bytes.get(merged)
        if new_id is None:
            new_id = len(self.token_bytes)
            self.token_bytes.append(merged)
            self._id_of_bytes[merged] = new_id
        self.merges.append((left, right))
        self.merge_ids[(left, right)] = new_id
        return new_id
