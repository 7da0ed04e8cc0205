"""Readers for the formats of the real corpora the course uses (each file as its provider publishes it).

- Tatoeba pairs (manythings.org "Anki" format): ``English<TAB>Turkish`` per line, no header;
  newer copies add a third attribution column, which is ignored.
- SIB-200 topic classification joined with its TR/EN parallel text: a header
  ``split, index_id, category, text_tr, text_en`` and one example per line.

Each reader returns a list of small frozen records (Tatoeba gives the same
:class:`~.translation.TranslationPair` as the built-in world, English to Turkish), and names
the file and line of a row that does not fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n import CourseFileError
from . import messages  # noqa: F401  (registers the data messages)
from .files import load_text
from .translation import TranslationPair

SIB200_HEADER = ["split", "index_id", "category", "text_tr", "text_en"]


@dataclass(frozen=True)
class TopicExample:
    """One SIB-200 sentence with its topic label, in Turkish and English."""

    split: str
    index_id: int
    category: str
    text_tr: str
    text_en: str


def read_tatoeba(path: str | Path) -> list[TranslationPair]:
    """The English-Turkish pairs of a Tatoeba (manythings.org) TSV file, in file order."""
    rows = _tsv_rows(path, min_fields=2, kind="Tatoeba English<TAB>Turkish")
    return [TranslationPair(fields[0], fields[1], source_lang="en", target_lang="tr") for _, fields in rows]


def read_sib200(path: str | Path, split: str | None = None) -> list[TopicExample]:
    """The examples of a SIB-200 TR/EN TSV file; only those of ``split`` ("train", "dev") if given."""
    rows = _tsv_rows(path, min_fields=5, kind="SIB-200", max_fields=5)
    _, header = next(rows)
    if header != SIB200_HEADER:
        found, expected = "\t".join(header), "\t".join(SIB200_HEADER)
        raise CourseFileError("data_bad_header", path=path, found=found, expected=expected, kind="SIB-200")
    examples = []
    for line_number, (row_split, index_id, category, text_tr, text_en) in rows:
        if not index_id.isdigit():
            raise CourseFileError(
                "data_field_not_integer", path=path, line=line_number, field="index_id", value=index_id
            )
        if split is None or row_split == split:
            examples.append(TopicExample(row_split, int(index_id), category, text_tr, text_en))
    return examples


def _tsv_rows(path, min_fields: int, kind: str, max_fields: int | None = None):
    """Yield ``(line_number, fields)`` for each non-empty line; a clear error for a short or long row."""
    for line_number, line in enumerate(load_text(path).splitlines(), start=1):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) < min_fields or (max_fields is not None and len(fields) > max_fields):
            raise CourseFileError(
                "data_bad_row", path=path, line=line_number, expected=min_fields, found=len(fields), kind=kind
            )
        yield line_number, fields
