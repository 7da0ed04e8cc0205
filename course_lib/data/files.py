"""Reading a local text file, with a clear message for each way it can go wrong."""

from __future__ import annotations

from pathlib import Path

from ..i18n import CourseFileError
from . import messages  # noqa: F401  (registers the data messages)


def load_text(path: str | Path) -> str:
    """The text of a UTF-8 file, exactly as stored (line endings unchanged).

    A byte-order mark at the start (some Windows editors write one) is dropped, since it is
    not part of the text. A missing file, a folder, an empty file and a file that is not
    UTF-8 each raise :class:`~course_lib.i18n.CourseFileError` naming the file; for bad
    UTF-8 the message also gives the byte offset and line of the first bad byte.
    """
    path = Path(path)
    if not path.exists():
        raise CourseFileError("data_file_missing", path=path, cwd=Path.cwd())
    if path.is_dir():
        raise CourseFileError("data_not_a_file", path=path)
    data = path.read_bytes()
    if not data:
        raise CourseFileError("data_file_empty", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
        raise CourseFileError(
            "data_file_not_utf8",
            path=path,
            offset=offset,
            line=data.count(b"\n", 0, offset) + 1,
            byte=f"0x{data[offset]:02x}",
        ) from None
    return text.removeprefix("\ufeff")
