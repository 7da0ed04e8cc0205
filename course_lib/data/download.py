"""Downloading a file once, checking it, and keeping it in a cache.

``download(url, sha256)`` returns the path of a local copy whose SHA-256 checksum is the one
you asked for, or raises. A copy already in the cache with the right checksum is returned
without touching the network. A new download goes to a temporary file next to its final
place; only when its checksum matches is it renamed into place (a rename within one folder is
atomic), so the cache never holds a half-written or wrong file.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from ..cache import cache_root
from ..i18n import CourseFileError, CourseValueError
from . import messages  # noqa: F401  (registers the data messages)

_CHUNK = 1 << 20  # read 1 MiB at a time, so big files never sit in memory whole
_SHA256 = re.compile(r"[0-9a-f]{64}")


def file_sha256(path: str | Path) -> str:
    """The SHA-256 checksum of a file, as 64 lowercase hex characters."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def download(url: str, sha256: str, cache_dir: str | Path | None = None, timeout: float = 60.0) -> Path:
    """A checked local copy of ``url``: downloaded once, then read from ``cache_dir`` (default: the
    course's cache folder, ``course_lib.cache.cache_root()``, ``~/.cache/course_lib`` unless set).

    The cached file is named after the checksum and the URL's last part, so two files with
    the same name but different content never overwrite each other.
    """
    expected = str(sha256).strip().lower()
    if not _SHA256.fullmatch(expected):
        raise CourseValueError("data_bad_sha256", value=sha256)
    cache_dir = Path(cache_dir) if cache_dir is not None else cache_root()
    # the last part of the URL's path, without ?query or #fragment, as a file name
    name = urllib.parse.urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or "download"
    target = cache_dir / f"{expected[:16]}-{name}"

    if target.is_file() and file_sha256(target) == expected:
        return target  # cache hit: no network

    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(dir=cache_dir, prefix=f".{name}.", suffix=".part")
    temporary = Path(temporary_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(handle, "wb") as out, _open_url(url, timeout) as response:
            while chunk := response.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
        got = digest.hexdigest()
        if got != expected:
            raise CourseValueError("data_checksum_mismatch", url=url, expected=expected, got=got)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)  # a no-op after a successful rename
    return target


def _open_url(url: str, timeout: float):
    try:
        return urllib.request.urlopen(url, timeout=timeout)
    except urllib.error.HTTPError as error:
        raise CourseFileError(
            "data_download_failed", url=url, reason=f"HTTP {error.code} {error.reason}"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise CourseFileError("data_download_failed", url=url, reason=reason) from None
