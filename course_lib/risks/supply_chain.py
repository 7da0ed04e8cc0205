"""Supply chain (OWASP LLM03:2025), as the package itself practises it: weights are raw tensors
(safetensors) checked against a recorded SHA-256, never pickles.

A pickle is a small program for a virtual machine: an object may say how to rebuild itself with
``__reduce__``, and that can name any function with any arguments, which ``pickle.load`` calls
while reading. ``torch.save`` writes pickles, so a downloaded ``.bin``/``.pt`` checkpoint can run
code on the machine that loads it. safetensors stores a JSON header and raw bytes, nothing to run;
``torch.load(..., weights_only=True)`` (the default since torch 2.6) refuses every function but a
short allow-list. The course also refuses a file whose SHA-256 differs from the one in its config,
before reading it, and sets no ``trust_remote_code`` (which would run a model repository's Python).

    payload = harmless_pickle(tmp / "model.bin", marker=tmp / "RAN")   # loading it creates an empty file
    refusal_of(torch.load, payload, weights_only=True)                   # the error text, or None
"""

from __future__ import annotations

import pickle
from pathlib import Path

from ..i18n import CourseFileError
from . import security_messages  # noqa: F401  (registers the messages)

PICKLE_MAGIC = b"\x80"  # every pickle of protocol 2 or later starts with the PROTO opcode
ZIP_MAGIC = b"PK\x03\x04"  # torch.save's default container: a zip holding a pickle


class _TouchOnLoad:
    """An object whose rebuilding creates an empty file: harmless proof that loading ran code."""

    def __init__(self, marker: Path):
        self.marker = Path(marker)

    def __reduce__(self):
        # pickle records "call Path.touch(marker)"; unpickling makes that call.
        return (Path.touch, (self.marker,))


def harmless_pickle(path, marker) -> Path:
    """Write a pickle to ``path`` that, when unpickled, creates the empty file ``marker`` and does
    nothing else. It also holds a tensor-like list, as a checkpoint would."""
    path = Path(path)
    with path.open("wb") as file:
        pickle.dump({"weight": [[0.0, 1.0]], "__payload__": _TouchOnLoad(marker)}, file)
    return path


def file_kind(path) -> str:
    """"pickle", "zip (torch.save)", "safetensors" or "unknown", from the file's first bytes."""
    head = Path(path).read_bytes()[:8]
    if head.startswith(PICKLE_MAGIC):
        return "pickle"
    if head.startswith(ZIP_MAGIC):
        return "zip (torch.save)"
    if len(head) == 8 and 0 < int.from_bytes(head, "little") < 100_000_000:
        return "safetensors"  # an 8-byte little-endian header length, then the JSON header
    return "unknown"


def refuse_pickles(path) -> Path:
    """Raise a clear error if ``path`` is a pickle (plain, or inside torch.save's zip); else return it."""
    kind = file_kind(path)
    if kind in ("pickle", "zip (torch.save)"):
        raise CourseFileError("security_unsafe_file", path=path, kind=kind)
    return Path(path)


def refusal_of(load, *args, **kwargs) -> str | None:
    """Call ``load(*args, **kwargs)``; return the text of the error it raised, or None if it loaded."""
    try:
        load(*args, **kwargs)
    except Exception as error:  # any refusal counts: we show its message
        return f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    return None
