"""Saving and loading tokenizers as plain JSON (never pickle: a JSON file cannot run code)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..i18n import CourseFileError
from . import messages  # noqa: F401  (registers the tokenizer's messages)


def write_tokenizer_json(path: str | Path, file_format: str, version: int, fields: dict) -> Path:
    """Write ``fields`` with a format tag; a temporary file renamed into place, so no half-written file."""
    path = Path(path)
    data = {"format": file_format, "version": version, **fields}
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
    return path


def read_tokenizer_json(path: str | Path, file_format: str, kind: str) -> dict:
    """The dict saved by :func:`write_tokenizer_json`, or a clear error naming the file and the reason."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CourseFileError("tokenizer_bad_file", path=path, kind=kind, reason="file not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CourseFileError("tokenizer_bad_file", path=path, kind=kind, reason=str(error)) from None
    if not isinstance(data, dict) or data.get("format") != file_format:
        reason = f"its format is not {file_format!r}"
        raise CourseFileError("tokenizer_bad_file", path=path, kind=kind, reason=reason)
    return data
