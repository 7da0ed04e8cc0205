"""Load the base model the fine-tuning chapters start from.

    model, tokenizer = load_base_model()            # the shipped real-text model (the default)
    base = load_base_model("world")                 # the first shipped model: the built-in world only
    base = load_base_model("mine")                  # your own model from chapter 02 (opt-in)
    base = load_base_model("hub:ytu-ce-cosmos/turkish-gpt2")   # with a network: a model from the Hub
    base.model, base.tokenizer, base.source, base.config

Which one is always the caller's choice: nothing depends on what a home directory holds.
  "real"   Turkish Wikipedia + Tatoeba TR/EN + the world (course_lib/assets/models/real, CC BY-SA 4.0)
  "world"  the built-in world alone (course_lib/assets/models/world)
  "mine"   the folder chapter 02 saved with :func:`save_learner_base` into :func:`learner_base_dir`
           (``$COURSE_BASE_DIR``, else ``~/.cache/course_lib/my_base``)
  "hub:…"  a causal LM from the Hugging Face Hub (see hub.py)
A shipped model is loaded only after its files' SHA-256 match those in its ``base_config.json``.

The learner's folder is an ordinary Hugging Face GPT-2 folder (``config.json``,
``model.safetensors``, the HF tokenizer files) plus ``course_tokenizer.json``, the course's own
BPE tokenizer. It opens with ``GPT2LMHeadModel.from_pretrained`` as well.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from safetensors.torch import load_file

from ..cache import cache_root
from ..i18n import CourseFileError, CourseValueError
from . import messages  # noqa: F401  (registers this package's messages)
from .files import SHIPPED, TOKENIZER_FILE, WEIGHTS_FILE, read_config, shipped_dir, verify_files

LEARNER_DIR_ENV = "COURSE_BASE_DIR"
LEARNER_SUBDIR = "my_base"  # in the course's cache folder, course_lib.cache.cache_root()
LEARNER_TOKENIZER_FILE = "course_tokenizer.json"
LEARNER_FILES = ("config.json", "model.safetensors", LEARNER_TOKENIZER_FILE)
MINE = "mine"
HUB_PREFIX = "hub:"


@dataclass
class BaseModel:
    """A base model and what belongs with it.

    model      the course GPT, in eval mode (an HF causal LM for "hub:" models)
    tokenizer  its ``BPETokenizer`` (a wrapper with the same encode/decode for "hub:" models)
    config     ``base_config.json`` for a shipped model (recipe, sources, losses, checksums); the
               model config as a dict for a learner's or a Hub model
    source     "shipped:real", "shipped:world", the folder the learner's model came from, or "hub:<id>"

    Unpacks like a pair: ``model, tokenizer = load_base_model()``.
    """

    model: object
    tokenizer: object
    config: dict
    source: str

    def __iter__(self):
        return iter((self.model, self.tokenizer))


def learner_base_dir(folder=None) -> Path:
    """Where chapter 02 saves the learner's base model: ``folder``, else ``$COURSE_BASE_DIR``, else
    ``my_base`` in the course's cache folder (``course_lib.cache.cache_root()``: ``$COURSE_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/course_lib``, default ``~/.cache/course_lib``)."""
    if folder is None:
        folder = os.environ.get(LEARNER_DIR_ENV)
    if not folder:
        folder = cache_root() / LEARNER_SUBDIR
    return Path(folder).expanduser()


def save_learner_base(model, tokenizer, folder=None) -> Path:
    """Save a model trained in chapter 02 so that later chapters can load it with ``load_base_model("mine")``.

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


def load_shipped_base(name: str = SHIPPED[0], folder=None) -> BaseModel:
    """Shipped model ``name`` (or the one in ``folder``), after checking its files' SHA-256."""
    from ..model import GPT, GPTConfig
    from ..tokenizer import BPETokenizer

    folder = Path(folder) if folder is not None else shipped_dir(name)
    config = read_config(folder)
    verify_files(folder, config)  # before anything is parsed: a damaged file is refused whole
    model = GPT(GPTConfig.from_dict(config["model"]))
    model.load_state_dict(load_file(str(folder / WEIGHTS_FILE)), strict=True)  # fp16 storage: cast to fp32
    tokenizer = BPETokenizer.load(folder / TOKENIZER_FILE)
    return BaseModel(model.eval(), tokenizer, config, f"shipped:{name}")


def load_learner_base(folder) -> BaseModel:
    """A base model saved by :func:`save_learner_base`."""
    from ..model import from_pretrained
    from ..tokenizer import BPETokenizer

    folder = Path(folder)
    missing = [name for name in LEARNER_FILES if not (folder / name).is_file()]
    if missing:
        raise CourseFileError("base_learner_missing", folder=folder, missing=", ".join(missing))
    model = from_pretrained(folder)
    tokenizer = BPETokenizer.load(folder / LEARNER_TOKENIZER_FILE)
    if model.config.vocab_size != tokenizer.vocab_size:
        raise CourseValueError(
            "base_learner_vocab_mismatch", folder=folder, model_vocab=model.config.vocab_size,
            tokenizer_vocab=tokenizer.vocab_size,
        )
    return BaseModel(model.eval(), tokenizer, model.config.to_dict(), str(folder))


def load_base_model(name: str = SHIPPED[0], learner_dir=None) -> BaseModel:
    """The base model for the fine-tuning chapters; by default the shipped real-text model.

    name         "real" (default) or "world": a shipped model; "mine": your model from chapter 02,
                 from ``learner_dir`` (default :func:`learner_base_dir`); "hub:<owner>/<model>": a
                 causal LM from the Hugging Face Hub (needs a network and ``transformers``)
    """
    if not isinstance(name, str):
        raise CourseValueError("base_unknown_model", name=name, known=", ".join(repr(n) for n in SHIPPED))
    if name == MINE:
        return load_learner_base(learner_base_dir(learner_dir))
    if name.startswith(HUB_PREFIX):
        from .hub import load_hub_model

        return load_hub_model(name[len(HUB_PREFIX):])
    if name not in SHIPPED:
        raise CourseValueError("base_unknown_model", name=name, known=", ".join(repr(n) for n in SHIPPED))
    return load_shipped_base(name)
