"""A character-level tokenizer: one id per distinct character of a text.

The simplest tokenizer there is (Karpathy's char-rnn and nanoGPT's Shakespeare runs use it):
the vocabulary is the sorted alphabet of the training text, plus optional special tokens at
the end. It cannot encode a character it never saw, and says so clearly. Same interface as
:class:`~course_lib.tokenizer.bpe.BPETokenizer`: ``encode``, ``decode``, ``vocab_size``,
``save``/``load``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..i18n import CourseValueError
from .pretokenize import special_token_regex, split_specials
from .storage import read_tokenizer_json, write_tokenizer_json
from .validation import check_special_tokens, check_text, checked_token_id

FILE_FORMAT = "course_lib.char"
FILE_VERSION = 1


class CharTokenizer:
    """Characters <-> ids, built from a text's alphabet."""

    def __init__(self, alphabet: Sequence[str], special_tokens: Sequence[str] = ()):
        """``alphabet``: the characters, in id order (ids 0, 1, ...); specials get the ids after them."""
        check_special_tokens(special_tokens)
        self.alphabet = list(alphabet)
        single_chars = all(isinstance(char, str) and len(char) == 1 for char in self.alphabet)
        if not single_chars or len(set(self.alphabet)) != len(self.alphabet):
            raise CourseValueError("tokenizer_bad_alphabet", value=alphabet)
        self._special_tokens = list(special_tokens)
        self._id_of = {char: i for i, char in enumerate(self.alphabet)}
        self._id_of_special = {token: len(self.alphabet) + i for i, token in enumerate(self._special_tokens)}
        self._strings = self.alphabet + self._special_tokens  # id -> text
        self._special_regex = special_token_regex(self._special_tokens)

    @classmethod
    def train(cls, text: str, special_tokens: Sequence[str] = ()) -> CharTokenizer:
        """The tokenizer whose alphabet is every distinct character of ``text``, sorted."""
        check_text(text, "text")
        check_special_tokens(special_tokens)
        pieces = split_specials(text, special_token_regex(special_tokens))
        alphabet = sorted(set().union(*(set(piece) for piece, is_special in pieces if not is_special)))
        if not alphabet:
            raise CourseValueError("tokenizer_empty_training_text")
        return cls(alphabet, special_tokens)

    @property
    def vocab_size(self) -> int:
        return len(self._strings)

    @property
    def special_tokens(self) -> dict[str, int]:
        """Each special token and its id."""
        return dict(self._id_of_special)

    def special_id(self, token: str) -> int:
        """The id of special token ``token``; a clear error if there is none."""
        if token not in self._id_of_special:
            known = ", ".join(repr(t) for t in self._special_tokens) or "(none)"
            raise CourseValueError("tokenizer_unknown_special", token=token, known=known)
        return self._id_of_special[token]

    def encode(self, text: str) -> list[int]:
        """One id per character (a special token in ``text`` is one id)."""
        check_text(text, "text")
        ids = []
        position = 0
        for piece, is_special in split_specials(text, self._special_regex):
            if is_special:
                ids.append(self._id_of_special[piece])
            else:
                for offset, char in enumerate(piece):
                    token_id = self._id_of.get(char)
                    if token_id is None:
                        raise CourseValueError(
                            "tokenizer_unknown_character",
                            char=char,
                            position=position + offset,
                            size=len(self.alphabet),
                        )
                    ids.append(token_id)
            position += len(piece)
        return ids

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` as text: its characters (and special tokens whole)."""
        return [self._strings[token_id] for token_id in self.encode(text)]

    def decode(self, ids: Iterable[int]) -> str:
        """The text of ``ids``."""
        if hasattr(ids, "tolist"):  # a torch tensor or numpy array
            ids = ids.tolist()
        return "".join(self._strings[checked_token_id(token_id, self.vocab_size)] for token_id in ids)

    def save(self, path: str | Path) -> Path:
        """Write the alphabet and special tokens as JSON; returns the path."""
        fields = {
            "alphabet": self.alphabet,
            "special_tokens": self._special_tokens,
        }
        return write_tokenizer_json(path, FILE_FORMAT, FILE_VERSION, fields)

    @classmethod
    def load(cls, path: str | Path) -> CharTokenizer:
        """Read a tokenizer written by :meth:`save`."""
        data = read_tokenizer_json(path, FILE_FORMAT, kind="char")
        return cls(data["alphabet"], data["special_tokens"])

    def __repr__(self) -> str:
        return f"CharTokenizer(vocab_size={self.vocab_size}, special_tokens={self._special_tokens})"
