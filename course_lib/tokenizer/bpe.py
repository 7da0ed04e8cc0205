"""A byte-level BPE tokenizer, trained from scratch (the scheme of GPT-2).

    tok = BPETokenizer.train(text, vocab_size=4096, special_tokens=["<|endoftext|>", "<|pad|>"])
    ids = tok.encode("Merhaba dünya!<|endoftext|>")
    tok.decode(ids)        # -> "Merhaba dünya!<|endoftext|>"
    tok.merges[:3]         # the first merges learned, in order
    tok.save("tok.json"); BPETokenizer.load("tok.json")

Text is turned into UTF-8 bytes, so every string can be encoded (ids 0-255 are the bytes);
the learned merges then join frequent neighbours into longer tokens. Encoding a word applies
the merges in the order they were learned, which gives the same tokens as replaying training.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..i18n import CourseTypeError, CourseValueError
from . import messages  # noqa: F401  (registers the tokenizer's messages)
from .pretokenize import special_token_regex, split_specials, split_words
from .storage import read_tokenizer_json, write_tokenizer_json
from .train_bpe import MergeStep, learn_merges, merge_pair
from .validation import check_special_tokens, check_text, checked_token_id
from .vocab import N_BYTES, ByteVocabulary

FILE_FORMAT = "course_lib.byte_bpe"
FILE_VERSION = 1
_CACHE_LIMIT = 200_000  # words; cleared when full so memory stays bounded on huge corpora


class BPETokenizer:
    """Byte-level BPE: ``encode``/``decode``, special tokens, ``save``/``load`` as JSON."""

    def __init__(self, merges: Iterable[tuple[int, int]] = (), special_tokens: Sequence[str] = ()):
        """Rebuild a tokenizer from its ordered ``merges``; most people call :meth:`train` or :meth:`load`."""
        check_special_tokens(special_tokens)
        self._vocab = ByteVocabulary(special_tokens)
        for left, right in merges:
            # a merge may only use ids that exist by then (a clear error for a damaged file)
            size = len(self._vocab)
            self._vocab.add_merge(checked_token_id(left, size), checked_token_id(right, size))
        self._setup()

    def _setup(self) -> None:
        vocab = self._vocab
        # the rank of each merge: its position in the learned order (0 = learned first)
        self._merge_rank = {pair: rank for rank, pair in enumerate(vocab.merges)}
        self._special_regex = special_token_regex(vocab.special_tokens)
        self._word_cache: dict[str, list[int]] = {}

    # ----------------------------------------------------------------------------------- training
    @classmethod
    def train(
        cls,
        text: str,
        vocab_size: int,
        special_tokens: Sequence[str] = (),
        on_merge: Callable[[MergeStep], None] | None = None,
    ) -> BPETokenizer:
        """Learn merges from ``text`` until the vocabulary has ``vocab_size`` tokens.

        The vocabulary holds the 256 bytes, then ``special_tokens``, then one token per merge.
        Special tokens found in ``text`` are cut out first, so no merge ever spans one.
        ``on_merge`` is called with a :class:`MergeStep` after every merge, in order.
        Training stops early if the text runs out of pairs to merge.
        """
        check_text(text, "text")
        check_special_tokens(special_tokens)
        minimum = N_BYTES + len(special_tokens)
        if isinstance(vocab_size, bool) or not isinstance(vocab_size, int):
            raise CourseTypeError(
                "tokenizer_vocab_not_int", value=vocab_size, type_name=type(vocab_size).__name__
            )
        if vocab_size < minimum:
            raise CourseValueError(
                "tokenizer_vocab_too_small",
                vocab_size=vocab_size,
                n_special=len(special_tokens),
                minimum=minimum,
            )

        word_counts: Counter[str] = Counter()
        for piece, is_special in split_specials(text, special_token_regex(special_tokens)):
            if not is_special:
                word_counts.update(split_words(piece))
        if not word_counts:
            raise CourseValueError("tokenizer_empty_training_text")

        tokenizer = cls(special_tokens=special_tokens)
        byte_words = {tuple(word.encode("utf-8")): count for word, count in word_counts.items()}
        learn_merges(byte_words, tokenizer._vocab, vocab_size, on_merge=on_merge)
        tokenizer._setup()
        return tokenizer

    # ------------------------------------------------------------------------------- vocabulary
    @property
    def vocab_size(self) -> int:
        """Number of token ids: valid ids are ``0 .. vocab_size - 1``."""
        return len(self._vocab)

    @property
    def merges(self) -> list[tuple[int, int]]:
        """The learned merges ``(left_id, right_id)`` in the order they were learned (and are applied)."""
        return list(self._vocab.merges)

    def merge_id(self, left: int, right: int) -> int:
        """The id of the token the merge ``(left, right)`` produces."""
        return self._vocab.merge_ids[(left, right)]

    @property
    def special_tokens(self) -> dict[str, int]:
        """Each special token and its id."""
        return dict(self._vocab.special_ids)

    def special_id(self, token: str) -> int:
        """The id of special token ``token`` (e.g. "<|endoftext|>"); a clear error if there is none."""
        try:
            return self._vocab.special_ids[token]
        except (KeyError, TypeError):
            known = ", ".join(repr(t) for t in self._vocab.special_tokens) or "(none)"
            raise CourseValueError("tokenizer_unknown_special", token=token, known=known) from None

    def token_bytes(self, token_id: int) -> bytes:
        """The bytes token ``token_id`` stands for (a token may hold part of a UTF-8 character)."""
        return self._vocab.token_bytes[self._check_id(token_id)]

    def token_text(self, token_id: int) -> str:
        """The token as readable text (invalid UTF-8 pieces shown as U+FFFD), for displays."""
        return self.token_bytes(token_id).decode("utf-8", errors="replace")

    # ----------------------------------------------------------------------- encoding, decoding
    def encode(self, text: str) -> list[int]:
        """The token ids of ``text``; special tokens in it become their single ids."""
        check_text(text, "text")
        ids: list[int] = []
        cache = self._word_cache
        for piece, is_special in split_specials(text, self._special_regex):
            if is_special:
                ids.append(self._vocab.special_ids[piece])
                continue
            for word in split_words(piece):
                word_ids = cache.get(word)
                if word_ids is None:
                    if len(cache) >= _CACHE_LIMIT:
                        cache.clear()
                    word_ids = cache[word] = self._encode_word(word.encode("utf-8"))
                ids.extend(word_ids)
        return ids

    def _encode_word(self, word: bytes) -> list[int]:
        """Apply the merges to one word: always the earliest-learned merge present, until none is left."""
        ids = list(word)
        merge_rank = self._merge_rank
        while len(ids) > 1:
            # The adjacent pair whose merge was learned first (lowest rank) is merged next.
            best_pair, best_rank = None, None
            for pair in zip(ids, ids[1:]):
                rank = merge_rank.get(pair)
                if rank is not None and (best_rank is None or rank < best_rank):
                    best_pair, best_rank = pair, rank
            if best_pair is None:
                break
            ids = merge_pair(ids, *best_pair, self._vocab.merge_ids[best_pair])
        return ids

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` as readable pieces, e.g. ``["Mer", "haba", " dünya"]``, for displays."""
        return [self.token_text(token_id) for token_id in self.encode(text)]

    def decode(self, ids: Iterable[int]) -> str:
        """The text of ``ids``. Bytes that do not form valid UTF-8 (say, a cut-off character) become U+FFFD."""
        if hasattr(ids, "tolist"):  # a torch tensor or numpy array
            ids = ids.tolist()
        token_bytes = self._vocab.token_bytes
        pieces = []
        for token_id in ids:
            pieces.append(token_bytes[self._check_id(token_id)])
        return b"".join(pieces).decode("utf-8", errors="replace")

    def _check_id(self, token_id) -> int:
        """``token_id`` as an int, or a clear error if it is not an id of this tokenizer."""
        return checked_token_id(token_id, len(self._vocab))

    # ---------------------------------------------------------------------------- save and load
    def save(self, path: str | Path) -> Path:
        """Write the tokenizer as JSON (special tokens and ordered merges); returns the path."""
        fields = {
            "special_tokens": self._vocab.special_tokens,
            "merges": [list(pair) for pair in self._vocab.merges],
        }
        return write_tokenizer_json(path, FILE_FORMAT, FILE_VERSION, fields)

    @classmethod
    def load(cls, path: str | Path) -> BPETokenizer:
        """Read a tokenizer written by :meth:`save`."""
        data = read_tokenizer_json(path, FILE_FORMAT, kind="BPE")
        return cls(merges=[tuple(pair) for pair in data["merges"]], special_tokens=data["special_tokens"])

    def __repr__(self) -> str:
        specials = list(self._vocab.special_ids)
        return f"BPETokenizer(vocab_size={self.vocab_size}, merges={len(self._vocab.merges)}, special_tokens={specials})"
