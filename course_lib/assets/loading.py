"""Load the base model the fine-tuning chapters start from.

    model, tokenizer = load_base_model()    # or: base = load_base_model(); base.model, base.source

Which one:
  1. the learner's own, if chapter 02 saved one with :func:`save_learner_base` into
     :func:`learner_base_dir` (``$COURSE_BASE_DIR``, else ``~/.cache/course_lib/my_base``);
  2. otherwise the base model shipped inside the package (``course_lib/assets/``), after its
     SHA-256 checksums match the ones recorded in ``base_config.json``.

The learner's folder is an ordinary Hugging Face GPT-2 folder (``config.json``,
``model.safetensors``, the HF tokenizer files) plus ``course_tokenizer.json``, the course's own
BPE tokenizer. It opens with ``GPT2LMHeadModel.from_pretrained`` as well.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from safetensors.torch import load_file

from ..i18n import CourseValueError, message
from . import messages  # noqa: F401  (registers this package's messages)
from .files import ASSETS_DIR, TOKENIZER_FILE, WEIGHTS_FILE, read_config, verify_files

LEARNER_DIR_ENV = "COURSE_BASE_DIR"
DEFAULT_LEARNER_DIR = Path("~/.cache/course_lib/my_base")
LEARNER_TOKENIZER_FILE = "course_tokenizer.json"
LEARNER_FILES = ("config.json", "model.safetensors", LEARNER_TOKENIZER_FILE)


@dataclass
class BaseModel:
    """A base model and what belongs with it.

    model      the course GPT, in eval mode
    tokenizer  its ``BPETokenizer``
    config     ``base_config.json`` for the shipped model (recipe, losses, checksums); the
               GPTConfig as a dict for a learner's model
    source     "shipped", or the folder the learner's model came from

    Unpacks like a pair: ``model, tokenizer = load_base_model()``.
    """

    model: object
    tokenizer: object
    config: dict
    source: str

    def __iter__(self):
        return iter((self.model, self.tokenizer))


def learner_base_dir(folder=None) -> Path:
    """Where chapter 02 saves the learner's base model: ``folder``, ``$COURSE_BASE_DIR``, or the default."""
    chosen = folder if folder is not None else os.environ.get(LEARNER_DIR_ENV) or DEFAULT_LEARNER_DIR
    return Path(chosen).expanduser()


def save_learner_base(model, tokenizer, folder=None) -> Path:
    """Save a model trained in chapter 02 so that later chapters' ``load_base_model()`` picks it up.

    ``model`` is a course GPT, ``tokenizer`` the ``BPETokenizer`` it was trained with. Returns the folder.
    """
    from ..model import save_pretrained
    from ..tokenizer import to_hf_tokenizer

    folder = learner_base_dir(folder)
    if model.config.vocab_size != tokenizer.vocab_size:
        raise CourseValueError(
            "base_learner_vocab_mismatch", folder=folder, model_vocab=model.config.vocab_size,
            tokenizer_vocab=tokenizer.vocab_size,
        )
    folder.mkdir(parents=True, exist_ok=True)
    hf_tokenizer = to_hf_tokenizer(tokenizer, model_max_length=model.config.block_size)
    save_pretrained(model, folder, tokenizer=hf_tokenizer)
    tokenizer.save(folder / LEARNER_TOKENIZER_FILE)  # written last: its presence marks a complete save
    return folder


def load_shipped_base(kernels: str = "auto", folder=ASSETS_DIR) -> BaseModel:
    """The base model shipped with the package, after checking its files' SHA-256."""
    from ..model import GPT, GPTConfig
    from ..tokenizer import BPETokenizer

    folder = Path(folder)
    config = read_config(folder)
    verify_files(folder, config)  # before anything is parsed: a damaged file is refused whole
    model = GPT(GPTConfig.from_dict(config["model"]), kernels=kernels)
    model.load_state_dict(load_file(str(folder / WEIGHTS_FILE)), strict=True)
    tokenizer = BPETokenizer.load(folder / TOKENIZER_FILE)
    return BaseModel(model.eval(), tokenizer, config, "shipped")


def load_learner_base(folder, kernels: str = "auto") -> BaseModel:
    """A base model saved by :func:`save_learner_base`."""
    from ..model import from_pretrained
    from ..tokenizer import BPETokenizer

    folder = Path(folder)
    model = from_pretrained(folder, kernels=kernels)
    tokenizer = BPETokenizer.load(folder / LEARNER_TOKENIZER_FILE)
    if model.config.vocab_size != tokenizer.vocab_size:
        raise CourseValueError(
            "base_learner_vocab_mismatch", folder=folder, model_vocab=model.config.vocab_size,
            tokenizer_vocab=tokenizer.vocab_size,
        )
    return BaseModel(model.eval(), tokenizer, model.config.to_dict(), str(folder))


def load_base_model(kernels: str = "auto", prefer_learner_checkpoint: bool = True, learner_dir=None) -> BaseModel:
    """The base model for the fine-tuning chapters: the learner's own if saved, else the shipped one.

    kernels                    passed to ``GPT`` ("auto", "triton" or "torch")
    prefer_learner_checkpoint  False: always the shipped model (e.g. to compare with it)
    learner_dir                where to look for the learner's model (default: :func:`learner_base_dir`)
    """
    if prefer_learner_checkpoint:
        folder = learner_base_dir(learner_dir)
        present = [name for name in LEARNER_FILES if (folder / name).is_file()]
        if len(present) == len(LEARNER_FILES):
            print(message("base_using_learner", folder=folder))
            return load_learner_base(folder, kernels)
        if present:  # a save that was interrupted, or a folder with something else in it
            missing = ", ".join(name for name in LEARNER_FILES if name not in present)
            warnings.warn(message("base_learner_incomplete", folder=folder, missing=missing), stacklevel=2)
    return load_shipped_base(kernels)
