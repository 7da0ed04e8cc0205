"""Checkpoints: safetensors + a JSON manifest, written atomically, verified before loading.

A checkpoint is one folder::

    step_0000100/
        model.safetensors   the weights (tied weights stored once)
        state.safetensors   every other tensor: optimizer moments, RNG and data-sampler states
        state.json          config, step, history, scaler, optimizer hyper-parameters, and the
                            SHA-256 of both .safetensors files; the JSON also carries the SHA-256
                            of its own body, so a changed digit in it is caught too

Why this shape:
* No pickle anywhere. ``torch.save`` pickles, and unpickling a file can run any code; the
  safetensors format holds only raw tensors plus a JSON header.
* Atomic: the folder is written under a temporary name beside its final place and renamed
  in one ``os.rename``. A crash before the rename leaves the previous checkpoints as they
  were (and a hidden ``.step_*.tmp-*`` folder that nothing loads); a crash cannot leave new
  weights next to an old optimizer state, because the two are never renamed separately.
* Verified: ``load_checkpoint`` recomputes every SHA-256 before it reads a tensor, so a
  truncated file or a flipped byte gives a clear error instead of silently wrong weights.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, load_model, save_file, save_model
from torch import nn

from ..data.download import file_sha256
from ..i18n import CourseFileError, CourseValueError
from . import messages  # noqa: F401  (registers this package's texts)
from .rng import capture_rng, restore_rng

FORMAT = "course_lib.checkpoint/1"
WEIGHTS_FILE = "model.safetensors"
TENSORS_FILE = "state.safetensors"
MANIFEST_FILE = "state.json"
_STEP_FOLDER = re.compile(r"^step_(\d+)$")


def checkpoint_name(step: int) -> str:
    """The folder name of the checkpoint taken after ``step`` updates (sorts by step)."""
    return f"step_{step:07d}"


@dataclass
class Checkpoint:
    """What ``load_checkpoint`` read (the weights and optimizer state are already loaded into place)."""

    path: Path
    step: int
    config: dict | None
    history: dict | None
    progress: dict
    metadata: dict
    generator_states: dict[str, torch.Tensor] = field(default_factory=dict)
    rng_json: dict | None = None
    rng_tensors: dict[str, torch.Tensor] = field(default_factory=dict)

    def restore_rng(self) -> None:
        """Put Python's, NumPy's and torch's global generators back where they were at saving time."""
        if self.rng_json is not None:
            restore_rng(self.rng_json, self.rng_tensors)


# --- saving ------------------------------------------------------------------------------


def save_checkpoint(
    path,
    model: nn.Module,
    optimizer: torch.optim.Optimizer | None = None,
    *,
    step: int = 0,
    config: dict | None = None,
    history: dict | None = None,
    scaler: torch.amp.GradScaler | None = None,
    generator_states: dict[str, torch.Tensor | None] | None = None,
    progress: dict | None = None,
    metadata: dict | None = None,
    include_rng: bool = True,
) -> Path:
    """Write a checkpoint folder at ``path`` atomically and return ``path``.

    ``generator_states`` names the states of any ``torch.Generator`` the data pipeline uses
    (``generator.get_state()``); ``metadata`` is free JSON, e.g. the model's config so that a
    later chapter can rebuild the model. An existing checkpoint at ``path`` is replaced.
    """
    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".{final.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        _write_weights(model, tmp / WEIGHTS_FILE)
        optimizer_json, tensors = _optimizer_parts(optimizer)
        rng_json = None
        if include_rng:
            rng_json, rng_tensors = capture_rng()
            tensors.update(rng_tensors)
        for name, state in (generator_states or {}).items():
            if state is not None:
                tensors[f"generator.{name}"] = state.clone()
        _write_tensors(tensors, tmp / TENSORS_FILE)
        body = {
            "step": int(step),
            "config": config,
            "history": history,
            "progress": progress or {},
            "metadata": metadata or {},
            "optimizer": optimizer_json,
            "scaler": scaler.state_dict() if scaler is not None else None,
            "rng": rng_json,
            "files": {name: file_sha256(tmp / name) for name in (WEIGHTS_FILE, TENSORS_FILE)},
        }
        _write_manifest(body, tmp / MANIFEST_FILE)
        _fsync(tmp)
        _publish(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _write_weights(model: nn.Module, file: Path) -> None:
    save_model(model, str(file))  # handles tied weights (stores the shared tensor once)
    _fsync(file)


def _write_tensors(tensors: dict[str, torch.Tensor], file: Path) -> None:
    save_file({k: v.detach().cpu().contiguous() for k, v in tensors.items()}, str(file))
    _fsync(file)


def _write_manifest(body: dict, file: Path) -> None:
    body = json.loads(json.dumps(body))  # the digest must be of what a reader will see (str keys, lists)
    document = {"format": FORMAT, "sha256": _body_digest(body), "body": body}
    file.write_text(json.dumps(document, indent=1), encoding="utf-8")
    _fsync(file)


def _publish(tmp: Path, final: Path) -> None:
    """Move the finished folder into place with renames (each one atomic)."""
    if final.exists():
        old = final.parent / f".{final.name}.old-{uuid.uuid4().hex[:8]}"
        os.rename(final, old)
        os.rename(tmp, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, final)
    _fsync(final.parent)


def _fsync(path: Path) -> None:
    """Ask the OS to put ``path`` on disk now, so a power cut cannot reorder our writes."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a directory
    finally:
        os.close(fd)


def _optimizer_parts(optimizer) -> tuple[dict | None, dict[str, torch.Tensor]]:
    """Split ``optimizer.state_dict()`` into JSON (hyper-parameters) and tensors (moments)."""
    if optimizer is None:
        return None, {}
    state_dict = optimizer.state_dict()
    tensors, scalars = {}, {}
    for index, param_state in state_dict["state"].items():
        for key, value in param_state.items():
            if isinstance(value, torch.Tensor):
                tensors[f"optimizer.{index}.{key}"] = value
            else:
                scalars.setdefault(str(index), {})[key] = value
    return {"param_groups": state_dict["param_groups"], "scalars": scalars}, tensors


# --- loading -----------------------------------------------------------------------------


def latest_checkpoint(directory) -> Path | None:
    """The checkpoint folder with the highest step inside ``directory`` (None if there is none)."""
    directory = Path(directory)
    if not directory.is_dir():
        return None
    found = [(int(m.group(1)), p) for p in directory.iterdir()
             if (m := _STEP_FOLDER.match(p.name)) and (p / MANIFEST_FILE).exists()]
    return max(found)[1] if found else None


def resolve_checkpoint(path) -> Path:
    """``path`` itself if it is a checkpoint folder, else the latest checkpoint inside it."""
    path = Path(path)
    if (path / MANIFEST_FILE).exists():
        return path
    latest = latest_checkpoint(path)
    if latest is not None:
        return latest
    if path.is_dir() and not (path / WEIGHTS_FILE).exists():
        raise CourseFileError("checkpoint_none_in_dir", path=path)
    raise CourseFileError("checkpoint_missing", path=path, file=MANIFEST_FILE)


def verify_checkpoint(path) -> dict:
    """Check the manifest and the SHA-256 of every file; return the manifest's body."""
    path = resolve_checkpoint(path)
    manifest_file = path / MANIFEST_FILE
    try:
        document = json.loads(manifest_file.read_text(encoding="utf-8"))
        body, recorded = document["body"], document["sha256"]
        fmt = document["format"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise CourseValueError("checkpoint_unreadable", file=manifest_file, reason=type(error).__name__) from None
    if fmt != FORMAT or _body_digest(body) != recorded:
        raise CourseValueError("checkpoint_corrupt", file=manifest_file, got=_body_digest(body), expected=recorded)
    for name, expected in body["files"].items():
        file = path / name
        if not file.exists():
            raise CourseFileError("checkpoint_missing", path=path, file=name)
        got = file_sha256(file)
        if got != expected:
            raise CourseValueError("checkpoint_corrupt", file=file, got=got, expected=expected)
    return body


def load_checkpoint(
    path,
    model: nn.Module | None = None,
    optimizer: torch.optim.Optimizer | None = None,
    *,
    scaler: torch.amp.GradScaler | None = None,
    restore_rng: bool = False,
) -> Checkpoint:
    """Verify the checkpoint at ``path`` (a checkpoint folder, or a run folder: its latest),
    then load its weights into ``model`` and its state into ``optimizer`` and ``scaler``.

    Nothing is loaded unless every file's SHA-256 matches the manifest.
    """
    path = resolve_checkpoint(path)
    body = verify_checkpoint(path)
    tensors = _read_tensors(path / TENSORS_FILE)
    if model is not None:
        _load_weights(model, path)
    if optimizer is not None and body["optimizer"] is not None:
        optimizer.load_state_dict(_optimizer_state_dict(body["optimizer"], tensors))
    if scaler is not None and body["scaler"]:
        scaler.load_state_dict(body["scaler"])
    checkpoint = Checkpoint(
        path=path, step=body["step"], config=body["config"], history=body["history"],
        progress=body["progress"], metadata=body["metadata"],
        generator_states={k.removeprefix("generator."): v for k, v in tensors.items() if k.startswith("generator.")},
        rng_json=body["rng"], rng_tensors={k: v for k, v in tensors.items() if k.startswith("rng.")},
    )
    if restore_rng:
        checkpoint.restore_rng()
    return checkpoint


def _read_tensors(file: Path) -> dict[str, torch.Tensor]:
    try:
        return load_file(str(file))
    except (SafetensorError, OSError) as error:
        raise CourseValueError("checkpoint_unreadable", file=file, reason=str(error)) from None


def _load_weights(model: nn.Module, path: Path) -> None:
    try:
        missing, unexpected = load_model(model, str(path / WEIGHTS_FILE), strict=False)
    except (SafetensorError, OSError) as error:
        raise CourseValueError("checkpoint_unreadable", file=path / WEIGHTS_FILE, reason=str(error)) from None
    except RuntimeError as error:  # same names, other shapes
        raise CourseValueError("checkpoint_wrong_model", path=path, missing=str(error)[:300], unexpected="-") from None
    if missing or unexpected:
        raise CourseValueError("checkpoint_wrong_model", path=path, missing=sorted(missing)[:5],
                               unexpected=sorted(unexpected)[:5])


def _optimizer_state_dict(saved: dict, tensors: dict[str, torch.Tensor]) -> dict:
    state: dict[int, dict] = {}
    for key, value in tensors.items():
        if key.startswith("optimizer."):
            _, index, name = key.split(".", 2)
            state.setdefault(int(index), {})[name] = value
    for index, values in saved["scalars"].items():
        state.setdefault(int(index), {}).update(values)
    groups = [dict(g, betas=tuple(g["betas"])) if "betas" in g else dict(g) for g in saved["param_groups"]]
    return {"state": state, "param_groups": groups}


def _body_digest(body: dict) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
