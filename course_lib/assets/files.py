"""The shipped base models' files: where they live, how they are written, and their checksums.

Each shipped model has a folder ``course_lib/assets/models/<name>/`` (see :data:`SHIPPED`) with

    base_model.safetensors   the weights (raw tensors only: loading runs no code)
    base_tokenizer.json      the byte-level BPE tokenizer (course_lib.tokenizer format)
    base_config.json         GPTConfig, the build recipe, the measured losses, and the SHA-256 of
                             the two other files, checked before anything is loaded

Every file is written to a temporary name and renamed into place (DESIGN.md §7), so a build
that crashes never leaves a half-written file over a good one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..data.download import file_sha256  # the one checksum helper of the package
from ..i18n import CourseFileError
from . import messages  # noqa: F401  (registers this package's messages)

ASSETS_DIR = Path(__file__).resolve().parent
MODELS_DIR = ASSETS_DIR / "models"
# The shipped base models, by the name load_base_model() takes; the first is the default.
SHIPPED = ("real", "world")
WEIGHTS_FILE = "base_model.safetensors"
TOKENIZER_FILE = "base_tokenizer.json"
CONFIG_FILE = "base_config.json"
CONFIG_FORMAT = "course_lib.base_model"
CONFIG_VERSION = 1


def shipped_dir(name: str) -> Path:
    """The folder of shipped model ``name`` (one of :data:`SHIPPED`)."""
    return MODELS_DIR / name


def write_json(path: Path, data: dict) -> Path:
    """Write ``data`` as readable JSON, atomically."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path


def read_config(folder: Path) -> dict:
    """``base_config.json`` of ``folder``, or a clear error if it is missing or not ours."""
    path = Path(folder) / CONFIG_FILE
    if not path.is_file():
        raise CourseFileError("base_file_missing", path=path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CourseFileError("base_bad_config", path=path, reason=str(error)) from None
    if not isinstance(data, dict) or data.get("format") != CONFIG_FORMAT:
        raise CourseFileError("base_bad_config", path=path, reason=f"its format is not {CONFIG_FORMAT!r}")
    return data


def verify_files(folder: Path, config: dict) -> None:
    """Check the SHA-256 of every file that ``config["sha256"]`` names; refuse a damaged one."""
    folder = Path(folder)
    hashes = config.get("sha256")
    if not isinstance(hashes, dict) or not {WEIGHTS_FILE, TOKENIZER_FILE} <= set(hashes):
        reason = f"it records no SHA-256 for {WEIGHTS_FILE} and {TOKENIZER_FILE}"
        raise CourseFileError("base_bad_config", path=folder / CONFIG_FILE, reason=reason)
    for name, expected in hashes.items():
        path = folder / name
        if not path.is_file():
            raise CourseFileError("base_file_missing", path=path)
        actual = file_sha256(path)
        if actual != expected:
            raise CourseFileError(
                "base_checksum_mismatch", path=path, actual=actual, expected=expected, config=CONFIG_FILE
            )
