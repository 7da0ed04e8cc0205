"""The shipped base models' files: where they live, how they are written, and their checksums.

Each shipped model has a folder ``course_lib/assets/models/<name>/`` (see :data:`SHIPPED`) with

    base_model.safetensors   the weights (raw tensors only: loading runs no code)
    base_tokenizer.json      the byte-level BPE tokenizer (course_lib.tokenizer format)
    base_config.json         GPTConfig, the build recipe, the measured losses, and the SHA-256 of
                             the two other files, checked before anything is loaded

The chat model (build_chat.py) has the same three files under the names in ``CHAT_FILES``.

Every file is written to a temporary name and renamed into place (atomic replace), so a build
that crashes never leaves a half-written file over a good one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..data.download import file_sha256  # the one checksum helper of the package
from ..i18n import CourseFileError
from . import chat_messages, messages  # noqa: F401  (register this package's messages)

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
@dataclass(frozen=True)
class ShippedFiles:
    """The three files of one shipped model, and the prefix of its messages' keys.

    The base model and the chat model (build_chat.py) are stored the same way, so one reader
    and one checksum check serve both; only the names and the words of the errors differ.
    """

    weights: str
    tokenizer: str
    config: str
    format: str
    messages: str  # "base": the errors are base_file_missing, base_checksum_mismatch, base_bad_config


BASE_FILES = ShippedFiles(WEIGHTS_FILE, TOKENIZER_FILE, CONFIG_FILE, CONFIG_FORMAT, "base")
# The instruction-tuned model (build_chat.py): the base model's shape, its own weights and recipe.
CHAT_FILES = ShippedFiles(
    "chat_model.safetensors", "chat_tokenizer.json", "chat_config.json", "course_lib.chat_model", "chat"
)


def build_environment() -> dict:
    """What a build ran on, recorded in every shipped model's config (bit-identical rebuilds need it)."""
    import platform

    import torch

    return {
        "torch": torch.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "torch_threads": torch.get_num_threads(),
    }


def write_safetensors(tensors: dict, path: Path) -> None:
    """``tensors`` as a safetensors file, written to a temporary name and renamed into place."""
    from safetensors.torch import save_file

    temporary = path.with_name(path.name + ".tmp")
    save_file(tensors, str(temporary), metadata={"format": "pt"})
    os.replace(temporary, path)


def write_json(path: Path, data: dict) -> Path:
    """Write ``data`` as readable JSON, atomically."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path


def read_config(folder: Path, files: ShippedFiles = BASE_FILES) -> dict:
    """The config JSON of ``folder`` (``base_config.json`` by default), or a clear error if it is
    missing or not ours."""
    path = Path(folder) / files.config
    if not path.is_file():
        raise CourseFileError(f"{files.messages}_file_missing", path=path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CourseFileError(f"{files.messages}_bad_config", path=path, reason=str(error)) from None
    if not isinstance(data, dict) or data.get("format") != files.format:
        raise CourseFileError(f"{files.messages}_bad_config", path=path, reason=f"its format is not {files.format!r}")
    return data


def verify_files(folder: Path, config: dict, files: ShippedFiles = BASE_FILES) -> None:
    """Check the SHA-256 of every file that ``config["sha256"]`` names; refuse a damaged one."""
    folder = Path(folder)
    hashes = config.get("sha256")
    if not isinstance(hashes, dict) or not {files.weights, files.tokenizer} <= set(hashes):
        reason = f"it records no SHA-256 for {files.weights} and {files.tokenizer}"
        raise CourseFileError(f"{files.messages}_bad_config", path=folder / files.config, reason=reason)
    for name, expected in hashes.items():
        path = folder / name
        if not path.is_file():
            raise CourseFileError(f"{files.messages}_file_missing", path=path)
        actual = file_sha256(path)
        if actual != expected:
            raise CourseFileError(
                f"{files.messages}_checksum_mismatch", path=path, actual=actual, expected=expected,
                config=files.config,
            )
