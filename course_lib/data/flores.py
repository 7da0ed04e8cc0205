"""Real Turkish and English, offline: parallel FLORES-200 sentences from the shipped SIB-200 file.

The package ships the train and dev rows of SIB-200 (``course_lib/data/sib200/sib200_tr_en.tsv``,
CC BY-SA 4.0, see ``ATTRIBUTION.md`` next to it). Each row is one FLORES-200 sentence in Turkish
and its English original, so the same content can be measured in both languages (fertility,
tokens, bits per byte) without a network.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the data messages)
from .corpora import TranslationPair, read_sib200

SIB200_FILE = Path(__file__).resolve().parent / "sib200" / "sib200_tr_en.tsv"


def flores_pairs(n: int = 200, path: str | Path = SIB200_FILE) -> list[TranslationPair]:
    """The first ``n`` Turkish–English sentence pairs of the shipped file, in file order."""
    # FLORES-200 was translated from English: English is the source side.
    pairs = [TranslationPair(row.text_en, row.text_tr, "en", "tr") for row in read_sib200(path)]
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(pairs):
        raise CourseValueError("data_flores_bad_n", value=n, available=len(pairs))
    return pairs[:n]


def flores_texts(n: int = 200, path: str | Path = SIB200_FILE) -> dict[str, str]:
    """``{"tr": ..., "en": ...}``: the first ``n`` pairs, one sentence a line, per language."""
    pairs = flores_pairs(n, path)
    return {"tr": "\n".join(p.tr for p in pairs), "en": "\n".join(p.en for p in pairs)}
