"""Readable views of text as characters, bytes and tokens, for tables and plots.

A byte-level token may hold only part of a UTF-8 character (the first byte of "ş", say). Such
a piece cannot be printed as text, so :func:`show_bytes` writes it as hex in angle brackets,
``<c5>``, and shows a space as "␣" so that word boundaries stay visible.
"""

from __future__ import annotations

from .bpe import BPETokenizer
from .validation import check_text


def show_bytes(piece: bytes) -> str:
    """``piece`` as text when it is whole UTF-8 (spaces as "␣", newlines as "↵"), else hex per byte."""
    try:
        text = piece.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(f"<{byte:02x}>" for byte in piece)
    return text.replace(" ", "␣").replace("\n", "↵")


def utf8_table(text: str) -> list[tuple[str, int, str]]:
    """One row per distinct character of ``text``, in order of first appearance:
    ``(character, number of UTF-8 bytes, the bytes in hex)``, e.g. ``("ş", 2, "c5 9f")``."""
    check_text(text, "text")
    rows = []
    for char in dict.fromkeys(text):
        encoded = char.encode("utf-8")
        rows.append((char, len(encoded), encoded.hex(" ")))
    return rows


def token_pieces(tokenizer: BPETokenizer, text: str) -> list[str]:
    """The tokens of ``text`` as readable pieces (see :func:`show_bytes`)."""
    return [show_bytes(tokenizer.token_bytes(token_id)) for token_id in tokenizer.encode(text)]


def segmentation_after(tokenizer: BPETokenizer, text: str, n_merges: int) -> list[str]:
    """How ``text`` is cut when only the first ``n_merges`` merges of ``tokenizer`` are known.

    With 0 merges every byte is a token; with all of them this is ``token_pieces``. Merges are
    applied in the order they were learned, so this is the tokenizer as it was during training.
    """
    partial = BPETokenizer(tokenizer.merges[:n_merges], special_tokens=list(tokenizer.special_tokens))
    return token_pieces(partial, text)


def segmentations_by_merge(tokenizer: BPETokenizer, text: str, max_merges: int) -> list[list[str]]:
    """``segmentation_after(tokenizer, text, k)`` for every k in ``0 .. max_merges`` (for a slider)."""
    max_merges = min(max_merges, len(tokenizer.merges))
    return [segmentation_after(tokenizer, text, k) for k in range(max_merges + 1)]
