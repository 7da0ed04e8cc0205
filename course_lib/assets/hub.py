"""A real pretrained causal language model from the Hugging Face Hub, as a base model.

    base = load_base_model("hub:ytu-ce-cosmos/turkish-gpt2")    # gpu profile, with a network
    base.model(ids).logits; base.tokenizer.encode("Merhaba"); base.tokenizer.decode(ids)

For the gpu profile on a networked runtime such as Colab: the fine-tuning chapters can start
from a model that read billions of Turkish tokens instead of the small shipped one. The model is
loaded by ``transformers.AutoModelForCausalLM`` with ``trust_remote_code=False``: only
architectures that transformers itself implements, so loading runs no code from the Hub. A local
folder written by ``save_pretrained`` works as well ("hub:/path/to/folder"). Without a network
(and without the model in the local Hugging Face cache) it fails with a clear message.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlparse

from ..i18n import CourseFileError
from . import messages  # noqa: F401  (registers this package's messages)


class HubTokenizer:
    """An HF tokenizer behind the small interface of the course's ``BPETokenizer``."""

    def __init__(self, hf_tokenizer):
        self.hf = hf_tokenizer

    @property
    def vocab_size(self) -> int:
        return len(self.hf)

    def encode(self, text: str) -> list[int]:
        return self.hf(text, add_special_tokens=False)["input_ids"]

    def decode(self, ids) -> str:
        return self.hf.decode(list(ids))

    @property
    def eos_token_id(self) -> int | None:
        return self.hf.eos_token_id


def load_hub_model(model_id: str):
    """``model_id`` ("owner/name" on the Hub, or a local folder) as a :class:`BaseModel`."""
    from .loading import BaseModel

    # Offline, transformers retries the Hub for minutes before it gives up: ask once, quickly,
    # and then read only the local cache.
    offline = not Path(model_id).expanduser().is_dir() and not hub_reachable()
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        options = dict(trust_remote_code=False, local_files_only=offline)
        tokenizer = AutoTokenizer.from_pretrained(model_id, **options)
        model = AutoModelForCausalLM.from_pretrained(model_id, **options)
    except (OSError, ValueError, ImportError) as error:  # no network, no such model, no transformers
        raise CourseFileError("base_hub_unavailable", model_id=model_id, reason=_first_line(error)) from None
    return BaseModel(model.eval(), HubTokenizer(tokenizer), model.config.to_dict(), f"hub:{model_id}")


def hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hub's server (``$HF_ENDPOINT``, else huggingface.co) accepts a connection."""
    endpoint = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    port = endpoint.port or (80 if endpoint.scheme == "http" else 443)
    try:
        socket.create_connection((endpoint.hostname, port), timeout=timeout).close()
    except OSError:
        return False
    return True


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
