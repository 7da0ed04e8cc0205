"""Load the shipped chat model: the real-text base model, instruction-tuned (build_chat.py).

    model, tokenizer = load_chat_model()     # or: chat = load_chat_model(); chat.config["results"]

The chat model's folder (``course_lib/assets/models/chat/``) stores only what tuning changed: the
transformer blocks and the final LayerNorm. The token and position embeddings were frozen
during tuning, so they are read from the base model it was tuned from, which is checked first
(its own SHA-256, and that it is the very file the chat model was built on). Why: the
embeddings are 40 % of the real-text model's weights; storing them twice would put the chat
model over its 10 MB budget, and frozen embeddings keep every token's meaning as pretraining
left it.
"""

from __future__ import annotations

from pathlib import Path

from safetensors.torch import load_file

from ..i18n import CourseFileError
from .files import ASSETS_DIR, CHAT_FILES, WEIGHTS_FILE, read_config, verify_files
from .loading import BaseModel, load_shipped_base

CHAT_DIR = ASSETS_DIR / "models" / "chat"


def load_chat_model(folder=CHAT_DIR) -> BaseModel:
    """The instruction-tuned chat model, after checking its files and its base model's.

    ``.config`` is ``chat_config.json``: the recipe, the base model it came from, the measured
    exact match on held-out instructions and the build time. Talk to it with
    ``course_lib.finetune.instruct.respond(model, tokenizer, [instruction], lang)``.
    """
    from ..model import GPT, GPTConfig
    from ..tokenizer import BPETokenizer

    folder = Path(folder)
    config = read_config(folder, CHAT_FILES)
    verify_files(folder, config, CHAT_FILES)  # before anything is parsed: a damaged file is refused whole
    base_folder = (folder / config["base_model"]["folder"]).resolve()
    base = load_shipped_base(folder=base_folder)  # checks the base model's own checksums
    if base.config["sha256"][WEIGHTS_FILE] != config["base_model"]["weights_sha256"]:
        raise CourseFileError("chat_base_mismatch", folder=base_folder, config=folder / CHAT_FILES.config)
    model = GPT(GPTConfig.from_dict(config["model"]))
    state = base.model.state_dict()
    state.update(load_file(str(folder / CHAT_FILES.weights)))  # fp16 on disk: cast to fp32 when loaded
    model.load_state_dict(state, strict=True)
    tokenizer = BPETokenizer.load(folder / CHAT_FILES.tokenizer)
    return BaseModel(model.eval(), tokenizer, config, "shipped:chat")
